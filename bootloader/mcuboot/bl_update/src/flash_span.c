#include <string.h>

#include "flash_span.h"

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* Length of the next piece from `off` up to `end` that lies wholly inside or wholly outside skip. */
static uint32_t piece(uint32_t off, uint32_t end, struct flash_skip skip, bool *skipped)
{
    uint32_t len = min_u32(end - off, FLASH_SPAN_CHUNK);
    *skipped = skip.len != 0 && off >= skip.off && off < skip.off + skip.len;
    if (*skipped)
        return min_u32(len, skip.off + skip.len - off);
    if (skip.len != 0 && off < skip.off)
        return min_u32(len, skip.off - off);
    return len;
}

int flash_span_equal(const struct flash_dev *flash, uint32_t a, uint32_t b, uint32_t len, struct flash_skip skip,
                     bool *same, uint32_t *diff_at)
{
    uint8_t buf_a[FLASH_SPAN_CHUNK], buf_b[FLASH_SPAN_CHUNK];
    *same = true;
    for (uint32_t off = 0; off < len;) {
        bool skipped;
        uint32_t n = piece(off, len, skip, &skipped);
        if (!skipped) {
            int err = flash_read(flash, a + off, buf_a, n);
            if (err == FLASH_OK)
                err = flash_read(flash, b + off, buf_b, n);
            if (err != FLASH_OK)
                return err;
            if (memcmp(buf_a, buf_b, n) != 0) {
                *same = false;
                if (diff_at != NULL)
                    *diff_at = off;
                return FLASH_OK;
            }
        }
        off += n;
    }
    return FLASH_OK;
}

int flash_span_erased(const struct flash_dev *flash, uint32_t addr, uint32_t len, bool *erased)
{
    uint8_t buf[FLASH_SPAN_CHUNK];
    *erased = true;
    for (uint32_t off = 0; off < len;) {
        uint32_t n = min_u32(len - off, FLASH_SPAN_CHUNK);
        int err = flash_read(flash, addr + off, buf, n);
        if (err != FLASH_OK)
            return err;
        for (uint32_t i = 0; i < n; i++) {
            if (buf[i] != flash->erased_value) {
                *erased = false;
                return FLASH_OK;
            }
        }
        off += n;
    }
    return FLASH_OK;
}
