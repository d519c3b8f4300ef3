/* The header rules (mb_image_read_header), each broken on its own, and the area arithmetic. */
#include <string.h>

#include "rig.h"

static struct craft c;

/* A hash-only image whose header was changed after hashing: header rules come before the hash. */
static enum mb_image_status validate_crafted(struct rig *r, uint32_t area_size, struct mb_image_info *info)
{
    rig_load_image(r, SLOT, &c.img);
    return rig_validate(r, SLOT, area_size, NULL, info);
}

TEST(an_erased_slot_holds_no_image)
{
    struct rig r;
    rig_open(&r);
    struct mb_image_info info;
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    CHECK_STATUS(rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info), MB_IMAGE_E_ERASED);
    CHECK_EQ(info.hdr.magic, 0xffffffffu);
    CHECK_EQ(info.total_size, 0);
    CHECK_EQ(info.key_index, -1);
    CHECK_STATUS(mb_image_read_header(&r.guard.dev, SLOT, SLOT_SIZE, &info), MB_IMAGE_E_ERASED);
    rig_close(&r);
}

TEST(magic_other_than_0x96f3b83d_is_refused)
{
    static const uint32_t magics[] = {0x96f3b83cu /* MCUboot v1 */, 0, 0x3db8f396u, 0xfffffffeu};
    struct rig r;
    rig_open(&r);
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++) {
        craft_simple(&c, 0x200, 100);
        put32(c.img.data, magics[i]);
        struct mb_image_info info;
        CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_E_MAGIC);
        CHECK_EQ(info.hdr.magic, magics[i]);
    }
    rig_close(&r);
}

TEST(encrypted_ram_load_pic_and_non_bootable_images_are_refused)
{
    static const uint32_t flags[] = {MB_IMAGE_F_PIC, MB_IMAGE_F_ENCRYPTED_AES128, MB_IMAGE_F_ENCRYPTED_AES256,
                                     MB_IMAGE_F_NON_BOOTABLE, MB_IMAGE_F_RAM_LOAD, 0xffffffffu};
    struct rig r;
    rig_open(&r);
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        craft_simple(&c, 0x200, 100);
        put32(c.img.data + 16, flags[i]);
        struct mb_image_info info;
        CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_E_FLAGS);
        CHECK_EQ(info.hdr.flags, flags[i]);
    }
    rig_close(&r);
}

TEST(other_flags_pass_the_header_rules)
{
    struct rig r;
    rig_open(&r);
    craft_begin(&c, 0x200, 100);
    put32(c.img.data + 16, 0x100); /* ROM_FIXED */
    craft_info_begin(&c);
    craft_hash_tlv(&c);
    craft_info_end(&c);
    struct mb_image_info info;
    CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_OK);
    rig_close(&r);
}

TEST(header_size_below_32_or_unaligned_is_refused)
{
    static const uint16_t bad[] = {0, 4, 28, 30, 33, 0x202, 0xffff};
    struct rig r;
    rig_open(&r);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        craft_simple(&c, 0x200, 100);
        put16(c.img.data + 8, bad[i]);
        struct mb_image_info info;
        CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_E_HEADER_SIZE);
    }
    static const uint16_t good[] = {32, 36, 0x1000};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        craft_simple(&c, good[i], 100);
        struct mb_image_info info;
        CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_OK);
        CHECK_EQ(info.hdr.hdr_size, good[i]);
    }
    rig_close(&r);
}

TEST(an_image_must_fit_its_area)
{
    struct rig r;
    rig_open(&r);
    craft_simple(&c, 0x200, 1000);
    const uint32_t total = (uint32_t)c.img.len;
    struct mb_image_info info;
    CHECK_STATUS(validate_crafted(&r, total, &info), MB_IMAGE_OK);
    CHECK_EQ(info.total_size, total);
    CHECK_STATUS(validate_crafted(&r, total - 1, &info), MB_IMAGE_E_TOO_BIG);
    /* hdr + img + TLV info header is the least read_header accepts */
    CHECK_STATUS(mb_image_read_header(&r.guard.dev, SLOT, 0x200 + 1000 + 4, &info), MB_IMAGE_OK);
    CHECK_STATUS(mb_image_read_header(&r.guard.dev, SLOT, 0x200 + 1000 + 3, &info), MB_IMAGE_E_TOO_BIG);
    CHECK_STATUS(validate_crafted(&r, 31, &info), MB_IMAGE_E_TOO_BIG); /* not even a header */
    CHECK_STATUS(validate_crafted(&r, 0, &info), MB_IMAGE_E_TOO_BIG);
    rig_close(&r);
}

TEST(header_sizes_summing_past_4_gib_do_not_wrap)
{
    /* Each pair would sum to a small number in 32-bit arithmetic. */
    static const struct {
        uint16_t hdr, prot;
        uint32_t img;
    } cases[] = {
        {0x200, 0, 0xfffffe00u},     /* hdr + img = 2^32 */
        {0x200, 0, 0xfffffdfcu},     /* hdr + img + TLV info = 2^32 */
        {0xfffc, 0xffff, 0xffffffffu},
        {0x20, 0xfff0, 0xfffefff0u}, /* hdr + img + prot = 2^32 */
    };
    struct rig r;
    rig_open(&r);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        craft_simple(&c, 0x200, 100);
        put16(c.img.data + 8, cases[i].hdr);
        put16(c.img.data + 10, cases[i].prot);
        put32(c.img.data + 12, cases[i].img);
        rig_load_image(&r, 0, &c.img);
        struct mb_image_info info;
        /* The whole 4 GiB address space as the area: only 64-bit sums can tell. */
        CHECK_STATUS(rig_validate(&r, 0, 0xffffffffu, NULL, &info), MB_IMAGE_E_TOO_BIG);
        CHECK_STATUS(rig_validate(&r, 0, SLOT_SIZE, NULL, &info), MB_IMAGE_E_TOO_BIG);
        /* read_header alone too: the loader may use it without mb_image_validate */
        CHECK_STATUS(mb_image_read_header(&r.guard.dev, 0, 0xffffffffu, &info), MB_IMAGE_E_TOO_BIG);
    }
    rig_close(&r);
}

TEST(an_area_that_wraps_past_4_gib_is_a_flash_fault)
{
    struct rig r;
    rig_open(&r);
    struct mb_image_info info;
    CHECK_STATUS(mb_image_validate(&r.guard.dev, 0xffff0000u, 0x10001u, NULL, &info), MB_IMAGE_E_FLASH);
    CHECK_EQ(r.guard.reads, 0);
    CHECK_STATUS(mb_image_read_header(&r.guard.dev, 0xffffffffu, 2, &info), MB_IMAGE_E_FLASH);
    rig_close(&r);
}

TEST(reset_vector_is_read_only_from_inside_the_payload)
{
    struct rig r;
    rig_open(&r);
    struct mb_image_info info;
    craft_simple(&c, 0x200, 8);
    CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_OK);
    CHECK_EQ(info.reset_vector, CRAFT_RESET_VECTOR);
    craft_simple(&c, 0x200, 7); /* word 1 would take the TLV info's first byte */
    CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_OK);
    CHECK_EQ(info.reset_vector, 0);
    craft_simple(&c, 32, 0);
    CHECK_STATUS(validate_crafted(&r, SLOT_SIZE, &info), MB_IMAGE_OK);
    CHECK_EQ(info.reset_vector, 0);
    CHECK_EQ(info.total_size, 32 + 4 + 36);
    rig_close(&r);
}
