/*
 * Writing trailer fields as MCUboot does: one write-unit per field, value first, padding erased
 * (so imgtool, MCUboot and mcumgr read what we write). Callers decide when a write is allowed.
 */
#include <string.h>

#include "trailer_fields.h"

int mb_trailer_erase(const struct mb_area *area)
{
    return flash_erase(area->flash, mb_trailer_first_page(area), mb_trailer_pages_size(area));
}

int mb_trailer_write_magic(const struct mb_area *area)
{
    return flash_write(area->flash, mb_trailer_magic_addr(area), mb_trailer_magic, MB_TRAILER_MAGIC_SIZE);
}

/* `len` value bytes at addr, padded with the erased value to the write unit (<= BOOT_MAX_ALIGN). */
static int write_padded(const struct mb_area *area, uint32_t addr, const uint8_t *value, uint32_t len)
{
    const uint32_t unit = area->flash->write_unit;
    uint8_t buf[MB_TRAILER_MAX_ALIGN];
    const uint32_t total = (len + unit - 1) / unit * unit;
    memset(buf, area->flash->erased_value, sizeof buf);
    memcpy(buf, value, len);
    return flash_write(area->flash, addr, buf, total);
}

int mb_trailer_write_flag(const struct mb_area *area, uint32_t addr)
{
    const uint8_t set = 0x01;
    return write_padded(area, addr, &set, 1);
}

int mb_trailer_write_swap_info(const struct mb_area *area, enum mb_swap_type type, uint8_t image_number)
{
    const uint8_t info = (uint8_t)(image_number << 4 | (uint8_t)type);
    return write_padded(area, mb_trailer_swap_info_addr(area), &info, 1);
}

int mb_trailer_write_swap_size(const struct mb_area *area, uint32_t swap_size)
{
    const uint8_t le[4] = {(uint8_t)swap_size, (uint8_t)(swap_size >> 8), (uint8_t)(swap_size >> 16),
                           (uint8_t)(swap_size >> 24)};
    return write_padded(area, mb_trailer_swap_size_addr(area), le, sizeof le);
}
