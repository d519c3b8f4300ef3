/* Comparing and testing flash ranges in small chunks (no buffer above 256 bytes). */
#ifndef FLASH_SPAN_H
#define FLASH_SPAN_H

#include <stdbool.h>
#include <stdint.h>

#include "flash_dev.h"

#define FLASH_SPAN_CHUNK 256u

/* Offsets [skip, skip + skip_len) of both ranges are left out of a comparison. */
struct flash_skip {
    uint32_t off, len;
};
#define FLASH_SKIP_NONE ((struct flash_skip){0, 0})

/*
 * Compares [a, a + len) with [b, b + len). *same tells the result; on a difference *diff_at (may be
 * NULL) is the offset of the first differing chunk. Returns FLASH_OK or the read error.
 */
int flash_span_equal(const struct flash_dev *flash, uint32_t a, uint32_t b, uint32_t len, struct flash_skip skip,
                     bool *same, uint32_t *diff_at);

/* *erased = every byte of [addr, addr + len) reads as the erased value. */
int flash_span_erased(const struct flash_dev *flash, uint32_t addr, uint32_t len, bool *erased);

#endif /* FLASH_SPAN_H */
