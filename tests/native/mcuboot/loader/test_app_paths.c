/* Image 0, the app: test then confirm, test then revert, permanent, as MCUboot's swap using move does them. */
#include "device.h"

#define PRIMARY PM_MCUBOOT_PRIMARY_ADDRESS
#define UPLOAD PM_MCUBOOT_SECONDARY_ADDRESS

TEST(factory_app_starts_with_a_normal_boot)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.app_vector, PRIMARY + 0x200);
    CHECK_EQ(d.info.outcome, MB_BOOT_NORMAL);
    CHECK_EQ(d.info.b0_slot, 0);
    CHECK(mb_boot_info_valid(&d.info));
    CHECK_DEVICE_LOGGED(&d, "Second stage started from S0");
    CHECK_DEVICE_LOGGED(&d, "Booting app 1.0.0+0");
    device_close(&d);
}

TEST(test_upgrade_then_confirm_keeps_the_new_app)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("ldr_app_v2"), 0, false);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_SWAPPED_TEST);
    CHECK(d.watchdog_feeds >= 2 * 5); /* at least once per sector moved and per sector swapped (5 sectors) */
    CHECK(device_holds(&d, PRIMARY, LDR_IMAGE("ldr_app_v2")));
    CHECK(device_holds(&d, UPLOAD, LDR_IMAGE("ldr_app_v1"))); /* swap: the old app waits for a revert */
    device_confirm(&d);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_NORMAL);
    CHECK(device_holds(&d, PRIMARY, LDR_IMAGE("ldr_app_v2")));
    CHECK_EQ(device_power_on(&d), DEVICE_APP_STARTED);
    CHECK(device_holds(&d, PRIMARY, LDR_IMAGE("ldr_app_v2")));
    device_close(&d);
}

TEST(test_upgrade_without_confirm_reverts_on_the_next_boot)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("ldr_app_v2"), 0, false);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_REVERTED);
    CHECK(device_holds(&d, PRIMARY, LDR_IMAGE("ldr_app_v1")));
    CHECK_DEVICE_LOGGED(&d, "Booting app 1.0.0+0");
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_NORMAL);
    device_close(&d);
}

TEST(permanent_upgrade_needs_no_confirm)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    device_upload(&d, LDR_IMAGE("ldr_app_v2"), 0, true);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_SWAPPED_PERMANENT);
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_NORMAL);
    CHECK(device_holds(&d, PRIMARY, LDR_IMAGE("ldr_app_v2")));
    device_close(&d);
}

TEST(no_app_halts_and_says_so)
{
    static struct device d;
    device_open(&d, NULL);
    CHECK_EQ(device_boot(&d), DEVICE_HALTED);
    CHECK_EQ(d.info.outcome, MB_BOOT_NO_APP);
    CHECK_DEVICE_LOGGED(&d, "No valid app in mcuboot_primary");
    device_close(&d);
}

TEST(s0_and_s1_are_locked_before_the_app_starts)
{
    static struct device d;
    device_open(&d, LDR_IMAGE("ldr_app_v1"));
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    uint32_t zero = 0;
    const struct flash_dev *flash = flash_sim_dev(d.blu.rig.flash);
    CHECK_EQ(flash_write(flash, PM_S1_ADDRESS, &zero, 4), FLASH_E_LOCKED);
    CHECK_EQ(flash_erase(flash, PM_S0_ADDRESS, MEM_FLASH_PAGE_SIZE), FLASH_E_LOCKED);
    device_close(&d);
}
