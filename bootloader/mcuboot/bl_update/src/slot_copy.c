#include "fw_info.h"
#include "flash_span.h"
#include "flash_steps.h"

#define MAGIC_SIZE 12u /* fw_info.magic[3]: what fw_info_find looks for */

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* Copies [off, end) of the image, in chunks that never cross a page; the watchdog is fed per page. */
static bool copy_span(const struct mb_bl_env *env, uint32_t from, uint32_t to, uint32_t off, uint32_t end,
                      struct flash_fault *fault)
{
    const struct flash_dev *flash = env->flash;
    uint8_t chunk[FLASH_SPAN_CHUNK];
    while (off < end) {
        const uint32_t page_left = flash->page_size - (to + off) % flash->page_size;
        const uint32_t n = min_u32(min_u32(end - off, FLASH_SPAN_CHUNK), page_left);
        if (page_left == flash->page_size && env->feed_watchdog != NULL)
            env->feed_watchdog(env->ctx);
        int err = flash_read(flash, from + off, chunk, n);
        if (err != FLASH_OK) {
            *fault = (struct flash_fault){"reading", from + off, err};
            return false;
        }
        err = flash_write(flash, to + off, chunk, n);
        if (err != FLASH_OK) {
            *fault = (struct flash_fault){"writing", to + off, err};
            return false;
        }
        off += n;
    }
    return true;
}

static bool reads_back(const struct mb_bl_env *env, uint32_t from, uint32_t to, uint32_t off, uint32_t len,
                       struct flash_skip skip, struct flash_fault *fault)
{
    bool same = false;
    uint32_t at = 0;
    int err = flash_span_equal(env->flash, to + off, from + off, len, skip, &same, &at);
    if (err != FLASH_OK)
        *fault = (struct flash_fault){"reading", to + off, err};
    else if (!same)
        *fault = (struct flash_fault){"verifying", to + off + at, FLASH_OK};
    return err == FLASH_OK && same;
}

bool slot_copy(const struct mb_bl_env *env, const struct bl_slot *slot, uint32_t upload_addr, uint32_t len,
               uint32_t magic_off, struct flash_fault *fault)
{
    /* Page by page from the first: the old copy's fw_info (first page) disappears from b0's view at once. */
    for (uint32_t page = slot->start; page < slot->start + slot->size; page += env->flash->page_size) {
        if (!page_erase(env, page, fault))
            return false;
    }
    const uint32_t magic_end = magic_off + MAGIC_SIZE;
    return copy_span(env, upload_addr, slot->start, 0, magic_off, fault) &&
           copy_span(env, upload_addr, slot->start, magic_end, len, fault) &&
           reads_back(env, upload_addr, slot->start, 0, len, (struct flash_skip){magic_off, MAGIC_SIZE}, fault) &&
           copy_span(env, upload_addr, slot->start, magic_off, magic_end, fault) &&
           reads_back(env, upload_addr, slot->start, magic_off, MAGIC_SIZE, FLASH_SKIP_NONE, fault);
}
