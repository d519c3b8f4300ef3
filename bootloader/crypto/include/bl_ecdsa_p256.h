/*
 * ECDSA P-256 (secp256r1) signature verification (backend: mbedTLS, legacy or PSA API).
 *
 * Encodings, chosen per argument:
 *   key  BL_ECDSA_P256_RAW: X||Y, 64 bytes big-endian (b0 validation block, NCS provisioning)
 *        BL_ECDSA_P256_DER: SubjectPublicKeyInfo, id-ecPublicKey + prime256v1, uncompressed point
 *                           (imgtool's embedded key, `openssl ec -pubout -outform DER`)
 *   sig  BL_ECDSA_P256_RAW: r||s, 64 bytes big-endian (b0)
 *        BL_ECDSA_P256_DER: SEQUENCE { INTEGER r, INTEGER s }, strict DER (MCUboot's ECDSASIG TLV)
 * The digest is the 32-byte hash that was signed; the caller computes it (see bl_sha256.h).
 */
#ifndef BL_ECDSA_P256_H
#define BL_ECDSA_P256_H

#include <stddef.h>
#include <stdint.h>

#include "bl_crypto_status.h"

#define BL_ECDSA_P256_DIGEST_SIZE 32
#define BL_ECDSA_P256_RAW_KEY_SIZE 64
#define BL_ECDSA_P256_RAW_SIG_SIZE 64

enum bl_ecdsa_p256_encoding {
    BL_ECDSA_P256_RAW,
    BL_ECDSA_P256_DER,
};

/* BL_CRYPTO_OK only when the signature is valid for this key and digest. */
int bl_ecdsa_p256_verify(const uint8_t *key, size_t key_len, enum bl_ecdsa_p256_encoding key_encoding,
                         const uint8_t digest[BL_ECDSA_P256_DIGEST_SIZE],
                         const uint8_t *sig, size_t sig_len, enum bl_ecdsa_p256_encoding sig_encoding);

#endif /* BL_ECDSA_P256_H */
