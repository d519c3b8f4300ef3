/*
 * Every refusal of mb_bl_update_check with its exact line, and that a refusal writes nothing until
 * mb_bl_update_refuse, which erases the refused image (its pages and the trailer page) and nothing else.
 * Device faults (no boot record, provisioning, power) are no refusals: the image stays.
 */
#include <stdio.h>
#include <string.h>

#include "blu_rig.h"

static struct blu b;
static uint8_t before[MEM_FLASH_SIZE];

static void factory(void)
{
    blu_open(&b);
    blu_factory(&b);
}

static void snapshot(void)
{
    memcpy(before, blu_memory(&b, MEM_FLASH_BASE), sizeof before);
}

static void check_unchanged(uint32_t from, uint32_t to)
{
    CHECK_MEM_EQ(blu_memory(&b, from), before + (from - MEM_FLASH_BASE), to - from);
}

/*
 * The line is exact and whole (a full buffer would mean it was cut). apply writes nothing; refuse
 * erases the image's pages (image_pages of them) and the trailer page, and nothing else.
 */
static void check_refused(enum mb_bl_rule rule, const char *line, uint32_t image_pages)
{
    struct mb_bl_verdict v;
    snapshot();
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), rule);
    CHECK_STR_EQ(v.line, line);
    CHECK(strlen(v.line) < MB_BL_LINE_SIZE - 1);
    CHECK(mb_bl_rule_is_refusal(rule));

    CHECK_EQ(mb_bl_update_apply(&b.env, SECONDARY, &v), MB_BL_REFUSED);
    CHECK_STR_EQ(v.line, line);
    check_unchanged(MEM_FLASH_BASE, MEM_FLASH_BASE + MEM_FLASH_SIZE);

    CHECK_EQ(mb_bl_update_refuse(&b.env, SECONDARY, &v), MB_BL_REFUSED);
    const uint32_t image_end = SECONDARY + image_pages * MEM_FLASH_PAGE_SIZE;
    check_unchanged(MEM_FLASH_BASE, SECONDARY); /* b0, S0, S1, primary */
    CHECK(blu_erased(&b, SECONDARY, image_end - SECONDARY));
    check_unchanged(image_end, TRAILER_PAGE);
    CHECK(blu_erased(&b, TRAILER_PAGE, MEM_FLASH_PAGE_SIZE));
    check_unchanged(PM_MCUBOOT_SECONDARY_END_ADDRESS, MEM_FLASH_BASE + MEM_FLASH_SIZE);

    CHECK(mb_bl_outcome_valid(&b.outcome));
    CHECK_EQ(b.outcome.rule, rule);
    CHECK_EQ(b.outcome.result, MB_BL_REFUSED);
    CHECK_STR_EQ(b.outcome.line, line);
    blu_close(&b);
}

/* Something in the upload slot after the image, which refuse must leave alone. */
static void mark_after_image(uint32_t image_pages)
{
    static const uint8_t other[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    blu_program(&b, SECONDARY + image_pages * MEM_FLASH_PAGE_SIZE + 0x100, other, sizeof other);
}

static const char *image_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, BLU_IMAGES_DIR "/%s.bin", name);
    return path;
}

static uint32_t pages_of(const char *name)
{
    static struct blob image;
    blob_read(&image, image_path(name));
    return (uint32_t)((image.len + MEM_FLASH_PAGE_SIZE - 1) / MEM_FLASH_PAGE_SIZE);
}

/* Factory device (S0 v2 running), `name` uploaded and pending, refused with `line`. */
static void expect_refusal(const char *name, enum mb_bl_rule rule, const char *line)
{
    factory();
    blu_stage(&b, image_path(name), true);
    mark_after_image(pages_of(name));
    check_refused(rule, line, pages_of(name));
}

/* Installs `name` over the factory S0 and starts it (confirmed, committed at the next boot). */
static void install(const char *name, unsigned slot)
{
    struct mb_bl_verdict v;
    blu_stage(&b, image_path(name), true);
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    CHECK_EQ(blu_boot(&b).slot, slot);
    CHECK_EQ(blu_boot(&b).starts, 0);
}

TEST(reset_vector_routes_s0_s1_images)
{
    CHECK_EQ(mb_bl_update_is_bootloader_image(PM_S0_IMAGE_ADDRESS | 1), 0);
    CHECK_EQ(mb_bl_update_is_bootloader_image(0x8441), 0);
    CHECK_EQ(mb_bl_update_is_bootloader_image(PM_S0_IMAGE_END_ADDRESS - 2 + 1), 0);
    CHECK_EQ(mb_bl_update_is_bootloader_image(PM_S0_IMAGE_END_ADDRESS + 1), MB_BL_NO_SLOT);
    CHECK_EQ(mb_bl_update_is_bootloader_image(PM_S0_ADDRESS + 0x101), MB_BL_NO_SLOT); /* the pad */
    CHECK_EQ(mb_bl_update_is_bootloader_image(PM_S1_IMAGE_ADDRESS + 1), 1);
    CHECK_EQ(mb_bl_update_is_bootloader_image(PM_S1_IMAGE_END_ADDRESS + 1), MB_BL_NO_SLOT);
    CHECK_EQ(mb_bl_update_is_bootloader_image(PM_MCUBOOT_PRIMARY_ADDRESS + 0x201), MB_BL_NO_SLOT);
    CHECK_EQ(mb_bl_update_is_bootloader_image(0), MB_BL_NO_SLOT);
}

TEST(refuses_image_signed_with_another_mcuboot_key)
{
    char line[MB_BL_LINE_SIZE];
    snprintf(line, sizeof line,
             "bootloader update refused: MCUboot image invalid: %s; sign with the key this bootloader was built with",
             mb_image_status_text(MB_IMAGE_E_KEY_UNKNOWN));
    expect_refusal("blu_s1_v3_other_key", MB_BL_E_MCUBOOT_INVALID, line);
}

TEST(refuses_unsigned_image)
{
    char line[MB_BL_LINE_SIZE];
    snprintf(line, sizeof line,
             "bootloader update refused: MCUboot image invalid: %s; sign with the key this bootloader was built with",
             mb_image_status_text(MB_IMAGE_E_NO_SIGNATURE));
    expect_refusal("blu_s1_v3_unsigned", MB_BL_E_MCUBOOT_INVALID, line);
}

TEST(refuses_corrupt_upload)
{
    factory();
    blu_stage(&b, image_path("blu_s1_v3"), true);
    const uint32_t at = SECONDARY + 0x200 + 0x260; /* the image's text tag: 'f' loses a bit */
    uint32_t word;
    memcpy(&word, blu_memory(&b, at), sizeof word);
    word &= ~0x40u;
    CHECK_EQ(flash_write(b.env.flash, at, &word, sizeof word), FLASH_OK);
    char line[MB_BL_LINE_SIZE];
    snprintf(line, sizeof line, "bootloader update refused: MCUboot image invalid: %s; the upload is corrupt: upload it again",
             mb_image_status_text(MB_IMAGE_E_HASH));
    check_refused(MB_BL_E_MCUBOOT_INVALID, line, 1);
}

TEST(refuses_header_without_magic_and_erases_its_first_page)
{
    factory();
    static const uint8_t junk[32] = {0x12, 0x34, 0x56, 0x78};
    blu_program(&b, SECONDARY, junk, sizeof junk);
    mark_after_image(1);
    char line[MB_BL_LINE_SIZE];
    snprintf(line, sizeof line, "bootloader update refused: MCUboot image invalid: %s; sign it again with imgtool or ImageTool",
             mb_image_status_text(MB_IMAGE_E_MAGIC));
    check_refused(MB_BL_E_MCUBOOT_INVALID, line, 1);
}

TEST(refuses_image_that_is_no_bootloader)
{
    expect_refusal("blu_app", MB_BL_E_NOT_BOOTLOADER,
                   "bootloader update refused: reset vector 0x00028441 is outside S0 0x00008200 and S1 0x00018200 "
                   "(0xc000 each); upload the S0 or S1 variant");
}

TEST(refuses_header_size_other_than_the_pad)
{
    expect_refusal("blu_s1_v3_header_0x400", MB_BL_E_HEADER_SIZE,
                   "bootloader update refused: MCUboot header size 0x400, but the S1 pad holds 0x200; sign with "
                   "imgtool --header-size 0x200");
}

TEST(refuses_image_larger_than_the_slot)
{
    expect_refusal("blu_s1_too_big", MB_BL_E_TOO_BIG,
                   "bootloader update refused: image of 0xc100 bytes does not fit S1's 0xc000 bytes; make the "
                   "bootloader smaller");
}

TEST(refuses_image_for_the_running_s0)
{
    expect_refusal("blu_s0_v3", MB_BL_E_RUNNING_SLOT,
                   "bootloader update refused: image is linked for S0 but S0 is running; upload the S1 variant");
}

TEST(refuses_image_for_the_running_s1)
{
    factory();
    install("blu_s1_v3", 1);
    blu_stage(&b, image_path("blu_s1_v5"), true);
    check_refused(MB_BL_E_RUNNING_SLOT,
                  "bootloader update refused: image is linked for S1 but S1 is running; upload the S0 variant", 1);
}

TEST(refuses_s1_image_without_fw_info)
{
    expect_refusal("blu_s1_no_fw_info", MB_BL_E_FW_INFO,
                   "bootloader update refused: no fw_info in the S1 copy (0x00018000 + 0x0..0x1000): not a b0 image; "
                   "build it with NCS's fw_info");
}

TEST(refuses_fw_info_linked_for_the_other_slot)
{
    expect_refusal("blu_s1_v3_code_s0", MB_BL_E_FW_INFO,
                   "bootloader update refused: fw_info at 0x00018400 links the image at 0x00008200, not S1's "
                   "0x00018200; rebuild the S1 variant");
}

TEST(refuses_fw_info_for_other_hardware)
{
    expect_refusal("blu_s1_v3_compat", MB_BL_E_FW_INFO,
                   "bootloader update refused: fw_info at 0x00018400 has compatibility word 0x00003602, b0 needs "
                   "0x00003502; build it for the nRF5340");
}

TEST(refuses_version_beyond_the_counter)
{
    expect_refusal("blu_s1_v40000", MB_BL_E_VERSION_RANGE,
                   "bootloader update refused: fw_info version 40000 is above 32766, the most b0's counter records; "
                   "use 3..32766");
}

TEST(refuses_equal_version_while_s0_runs)
{
    expect_refusal("blu_s1_v2", MB_BL_E_VERSION_NOT_HIGHER,
                   "bootloader update refused: equal fw_info version 2: b0 would keep booting S0; raise the "
                   "bootloader version to 3");
}

TEST(refuses_lower_version)
{
    expect_refusal("blu_s1_v1", MB_BL_E_VERSION_NOT_HIGHER,
                   "bootloader update refused: fw_info version 1 below running 2: b0 would keep booting S0; raise the "
                   "bootloader version to 3");
}

TEST(refuses_equal_version_while_s1_runs)
{
    factory();
    install("blu_s1_v3", 1);
    blu_stage(&b, image_path("blu_s0_v3"), true);
    check_refused(MB_BL_E_VERSION_NOT_HIGHER,
                  "bootloader update refused: equal fw_info version 3: b0 needs a higher one to take it as an "
                  "update; raise the bootloader version to 4",
                  1);
}

TEST(refuses_update_when_no_counter_slot_is_left)
{
    struct provision_spec spec = provision_spec_default();
    spec.num_keys = 1;
    blu_key_hash(VECTOR("signed_by_b0_s0_image.bin"), spec.hash[0]);
    spec.counter_slots = 2;
    blu_open_provisioned(&b, &spec);
    blu_factory(&b);          /* slot 1: version 2 */
    install("blu_s1_v3", 1);  /* slot 2: version 3 */
    blu_stage(&b, image_path("blu_s0_v4"), true);
    check_refused(MB_BL_E_COUNTER_FULL,
                  "bootloader update refused: all 2 counter slots used: this device cannot take another bootloader "
                  "update",
                  1);
}

TEST(refuses_mcuboot_header_downgrade)
{
    expect_refusal("blu_s1_v3_header_1", MB_BL_E_HEADER_DOWNGRADE,
                   "bootloader update refused: MCUboot header version 1.9.0+7 below running 2.0.0+0; sign it with "
                   "version 2.0.0 or higher");
}

TEST(refuses_b0_key_that_is_not_provisioned)
{
    factory();
    blu_stage(&b, image_path("blu_s1_v3_key2"), true);
    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), MB_BL_E_B0_INVALID);
    CHECK_EQ(v.b0_status, B0_E_KEY_UNKNOWN);
    CHECK(strstr(v.b0_line, "matches none of the 2 provisioned keys") != NULL);
    check_refused(MB_BL_E_B0_INVALID,
                  "bootloader update refused: b0 would reject the S1 copy: signing key not provisioned; sign with a "
                  "provisioned b0 key",
                  1);
}

TEST(refuses_revoked_b0_key)
{
    /* key 0 = key2, key 1 = NCS's key0; committing the factory S0 (key 1) revokes key 0. */
    struct provision_spec spec = provision_spec_default();
    spec.num_keys = 2;
    blu_key_hash(BLU_B0_IMAGES_DIR "/blu_b0_s1_v3_key2.bin", spec.hash[0]);
    blu_key_hash(VECTOR("signed_by_b0_s0_image.bin"), spec.hash[1]);
    blu_open_provisioned(&b, &spec);
    blu_factory(&b);
    blu_stage(&b, image_path("blu_s1_v3_key2"), true);
    check_refused(MB_BL_E_B0_INVALID,
                  "bootloader update refused: b0 would reject the S1 copy: signing key revoked; sign with a "
                  "provisioned b0 key",
                  1);
}

TEST(refuses_image_whose_b0_hash_fails)
{
    expect_refusal("blu_s1_v3_tampered", MB_BL_E_B0_INVALID,
                   "bootloader update refused: b0 would reject the S1 copy: image hash mismatch; sign it again with "
                   "b0's key (validation block)");
}

TEST(refuses_copy_that_b0_gave_up_after_failed_starts)
{
    factory();
    struct mb_bl_verdict v;
    blu_stage(&b, image_path("blu_s1_v3"), true);
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    /* The new copy never confirms a start: after three b0 falls back to S0 and invalidates S1. */
    struct b0_decision d;
    for (unsigned i = 0; i < 4; i++)
        CHECK_EQ(rig_boot(&b.rig, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(rig_valid_word(&b.rig, PM_S1_IMAGE_ADDRESS), FW_INFO_INVALIDATED);
    rig_confirm(&b.rig);

    blu_stage(&b, image_path("blu_s1_v3"), true);
    check_refused(MB_BL_E_INVALIDATED_COPY,
                  "bootloader update refused: S1 holds this image (version 3) invalidated by b0 after failed starts; "
                  "fix it and raise the version to 4",
                  1);
}

/* Device faults: the image is kept (refuse erases nothing), apply reports a failure. */
static void check_fault(enum mb_bl_rule rule, const char *line)
{
    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), rule);
    CHECK_STR_EQ(v.line, line);
    CHECK(!mb_bl_rule_is_refusal(rule));
    snapshot();
    CHECK_EQ(mb_bl_update_refuse(&b.env, SECONDARY, &v), MB_BL_NOTHING);
    CHECK_EQ(mb_bl_update_apply(&b.env, SECONDARY, &v), MB_BL_FAILED);
    check_unchanged(MEM_FLASH_BASE, MEM_FLASH_BASE + MEM_FLASH_SIZE);
    CHECK_EQ(b.outcome.result, MB_BL_FAILED);
    blu_close(&b);
}

TEST(no_boot_record_is_a_fault_not_a_refusal)
{
    factory();
    blu_stage(&b, image_path("blu_s1_v3"), true);
    b.rig.record.crc32 ^= 1;
    check_fault(MB_BL_E_BOOT_RECORD, "bootloader update not checked: running S slot unknown (b0 boot record "
                                     "invalid); reset the device so b0 writes it");
}

TEST(blank_provisioning_is_a_fault_not_a_refusal)
{
    static struct blob s0;
    blu_open_provisioned(&b, NULL); /* OTP blank: b0 would not have started, the record says it did */
    blob_read(&s0, image_path("blu_s0_v2"));
    blu_program(&b, PM_S0_ADDRESS, s0.data, s0.len);
    b.rig.record = (struct b0_boot_record){.slot = 0, .version = 2, .address = PM_S0_IMAGE_ADDRESS};
    b0_boot_record_seal(&b.rig.record);
    blu_stage(&b, image_path("blu_s1_v3"), true);
    check_fault(MB_BL_E_PROVISION, "bootloader update not checked: b0 provisioning unusable (device not "
                                   "provisioned); provision the device again");
}

TEST(lost_power_while_checking_is_a_fault)
{
    factory();
    blu_stage(&b, image_path("blu_s1_v3"), true);
    flash_sim_cut_power_at(b.rig.flash, 1, 1);
    static const uint8_t zero[4];
    CHECK_EQ(flash_write(b.env.flash, PM_MCUBOOT_PRIMARY_ADDRESS, zero, sizeof zero), FLASH_E_POWER_LOST);
    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), MB_BL_E_DEVICE);
    char line[MB_BL_LINE_SIZE];
    snprintf(line, sizeof line, "bootloader update not checked: %s; the image stays for the next boot",
             mb_image_status_text(MB_IMAGE_E_FLASH));
    CHECK_STR_EQ(v.line, line);
    CHECK_EQ(mb_bl_update_refuse(&b.env, SECONDARY, &v), MB_BL_NOTHING);
    blu_close(&b);
}

TEST(erased_upload_slot_is_no_image)
{
    factory();
    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), MB_BL_NO_IMAGE);
    CHECK_STR_EQ(v.line, "bootloader update: no image in the upload slot at 0x00078000");
    CHECK_EQ(mb_bl_update_apply(&b.env, SECONDARY, &v), MB_BL_NOTHING);
    CHECK(!mb_bl_outcome_valid(&b.outcome));
    blu_close(&b);
}
