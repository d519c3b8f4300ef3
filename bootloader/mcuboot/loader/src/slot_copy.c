/* Copy-style installs (mb_slot_copy.h). */
#include <string.h>

#include "mb_slot_copy.h"

#define CHUNK 256u

static void feed(const struct mb_copy_hooks *hooks)
{
    if (hooks != NULL && hooks->feed_watchdog != NULL)
        hooks->feed_watchdog(hooks->ctx);
}

static uint32_t round_up(uint32_t value, uint32_t unit)
{
    return (value + unit - 1u) / unit * unit;
}

bool mb_slot_equal(const struct flash_dev *flash, uint32_t dst, uint32_t src, uint32_t len)
{
    uint8_t a[CHUNK], b[CHUNK];
    for (uint32_t off = 0; off < len; off += CHUNK) {
        uint32_t n = len - off < CHUNK ? len - off : CHUNK;
        if (flash_read(flash, dst + off, a, n) != FLASH_OK || flash_read(flash, src + off, b, n) != FLASH_OK ||
            memcmp(a, b, n) != 0)
            return false;
    }
    return true;
}

int mb_slot_copy(const struct flash_dev *flash, uint32_t dst, uint32_t dst_size, uint32_t src, uint32_t len,
                 const struct mb_copy_hooks *hooks)
{
    uint32_t page = flash->page_size;
    if (len > dst_size || dst % page != 0)
        return FLASH_E_RANGE;
    for (uint32_t off = 0; off < round_up(dst_size, page); off += page) {
        int err = flash_erase(flash, dst + off, page);
        if (err != FLASH_OK)
            return err;
        feed(hooks);
    }
    uint8_t buf[CHUNK];
    uint32_t unit = flash->write_unit;
    for (uint32_t off = 0; off < len; off += CHUNK) {
        uint32_t n = len - off < CHUNK ? len - off : CHUNK;
        int err = flash_read(flash, src + off, buf, n);
        if (err != FLASH_OK)
            return err;
        uint32_t padded = round_up(n, unit); /* the last chunk is padded with erased bytes */
        memset(buf + n, flash->erased_value, padded - n);
        err = flash_write(flash, dst + off, buf, padded);
        if (err != FLASH_OK)
            return err;
        if ((off + CHUNK) % page == 0)
            feed(hooks);
    }
    return mb_slot_equal(flash, dst, src, len) ? FLASH_OK : FLASH_E_IO;
}

int mb_slot_erase_image(const struct flash_dev *flash, uint32_t slot, uint32_t slot_size, uint32_t len,
                        const struct mb_copy_hooks *hooks)
{
    uint32_t page = flash->page_size;
    uint32_t last = slot + slot_size - page;
    int err = flash_erase(flash, last, page);
    if (err != FLASH_OK)
        return err;
    uint32_t pages = round_up(len < slot_size ? len : slot_size, page);
    for (uint32_t off = 0; off < pages && slot + off < last; off += page) {
        err = flash_erase(flash, slot + off, page);
        if (err != FLASH_OK)
            return err;
        feed(hooks);
    }
    return FLASH_OK;
}
