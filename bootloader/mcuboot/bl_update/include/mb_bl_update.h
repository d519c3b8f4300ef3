/*
 * Bootloader self-update of the second stage. An MCUboot image in the upload slot whose reset vector
 * lies in s0_image or s1_image is a new copy of this bootloader, linked for one S slot. It is checked
 * completely (README.md lists every rule) before anything is written, copied into the S slot that is
 * not running, and the upload slot is erased; the device then reboots so b0 picks the new copy.
 *
 * The check is pure: the loader runs it at boot (through mb_bl_update_apply) and the app runs it when
 * an upload completes, so a phone hears a refusal, with its fix, before any reset.
 *
 * Addresses come from board_partitions.h (S0/S1 with their pads, mcuboot_secondary). No heap, no
 * state between calls; stack: about 2 KiB (Cortex-M33, -Os) plus the crypto library's.
 */
#ifndef MB_BL_UPDATE_H
#define MB_BL_UPDATE_H

#include <stdbool.h>
#include <stdint.h>

#include "b0_boot_record.h"
#include "b0_status.h"
#include "flash_dev.h"
#include "mb_image.h"
#include "otp_dev.h"

/* One log line: the rule, the values compared and the fix, NUL-terminated. */
#define MB_BL_LINE_SIZE 160u

/* Neither S0 nor S1. */
#define MB_BL_NO_SLOT (-1)

/*
 * What the check found, in checking order within each group. Only the refusals are the image's
 * fault: mb_bl_update_refuse erases such an image. Device faults leave it for the next boot.
 */
enum mb_bl_rule {
    /* Outcomes that are not refusals. */
    MB_BL_INSTALL = 0,         /* every rule passed: apply copies it into the non-running slot */
    MB_BL_ALREADY_INSTALLED,   /* the non-running slot holds exactly this image: clean up, reboot */
    MB_BL_RUNNING,             /* the running slot holds this image (leftover after the reboot): clean up */
    MB_BL_NO_IMAGE,            /* the upload slot is erased */
    /* Refusals. */
    MB_BL_E_MCUBOOT_INVALID,   /* MCUboot header, TLVs, hash, key or signature (see image_status) */
    MB_BL_E_NOT_BOOTLOADER,    /* reset vector in neither s0_image nor s1_image */
    MB_BL_E_HEADER_SIZE,       /* MCUboot header size differs from the S slots' pad */
    MB_BL_E_TOO_BIG,           /* code larger than s0_image/s1_image, or with TLVs larger than the S slot */
    MB_BL_E_RUNNING_SLOT,      /* linked for the S slot that is running */
    MB_BL_E_FW_INFO,           /* no fw_info where b0 will look, or linked for another address */
    MB_BL_E_VERSION_RANGE,     /* fw_info version above B0_VERSION_MAX */
    MB_BL_E_VERSION_NOT_HIGHER,/* fw_info version not strictly above the running one */
    MB_BL_E_COUNTER_FULL,      /* every monotonic counter slot is used */
    MB_BL_E_HEADER_DOWNGRADE,  /* MCUboot header version below the running copy's */
    MB_BL_E_B0_INVALID,        /* b0 would refuse the copy (see b0_status) */
    MB_BL_E_INVALIDATED_COPY,  /* the target slot holds this image, invalidated by b0 after failed starts */
    /* Device faults: not a verdict on the image. */
    MB_BL_E_BOOT_RECORD,       /* b0's boot record is invalid: the running slot is unknown */
    MB_BL_E_PROVISION,         /* provisioning unreadable, or its slot addresses are not the board's */
    MB_BL_E_DEVICE,            /* flash or OTP read, crypto library, or power lost */
    MB_BL_RULE_COUNT
};

/* What mb_bl_update_apply / mb_bl_update_refuse did. */
enum mb_bl_result {
    MB_BL_REBOOT,  /* the target S slot holds the image, upload slot erased: reset now so b0 starts it */
    MB_BL_CLEANED, /* the running bootloader is this image: its leftover was erased; boot on */
    MB_BL_NOTHING, /* nothing to do (no image; or refuse called on a verdict that is no refusal) */
    MB_BL_REFUSED, /* apply: a rule refused it, nothing written (call refuse); refuse: image erased */
    MB_BL_FAILED,  /* device fault: S slots still boot as before; the work is redone at the next boot */
};

/*
 * The last outcome, kept in retained RAM by the loader (boot-info record) so the app can report it
 * after the reboot. Sealed with a CRC: RAM after a power-on reads as "no outcome".
 */
#define MB_BL_OUTCOME_MAGIC 0xB1D8A7E5u
struct mb_bl_outcome {
    uint32_t magic;
    uint16_t rule;   /* enum mb_bl_rule */
    uint16_t result; /* enum mb_bl_result */
    char line[MB_BL_LINE_SIZE];
    uint32_t crc32;  /* b0_crc32 of the bytes before it */
};

struct mb_bl_env {
    const struct flash_dev *flash;       /* app-core flash: S0, S1 and the upload slot */
    const struct otp_dev *otp;           /* b0's provisioning data and monotonic counter */
    const struct b0_boot_record *record; /* ram_retained: the slot b0 started */
    const struct mb_keyring *keyring;    /* the MCUboot keys this bootloader was built with */
    struct mb_bl_outcome *outcome;       /* where apply/refuse leave the last outcome; may be NULL */
    void (*feed_watchdog)(void *ctx);    /* called once per flash page apply erases or copies; may be NULL */
    void *ctx;
};

struct mb_bl_verdict {
    enum mb_bl_rule rule;
    int target_slot;                   /* S slot the image is linked for, MB_BL_NO_SLOT if none */
    int running_slot;                  /* from b0's boot record, MB_BL_NO_SLOT if it is invalid */
    enum mb_image_status image_status; /* MCUboot's verdict (MB_IMAGE_OK also when not reached) */
    struct mb_image_info image;        /* header; total_size once the TLVs were read */
    uint32_t upload_bytes;             /* bytes of the upload slot the image occupies (what refuse erases) */
    uint32_t fw_info_address;          /* where b0 will find the fw_info in the target slot, 0 if none */
    uint32_t link_address;             /* fw_info.address of the image */
    uint32_t version;                  /* fw_info.version of the image */
    uint32_t running_version;          /* fw_info version b0 started (boot record) */
    bool running_header_present;       /* an MCUboot header in the running slot's pad */
    struct mb_version running_header;  /* its version */
    uint16_t counter_used, counter_slots; /* monotonic counter; 0 slots: no counter provisioned */
    enum b0_status b0_status;          /* b0's verdict on the copy; B0_NOT_CHECKED until it ran */
    uint32_t b0_key_index;             /* provisioned key that verified the b0 block */
    char line[MB_BL_LINE_SIZE];        /* one line naming the rule, the values and the fix */
    char b0_line[MB_BL_LINE_SIZE];     /* b0's own last log line from its checks (key hashes etc.) */
};

struct mb_bl_slot_info {
    bool fw_info_present;          /* fw_info found from the slot start, as b0 searches */
    bool fw_info_valid;            /* its valid word is intact (b0 clears it when it gives up a slot) */
    uint32_t fw_info_version;
    bool header_present;           /* an MCUboot header in the slot's pad; absent when erased */
    struct mb_version header_version;
};

struct mb_bl_info {
    int active_slot;               /* the slot b0 started (boot record); MB_BL_NO_SLOT if the record is invalid */
    uint32_t active_version;
    struct mb_bl_slot_info slot[2];
    bool counter_known;            /* provisioning readable */
    uint16_t counter_used, counter_slots; /* slots left = counter_slots - counter_used */
    bool staged;                   /* the upload slot holds an S0/S1 image that is not the running one */
    int staged_slot;               /* the slot it is linked for, MB_BL_NO_SLOT if none */
    struct mb_version staged_header;
    bool last_outcome_valid;
    struct mb_bl_outcome last_outcome;
};

/* 0 or 1 when the reset vector lies in s0_image or s1_image, else MB_BL_NO_SLOT. */
int mb_bl_update_is_bootloader_image(uint32_t reset_vector);

/*
 * Runs every rule on the image at secondary_addr (the start of mcuboot_secondary) without writing
 * anything, fills *v (v->line says what was found and what to change) and returns v->rule.
 */
enum mb_bl_rule mb_bl_update_check(const struct mb_bl_env *env, uint32_t secondary_addr, struct mb_bl_verdict *v);

/*
 * For the loader: checks again, then MB_BL_INSTALL: erases the target S slot, copies the image
 * (header into the pad), fw_info magic last, verifies it against the upload by re-reading, erases the
 * upload; MB_BL_ALREADY_INSTALLED / MB_BL_RUNNING: only erases the upload. Refusals write nothing
 * (MB_BL_REFUSED). v->line then holds the outcome line, also left in env->outcome.
 * Power-safe: a cut at any flash call leaves a state the next boot finishes (README.md).
 */
enum mb_bl_result mb_bl_update_apply(const struct mb_bl_env *env, uint32_t secondary_addr, struct mb_bl_verdict *v);

/*
 * For a refusal verdict: erases the refused image (its pages and the upload slot's trailer page) and
 * nothing else, and leaves v->line in env->outcome. MB_BL_REFUSED, MB_BL_FAILED on a flash error,
 * MB_BL_NOTHING (nothing erased) when v->rule is no refusal.
 */
enum mb_bl_result mb_bl_update_refuse(const struct mb_bl_env *env, uint32_t secondary_addr,
                                      const struct mb_bl_verdict *v);

/* For the app: active slot, versions of both S slots, counter slots, staged update, last outcome. */
void mb_bl_update_info(const struct mb_bl_env *env, uint32_t secondary_addr, struct mb_bl_info *out);

/* True for the rules that are the image's fault. */
bool mb_bl_rule_is_refusal(enum mb_bl_rule rule);

/* Short name of the rule, e.g. "linked for the running slot"; SMP responses carry the enum value. */
const char *mb_bl_rule_text(enum mb_bl_rule rule);

const char *mb_bl_result_text(enum mb_bl_result result);

/* True when magic and CRC match. */
bool mb_bl_outcome_valid(const struct mb_bl_outcome *outcome);

#endif /* MB_BL_UPDATE_H */
