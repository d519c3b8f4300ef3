#include <string.h>

#include "b0_log.h"
#include "fw_info.h"

const uint32_t fw_info_offsets[FW_INFO_OFFSET_COUNT] = {0x0, 0x200, 0x400, 0x800, 0x1000};

enum b0_status fw_info_find(const struct flash_dev *flash, uint32_t start, struct fw_info_found *out)
{
    enum b0_status result = B0_E_FWINFO_NOT_FOUND;
    for (unsigned i = 0; i < FW_INFO_OFFSET_COUNT; i++) {
        uint32_t at = start + fw_info_offsets[i];
        struct fw_info info;
        if (at < start || at < flash->base || (uint64_t)at + sizeof info > (uint64_t)flash->base + flash->size)
            continue;
        int err = flash_read(flash, at, &info, sizeof info);
        if (err != FLASH_OK)
            return b0_flash_status(err);
        if (info.magic[0] != FW_INFO_MAGIC_COMMON || info.magic[1] != FW_INFO_MAGIC_FIRMWARE_INFO)
            continue;
        if (info.magic[2] == FW_INFO_MAGIC_COMPAT) {
            *out = (struct fw_info_found){.address = at, .info = info};
            return B0_OK;
        }
        /* Keep looking: a matching fw_info further on wins; otherwise report this one. */
        if (result == B0_E_FWINFO_NOT_FOUND) {
            *out = (struct fw_info_found){.address = at, .info = info};
            result = B0_E_FWINFO_COMPAT;
        }
    }
    return result;
}

enum b0_status fw_info_check_format(const struct fw_info *info)
{
    if (info->total_size < FW_INFO_BASE_SIZE || info->total_size % 4 != 0)
        return B0_E_FWINFO_FORMAT;
    /* Every EXT_API entry or request takes at least one word after the base header. */
    uint64_t entries = (uint64_t)info->ext_api_num + info->ext_api_request_num;
    if (entries > (info->total_size - FW_INFO_BASE_SIZE) / 4)
        return B0_E_FWINFO_FORMAT;
    return B0_OK;
}
