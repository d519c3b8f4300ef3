#include "mb_image.h"

/* The phrases end up in "image refused: <text>": each names the rule that failed. */
const char *mb_image_status_text(enum mb_image_status status)
{
    switch (status) {
    case MB_IMAGE_OK: return "image is valid";
    case MB_IMAGE_E_ERASED: return "slot is erased, no image";
    case MB_IMAGE_E_MAGIC: return "header magic is not 0x96f3b83d";
    case MB_IMAGE_E_FLAGS: return "image is encrypted, RAM-load, position-independent or non-bootable";
    case MB_IMAGE_E_HEADER_SIZE: return "header size is below 32 or not a multiple of 4";
    case MB_IMAGE_E_TOO_BIG: return "image does not fit its slot";
    case MB_IMAGE_E_TLV_INFO: return "missing or wrong-size TLV info header";
    case MB_IMAGE_E_TLV_FORMAT: return "a TLV runs past its area, is repeated or has the wrong length";
    case MB_IMAGE_E_TLV_UNPROTECTED: return "security counter or dependency outside the protected TLVs";
    case MB_IMAGE_E_NO_HASH: return "image carries no SHA-256 TLV";
    case MB_IMAGE_E_HASH: return "image SHA-256 does not match its hash TLV";
#ifdef MB_SIGNATURE_ED25519
    case MB_IMAGE_E_NO_SIGNATURE: return "image carries no Ed25519 signature";
#else
    case MB_IMAGE_E_NO_SIGNATURE: return "image carries no ECDSA-P256 signature";
#endif
    case MB_IMAGE_E_KEY_UNKNOWN: return "image is signed with a key the bootloader does not hold";
    case MB_IMAGE_E_SIGNATURE: return "signature does not verify";
    case MB_IMAGE_E_FLASH: return "flash read failed";
    case MB_IMAGE_E_CRYPTO: return "crypto library failed";
    case MB_IMAGE_STATUS_COUNT: break;
    }
    return "unknown image status";
}
