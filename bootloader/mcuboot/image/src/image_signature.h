/*
 * The one signature type this build accepts (MB_SIGNATURE_ED25519 or ECDSA-P256): the file that
 * implements this header is chosen by CMake, so only that crypto library is linked.
 */
#ifndef MB_IMAGE_SIGNATURE_H
#define MB_IMAGE_SIGNATURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mb_image.h"

#ifdef MB_SIGNATURE_ED25519
#define MB_SIGNATURE_MAX_LEN 64u
#else
#define MB_SIGNATURE_MAX_LEN 72u /* DER SEQUENCE { r, s }, up to 72 bytes with imgtool's --pad-sig */
#endif

/* Whether a signature TLV of this length can be well formed (TLV_FORMAT otherwise). */
bool mb_signature_len_ok(uint16_t len);

/* A bl_crypto_status: BL_CRYPTO_OK only when sig verifies over the 32-byte image digest with key. */
int mb_signature_verify(const struct mb_key *key, const uint8_t digest[32], const uint8_t *sig, size_t sig_len);

/* Checks keys, signature TLVs and verifies (NO_SIGNATURE, KEY_UNKNOWN, SIGNATURE, CRYPTO, FLASH). */
struct mb_tlv_layout;
struct image_area;
enum mb_image_status mb_image_check_signature(const struct image_area *area, const struct mb_tlv_layout *layout,
                                              const struct mb_keyring *keyring, const uint8_t digest[32],
                                              struct mb_image_info *out);

#endif /* MB_IMAGE_SIGNATURE_H */
