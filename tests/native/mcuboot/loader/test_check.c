/*
 * The app's read-only check of an upload (mb_loader_check_upload): for every refusal the boot makes, the check
 * names the same image, rule and line before any reset, and leaves flash, OTP and retained RAM as they were.
 */
#include <stdlib.h>
#include <string.h>

#include "device.h"
#include "mb_trailer.h"

#define UPLOAD PM_MCUBOOT_SECONDARY_ADDRESS

static struct device *fresh(void)
{
    struct device *d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED); /* the app runs: b0's record is the running one */
    return d;
}

/* The check on what is staged, with the device's state compared byte for byte before and after. */
static enum mb_check_verdict check_unchanged(struct device *d, uint8_t image, struct mb_loader_check *c)
{
    struct device_snapshot before, after;
    device_snapshot(d, &before);
    enum mb_check_verdict verdict = device_check(d, image, c);
    device_snapshot(d, &after);
    size_t n = flash_sim_state_size(d->blu.rig.flash);
    CHECK(memcmp(before.app_flash, after.app_flash, n) == 0);
    CHECK_MEM_EQ(after.otp, before.otp, sizeof before.otp);
    CHECK_MEM_EQ(&after.record, &before.record, sizeof before.record);
    device_snapshot_free(&before);
    device_snapshot_free(&after);
    return verdict;
}

/* Checks the staged upload, marks it for a test, boots: the boot's refusal is the check's, word for word. */
static void refused_as_boot(struct device *d, uint8_t image, bool permanent, const char *text)
{
    struct mb_loader_check c;
    CHECK_EQ(check_unchanged(d, image, &c), MB_CHECK_REFUSED);
    CHECK_CONTAINS(c.line, text);
    struct mb_area upload = {flash_sim_dev(d->blu.rig.flash), UPLOAD, PM_MCUBOOT_SECONDARY_SIZE};
    CHECK_EQ(mb_trailer_set_pending(&upload, image, permanent), MB_TRAILER_OK);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_REFUSED);
    CHECK_EQ(d->info.refused_image, c.image);
    CHECK_EQ(d->info.refusal_code, c.rule);
    CHECK(device_logged(d, c.line));
    CHECK(strncmp(d->info.refusal, c.line, MB_BOOT_INFO_TEXT - 1) == 0);
}

static void accepted(struct device *d, uint8_t image, uint8_t routed_to)
{
    struct mb_loader_check c;
    CHECK_EQ(check_unchanged(d, image, &c), MB_CHECK_ACCEPTED);
    CHECK_EQ(c.image, routed_to);
    CHECK_STR_EQ(c.line, "");
}

TEST(check_refuses_another_key_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("ldr_app_other_key"));
    refused_as_boot(d, 0, false, "app image refused: ");
}

TEST(check_refuses_a_hash_mismatch_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("ldr_app_v2"));
    uint32_t word;
    memcpy(&word, device_app_bytes(d, UPLOAD + 0x1000), 4);
    word &= word - 1;
    CHECK_EQ(flash_write(flash_sim_dev(d->blu.rig.flash), UPLOAD + 0x1000, &word, 4), FLASH_OK);
    refused_as_boot(d, 0, false, "app image refused: image SHA-256 does not match its hash TLV");
}

TEST(check_refuses_a_truncated_image_as_the_boot)
{
    struct device *d = fresh();
    static struct blob image;
    blob_read(&image, LDR_IMAGE("ldr_app_v2"));
    CHECK_EQ(flash_erase(flash_sim_dev(d->blu.rig.flash), UPLOAD, PM_MCUBOOT_SECONDARY_SIZE), FLASH_OK);
    blu_program(&d->blu, UPLOAD, image.data, image.len / 2);
    refused_as_boot(d, 0, false, "app image refused: ");
}

TEST(check_refuses_header_garbage_and_an_erased_slot_as_the_boot)
{
    struct device *d = fresh();
    CHECK_EQ(flash_erase(flash_sim_dev(d->blu.rig.flash), UPLOAD, PM_MCUBOOT_SECONDARY_SIZE), FLASH_OK);
    refused_as_boot(d, 0, false, "app image refused: ");
    uint8_t garbage[64];
    for (unsigned i = 0; i < sizeof garbage; i++)
        garbage[i] = (uint8_t)(i * 37 + 11);
    blu_program(&d->blu, UPLOAD, garbage, sizeof garbage);
    refused_as_boot(d, 3, false, "app image refused: ");
}

TEST(check_refuses_a_downgrade_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("ldr_app_v0"));
    refused_as_boot(d, 0, false, "app image refused: version 0.9.0+0 is below the installed 1.0.0+0");
}

TEST(check_refuses_a_lower_security_counter_as_the_boot)
{
    struct device *d = fresh();
    device_upload(d, LDR_IMAGE("ldr_app_cnt5"), 0, true);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    device_stage(d, LDR_IMAGE("ldr_app_cnt3"));
    refused_as_boot(d, 0, true, "app image refused: security counter 3 is below the installed image's 5");
}

TEST(check_refuses_an_unmet_dependency_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("ldr_app_needs_cs2"));
    refused_as_boot(d, 0, false, "needs image 3 (C# deployment) >= 2.0.0+0");
}

TEST(check_refuses_an_image_linked_for_no_slot_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("ldr_nowhere"));
    refused_as_boot(d, 0, false, "reset vector 0x000d8101 is in no image's slot");
}

TEST(check_refuses_the_running_s_variant_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("blu_s0_v3"));
    refused_as_boot(d, 2, false, "S0");
    CHECK_EQ(d->info.refusal_code, MB_BL_E_RUNNING_SLOT);
}

TEST(check_refuses_an_equal_fw_info_version_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("blu_s1_v2"));
    refused_as_boot(d, 2, false, "bootloader update refused: ");
}

TEST(check_refuses_a_bootloader_with_another_key_as_the_boot)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("blu_s1_v3_other_key"));
    refused_as_boot(d, 2, false, "key");
}

TEST(check_refuses_a_deployment_downgrade_as_the_boot)
{
    struct device *d = fresh();
    device_upload(d, LDR_IMAGE("ldr_cs_v2"), 3, false);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    device_stage(d, LDR_IMAGE("ldr_cs_v1"));
    refused_as_boot(d, 3, false, "C# deployment image refused: version 1.0.0+0 is below the installed 2.0.0+0");
}

TEST(check_accepts_what_the_boot_installs)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("ldr_app_v2"));
    accepted(d, 0, 0);
    device_stage(d, LDR_IMAGE("ldr_cs_v2"));
    accepted(d, 3, 3);
    device_stage(d, LDR_IMAGE("blu_s1_v3"));
    accepted(d, 0, 2); /* routed by its reset vector, whatever number it was uploaded as */
    device_stage(d, LDR_IMAGE("pcd_net_v2"));
    accepted(d, 1, 1); /* the net core's own checks run at the boot */
    device_upload(d, LDR_IMAGE("blu_s1_v3"), 2, false);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->resets, 1u); /* staged into S1, b0 started it */
    CHECK(d->info.outcome != MB_BOOT_REFUSED);
}

TEST(check_reports_a_missing_b0_record_as_a_fault)
{
    struct device *d = fresh();
    device_stage(d, LDR_IMAGE("blu_s1_v3"));
    memset(&d->blu.rig.record, 0, sizeof d->blu.rig.record);
    struct mb_loader_check c;
    CHECK_EQ(check_unchanged(d, 2, &c), MB_CHECK_FAULT);
    CHECK_EQ(c.rule, MB_BL_E_BOOT_RECORD);
    CHECK(c.line[0] != '\0');
}
