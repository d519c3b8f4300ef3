/* Images 1, 2 and 3 through the shared upload slot: net core over PCD, the bootloader via S0/S1, the C# deployment. */
#include "b0_counter.h"
#include "device.h"

#define UPLOAD PM_MCUBOOT_SECONDARY_ADDRESS
#define UPLOAD_LAST_PAGE (PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_PAGE_SIZE)

static void check_upload_cleaned(struct device *d)
{
    CHECK(device_erased(d, UPLOAD, MEM_FLASH_PAGE_SIZE));
    CHECK(device_erased(d, UPLOAD_LAST_PAGE, MEM_FLASH_PAGE_SIZE));
}

TEST(net_core_image_is_handed_to_b0n_and_the_upload_erased)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("pcd_net_v2"), 1, false);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_NET_UPDATED);
    CHECK(device_net_holds(&d, PM_NET_APP_ADDRESS, NET_PAYLOAD("pcd_net_v2")));
    CHECK_DEVICE_LOGGED(&d, "Done updating network core");
    check_upload_cleaned(&d);
    device_close(&d);
}

TEST(bootloader_update_via_s1_reboots_into_the_new_copy)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("blu_s1_v3"), 2, false);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.resets, 1);
    CHECK_EQ(d.info.b0_slot, 1);
    CHECK_EQ(d.blu.rig.record.version, 3);
    CHECK(device_holds(&d, PM_S1_ADDRESS, LDR_IMAGE("blu_s1_v3")));
    CHECK(device_holds(&d, PM_S0_ADDRESS, LDR_IMAGE("blu_s0_v2"))); /* the old copy stays as the fallback */
    CHECK_DEVICE_LOGGED(&d, "Attempting to boot slot 1.");
    CHECK_DEVICE_LOGGED(&d, "Second stage started from S1 (fw_info version 3)");
    check_upload_cleaned(&d);
    device_close(&d);
}

TEST(two_bootloader_updates_in_a_row_alternate_the_slots)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("blu_s1_v3"), 2, false);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    device_upload(&d, LDR_IMAGE("blu_s0_v4"), 2, false);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.b0_slot, 0);
    CHECK_EQ(d.blu.rig.record.version, 4);
    CHECK(device_holds(&d, PM_S0_ADDRESS, LDR_IMAGE("blu_s0_v4")));
    CHECK(device_holds(&d, PM_S1_ADDRESS, LDR_IMAGE("blu_s1_v3")));
    /* b0 raised its counter once the new copy confirmed its start. */
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(b0_counter_version(rig_counter(&d.blu.rig, NULL)), 4);
    device_close(&d);
}

TEST(legacy_s_variant_in_image_0_is_accepted)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("blu_s1_v3_legacy"), 0, true);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.b0_slot, 1);
    CHECK(device_erased(&d, UPLOAD_LAST_PAGE, MEM_FLASH_PAGE_SIZE));
    device_close(&d);
}

TEST(csharp_deployment_is_copied_and_can_be_updated)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("ldr_cs_v1"), 3, false);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_MANAGED_UPDATED);
    CHECK(device_holds(&d, PM_MANAGED_DEPLOY_ADDRESS, LDR_IMAGE("ldr_cs_v1")));
    check_upload_cleaned(&d);
    device_upload(&d, LDR_IMAGE("ldr_cs_v2"), 3, true);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK(device_holds(&d, PM_MANAGED_DEPLOY_ADDRESS, LDR_IMAGE("ldr_cs_v2")));
    CHECK(device_holds(&d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v1"))); /* the app is untouched */
    device_close(&d);
}

TEST(app_dependency_on_the_deployment_is_enforced)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("ldr_app_needs_cs2"), 0, true);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_REFUSED);
    CHECK_STR_EQ(d.info.refusal, "app image refused: needs image 3 (C# deployment) >= 2.0.0+0, installed: unknown; "
                                 "update image 3 first");
    device_upload(&d, LDR_IMAGE("ldr_cs_v2"), 3, true);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    device_upload(&d, LDR_IMAGE("ldr_app_needs_cs2"), 0, true);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_SWAPPED_PERMANENT);
    CHECK_EQ(d.info.refused_image, MB_NO_IMAGE);
    device_close(&d);
}
