/* P-256 verification through the PSA API: import the key into a volatile slot, verify, destroy. */
#include <string.h>

#include "p256_backend.h"
#include "psa_ready.h"

#define ALG PSA_ALG_ECDSA(PSA_ALG_SHA_256)

int p256_verify_raw(const uint8_t xy[64], const uint8_t digest[32], const uint8_t rs[64])
{
    uint8_t point[65] = {0x04};
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t key;
    psa_status_t st;
    int rc = psa_ready();
    if (rc != BL_CRYPTO_OK)
        return rc;

    memcpy(point + 1, xy, 64);
    psa_set_key_type(&attr, PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1));
    psa_set_key_bits(&attr, 256);
    psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_VERIFY_HASH);
    psa_set_key_algorithm(&attr, ALG);
    /* Import checks that the point lies on the curve. */
    st = psa_import_key(&attr, point, sizeof point, &key);
    if (st == PSA_ERROR_INSUFFICIENT_MEMORY)
        return BL_CRYPTO_ERR_INTERNAL;
    if (st != PSA_SUCCESS)
        return BL_CRYPTO_ERR_BAD_KEY;

    st = psa_verify_hash(key, ALG, digest, 32, rs, 64);
    psa_destroy_key(key);
    if (st == PSA_SUCCESS)
        return BL_CRYPTO_OK;
    if (st == PSA_ERROR_INVALID_SIGNATURE || st == PSA_ERROR_INVALID_ARGUMENT)
        return BL_CRYPTO_ERR_BAD_SIGNATURE;
    return BL_CRYPTO_ERR_INTERNAL;
}
