/* Every image the second stage must refuse: one line saying why, only the refused image erased, the app still starts. */
#include <string.h>

#include "device.h"
#include "mb_trailer.h"

#define PRIMARY PM_MCUBOOT_PRIMARY_ADDRESS
#define UPLOAD PM_MCUBOOT_SECONDARY_ADDRESS

/* Boots once with the pending upload; it must be refused with `text` in the line, app v1 untouched. */
static void check_refused(struct device *d, uint8_t image, const char *text)
{
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_REFUSED);
    CHECK_EQ(d->info.refused_image, image);
    CHECK_CONTAINS(d->info.refusal, text);
    CHECK(device_holds(d, PRIMARY, LDR_IMAGE("ldr_app_v1")));
    CHECK(device_holds(d, PM_S0_ADDRESS, LDR_IMAGE("blu_s0_v2")));
    CHECK(device_erased(d, PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_PAGE_SIZE, MEM_FLASH_PAGE_SIZE));
    /* The refusal survives the next (soft) reset for the app to report, and nothing is retried. */
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_NORMAL);
    CHECK_EQ(d->info.refused_image, image);
}


TEST(refuses_another_key)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("ldr_app_other_key"), 0, false);
    check_refused(d, 0, "app image refused: ");
}

TEST(refuses_a_hash_mismatch)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("ldr_app_v2"), 0, false);
    const uint8_t *p = device_app_bytes(d, UPLOAD + 0x1000);
    uint32_t word;
    memcpy(&word, p, 4);
    word &= word - 1; /* clear one set bit: what flash allows */
    CHECK_EQ(flash_write(flash_sim_dev(d->blu.rig.flash), UPLOAD + 0x1000, &word, 4), FLASH_OK);
    check_refused(d, 0, "app image refused: ");
}

TEST(refuses_a_truncated_image)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    static struct blob image;
    blob_read(&image, LDR_IMAGE("ldr_app_v2"));
    blu_program(&d->blu, UPLOAD, image.data, image.len / 2);
    struct mb_area upload = {flash_sim_dev(d->blu.rig.flash), UPLOAD, PM_MCUBOOT_SECONDARY_SIZE};
    CHECK_EQ(mb_trailer_set_pending(&upload, 0, false), MB_TRAILER_OK);
    check_refused(d, 0, "app image refused: ");
}

TEST(refuses_header_garbage)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    uint8_t garbage[64];
    for (unsigned i = 0; i < sizeof garbage; i++)
        garbage[i] = (uint8_t)(i * 37 + 11);
    blu_program(&d->blu, UPLOAD, garbage, sizeof garbage);
    struct mb_area upload = {flash_sim_dev(d->blu.rig.flash), UPLOAD, PM_MCUBOOT_SECONDARY_SIZE};
    CHECK_EQ(mb_trailer_set_pending(&upload, 0, false), MB_TRAILER_OK);
    check_refused(d, 0, "app image refused: ");
}

TEST(refuses_an_erased_upload_marked_pending)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    struct mb_area upload = {flash_sim_dev(d->blu.rig.flash), UPLOAD, PM_MCUBOOT_SECONDARY_SIZE};
    CHECK_EQ(mb_trailer_set_pending(&upload, 0, false), MB_TRAILER_OK);
    check_refused(d, 0, "app image refused: ");
}

TEST(refuses_a_downgrade_naming_both_versions)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("ldr_app_v0"), 0, false);
    check_refused(d, 0, "version 0.9.0+0 is below the installed 1.0.0+0");
}

TEST(refuses_a_lower_security_counter)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("ldr_app_cnt5"), 0, true);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_SWAPPED_PERMANENT);
    device_upload(d, LDR_IMAGE("ldr_app_cnt3"), 0, true);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_REFUSED);
    CHECK_STR_EQ(d->info.refusal, "app image refused: security counter 3 is below the installed image's 5; "
                                  "sign it with -s 5 or higher");
    CHECK(device_holds(d, PRIMARY, LDR_IMAGE("ldr_app_cnt5")));
}

TEST(refuses_an_image_linked_for_no_slot)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("ldr_nowhere"), 0, false);
    check_refused(d, 0, "reset vector 0x000d8101 is in no image's slot");
}

TEST(refuses_the_s_variant_of_the_running_slot_before_copying)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("blu_s0_v3"), 2, false);
    check_refused(d, 2, "S0");
    CHECK_EQ(d->resets, 0);
    CHECK(device_erased(d, PM_S1_ADDRESS, PM_S1_SIZE));
}

TEST(refuses_an_equal_fw_info_version)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("blu_s1_v2"), 2, false);
    check_refused(d, 2, "2");
    CHECK(device_erased(d, PM_S1_ADDRESS, PM_S1_SIZE));
}

TEST(refuses_a_bootloader_signed_with_another_mcuboot_key)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("blu_s1_v3_other_key"), 2, false);
    check_refused(d, 2, "key");
}

TEST(refuses_a_deployment_downgrade)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("ldr_cs_v2"), 3, false);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    device_upload(d, LDR_IMAGE("ldr_cs_v1"), 3, false);
    check_refused(d, 3, "version 1.0.0+0 is below the installed 2.0.0+0");
    CHECK(device_holds(d, PM_MANAGED_DEPLOY_ADDRESS, LDR_IMAGE("ldr_cs_v2")));
}

TEST(refuses_a_net_image_b0n_rejects)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("pcd_net_elsewhere"), 1, false);
    check_refused(d, 1, "net core image refused: ");
}

TEST(refuses_a_net_core_downgrade_by_its_fw_info_version)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    device_upload(d, LDR_IMAGE("pcd_net_v2"), 1, false);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_NET_UPDATED);
    device_upload(d, LDR_IMAGE("pcd_net_v1"), 1, false);
    check_refused(d, 1, "net core image refused: fw_info version 1 is below the installed net core's 2");
    CHECK(device_net_holds(d, PM_NET_APP_ADDRESS, NET_PAYLOAD("pcd_net_v2")));
}
