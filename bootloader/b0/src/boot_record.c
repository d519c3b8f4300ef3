#include "b0_boot_record.h"
#include "crc32.h"

uint32_t b0_crc32(const void *data, size_t len)
{
    return crc32_ieee(0, data, len);
}

static uint32_t record_crc(const struct b0_boot_record *record)
{
    return b0_crc32(record, offsetof(struct b0_boot_record, crc32));
}

bool b0_boot_record_valid(const struct b0_boot_record *record)
{
    return record->magic == B0_BOOT_RECORD_MAGIC && record->format == B0_BOOT_RECORD_FORMAT &&
           record->crc32 == record_crc(record);
}

void b0_boot_record_seal(struct b0_boot_record *record)
{
    record->magic = B0_BOOT_RECORD_MAGIC;
    record->format = B0_BOOT_RECORD_FORMAT;
    record->crc32 = record_crc(record);
}

bool b0_boot_record_confirm(struct b0_boot_record *record)
{
    if (!b0_boot_record_valid(record))
        return false;
    record->confirmed = B0_BOOT_RECORD_CONFIRMED;
    b0_boot_record_seal(record);
    return true;
}
