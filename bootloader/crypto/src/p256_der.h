/* DER decoding for bl_ecdsa_p256_verify(): both backends then verify the raw forms. */
#ifndef P256_DER_H
#define P256_DER_H

#include <stddef.h>
#include <stdint.h>

/* SubjectPublicKeyInfo { id-ecPublicKey, prime256v1, BIT STRING 04||X||Y } -> X||Y. */
int p256_key_from_spki(const uint8_t *der, size_t len, uint8_t xy[64]);

/* ECDSA-Sig-Value SEQUENCE { INTEGER r, INTEGER s } -> r||s, each left-padded to 32 bytes. */
int p256_sig_from_der(const uint8_t *der, size_t len, uint8_t rs[64]);

#endif /* P256_DER_H */
