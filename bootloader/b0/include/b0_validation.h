/*
 * The 176-byte validation block NCS's validation_data.py appends to an image, and the checks b0
 * runs on an image before it boots it (NCS bl_validation.c order; README.md lists the log lines).
 */
#ifndef B0_VALIDATION_H
#define B0_VALIDATION_H

#include <stdint.h>

#include "b0_provision.h"
#include "b0_status.h"
#include "fw_info.h"

struct b0_config;
struct b0_port;

#define B0_VALIDATION_MAGIC 0x86518483u
/* SB_VALIDATION_INFO_VERSION 2 | hardware id 53 << 8 | crypto id 1 (ECDSA P-256) << 16 */
#define B0_VALIDATION_MAGIC_COMPAT 0x00013502u
#define B0_VALIDATION_SIZE 176u

struct b0_validation_info {
    uint32_t magic[3];      /* FW_INFO_MAGIC_COMMON, B0_VALIDATION_MAGIC, B0_VALIDATION_MAGIC_COMPAT */
    uint32_t address;       /* must equal fw_info.address */
    uint8_t hash[32];       /* SHA-256 of [address, address + size) */
    uint8_t public_key[64]; /* P-256 X || Y, big-endian */
    uint8_t signature[64];  /* r || s over SHA-256(hash) */
};

_Static_assert(sizeof(struct b0_validation_info) == B0_VALIDATION_SIZE, "validation block is 176 bytes");

/*
 * Checks the image whose fw_info was found in `slot` (0 or 1). `counter_version` is the version the
 * monotonic counter holds. On B0_OK, *key_index is the provisioned key that verified it.
 * Each refusal logs one line naming the rule and the values.
 */
enum b0_status b0_validate(const struct b0_config *cfg, const struct b0_port *port, const struct b0_provision *prov,
                           uint32_t counter_version, unsigned slot, const struct fw_info_found *found,
                           uint32_t *key_index);

#endif /* B0_VALIDATION_H */
