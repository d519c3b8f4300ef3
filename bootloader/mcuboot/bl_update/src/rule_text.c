#include "mb_bl_update.h"

bool mb_bl_rule_is_refusal(enum mb_bl_rule rule)
{
    return rule >= MB_BL_E_MCUBOOT_INVALID && rule <= MB_BL_E_INVALIDATED_COPY;
}

const char *mb_bl_rule_text(enum mb_bl_rule rule)
{
    switch (rule) {
    case MB_BL_INSTALL: return "accepted";
    case MB_BL_ALREADY_INSTALLED: return "already in the other slot";
    case MB_BL_RUNNING: return "already running";
    case MB_BL_NO_IMAGE: return "no image";
    case MB_BL_E_MCUBOOT_INVALID: return "MCUboot image invalid";
    case MB_BL_E_NOT_BOOTLOADER: return "not a bootloader image";
    case MB_BL_E_HEADER_SIZE: return "MCUboot header size is not the pad size";
    case MB_BL_E_TOO_BIG: return "does not fit the S slot";
    case MB_BL_E_RUNNING_SLOT: return "linked for the running slot";
    case MB_BL_E_FW_INFO: return "fw_info missing or linked elsewhere";
    case MB_BL_E_VERSION_RANGE: return "fw_info version above the counter's range";
    case MB_BL_E_VERSION_NOT_HIGHER: return "fw_info version not above the running one";
    case MB_BL_E_COUNTER_FULL: return "no monotonic counter slot left";
    case MB_BL_E_HEADER_DOWNGRADE: return "MCUboot header version below the running one";
    case MB_BL_E_B0_INVALID: return "b0 would reject the copy";
    case MB_BL_E_INVALIDATED_COPY: return "invalidated by b0 before";
    case MB_BL_E_BOOT_RECORD: return "running slot unknown";
    case MB_BL_E_PROVISION: return "provisioning unreadable";
    case MB_BL_E_DEVICE: return "device fault";
    case MB_BL_RULE_COUNT: break;
    }
    return "unknown rule";
}

const char *mb_bl_result_text(enum mb_bl_result result)
{
    switch (result) {
    case MB_BL_REBOOT: return "reboot";
    case MB_BL_CLEANED: return "cleaned up";
    case MB_BL_NOTHING: return "nothing to do";
    case MB_BL_REFUSED: return "refused";
    case MB_BL_FAILED: return "failed";
    }
    return "unknown result";
}
