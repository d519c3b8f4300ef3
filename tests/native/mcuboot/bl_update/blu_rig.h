/*
 * Rig for the bootloader-update tests: b0's rig (simulated nRF5340, OTP, retained record, b0_run)
 * plus the MCUboot keyring, the mb_bl_env, the retained outcome, and a model of the loader.
 */
#ifndef BLU_RIG_H
#define BLU_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mb_bl_update.h"
#include "rig.h"

#define SECONDARY PM_MCUBOOT_SECONDARY_ADDRESS
#define TRAILER_PAGE (PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_PAGE_SIZE)
#define IMAGE(name) BLU_IMAGES_DIR "/" name ".bin"

/* An image file, up to a whole upload slot (the legacy padded image). Keep instances static. */
struct blob {
    uint8_t data[PM_MCUBOOT_SECONDARY_SIZE];
    size_t len;
};

struct blu {
    struct rig rig;
    uint8_t key_der[128];
    struct mb_key key;
    struct mb_keyring keyring;
    struct mb_bl_outcome outcome; /* the loader's retained boot-info record */
    struct mb_bl_env env;
    unsigned watchdog_feeds;
};

/* Sims, NCS's provisioning (key0, key1, 20 counter slots), the imgtool test key as MCUboot key. */
void blu_open(struct blu *b);
/* As blu_open, with this provisioning instead (NULL: OTP left blank). */
void blu_open_provisioned(struct blu *b, const struct provision_spec *spec);
void blu_close(struct blu *b);
/* The factory state: blu_s0_v2 in S0, booted, confirmed and committed (counter version 2). */
void blu_factory(struct blu *b);

void blob_read(struct blob *blob, const char *path);
/* Programs bytes (padded to a word with 0xFF) into erased flash. */
void blu_program(struct blu *b, uint32_t addr, const uint8_t *data, size_t len);
/* Puts image `path` into the erased upload slot; pending adds the trailer magic, as "image test" does. */
void blu_stage(struct blu *b, const char *path, bool pending);
/* The upload slot's trailer magic is there: the loader would look at the upload. */
bool blu_pending(struct blu *b);

/* Soft reset, b0 (must boot), then the second stage's confirmation. Returns b0's decision. */
struct b0_decision blu_boot(struct blu *b);
/* The loader at boot: nothing unless pending; apply; refuse what it refused. */
enum mb_bl_result blu_loader(struct blu *b, struct mb_bl_verdict *v);

const uint8_t *blu_memory(struct blu *b, uint32_t addr);
bool blu_holds(struct blu *b, uint32_t addr, const struct blob *blob);
bool blu_erased(struct blu *b, uint32_t addr, size_t len);

/* A whole device state (flash, OTP, retained record), to start many runs from one setup quickly. */
struct blu_snapshot {
    uint8_t flash[MEM_FLASH_SIZE];
    uint32_t otp[MEM_OTP_SIZE / 4];
    struct b0_boot_record record;
};
void blu_save(struct blu *b, struct blu_snapshot *snap);
/* Opens *b afresh holding the snapshot's state (each non-erased page and OTP word programmed once). */
void blu_restore(struct blu *b, const struct blu_snapshot *snap);

/* The key hash of a b0-signed image file (validation block at fw_info.size = 0x400). */
void blu_key_hash(const char *path, uint8_t hash[B0_KEY_HASH_SIZE]);

#endif /* BLU_RIG_H */
