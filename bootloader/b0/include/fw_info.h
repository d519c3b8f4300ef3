/*
 * NCS's fw_info: the 60-byte header (plus EXT_API lists) inside every image b0 boots, placed at one
 * of a few offsets from the slot start. Layout and constants as NCS's fw_info_bare.h defines them.
 */
#ifndef FW_INFO_H
#define FW_INFO_H

#include <stdint.h>

#include "b0_status.h"
#include "flash_dev.h"

#define FW_INFO_MAGIC_COMMON 0x281EE6DEu
#define FW_INFO_MAGIC_FIRMWARE_INFO 0x8FCEBB4Cu
/* FW_INFO_VERSION 2 | hardware id 53 (nRF53) << 8 | crypto id 0 << 16 | compatibility id 0 << 24 */
#define FW_INFO_MAGIC_COMPAT 0x00003502u

#define FW_INFO_VALID 0x9102FFFFu
/* What b0 writes over `valid` to invalidate an image: reachable from any value by clearing bits. */
#define FW_INFO_INVALIDATED 0x00000000u

#define FW_INFO_BASE_SIZE 60u
#define FW_INFO_VALID_OFFSET 32u
#define FW_INFO_OFFSET_COUNT 5

/* Offsets from a slot start where an fw_info may sit (CONFIG_FW_INFO_OFFSET choices). */
extern const uint32_t fw_info_offsets[FW_INFO_OFFSET_COUNT];

struct fw_info {
    uint32_t magic[3];
    uint32_t total_size;   /* this header + EXT_API lists */
    uint32_t size;         /* length of the signed region, from `address` */
    uint32_t version;      /* CONFIG_FW_INFO_FIRMWARE_VERSION */
    uint32_t address;      /* image start (the signed region starts here) */
    uint32_t boot_address; /* vector table */
    uint32_t valid;        /* FW_INFO_VALID until invalidated */
    uint32_t reserved[4];
    uint32_t ext_api_num;
    uint32_t ext_api_request_num;
};

_Static_assert(sizeof(struct fw_info) == FW_INFO_BASE_SIZE, "fw_info is 60 bytes");

/* An fw_info as found in flash. */
struct fw_info_found {
    uint32_t address; /* where it sits */
    struct fw_info info;
};

/*
 * Looks for the fw_info magic at start + each of fw_info_offsets, in order.
 * B0_OK with *out filled; B0_E_FWINFO_NOT_FOUND; B0_E_FWINFO_COMPAT when only the compatibility word
 * differs (out->info holds it); B0_E_FLASH / B0_E_POWER_LOST on a read failure.
 * Offsets that fall outside the flash device are skipped.
 */
enum b0_status fw_info_find(const struct flash_dev *flash, uint32_t start, struct fw_info_found *out);

/* Self-consistency: B0_OK or B0_E_FWINFO_FORMAT. */
enum b0_status fw_info_check_format(const struct fw_info *info);

#endif /* FW_INFO_H */
