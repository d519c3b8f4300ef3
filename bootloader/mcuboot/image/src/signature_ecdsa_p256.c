/* ECDSA-P256: the ECDSA_SIG TLV is DER over the image digest, taken as the prehashed SHA-256. */
#include "bl_ecdsa_p256.h"
#include "image_signature.h"

#define DER_SEQUENCE 0x30u
#define DER_MIN_LEN 8u /* SEQUENCE { INTEGER r, INTEGER s } with one-byte integers */

bool mb_signature_len_ok(uint16_t len)
{
    return len >= DER_MIN_LEN && len <= MB_SIGNATURE_MAX_LEN;
}

int mb_signature_verify(const struct mb_key *key, const uint8_t digest[32], const uint8_t *sig, size_t sig_len)
{
    /* imgtool --pad-sig appends zero bytes after the DER; accept exactly those, nothing else. */
    size_t der_len = sig_len;
    if (sig[0] == DER_SEQUENCE && sig[1] < 0x80 && 2u + sig[1] <= sig_len) {
        der_len = 2u + sig[1];
        for (size_t i = der_len; i < sig_len; i++)
            if (sig[i] != 0)
                return BL_CRYPTO_ERR_MALFORMED;
    }
    return bl_ecdsa_p256_verify(key->der, key->der_len, BL_ECDSA_P256_DER, digest, sig, der_len, BL_ECDSA_P256_DER);
}
