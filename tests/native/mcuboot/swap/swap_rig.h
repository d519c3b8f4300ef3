/*
 * Test rig for the swap engine: the simulated nRF5340 app flash with the board's mcuboot_primary /
 * mcuboot_secondary slots, raw test images (a marker, their size, seeded random bytes) and hooks
 * that accept an image by its marker, so no signing is involved.
 */
#ifndef SWAP_RIG_H
#define SWAP_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board_partitions.h"
#include "flash_sim.h"
#include "harness.h"
#include "mb_swap.h"
#include "mb_trailer.h"

#define PAGE MEM_FLASH_PAGE_SIZE
#define IMAGE_MARKER 0x5753424du /* "MBSW" */
#define IMAGE_MAX PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE

struct test_image {
    uint8_t data[IMAGE_MAX];
    uint32_t size;
};

struct swap_rig {
    struct flash_sim *sim;
    struct mb_swap_pair pair;
    struct mb_swap_hooks hooks;
    bool refuse;          /* validate_secondary says no to everything */
    unsigned validations; /* validate_secondary calls */
    unsigned feeds;       /* feed_watchdog calls */
    char log[8192];
    size_t log_len;
};

/* The image: marker, size, then bytes from `seed`; size >= 8. */
void image_make(struct test_image *img, uint32_t size, uint32_t seed);
/* A header that claims `claimed` bytes (for size checks); the rest as image_make. */
void image_make_claiming(struct test_image *img, uint32_t size, uint32_t claimed, uint32_t seed);

void rig_open(struct swap_rig *r);
void rig_close(struct swap_rig *r);
/* Back to an open rig's first state without reopening: power on, both slots erased, counters zero. */
void rig_wipe(struct swap_rig *r);
/* Programs the image at the start of the area (flash must be erased there). */
void rig_load(struct swap_rig *r, const struct mb_area *area, const struct test_image *img);
/* Power off and on: the armed cut is dropped, the log cleared. */
void rig_reboot(struct swap_rig *r);
enum mb_swap_result rig_boot(struct swap_rig *r, struct mb_swap_outcome *out);
/* What the next boot would do. */
enum mb_swap_type rig_peek(struct swap_rig *r, bool *resume);
struct mb_trailer_state rig_trailer(struct swap_rig *r, const struct mb_area *area);
uint64_t rig_calls(const struct swap_rig *r);
/* Pointer to the simulated bytes at an absolute address. */
const uint8_t *rig_bytes(const struct swap_rig *r, uint32_t addr);

/* The slot's first `sectors` sectors hold img followed by erased bytes. */
void check_slot_holds(struct swap_rig *r, const struct mb_area *area, const struct test_image *img, uint32_t sectors);

static inline uint32_t sectors_of(uint32_t bytes)
{
    return (bytes + PAGE - 1) / PAGE;
}

#endif /* SWAP_RIG_H */
