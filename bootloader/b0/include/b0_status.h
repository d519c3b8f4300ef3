/*
 * Every outcome of b0: the image rules in the order b0 checks them, then provisioning, counter,
 * boot and device outcomes. Each refusal has its own code and its own log line (README.md).
 */
#ifndef B0_STATUS_H
#define B0_STATUS_H

#include <stdbool.h>

enum b0_status {
    B0_OK = 0,
    /* Image rules, in checking order. */
    B0_E_FWINFO_NOT_FOUND,   /* no fw_info magic at any search offset of the slot */
    B0_E_FWINFO_COMPAT,      /* fw_info for another hardware id or fw_info version */
    B0_E_FWINFO_FORMAT,      /* fw_info not self-consistent (total_size, EXT_API counts) */
    B0_E_ADDRESS,            /* fw_info.address is not in the slot, before the fw_info */
    B0_E_FWINFO_SELF,        /* searching from fw_info.address finds another fw_info */
    B0_E_INVALIDATED,        /* valid word is not 0x9102FFFF */
    B0_E_VERSION_RANGE,      /* version too large for the 15-bit counter */
    B0_E_ROLLBACK,           /* version below the monotonic counter */
    B0_E_SIZE,               /* size 0, above the slot, total_size > size, or block past the slot */
    B0_E_FWINFO_OUTSIDE,     /* fw_info not inside the signed region */
    B0_E_BOOT_ADDRESS,       /* vector table not inside the signed region */
    B0_E_RESET_VECTOR,       /* reset handler not inside the signed region */
    B0_E_NO_VALIDATION_INFO, /* no validation block magic at the end of the image */
    B0_E_VALIDATION_ADDRESS, /* validation block made for another address */
    B0_E_HASH,               /* SHA-256 of the image differs from the block's */
    B0_E_KEY_UNKNOWN,        /* the block's public key matches no provisioned key hash */
    B0_E_KEY_REVOKED,        /* it matches a key that has been invalidated */
    B0_E_SIGNATURE,          /* the signature does not verify */
    /* Provisioning. */
    B0_E_NOT_PROVISIONED,    /* provisioning area blank */
    B0_E_PROVISION_LEGACY,   /* old NCS layout (no lifecycle state, no counters) */
    B0_E_PROVISION_FORMAT,   /* a field of the current layout is out of range */
    B0_E_KEY_HASH_FFFF,      /* a key hash holds an unprogrammed 16-bit cell */
    /* Monotonic counter. */
    B0_E_COUNTER_ABSENT,     /* provisioning has no firmware-version counter */
    B0_E_COUNTER_FULL,       /* every counter slot is used */
    B0_E_COUNTER_NOT_HIGHER, /* counters only go up */
    /* Boot. */
    B0_E_LOCK,               /* b0 could not write-protect itself */
    B0_E_NO_BOOTABLE_IMAGE,  /* neither slot validates */
    B0_NOT_CHECKED,          /* slot not examined: the other one was started first */
    /* Devices. */
    B0_E_FLASH,              /* flash read or write failed */
    B0_E_OTP,                /* OTP read or write failed */
    B0_E_CRYPTO,             /* the crypto library failed (not a verdict on the image) */
    B0_E_POWER_LOST,         /* simulated power cut: b0 stops as the chip would */
    B0_STATUS_COUNT
};

/* A short English text for the code; "unknown b0 status" for values outside the enum. */
const char *b0_status_text(enum b0_status status);

/*
 * True for refusals caused by the image itself, after its fw_info was recognised: b0 then clears
 * the image's valid word. Device and crypto failures say nothing about the image.
 */
bool b0_status_is_image_fault(enum b0_status status);

#endif /* B0_STATUS_H */
