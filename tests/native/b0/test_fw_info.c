/* fw_info search offsets, compatibility word and self-consistency. */
#include <string.h>

#include "fw_info.h"
#include "rig.h"

#define SLOT 0x40000u /* an empty area of the simulated flash */

static struct fw_info sample_info(void)
{
    return (struct fw_info){
        .magic = {FW_INFO_MAGIC_COMMON, FW_INFO_MAGIC_FIRMWARE_INFO, FW_INFO_MAGIC_COMPAT},
        .total_size = FW_INFO_BASE_SIZE,
        .size = 0x400,
        .version = 9,
        .address = SLOT,
        .boot_address = SLOT,
        .valid = FW_INFO_VALID,
    };
}

static void write_info(struct rig *r, uint32_t addr, const struct fw_info *info)
{
    CHECK_EQ(flash_write(r->port.flash, addr, info, sizeof *info), FLASH_OK);
}

TEST(fw_info_is_found_at_each_search_offset)
{
    for (unsigned i = 0; i < FW_INFO_OFFSET_COUNT; i++) {
        struct rig r;
        rig_open(&r);
        struct fw_info info = sample_info();
        info.version = i;
        write_info(&r, SLOT + fw_info_offsets[i], &info);
        struct fw_info_found found;
        CHECK_EQ(fw_info_find(r.port.flash, SLOT, &found), B0_OK);
        CHECK_EQ(found.address, SLOT + fw_info_offsets[i]);
        CHECK_EQ(found.info.version, i);
        rig_close(&r);
    }
}

TEST(search_offsets_are_ncs_ones)
{
    const uint32_t expected[FW_INFO_OFFSET_COUNT] = {0x0, 0x200, 0x400, 0x800, 0x1000};
    CHECK_MEM_EQ(fw_info_offsets, expected, sizeof expected);
}

TEST(fw_info_elsewhere_is_not_found)
{
    struct rig r;
    rig_open(&r);
    struct fw_info info = sample_info();
    write_info(&r, SLOT + 0x100, &info);
    write_info(&r, SLOT + 0x2000, &info);
    struct fw_info_found found;
    CHECK_EQ(fw_info_find(r.port.flash, SLOT, &found), B0_E_FWINFO_NOT_FOUND);
    rig_close(&r);
}

TEST(first_offset_wins)
{
    struct rig r;
    rig_open(&r);
    struct fw_info info = sample_info();
    write_info(&r, SLOT + 0x800, &info);
    info.version = 1;
    write_info(&r, SLOT + 0x200, &info);
    struct fw_info_found found;
    CHECK_EQ(fw_info_find(r.port.flash, SLOT, &found), B0_OK);
    CHECK_EQ(found.address, SLOT + 0x200);
    rig_close(&r);
}

TEST(other_compatibility_word_is_reported_unless_a_matching_one_follows)
{
    struct rig r;
    rig_open(&r);
    struct fw_info other = sample_info();
    other.magic[2] = 0x00003402; /* hardware id 52 */
    write_info(&r, SLOT, &other);
    struct fw_info_found found;
    CHECK_EQ(fw_info_find(r.port.flash, SLOT, &found), B0_E_FWINFO_COMPAT);
    CHECK_EQ(found.address, SLOT);
    CHECK_EQ(found.info.magic[2], 0x00003402u);

    struct fw_info ours = sample_info();
    write_info(&r, SLOT + 0x400, &ours);
    CHECK_EQ(fw_info_find(r.port.flash, SLOT, &found), B0_OK);
    CHECK_EQ(found.address, SLOT + 0x400);
    rig_close(&r);
}

TEST(search_near_the_end_of_flash_skips_offsets_outside_it)
{
    struct rig r;
    rig_open(&r);
    const uint32_t start = MEM_FLASH_BASE + MEM_FLASH_SIZE - 0x400;
    struct fw_info info = sample_info();
    write_info(&r, start + 0x200, &info);
    struct fw_info_found found;
    CHECK_EQ(fw_info_find(r.port.flash, start, &found), B0_OK);
    CHECK_EQ(found.address, start + 0x200);
    CHECK_EQ(fw_info_find(r.port.flash, 0xFFFFFF00u, &found), B0_E_FWINFO_NOT_FOUND);
    rig_close(&r);
}

TEST(read_failure_is_reported_as_such)
{
    struct rig r;
    rig_open(&r);
    flash_sim_cut_power_at(r.flash, 1, 1);
    uint32_t word = 0;
    CHECK_EQ(flash_write(r.port.flash, SLOT, &word, sizeof word), FLASH_E_POWER_LOST);
    struct fw_info_found found;
    CHECK_EQ(fw_info_find(r.port.flash, SLOT, &found), B0_E_POWER_LOST);
    rig_close(&r);
}

TEST(format_check_needs_base_size_word_multiple_and_room_for_ext_apis)
{
    struct fw_info info = sample_info();
    CHECK_EQ(fw_info_check_format(&info), B0_OK);
    info.total_size = 56;
    CHECK_EQ(fw_info_check_format(&info), B0_E_FWINFO_FORMAT);
    info.total_size = 62;
    CHECK_EQ(fw_info_check_format(&info), B0_E_FWINFO_FORMAT);
    info.total_size = 60;
    info.ext_api_num = 1;
    CHECK_EQ(fw_info_check_format(&info), B0_E_FWINFO_FORMAT);
    info.total_size = 64;
    CHECK_EQ(fw_info_check_format(&info), B0_OK);
    info.ext_api_request_num = 0xFFFFFFFFu;
    CHECK_EQ(fw_info_check_format(&info), B0_E_FWINFO_FORMAT);
}

TEST(vector_fw_info_matches_expected_json)
{
    /* expected.json: fw_info_hex of signed_by_b0_s0_image.bin at offset 0x200. */
    struct image img;
    image_read(&img, VECTOR("signed_by_b0_s0_image.bin"));
    struct fw_info info;
    memcpy(&info, img.data + FW_INFO_IN_IMAGE, sizeof info);
    CHECK_EQ(info.magic[0], FW_INFO_MAGIC_COMMON);
    CHECK_EQ(info.magic[1], FW_INFO_MAGIC_FIRMWARE_INFO);
    CHECK_EQ(info.magic[2], FW_INFO_MAGIC_COMPAT);
    CHECK_EQ(info.total_size, 60);
    CHECK_EQ(info.size, 0x400);
    CHECK_EQ(info.version, 2);
    CHECK_EQ(info.address, 0x8200);
    CHECK_EQ(info.boot_address, 0x8200);
    CHECK_EQ(info.valid, FW_INFO_VALID);
    CHECK_EQ(fw_info_check_format(&info), B0_OK);
}
