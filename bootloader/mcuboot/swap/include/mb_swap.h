/*
 * Swap using move, for one primary/secondary slot pair, with MCUboot's trailers (mb_trailer.h).
 *
 * The primary slot is one page larger than the largest image: its sectors are first moved up by one
 * (highest first), then for each sector i: secondary[i] -> primary[i], primary[i+1] -> secondary[i].
 * Each step erases its destination, copies, then writes one status record in the primary trailer, so
 * a power cut at any flash call (torn writes and torn erases included) is resumed at the next boot.
 * A revert is the same swap again. Everything goes through the pair and the hooks: no globals.
 */
#ifndef MB_SWAP_H
#define MB_SWAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "mb_trailer.h"

struct mb_swap_pair {
    struct mb_area primary;   /* the slot booted from: one page for the move + trailer pages more than an image */
    struct mb_area secondary; /* same page size; at least as many pages as an image + trailer pages */
    uint8_t image_number;     /* 0..15, recorded in swap_info */
};

struct mb_swap_hooks {
    /*
     * The caller's checks of the secondary image (signature, downgrade, dependencies). Returns true
     * and the bytes to swap (header + payload + TLVs) to accept; false refuses it. Required.
     */
    bool (*validate_secondary)(void *ctx, const struct mb_area *secondary, uint32_t *image_size);
    /*
     * Bytes of the image now in the primary slot, which the swap must carry to the secondary; false
     * when the primary holds no image. NULL: the whole usable area is swapped.
     */
    bool (*primary_image_size)(void *ctx, const struct mb_area *primary, uint32_t *image_size);
    /* Called at least once per sector copied (an erase + copy takes ~130 ms on the nRF5340). Optional. */
    void (*feed_watchdog)(void *ctx);
    /* One line per call, without newline. Optional. */
    void (*log)(void *ctx, const char *fmt, va_list args);
    void *ctx;
};

enum mb_swap_result {
    MB_SWAP_OK = 0,            /* the primary slot holds the image to boot (swapped or not) */
    MB_SWAP_E_POWER_LOST = -1, /* the flash lost power: stop; the next boot resumes */
    MB_SWAP_E_FLASH = -2,      /* any other flash error (outcome.flash_error has the code) */
    MB_SWAP_E_LAYOUT = -3,     /* the pair cannot be swapped: page sizes, alignment, too small */
    MB_SWAP_E_STATUS = -4,     /* an interrupted swap's trailer contradicts itself (swap_size) */
};

struct mb_swap_outcome {
    enum mb_swap_type swap_type; /* swap performed or finished this boot; NONE if none */
    bool resumed;                /* an interrupted swap was continued */
    bool refused;                /* the requested secondary was refused and erased; primary confirmed */
    uint32_t sectors;            /* sectors the swap covers */
    uint32_t swap_size;          /* bytes the swap covers */
    const char *reason;          /* short, static text: what was done and why */
    int flash_error;             /* flash_err of a failed call, FLASH_OK otherwise */
};

/*
 * The boot-time decision for a pair: resume an interrupted swap (type from the trailer, no
 * validation); otherwise follow the swap-type table: TEST/PERM validate the secondary first (refused:
 * primary image_ok set, then the secondary's header page and trailer erased), REVERT swaps back
 * without validation. On return with MB_SWAP_OK the caller boots (and may still validate) the primary.
 *
 * Where a torn write leaves a flag neither set nor erased, the table reads it the safe way: a torn
 * copy_done in the primary (only the bootloader writes it, last) is SET; a torn image_ok in the
 * secondary's request is UNSET (the permanent request runs as a test). Both differ from MCUboot,
 * which reads both as BAD and boots the primary unchanged.
 */
enum mb_swap_result mb_swap_boot(const struct mb_swap_pair *pair, const struct mb_swap_hooks *hooks,
                                 struct mb_swap_outcome *out);

/*
 * What the next mb_swap_boot would do, without writing or validating: a swap to resume (resumed set)
 * or the table's decision. For SMP image state ("pending", "confirmed") and for tests.
 */
enum mb_swap_result mb_swap_peek(const struct mb_swap_pair *pair, enum mb_swap_type *type, bool *resume);

/* Largest image the pair can swap, in bytes (PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE for the app pair). */
uint32_t mb_swap_max_image_size(const struct mb_swap_pair *pair);

const char *mb_swap_type_name(enum mb_swap_type type);
const char *mb_swap_result_text(enum mb_swap_result result);

#endif /* MB_SWAP_H */
