/*
 * Firmware builds give mbedTLS a static heap of BL_CRYPTO_HEAP_SIZE bytes. Built twice: with the
 * default size, repeated verifications succeed (nothing leaks); with too small a heap, verification
 * reports BL_CRYPTO_ERR_INTERNAL instead of crashing or accepting.
 */
#include "bl_ecdsa_p256.h"
#include "harness.h"
#include "vectors.h"

static int verify_rfc6979_sample(void)
{
    uint8_t key[64], digest[32], sig[64];
    hex_to_bytes(RFC6979_KEY, key, 64);
    hex_to_bytes(RFC6979_SAMPLE_DIGEST, digest, 32);
    hex_to_bytes(RFC6979_SAMPLE_SIG, sig, 64);
    return bl_ecdsa_p256_verify(key, 64, BL_ECDSA_P256_RAW, digest, sig, 64, BL_ECDSA_P256_RAW);
}

#if EXPECT_HEAP_TOO_SMALL
TEST(static_heap_too_small_reports_internal_error)
{
    CHECK_EQ(verify_rfc6979_sample(), BL_CRYPTO_ERR_INTERNAL);
    CHECK_EQ(verify_rfc6979_sample(), BL_CRYPTO_ERR_INTERNAL);
}
#else
TEST(static_heap_of_default_size_serves_repeated_verifications)
{
    for (int i = 0; i < 5; i++)
        CHECK_EQ(verify_rfc6979_sample(), BL_CRYPTO_OK);
}
#endif
