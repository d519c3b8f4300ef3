/* Geometry checks, logging and error mapping for the swap engine. */
#include <stdarg.h>
#include <stddef.h>

#include "swap_run.h"
#include "trailer_fields.h"

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

bool swap_run_init(struct swap_run *run, const struct mb_swap_pair *pair, const struct mb_swap_hooks *hooks,
                   struct mb_swap_outcome *out)
{
    *run = (struct swap_run){.pair = pair, .hooks = hooks, .out = out};
    if (pair == NULL || pair->image_number > 0x0f || !mb_trailer_area_ok(&pair->primary) ||
        !mb_trailer_area_ok(&pair->secondary))
        return false;
    const struct flash_dev *p = pair->primary.flash, *s = pair->secondary.flash;
    if (p->page_size != s->page_size || p->write_unit != s->write_unit || p->erased_value != s->erased_value)
        return false;
    run->page = p->page_size;
    const uint32_t primary_pages = (pair->primary.size - mb_trailer_pages_size(&pair->primary)) / run->page;
    const uint32_t secondary_pages = (pair->secondary.size - mb_trailer_pages_size(&pair->secondary)) / run->page;
    if (primary_pages < 2 || secondary_pages < 1)
        return false;
    /* The primary needs one sector beyond the image to move it up; the status area has room for
     * SWAP_MAX_SECTORS sectors. */
    run->max_sectors = min_u32(min_u32(primary_pages - 1, secondary_pages), MB_TRAILER_MAX_SECTORS);
    return true;
}

void swap_log(const struct swap_run *run, const char *fmt, ...)
{
    if (run->hooks == NULL || run->hooks->log == NULL)
        return;
    va_list args;
    va_start(args, fmt);
    run->hooks->log(run->hooks->ctx, fmt, args);
    va_end(args);
}

void swap_feed_watchdog(const struct swap_run *run)
{
    if (run->hooks != NULL && run->hooks->feed_watchdog != NULL)
        run->hooks->feed_watchdog(run->hooks->ctx);
}

enum mb_swap_result swap_flash_failed(struct swap_run *run, int rc, const char *reason)
{
    if (run->out != NULL) {
        run->out->flash_error = rc;
        run->out->reason = reason;
    }
    swap_log(run, "swap: %s: %s", reason, flash_strerror(rc));
    return rc == FLASH_E_POWER_LOST ? MB_SWAP_E_POWER_LOST : MB_SWAP_E_FLASH;
}

uint32_t mb_swap_max_image_size(const struct mb_swap_pair *pair)
{
    struct swap_run run;
    return swap_run_init(&run, pair, NULL, NULL) ? run.max_sectors * run.page : 0;
}

const char *mb_swap_type_name(enum mb_swap_type type)
{
    switch (type) {
    case MB_SWAP_TYPE_NONE: return "none";
    case MB_SWAP_TYPE_TEST: return "test";
    case MB_SWAP_TYPE_PERM: return "perm";
    case MB_SWAP_TYPE_REVERT: return "revert";
    }
    return "unknown";
}

const char *mb_swap_result_text(enum mb_swap_result result)
{
    switch (result) {
    case MB_SWAP_OK: return "ok";
    case MB_SWAP_E_POWER_LOST: return "power lost during the swap; the next boot resumes it";
    case MB_SWAP_E_FLASH: return "flash access failed";
    case MB_SWAP_E_LAYOUT: return "slots cannot be swapped: page size, alignment or size";
    case MB_SWAP_E_STATUS: return "interrupted swap has an inconsistent trailer";
    }
    return "unknown swap result";
}
