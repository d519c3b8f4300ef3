/* Strict DER: exact lengths, no trailing bytes, minimal positive INTEGERs. */
#include "p256_der.h"

#include <string.h>

#include "bl_crypto_status.h"
#include "mbedtls/asn1.h"
#include "mbedtls/oid.h"

#define COORD_SIZE 32
#define UNCOMPRESSED_POINT 0x04

int p256_key_from_spki(const uint8_t *der, size_t len, uint8_t xy[64])
{
    /* mbedtls_asn1_* advance a non-const cursor but never write through it. */
    unsigned char *p = (unsigned char *)der;
    const unsigned char *end = der + len;
    size_t n;
    mbedtls_asn1_buf alg, curve;

    if (mbedtls_asn1_get_tag(&p, end, &n, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0 || p + n != end)
        return BL_CRYPTO_ERR_MALFORMED;
    if (mbedtls_asn1_get_alg(&p, end, &alg, &curve) != 0)
        return BL_CRYPTO_ERR_MALFORMED;
    if (MBEDTLS_OID_CMP(MBEDTLS_OID_EC_ALG_UNRESTRICTED, &alg) != 0 || curve.tag != MBEDTLS_ASN1_OID
        || MBEDTLS_OID_CMP(MBEDTLS_OID_EC_GRP_SECP256R1, &curve) != 0)
        return BL_CRYPTO_ERR_MALFORMED;
    /* Compressed points (02/03) are not accepted: no signing tool of ours emits them. */
    if (mbedtls_asn1_get_bitstring_null(&p, end, &n) != 0 || p + n != end || n != 1 + 2 * COORD_SIZE
        || p[0] != UNCOMPRESSED_POINT)
        return BL_CRYPTO_ERR_MALFORMED;
    memcpy(xy, p + 1, 2 * COORD_SIZE);
    return BL_CRYPTO_OK;
}

/* One INTEGER into a 32-byte big-endian field. Too large a value cannot be below n: a bad signature. */
static int read_coordinate(unsigned char **p, const unsigned char *end, uint8_t out[COORD_SIZE])
{
    size_t n;
    if (mbedtls_asn1_get_tag(p, end, &n, MBEDTLS_ASN1_INTEGER) != 0 || n == 0)
        return BL_CRYPTO_ERR_MALFORMED;
    const unsigned char *v = *p;
    *p += n;
    if (v[0] & 0x80)
        return BL_CRYPTO_ERR_MALFORMED; /* negative */
    if (n > 1 && v[0] == 0 && !(v[1] & 0x80))
        return BL_CRYPTO_ERR_MALFORMED; /* superfluous leading zero */
    if (n > 1 && v[0] == 0) {
        v++;
        n--;
    }
    if (n > COORD_SIZE)
        return BL_CRYPTO_ERR_BAD_SIGNATURE;
    memset(out, 0, COORD_SIZE - n);
    memcpy(out + COORD_SIZE - n, v, n);
    return BL_CRYPTO_OK;
}

int p256_sig_from_der(const uint8_t *der, size_t len, uint8_t rs[64])
{
    unsigned char *p = (unsigned char *)der;
    const unsigned char *end = der + len;
    size_t n;

    if (mbedtls_asn1_get_tag(&p, end, &n, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0 || p + n != end)
        return BL_CRYPTO_ERR_MALFORMED;
    int rc = read_coordinate(&p, end, rs);
    if (rc == BL_CRYPTO_OK)
        rc = read_coordinate(&p, end, rs + COORD_SIZE);
    if (rc == BL_CRYPTO_OK && p != end)
        rc = BL_CRYPTO_ERR_MALFORMED;
    return rc;
}
