/*
 * Ed25519 signature verification (RFC 8032, strict: canonical S, no small-order R or A)
 * (backend: libsodium's ref10). MCUboot's ED25519 TLV signs the 32-byte SHA-256 image digest,
 * so there the message is that digest.
 */
#ifndef BL_ED25519_H
#define BL_ED25519_H

#include <stddef.h>
#include <stdint.h>

#include "bl_crypto_status.h"

#define BL_ED25519_KEY_SIZE 32
#define BL_ED25519_SIG_SIZE 64

/* BL_CRYPTO_OK when valid; BL_CRYPTO_ERR_BAD_SIGNATURE for any invalid signature or key. */
int bl_ed25519_verify(const uint8_t sig[BL_ED25519_SIG_SIZE], const uint8_t *msg, size_t msg_len,
                      const uint8_t key[BL_ED25519_KEY_SIZE]);

#endif /* BL_ED25519_H */
