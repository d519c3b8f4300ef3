/*
 * MCUboot image trailer at the end of a slot: layout, decoding, the swap-type table, and the writes an
 * application (SMP server) makes to request a test / permanent upgrade or to confirm the running image.
 *
 * Layout with BOOT_MAX_ALIGN = 8 (board_partitions.h), offsets from the end of the area (size S):
 *   S-16 magic (16 bytes)   S-24 image_ok   S-32 copy_done   S-40 swap_info   S-48 swap_size (4 bytes)
 *   below: swap status, SWAP_MAX_SECTORS x 3 records of one write unit each (swap-using-move: the
 *   first SWAP_MAX_SECTORS records count the "move up" steps, the rest hold 2 per swapped sector).
 * Flags are written as one byte (0x01) padded with 0xff to the write unit, as MCUboot and imgtool do.
 * Facts: ../shared/reference/mcuboot-smp.md A2; checked against an imgtool --pad --confirm image.
 */
#ifndef MB_TRAILER_H
#define MB_TRAILER_H

#include <stdbool.h>
#include <stdint.h>

#include "board_partitions.h"
#include "flash_dev.h"

#define MB_TRAILER_MAX_ALIGN BOOT_MAX_ALIGN        /* 8: field stride, and selects the 16-byte magic */
#define MB_TRAILER_MAX_SECTORS SWAP_MAX_SECTORS    /* status entries reserved per slot (128) */
#define MB_TRAILER_STATES 3                        /* records per sector: 1 move + 2 swap */
#define MB_TRAILER_MAGIC_SIZE 16u
#define MB_TRAILER_INFO_SIZE (4u * MB_TRAILER_MAX_ALIGN + MB_TRAILER_MAGIC_SIZE) /* 48 */

/* A flash area: a slot, or any region laid out as one. addr and size are page aligned. */
struct mb_area {
    const struct flash_dev *flash;
    uint32_t addr; /* absolute, as flash_dev addresses */
    uint32_t size;
};

/* Values as MCUboot's bootutil_public.h numbers them. */
enum mb_magic { MB_MAGIC_GOOD = 1, MB_MAGIC_BAD = 2, MB_MAGIC_UNSET = 3 };
enum mb_flag { MB_FLAG_SET = 1, MB_FLAG_BAD = 2, MB_FLAG_UNSET = 3 };
enum mb_swap_type {
    MB_SWAP_TYPE_NONE = 1,
    MB_SWAP_TYPE_TEST = 2,
    MB_SWAP_TYPE_PERM = 3,
    MB_SWAP_TYPE_REVERT = 4,
};

/* Errors of the trailer functions: flash_err codes (-1..-7) pass through unchanged. */
enum mb_trailer_err {
    MB_TRAILER_OK = 0,
    MB_TRAILER_E_BAD_MAGIC = -20, /* magic is neither erased nor valid (MCUboot: BOOT_EBADVECT / EBADIMAGE) */
    MB_TRAILER_E_ARGS = -21,      /* area not page aligned, too small, write unit > 8, image number > 15 */
};

struct mb_trailer_state {
    enum mb_magic magic;
    enum mb_flag image_ok;
    enum mb_flag copy_done;
    enum mb_swap_type swap_type; /* from swap_info; erased or a type > REVERT reads as NONE */
    uint8_t image_number;        /* from swap_info; 0 when swap_type was read as NONE */
    uint32_t swap_size;          /* raw field, 0xffffffff when never written */
};

/* Bytes the trailer occupies for a write unit (1584 for 4 bytes, the value imgtool pads with). */
uint32_t mb_trailer_size(uint32_t write_unit);

/* Absolute address of the first page holding any of the trailer (the last page for 4 KiB pages). */
uint32_t mb_trailer_first_page(const struct mb_area *area);

/* Absolute addresses of the fields. */
uint32_t mb_trailer_magic_addr(const struct mb_area *area);
uint32_t mb_trailer_image_ok_addr(const struct mb_area *area);
uint32_t mb_trailer_copy_done_addr(const struct mb_area *area);
uint32_t mb_trailer_swap_info_addr(const struct mb_area *area);
uint32_t mb_trailer_swap_size_addr(const struct mb_area *area);
uint32_t mb_trailer_status_addr(const struct mb_area *area); /* first status record */

/* The 16 magic bytes for BOOT_MAX_ALIGN 8 (77 c2 95 f3 ...). */
extern const uint8_t mb_trailer_magic[MB_TRAILER_MAGIC_SIZE];

/* Reads and decodes a trailer exactly as MCUboot's boot_read_swap_state does. */
int mb_trailer_read(const struct mb_area *area, struct mb_trailer_state *state);

/*
 * The swap-type table, first match wins (rows II-IV of A2; row I belongs to swap-using-offset):
 *   secondary magic GOOD, image_ok UNSET                       -> TEST
 *   secondary magic GOOD, image_ok SET                         -> PERM
 *   primary magic GOOD, image_ok UNSET, copy_done SET,
 *   secondary magic UNSET                                      -> REVERT
 *   otherwise                                                  -> NONE
 */
enum mb_swap_type mb_trailer_swap_type(const struct mb_trailer_state *primary,
                                       const struct mb_trailer_state *secondary);

/*
 * Requests an upgrade to the image in `secondary` (MCUboot's boot_set_pending_multi): with magic
 * unset, writes magic, then image_ok if permanent, then swap_info = image_number << 4 | TEST/PERM.
 * Magic already GOOD: nothing is written (a request stands; idempotent). Magic BAD: the trailer
 * page is erased so a later call can succeed, and MB_TRAILER_E_BAD_MAGIC is returned (MCUboot
 * erases the whole slot there; the image itself is kept here).
 */
int mb_trailer_set_pending(const struct mb_area *secondary, uint8_t image_number, bool permanent);

/*
 * Confirms the image in `primary` (boot_set_confirmed_multi): magic GOOD and image_ok unset ->
 * image_ok written (copy_done deliberately not looked at, so a programmer-flashed --pad image can
 * be confirmed). image_ok already set (or BAD) or magic unset: nothing written. Magic BAD:
 * MB_TRAILER_E_BAD_MAGIC, nothing written.
 */
int mb_trailer_set_confirmed(const struct mb_area *primary);

#endif /* MB_TRAILER_H */
