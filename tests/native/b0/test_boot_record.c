/* The retained record shared with the second stage: CRC, sealing, confirmation. */
#include <string.h>

#include "b0_boot_record.h"
#include "harness.h"

TEST(crc32_matches_the_ieee_check_value)
{
    CHECK_EQ(b0_crc32("123456789", 9), 0xCBF43926u);
    CHECK_EQ(b0_crc32("", 0), 0u);
}

static struct b0_boot_record sealed_record(void)
{
    struct b0_boot_record r = {.slot = 1, .starts = 2, .version = 7, .address = 0x18200};
    b0_boot_record_seal(&r);
    return r;
}

TEST(sealed_record_is_valid_and_has_magic_format_and_crc)
{
    struct b0_boot_record r = sealed_record();
    CHECK(b0_boot_record_valid(&r));
    CHECK_EQ(r.magic, B0_BOOT_RECORD_MAGIC);
    CHECK_EQ(r.format, B0_BOOT_RECORD_FORMAT);
    CHECK_EQ(r.crc32, b0_crc32(&r, 20));
}

TEST(any_changed_byte_makes_the_record_invalid)
{
    const struct b0_boot_record good = sealed_record();
    for (size_t i = 0; i < sizeof good; i++) {
        struct b0_boot_record r = good;
        ((unsigned char *)&r)[i] ^= 0x10;
        CHECK(!b0_boot_record_valid(&r));
    }
}

TEST(zeroed_and_random_ram_is_no_record)
{
    struct b0_boot_record r;
    memset(&r, 0, sizeof r);
    CHECK(!b0_boot_record_valid(&r));
    memset(&r, 0xA5, sizeof r);
    CHECK(!b0_boot_record_valid(&r));
}

TEST(record_of_another_format_is_not_valid)
{
    struct b0_boot_record r = sealed_record();
    r.format = B0_BOOT_RECORD_FORMAT + 1;
    r.crc32 = b0_crc32(&r, 20);
    CHECK(!b0_boot_record_valid(&r));
}

TEST(confirm_marks_a_valid_record_and_keeps_it_valid)
{
    struct b0_boot_record r = sealed_record();
    CHECK(b0_boot_record_confirm(&r));
    CHECK(b0_boot_record_valid(&r));
    CHECK_EQ(r.confirmed, B0_BOOT_RECORD_CONFIRMED);
    CHECK_EQ(r.slot, 1);
    CHECK_EQ(r.starts, 2);
    CHECK_EQ(r.version, 7);
}

TEST(confirm_refuses_an_invalid_record_and_leaves_it_alone)
{
    struct b0_boot_record r;
    memset(&r, 0x5A, sizeof r);
    struct b0_boot_record before = r;
    CHECK(!b0_boot_record_confirm(&r));
    CHECK_MEM_EQ(&r, &before, sizeof r);
}
