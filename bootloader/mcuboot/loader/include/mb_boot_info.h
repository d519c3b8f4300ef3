/*
 * The second stage's report to the application, in retained RAM right after b0's boot record:
 * what booted, why, and the last refusal with its one-line explanation. The app (and its SMP
 * server) reads it; the second stage rewrites it on every boot and keeps the last refusal until
 * an update succeeds, so a phone can ask "why was my image refused?" after the reset.
 */
#ifndef MB_BOOT_INFO_H
#define MB_BOOT_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mb_image.h"

#define MB_BOOT_INFO_MAGIC 0x4D42494Eu /* "MBIN" */
#define MB_BOOT_INFO_FORMAT 1u         /* raised when the layout changes */
#define MB_BOOT_INFO_OFFSET 32u        /* bytes after the start of ram_retained (b0's record is 24) */
#define MB_BOOT_INFO_TEXT 112u
#define MB_NO_IMAGE 0xFFu

/* What the last boot did before starting the application. */
enum mb_boot_outcome {
    MB_BOOT_NORMAL = 0,        /* nothing pending: the installed app started */
    MB_BOOT_SWAPPED_TEST,      /* app updated for a trial: confirm it or the next boot reverts */
    MB_BOOT_SWAPPED_PERMANENT, /* app updated for good */
    MB_BOOT_REVERTED,          /* trial app was not confirmed: the previous one is back */
    MB_BOOT_NET_UPDATED,       /* net core image handed over and copied */
    MB_BOOT_MANAGED_UPDATED,   /* C# deployment image installed */
    MB_BOOT_BOOTLOADER_STAGED, /* bootloader copied into the other S slot: b0 starts it next */
    MB_BOOT_REFUSED,           /* a pending image was refused (see refusal) and erased */
    MB_BOOT_NO_APP,            /* no valid application: the second stage halted */
    MB_BOOT_OUTCOME_COUNT
};

struct mb_boot_info {
    uint32_t magic;
    uint16_t format;
    uint8_t outcome;         /* enum mb_boot_outcome of the last boot */
    uint8_t b0_slot;         /* S slot the second stage runs from (0/1), MB_NO_IMAGE if unknown */
    uint32_t reset_reason;   /* RESETREAS as the second stage found it */
    uint32_t app_vector;     /* vector table of the started app, 0 if none */
    struct mb_version app_version;
    uint8_t resumed;         /* 1 when an interrupted swap or copy was finished */
    uint8_t refused_image;   /* image number of the last refusal, MB_NO_IMAGE if none */
    uint16_t refusal_code;   /* rule of the last refusal (its library's status code) */
    char refusal[MB_BOOT_INFO_TEXT]; /* one line: rule, values, fix; "" if none */
    uint32_t crc32;          /* CRC-32 of the bytes before it */
};

_Static_assert(sizeof(struct mb_boot_info) == 144, "boot info layout is fixed");

const char *mb_boot_outcome_text(enum mb_boot_outcome outcome);

/* True when magic, format and CRC match. */
bool mb_boot_info_valid(const struct mb_boot_info *info);

/* Starts this boot's record: keeps the previous refusal (if the record was valid), clears the rest. */
void mb_boot_info_begin(struct mb_boot_info *info, uint8_t b0_slot, uint32_t reset_reason);

/* Records a refusal (text is cut to fit) and sets the outcome to MB_BOOT_REFUSED. */
void mb_boot_info_refuse(struct mb_boot_info *info, uint8_t image, uint16_t code, const char *text);

/* Clears the refusal after a successful update. */
void mb_boot_info_clear_refusal(struct mb_boot_info *info);

/* Computes the CRC; call after the last change. */
void mb_boot_info_seal(struct mb_boot_info *info);

#endif /* MB_BOOT_INFO_H */
