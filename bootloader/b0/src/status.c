#include "b0_status.h"

const char *b0_status_text(enum b0_status status)
{
    switch (status) {
    case B0_OK: return "ok";
    case B0_E_FWINFO_NOT_FOUND: return "no fw_info in the slot";
    case B0_E_FWINFO_COMPAT: return "fw_info made for other hardware or another fw_info version";
    case B0_E_FWINFO_FORMAT: return "fw_info is not self-consistent";
    case B0_E_ADDRESS: return "image address does not belong to its slot";
    case B0_E_FWINFO_SELF: return "fw_info does not point to itself";
    case B0_E_INVALIDATED: return "image has been invalidated";
    case B0_E_VERSION_RANGE: return "version too large for the monotonic counter";
    case B0_E_ROLLBACK: return "version below the monotonic counter";
    case B0_E_SIZE: return "image size out of range";
    case B0_E_FWINFO_OUTSIDE: return "fw_info outside the signed region";
    case B0_E_BOOT_ADDRESS: return "boot address outside the signed region";
    case B0_E_RESET_VECTOR: return "reset handler outside the signed region";
    case B0_E_NO_VALIDATION_INFO: return "no validation block after the image";
    case B0_E_VALIDATION_ADDRESS: return "validation block made for another address";
    case B0_E_HASH: return "image hash mismatch";
    case B0_E_KEY_UNKNOWN: return "signing key not provisioned";
    case B0_E_KEY_REVOKED: return "signing key revoked";
    case B0_E_SIGNATURE: return "signature does not verify";
    case B0_E_NOT_PROVISIONED: return "device not provisioned";
    case B0_E_PROVISION_LEGACY: return "provisioning in the legacy NCS layout";
    case B0_E_PROVISION_FORMAT: return "provisioning data out of range";
    case B0_E_KEY_HASH_FFFF: return "provisioned key hash contains 0xFFFF";
    case B0_E_COUNTER_ABSENT: return "no monotonic counter provisioned";
    case B0_E_COUNTER_FULL: return "monotonic counter slots exhausted";
    case B0_E_COUNTER_NOT_HIGHER: return "monotonic counter can only increase";
    case B0_E_LOCK: return "could not write-protect b0";
    case B0_E_NO_BOOTABLE_IMAGE: return "no bootable image";
    case B0_NOT_CHECKED: return "slot not examined";
    case B0_E_FLASH: return "flash access failed";
    case B0_E_OTP: return "OTP access failed";
    case B0_E_CRYPTO: return "crypto library failed";
    case B0_E_POWER_LOST: return "power lost";
    case B0_STATUS_COUNT: break;
    }
    return "unknown b0 status";
}

bool b0_status_is_image_fault(enum b0_status status)
{
    return status >= B0_E_FWINFO_FORMAT && status <= B0_E_SIGNATURE;
}
