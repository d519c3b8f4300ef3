/* Where the trailer fields live (facts: mcuboot-smp.md A2; MCUboot bootutil_public.c offsets). */
#include "mb_trailer.h"
#include "trailer_fields.h"

_Static_assert(MB_TRAILER_MAX_ALIGN == 8, "the 16-byte magic form and the S-16/-24/-32/-40/-48 offsets assume BOOT_MAX_ALIGN 8");
_Static_assert(MB_TRAILER_MAX_SECTORS >= 1 && MB_TRAILER_MAX_SECTORS <= 1024, "SWAP_MAX_SECTORS out of range");

const uint8_t mb_trailer_magic[MB_TRAILER_MAGIC_SIZE] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                                         0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};

uint32_t mb_trailer_size(uint32_t write_unit)
{
    return MB_TRAILER_MAX_SECTORS * MB_TRAILER_STATES * write_unit + MB_TRAILER_INFO_SIZE;
}

static uint32_t area_end(const struct mb_area *area)
{
    return area->addr + area->size;
}

uint32_t mb_trailer_first_page(const struct mb_area *area)
{
    const uint32_t start = area_end(area) - mb_trailer_size(area->flash->write_unit);
    return start - start % area->flash->page_size;
}

uint32_t mb_trailer_pages_size(const struct mb_area *area)
{
    return area_end(area) - mb_trailer_first_page(area);
}

bool mb_trailer_area_ok(const struct mb_area *area)
{
    if (area == NULL || area->flash == NULL)
        return false;
    const struct flash_dev *f = area->flash;
    if (f->page_size == 0 || f->write_unit == 0 || MB_TRAILER_MAX_ALIGN % f->write_unit != 0)
        return false;
    if (area->addr % f->page_size != 0 || area->size % f->page_size != 0)
        return false;
    return area->size > mb_trailer_size(f->write_unit);
}

uint32_t mb_trailer_magic_addr(const struct mb_area *area)
{
    return area_end(area) - MB_TRAILER_MAGIC_SIZE;
}

uint32_t mb_trailer_image_ok_addr(const struct mb_area *area)
{
    return mb_trailer_magic_addr(area) - MB_TRAILER_MAX_ALIGN;
}

uint32_t mb_trailer_copy_done_addr(const struct mb_area *area)
{
    return mb_trailer_image_ok_addr(area) - MB_TRAILER_MAX_ALIGN;
}

uint32_t mb_trailer_swap_info_addr(const struct mb_area *area)
{
    return mb_trailer_copy_done_addr(area) - MB_TRAILER_MAX_ALIGN;
}

uint32_t mb_trailer_swap_size_addr(const struct mb_area *area)
{
    return mb_trailer_swap_info_addr(area) - MB_TRAILER_MAX_ALIGN;
}

uint32_t mb_trailer_status_addr(const struct mb_area *area)
{
    return area_end(area) - mb_trailer_size(area->flash->write_unit);
}
