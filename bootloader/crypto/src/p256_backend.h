/* What each mbedTLS backend (legacy or PSA API) provides to ecdsa_p256.c. */
#ifndef P256_BACKEND_H
#define P256_BACKEND_H

#include <stdint.h>

/* xy = X||Y, rs = r||s, all big-endian; returns an enum bl_crypto_status value. */
int p256_verify_raw(const uint8_t xy[64], const uint8_t digest[32], const uint8_t rs[64]);

#endif /* P256_BACKEND_H */
