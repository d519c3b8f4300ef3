/* Decoding a trailer and the swap-type table, with MCUboot's rules (mcuboot-smp.md A2). */
#include <string.h>

#include "mb_trailer.h"
#include "trailer_fields.h"

bool mb_bytes_erased(const uint8_t *bytes, size_t len, uint8_t erased_value)
{
    for (size_t i = 0; i < len; i++) {
        if (bytes[i] != erased_value)
            return false;
    }
    return true;
}

static int read_flag(const struct mb_area *area, uint32_t addr, enum mb_flag *flag)
{
    uint8_t b;
    const int rc = flash_read(area->flash, addr, &b, 1);
    if (rc != FLASH_OK)
        return rc;
    *flag = b == area->flash->erased_value ? MB_FLAG_UNSET : b == 0x01 ? MB_FLAG_SET : MB_FLAG_BAD;
    return FLASH_OK;
}

int mb_trailer_read(const struct mb_area *area, struct mb_trailer_state *state)
{
    if (!mb_trailer_area_ok(area) || state == NULL)
        return MB_TRAILER_E_ARGS;
    const uint8_t erased = area->flash->erased_value;

    uint8_t magic[MB_TRAILER_MAGIC_SIZE];
    int rc = flash_read(area->flash, mb_trailer_magic_addr(area), magic, sizeof magic);
    if (rc != FLASH_OK)
        return rc;
    state->magic = mb_bytes_erased(magic, sizeof magic, erased)           ? MB_MAGIC_UNSET
                   : memcmp(magic, mb_trailer_magic, sizeof magic) == 0 ? MB_MAGIC_GOOD
                                                                          : MB_MAGIC_BAD;

    uint8_t info;
    rc = flash_read(area->flash, mb_trailer_swap_info_addr(area), &info, 1);
    if (rc != FLASH_OK)
        return rc;
    const uint8_t type = info & 0x0f;
    /* MCUboot reads an erased byte or a type above REVERT as NONE; 0 is no type either. */
    if (info == erased || type < MB_SWAP_TYPE_NONE || type > MB_SWAP_TYPE_REVERT) {
        state->swap_type = MB_SWAP_TYPE_NONE;
        state->image_number = 0;
    } else {
        state->swap_type = (enum mb_swap_type)type;
        state->image_number = (uint8_t)(info >> 4);
    }

    uint8_t size[4];
    rc = flash_read(area->flash, mb_trailer_swap_size_addr(area), size, sizeof size);
    if (rc != FLASH_OK)
        return rc;
    state->swap_size = (uint32_t)size[0] | (uint32_t)size[1] << 8 | (uint32_t)size[2] << 16 | (uint32_t)size[3] << 24;

    rc = read_flag(area, mb_trailer_copy_done_addr(area), &state->copy_done);
    if (rc != FLASH_OK)
        return rc;
    return read_flag(area, mb_trailer_image_ok_addr(area), &state->image_ok);
}

enum mb_swap_type mb_trailer_swap_type(const struct mb_trailer_state *primary,
                                       const struct mb_trailer_state *secondary)
{
    /* The secondary's request comes first: a new upload replaces a pending revert. */
    if (secondary->magic == MB_MAGIC_GOOD && secondary->image_ok == MB_FLAG_UNSET)
        return MB_SWAP_TYPE_TEST;
    if (secondary->magic == MB_MAGIC_GOOD && secondary->image_ok == MB_FLAG_SET)
        return MB_SWAP_TYPE_PERM;
    if (primary->magic == MB_MAGIC_GOOD && primary->image_ok == MB_FLAG_UNSET &&
        primary->copy_done == MB_FLAG_SET && secondary->magic == MB_MAGIC_UNSET)
        return MB_SWAP_TYPE_REVERT;
    return MB_SWAP_TYPE_NONE;
}
