/* Argument checks and decoding shared by both backends. */
#include "bl_ecdsa_p256.h"

#include "p256_backend.h"
#include "p256_der.h"

int bl_ecdsa_p256_verify(const uint8_t *key, size_t key_len, enum bl_ecdsa_p256_encoding key_encoding,
                         const uint8_t digest[BL_ECDSA_P256_DIGEST_SIZE],
                         const uint8_t *sig, size_t sig_len, enum bl_ecdsa_p256_encoding sig_encoding)
{
    uint8_t xy_buf[BL_ECDSA_P256_RAW_KEY_SIZE], rs_buf[BL_ECDSA_P256_RAW_SIG_SIZE];
    const uint8_t *xy = key, *rs = sig;
    int rc;

    if (key == NULL || digest == NULL || sig == NULL)
        return BL_CRYPTO_ERR_INVALID_ARG;

    if (key_encoding == BL_ECDSA_P256_DER) {
        if ((rc = p256_key_from_spki(key, key_len, xy_buf)) != BL_CRYPTO_OK)
            return rc;
        xy = xy_buf;
    } else if (key_encoding != BL_ECDSA_P256_RAW || key_len != BL_ECDSA_P256_RAW_KEY_SIZE) {
        return BL_CRYPTO_ERR_INVALID_ARG;
    }

    if (sig_encoding == BL_ECDSA_P256_DER) {
        if ((rc = p256_sig_from_der(sig, sig_len, rs_buf)) != BL_CRYPTO_OK)
            return rc;
        rs = rs_buf;
    } else if (sig_encoding != BL_ECDSA_P256_RAW || sig_len != BL_ECDSA_P256_RAW_SIG_SIZE) {
        return BL_CRYPTO_ERR_INVALID_ARG;
    }

    return p256_verify_raw(xy, digest, rs);
}
