/*
 * The record b0 and the second stage share in the ram_retained partition (PM_RAM_RETAINED_ADDRESS,
 * offset 0). RAM survives resets that keep power (watchdog, fault, soft reset), not power loss, so
 * a record with a bad magic or CRC is simply "no record".
 *
 * b0 writes a fresh record at every boot, with `confirmed` = 0. The second stage calls
 * b0_boot_record_confirm() once it has started healthily. At the next reset b0 reads it: a confirmed
 * start lets b0 commit the image (raise the monotonic counter, revoke older keys); a new image that
 * started max_unconfirmed_starts times without confirmation is abandoned for the other slot.
 * See bootloader/b0/README.md.
 */
#ifndef B0_BOOT_RECORD_H
#define B0_BOOT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define B0_BOOT_RECORD_MAGIC 0xB0B0C0DEu
#define B0_BOOT_RECORD_FORMAT 1u /* raised when the layout changes */
#define B0_BOOT_RECORD_CONFIRMED 0x600DB007u

struct b0_boot_record {
    uint32_t magic;     /* B0_BOOT_RECORD_MAGIC */
    uint16_t format;    /* B0_BOOT_RECORD_FORMAT */
    uint8_t slot;       /* slot b0 started: 0 = S0, 1 = S1 */
    uint8_t starts;     /* starts of this image not yet confirmed, this one included (0: not new) */
    uint32_t version;   /* its fw_info version */
    uint32_t address;   /* its vector table */
    uint32_t confirmed; /* B0_BOOT_RECORD_CONFIRMED once the second stage runs healthily, else 0 */
    uint32_t crc32;     /* CRC-32 (IEEE 802.3) of the bytes before this field */
};

_Static_assert(sizeof(struct b0_boot_record) == 24, "b0_boot_record layout is fixed");
_Static_assert(offsetof(struct b0_boot_record, crc32) == 20, "crc32 is the last word");

/* True when magic, format and CRC match. */
bool b0_boot_record_valid(const struct b0_boot_record *record);

/* Sets magic and format and computes the CRC (after the other fields are filled). */
void b0_boot_record_seal(struct b0_boot_record *record);

/* For the second stage: marks this start healthy. False (record untouched) if the record is not valid. */
bool b0_boot_record_confirm(struct b0_boot_record *record);

/* CRC-32/IEEE 802.3 (reflected, init and final xor 0xFFFFFFFF), as zlib's crc32(). */
uint32_t b0_crc32(const void *data, size_t len);

#endif /* B0_BOOT_RECORD_H */
