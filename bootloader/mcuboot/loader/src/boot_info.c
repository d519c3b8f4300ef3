/* The boot-info record (mb_boot_info.h). */
#include <string.h>

#include "b0_boot_record.h"
#include "mb_boot_info.h"

static const char *const outcome_text[MB_BOOT_OUTCOME_COUNT] = {
    [MB_BOOT_NORMAL] = "normal boot",
    [MB_BOOT_SWAPPED_TEST] = "app swapped for a test: confirm it or the next boot reverts",
    [MB_BOOT_SWAPPED_PERMANENT] = "app swapped permanently",
    [MB_BOOT_REVERTED] = "test app was not confirmed: reverted to the previous app",
    [MB_BOOT_NET_UPDATED] = "net core updated",
    [MB_BOOT_MANAGED_UPDATED] = "C# deployment updated",
    [MB_BOOT_BOOTLOADER_STAGED] = "bootloader update copied: b0 starts it after the reset",
    [MB_BOOT_REFUSED] = "an image was refused",
    [MB_BOOT_NO_APP] = "no valid application",
};

const char *mb_boot_outcome_text(enum mb_boot_outcome outcome)
{
    return (unsigned)outcome < MB_BOOT_OUTCOME_COUNT ? outcome_text[outcome] : "unknown outcome";
}

bool mb_boot_info_valid(const struct mb_boot_info *info)
{
    return info->magic == MB_BOOT_INFO_MAGIC && info->format == MB_BOOT_INFO_FORMAT &&
           info->crc32 == b0_crc32(info, offsetof(struct mb_boot_info, crc32));
}

void mb_boot_info_begin(struct mb_boot_info *info, uint8_t b0_slot, uint32_t reset_reason)
{
    struct mb_boot_info previous = *info;
    bool keep = mb_boot_info_valid(&previous) && previous.refused_image != MB_NO_IMAGE;
    memset(info, 0, sizeof *info);
    info->magic = MB_BOOT_INFO_MAGIC;
    info->format = MB_BOOT_INFO_FORMAT;
    info->outcome = MB_BOOT_NORMAL;
    info->b0_slot = b0_slot;
    info->reset_reason = reset_reason;
    info->refused_image = MB_NO_IMAGE;
    if (keep) {
        info->refused_image = previous.refused_image;
        info->refusal_code = previous.refusal_code;
        memcpy(info->refusal, previous.refusal, sizeof info->refusal);
        info->refusal[sizeof info->refusal - 1] = '\0';
    }
    mb_boot_info_seal(info);
}

void mb_boot_info_refuse(struct mb_boot_info *info, uint8_t image, uint16_t code, const char *text)
{
    info->outcome = MB_BOOT_REFUSED;
    info->refused_image = image;
    info->refusal_code = code;
    size_t len = strlen(text);
    if (len >= sizeof info->refusal)
        len = sizeof info->refusal - 1;
    memcpy(info->refusal, text, len);
    memset(info->refusal + len, 0, sizeof info->refusal - len);
    mb_boot_info_seal(info);
}

void mb_boot_info_clear_refusal(struct mb_boot_info *info)
{
    info->refused_image = MB_NO_IMAGE;
    info->refusal_code = 0;
    memset(info->refusal, 0, sizeof info->refusal);
    mb_boot_info_seal(info);
}

void mb_boot_info_seal(struct mb_boot_info *info)
{
    info->crc32 = b0_crc32(info, offsetof(struct mb_boot_info, crc32));
}
