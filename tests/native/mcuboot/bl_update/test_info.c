/* mb_bl_update_info: what the app reports (active slot, versions, counter, staged update, outcome). */
#include <stdio.h>
#include <string.h>

#include "blu_rig.h"

static struct blu b;

TEST(info_of_a_factory_device)
{
    blu_open(&b);
    blu_factory(&b);
    struct mb_bl_info info;
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK_EQ(info.active_slot, 0);
    CHECK_EQ(info.active_version, 2);
    CHECK(info.slot[0].fw_info_present);
    CHECK(info.slot[0].fw_info_valid);
    CHECK_EQ(info.slot[0].fw_info_version, 2);
    CHECK(info.slot[0].header_present);
    CHECK_EQ(info.slot[0].header_version.major, 2);
    CHECK(!info.slot[1].fw_info_present);
    CHECK(!info.slot[1].header_present);
    CHECK(info.counter_known);
    CHECK_EQ(info.counter_used, 1);
    CHECK_EQ(info.counter_slots, 20);
    CHECK(!info.staged);
    CHECK_EQ(info.staged_slot, MB_BL_NO_SLOT);
    CHECK(!info.last_outcome_valid);
    blu_close(&b);
}

TEST(info_without_mcuboot_header_in_the_pad)
{
    /* NCS's factory image programmed at s0_image alone: fw_info there, the pad erased. */
    blu_open(&b);
    rig_load_file(&b.rig, PM_S0_IMAGE_ADDRESS, VECTOR("signed_by_b0_s0_image.bin"));
    blu_boot(&b);
    struct mb_bl_info info;
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK(info.slot[0].fw_info_present);
    CHECK_EQ(info.slot[0].fw_info_version, 2);
    CHECK(!info.slot[0].header_present);
    blu_close(&b);
}

TEST(info_follows_an_update)
{
    blu_open(&b);
    blu_factory(&b);
    blu_stage(&b, BLU_IMAGES_DIR "/blu_s1_v3.bin", true);
    struct mb_bl_info info;
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK(info.staged);
    CHECK_EQ(info.staged_slot, 1);
    CHECK_EQ(info.staged_header.major, 3);

    struct mb_bl_verdict v;
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    blu_boot(&b);
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK_EQ(info.active_slot, 1);
    CHECK_EQ(info.active_version, 3);
    CHECK_EQ(info.slot[1].fw_info_version, 3);
    CHECK_EQ(info.slot[1].header_version.major, 3);
    CHECK_EQ(info.slot[0].fw_info_version, 2);
    CHECK(!info.staged);
    CHECK(info.last_outcome_valid);
    CHECK_EQ(info.last_outcome.result, MB_BL_REBOOT);
    CHECK_EQ(info.last_outcome.rule, MB_BL_INSTALL);
    CHECK_STR_EQ(info.last_outcome.line, v.line);

    blu_boot(&b); /* commit */
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK_EQ(info.counter_used, 2);

    memset(&b.outcome, 0xA5, sizeof b.outcome); /* RAM after a power-on */
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK(!info.last_outcome_valid);
    blu_close(&b);
}

TEST(info_does_not_call_a_leftover_staged)
{
    static struct blob image;
    blu_open(&b);
    blu_factory(&b);
    blob_read(&image, BLU_IMAGES_DIR "/blu_s1_v3.bin");
    blu_stage(&b, BLU_IMAGES_DIR "/blu_s1_v3.bin", true);
    blu_program(&b, PM_S1_ADDRESS, image.data, image.len);
    blu_boot(&b);
    struct mb_bl_info info;
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK_EQ(info.active_slot, 1);
    CHECK_EQ(info.staged_slot, 1);
    CHECK(!info.staged);
    blu_close(&b);
}

TEST(info_shows_a_slot_b0_gave_up)
{
    blu_open(&b);
    blu_factory(&b);
    blu_stage(&b, BLU_IMAGES_DIR "/blu_s1_v3.bin", true);
    struct mb_bl_verdict v;
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    struct b0_decision d;
    for (unsigned i = 0; i < 4; i++)
        CHECK_EQ(rig_boot(&b.rig, &d), B0_OK);
    struct mb_bl_info info;
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK_EQ(info.active_slot, 0);
    CHECK(info.slot[1].fw_info_present);
    CHECK(!info.slot[1].fw_info_valid);
    blu_close(&b);
}
