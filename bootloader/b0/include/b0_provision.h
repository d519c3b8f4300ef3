/*
 * The provisioning data b0 reads from OTP, in the current NCS layout (bl_storage.h, written by
 * provision.py). Offsets from the provision partition start:
 *
 *   0x00  lifecycle state, 4 x u16 (provisioning, secure, reserved, decommissioned)
 *   0x08  implementation id, 32 bytes
 *   0x28  s0_address      0x2C  s1_address      0x30  num_public_keys
 *   0x34  num_public_keys x { u32 valid token; u8 hash[16] }
 *   then  counter collection { u16 type = 1, u16 count, count x { u16 description, u16 num_slots,
 *                                                              u16 slots[num_slots] } }
 *
 * OTP cells are 16-bit and write-once; an unprogrammed cell reads 0xFFFF.
 */
#ifndef B0_PROVISION_H
#define B0_PROVISION_H

#include <stdbool.h>
#include <stdint.h>

#include "b0_status.h"

struct b0_config;
struct b0_port;

#define B0_KEY_HASH_SIZE 16u
/* Key i is valid while its token reads B0_KEY_TOKEN(i); tokens of larger indexes would collide. */
#define B0_MAX_KEYS 16u
#define B0_KEY_TOKEN(index) (0x50FAFFFFu | ((uint32_t)(index) << 24))
/*
 * Written over a token to revoke its key: programs the low cell (0xFFFF in every valid token) to
 * 0x0000 and leaves the high cell alone, the one change a write-once cell still allows.
 */
#define B0_KEY_REVOKED_WRITE 0xFFFF0000u

#define B0_PROVISION_LAYOUT_SIZE 0x34u /* bytes before the key list */
#define B0_COUNTER_TYPE_MONOTONIC 1u
#define B0_COUNTER_DESC_FIRMWARE_VERSION 1u /* NCS's BL_MONOTONIC_COUNTERS_DESC_NSIB */

enum b0_lcs {
    B0_LCS_ASSEMBLY,
    B0_LCS_PROVISIONING,
    B0_LCS_SECURED,
    B0_LCS_DECOMMISSIONED,
    B0_LCS_UNKNOWN, /* a combination of cells no transition produces */
};

struct b0_key {
    uint8_t hash[B0_KEY_HASH_SIZE]; /* first 16 bytes of SHA-256(X || Y) */
    uint32_t token_address;
    bool valid;
};

/* The firmware-version counter: num_slots 16-bit slots from slots_address; 0 slots = no counter. */
struct b0_counter {
    uint32_t slots_address;
    uint16_t num_slots;
};

struct b0_provision {
    enum b0_lcs lcs;
    uint8_t implementation_id[32];
    uint32_t slot_address[2]; /* S0, S1: where fw_info_find starts */
    uint32_t num_keys;
    struct b0_key keys[B0_MAX_KEYS];
    struct b0_counter counter;
};

/*
 * Reads and checks the provisioning data at cfg->provision_address. Refusals, each logged:
 * B0_E_NOT_PROVISIONED, B0_E_PROVISION_LEGACY, B0_E_PROVISION_FORMAT, B0_E_KEY_HASH_FFFF;
 * B0_E_OTP / B0_E_POWER_LOST on read failures.
 */
enum b0_status b0_provision_read(const struct b0_config *cfg, const struct b0_port *port, struct b0_provision *out);

/* Revokes key `index` (no write if it is already invalid). B0_OK, B0_E_OTP or B0_E_POWER_LOST. */
enum b0_status b0_key_revoke(const struct b0_port *port, struct b0_provision *prov, uint32_t index);

const char *b0_lcs_text(enum b0_lcs lcs);

#endif /* B0_PROVISION_H */
