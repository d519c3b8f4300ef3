/* The PSA build's random source fails closed, and verification does not depend on it. */
#include "bl_ecdsa_p256.h"
#include "harness.h"
#include "psa/crypto.h"
#include "vectors.h"

TEST(psa_random_fails_closed_without_an_entropy_source)
{
    uint8_t out[16] = {0};
    CHECK_EQ(psa_crypto_init(), PSA_SUCCESS);
    CHECK_EQ(psa_generate_random(out, sizeof out), PSA_ERROR_INSUFFICIENT_ENTROPY);
}

TEST(psa_verification_works_after_a_failed_random_request)
{
    uint8_t out[16], key[64], digest[32], sig[64];
    CHECK_EQ(psa_crypto_init(), PSA_SUCCESS);
    CHECK_EQ(psa_generate_random(out, sizeof out), PSA_ERROR_INSUFFICIENT_ENTROPY);
    hex_to_bytes(RFC6979_KEY, key, 64);
    hex_to_bytes(RFC6979_SAMPLE_DIGEST, digest, 32);
    hex_to_bytes(RFC6979_SAMPLE_SIG, sig, 64);
    CHECK_EQ(bl_ecdsa_p256_verify(key, 64, BL_ECDSA_P256_RAW, digest, sig, 64, BL_ECDSA_P256_RAW), BL_CRYPTO_OK);
}
