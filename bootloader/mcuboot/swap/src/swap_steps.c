/*
 * The data movement of swap using move. Every step erases its destination sector first, so a step
 * interrupted anywhere (torn erase, torn copy) is simply run again from the start.
 */
#include "swap_run.h"

/* Bytes copied per read/write: a stack buffer small enough for the bootloader's stack. */
#define COPY_CHUNK 256u

struct sector_ref {
    const struct mb_area *area;
    uint32_t index;
};

static uint32_t sector_addr(const struct swap_run *run, struct sector_ref s)
{
    return s.area->addr + s.index * run->page;
}

static bool chunk_erased(const uint8_t *buf, uint32_t len, uint8_t erased_value)
{
    for (uint32_t i = 0; i < len; i++) {
        if (buf[i] != erased_value)
            return false;
    }
    return true;
}

/* Erase dst, then copy src into it; erased chunks are not written (they already are). */
static int copy_sector(const struct swap_run *run, struct sector_ref src, struct sector_ref dst)
{
    const struct flash_dev *from = src.area->flash, *to = dst.area->flash;
    const uint32_t src_addr = sector_addr(run, src), dst_addr = sector_addr(run, dst);
    swap_feed_watchdog(run);
    int rc = flash_erase(to, dst_addr, run->page);
    if (rc != FLASH_OK)
        return rc;
    uint8_t buf[COPY_CHUNK];
    for (uint32_t off = 0; off < run->page; off += COPY_CHUNK) {
        const uint32_t len = run->page - off < COPY_CHUNK ? run->page - off : COPY_CHUNK;
        rc = flash_read(from, src_addr + off, buf, len);
        if (rc != FLASH_OK)
            return rc;
        if (chunk_erased(buf, len, to->erased_value))
            continue;
        rc = flash_write(to, dst_addr + off, buf, len);
        if (rc != FLASH_OK)
            return rc;
    }
    return FLASH_OK;
}

static int run_step(const struct swap_run *run, uint32_t sectors, uint32_t step)
{
    const struct mb_area *primary = &run->pair->primary, *secondary = &run->pair->secondary;
    int rc;
    if (step < sectors) {
        const uint32_t k = sectors - 1 - step; /* highest first: each move lands on a sector already copied up */
        rc = copy_sector(run, (struct sector_ref){primary, k}, (struct sector_ref){primary, k + 1});
    } else {
        const uint32_t i = (step - sectors) / 2;
        if ((step - sectors) % 2 == 0)
            rc = copy_sector(run, (struct sector_ref){secondary, i}, (struct sector_ref){primary, i});
        else
            rc = copy_sector(run, (struct sector_ref){primary, i + 1}, (struct sector_ref){secondary, i});
    }
    return rc != FLASH_OK ? rc : swap_status_write(run, sectors, step);
}

int swap_run_steps(const struct swap_run *run, uint32_t sectors, uint32_t first)
{
    for (uint32_t step = first; step < swap_step_count(sectors); step++) {
        if (step == sectors && first <= sectors)
            swap_log(run, "swap: %lu sectors moved up, swapping", (unsigned long)sectors);
        const int rc = run_step(run, sectors, step);
        if (rc != FLASH_OK)
            return rc;
    }
    return FLASH_OK;
}
