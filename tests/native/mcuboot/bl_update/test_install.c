/*
 * Updates that go through: S0 -> S1, S1 -> S0, several in a row, the legacy image-0 upload, and the
 * states a power cut after the copy leaves (the copy already in the other slot, or already running).
 * b0 itself (b0_run) boots every result.
 */
#include <stdio.h>
#include <string.h>

#include "b0_counter.h"
#include "blu_rig.h"

static struct blu b;

static const char *image_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, BLU_IMAGES_DIR "/%s.bin", name);
    return path;
}

static void check_upload_erased(size_t image_len)
{
    CHECK(blu_erased(&b, SECONDARY, (image_len + MEM_FLASH_PAGE_SIZE - 1) & ~(size_t)(MEM_FLASH_PAGE_SIZE - 1)));
    CHECK(blu_erased(&b, TRAILER_PAGE, MEM_FLASH_PAGE_SIZE));
}

/* Uploads `name` (pending), lets the loader apply it, checks the copy, boots it with b0. */
static void update(const char *name, unsigned slot, uint32_t version, const char *header)
{
    static struct blob image, other_before;
    const uint32_t slot_addr = slot == 0 ? PM_S0_ADDRESS : PM_S1_ADDRESS;
    const uint32_t other_addr = slot == 0 ? PM_S1_ADDRESS : PM_S0_ADDRESS;
    blob_read(&image, image_path(name));
    memcpy(other_before.data, blu_memory(&b, other_addr), PM_S0_SIZE);
    other_before.len = PM_S0_SIZE;
    blu_stage(&b, image_path(name), true);

    struct mb_bl_verdict v;
    b.watchdog_feeds = 0;
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    char line[MB_BL_LINE_SIZE];
    snprintf(line, sizeof line,
             "bootloader update: S%u now holds version %u (header %s), upload erased; reboot so b0 starts S%u", slot,
             (unsigned)version, header, slot);
    CHECK_STR_EQ(v.line, line);
    CHECK_STR_EQ(b.outcome.line, line);
    CHECK_EQ(b.outcome.result, MB_BL_REBOOT);
    CHECK(b.watchdog_feeds >= PM_S0_SIZE / MEM_FLASH_PAGE_SIZE); /* at least once per erased page */

    CHECK(blu_holds(&b, slot_addr, &image));
    CHECK(blu_erased(&b, slot_addr + (uint32_t)image.len, PM_S0_SIZE - (uint32_t)image.len));
    CHECK(blu_holds(&b, other_addr, &other_before));
    check_upload_erased(image.len);

    struct b0_decision d = blu_boot(&b);
    CHECK_EQ(d.slot, slot);
    CHECK_EQ(d.version, version);
    CHECK_EQ(blu_loader(&b, &v), MB_BL_NOTHING);
    d = blu_boot(&b); /* committed */
    CHECK_EQ(d.starts, 0);
    CHECK_EQ(b0_counter_version(rig_counter(&b.rig, NULL)), version);
}

TEST(updates_s0_to_s1)
{
    blu_open(&b);
    blu_factory(&b);
    update("blu_s1_v3", 1, 3, "3.0.0+0");
    blu_close(&b);
}

TEST(updates_s1_to_s0_and_back_in_a_row)
{
    blu_open(&b);
    blu_factory(&b);
    update("blu_s1_v3", 1, 3, "3.0.0+0");
    update("blu_s0_v4", 0, 4, "4.0.0+0");
    update("blu_s1_v5", 1, 5, "5.0.0+0");
    uint16_t used;
    rig_counter(&b.rig, &used);
    CHECK_EQ(used, 4);
    blu_close(&b);
}

TEST(updates_multi_page_images)
{
    blu_open(&b);
    blu_factory(&b);
    update("blu_s1_v3_big", 1, 3, "3.0.0+0");
    update("blu_s0_v4_big", 0, 4, "4.0.0+0");
    blu_close(&b);
}

TEST(accepts_the_legacy_image_0_upload)
{
    /* The S1 variant as imgtool --pad --confirm made it for image 0: slot-sized, trailer at the end. */
    static struct blob legacy;
    blu_open(&b);
    blu_factory(&b);
    blob_read(&legacy, image_path("blu_s1_v3_legacy"));
    CHECK_EQ(legacy.len, PM_MCUBOOT_SECONDARY_SIZE);
    blu_stage(&b, image_path("blu_s1_v3_legacy"), true);
    CHECK(blu_pending(&b));
    struct mb_bl_verdict v;
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    CHECK(blu_erased(&b, SECONDARY, PM_MCUBOOT_SECONDARY_SIZE));
    CHECK(!blu_pending(&b));
    CHECK_EQ(blu_boot(&b).slot, 1);
    blu_close(&b);
}

TEST(app_hears_the_verdict_before_any_reset)
{
    /* The app checks right after the upload, before the trailer is written: nothing changes. */
    static uint8_t before[MEM_FLASH_SIZE];
    blu_open(&b);
    blu_factory(&b);
    blu_stage(&b, image_path("blu_s1_v3"), false);
    memcpy(before, blu_memory(&b, MEM_FLASH_BASE), sizeof before);
    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), MB_BL_INSTALL);
    CHECK_STR_EQ(v.line, "bootloader update accepted: S1 version 3 (header 3.0.0+0) replaces S0 version 2");
    CHECK_EQ(v.target_slot, 1);
    CHECK_EQ(v.running_slot, 0);
    CHECK_EQ(v.version, 3);
    CHECK_EQ(v.running_version, 2);
    CHECK_EQ(v.link_address, PM_S1_IMAGE_ADDRESS);
    CHECK_EQ(v.fw_info_address, PM_S1_IMAGE_ADDRESS + 0x200);
    CHECK(v.running_header_present);
    CHECK_EQ(v.running_header.major, 2);
    CHECK_EQ(v.counter_used, 1);
    CHECK_EQ(v.counter_slots, 20);
    CHECK_EQ(v.b0_status, B0_OK);
    CHECK_EQ(v.b0_key_index, 0);
    CHECK_EQ(v.image.key_index, 0);
    CHECK_MEM_EQ(blu_memory(&b, MEM_FLASH_BASE), before, sizeof before);
    blu_close(&b);
}

TEST(copy_already_in_the_other_slot_only_cleans_up)
{
    /* Power was cut after the copy, before the upload was erased, and the reset did not reach b0 yet. */
    static struct blob image, s0;
    blu_open(&b);
    blu_factory(&b);
    blob_read(&image, image_path("blu_s1_v3"));
    memcpy(s0.data, blu_memory(&b, PM_S0_ADDRESS), PM_S0_SIZE);
    s0.len = PM_S0_SIZE;
    blu_stage(&b, image_path("blu_s1_v3"), true);
    blu_program(&b, PM_S1_ADDRESS, image.data, image.len);

    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), MB_BL_ALREADY_INSTALLED);
    CHECK_STR_EQ(v.line, "bootloader update: S1 already holds this image (version 3); erase the upload slot and "
                         "reboot");
    const uint64_t calls = flash_sim_calls(b.rig.flash);
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    CHECK_STR_EQ(v.line, "bootloader update: S1 already held version 3 (header 3.0.0+0), upload erased; reboot so b0 "
                         "starts S1");
    CHECK_EQ(flash_sim_calls(b.rig.flash) - calls, 2); /* the image's page and the trailer page */
    CHECK(blu_holds(&b, PM_S1_ADDRESS, &image));
    CHECK(blu_holds(&b, PM_S0_ADDRESS, &s0));
    check_upload_erased(image.len);
    CHECK_EQ(blu_boot(&b).slot, 1);
    blu_close(&b);
}

TEST(leftover_seen_by_the_new_copy_only_cleans_up)
{
    /* Power was cut after the copy; b0 started the new S1, which finds its own image in the upload. */
    static struct blob image;
    blu_open(&b);
    blu_factory(&b);
    blob_read(&image, image_path("blu_s1_v3"));
    blu_stage(&b, image_path("blu_s1_v3"), true);
    blu_program(&b, PM_S1_ADDRESS, image.data, image.len);
    CHECK_EQ(blu_boot(&b).slot, 1);

    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), MB_BL_RUNNING);
    CHECK_STR_EQ(v.line, "bootloader update: S1 already runs this image (version 3); erase its leftover in the "
                         "upload slot");
    CHECK_EQ(blu_loader(&b, &v), MB_BL_CLEANED);
    CHECK_STR_EQ(v.line, "bootloader update: S1 runs version 3 (header 3.0.0+0); its leftover upload is erased");
    CHECK_EQ(b.outcome.result, MB_BL_CLEANED);
    CHECK(blu_holds(&b, PM_S1_ADDRESS, &image));
    check_upload_erased(image.len);
    CHECK_EQ(blu_boot(&b).slot, 1);
    blu_close(&b);
}

TEST(half_erased_leftover_is_still_recognised)
{
    /* The clean-up was cut after erasing the last page of a three-page image: the rest still matches. */
    static struct blob image;
    blu_open(&b);
    blu_factory(&b);
    blob_read(&image, image_path("blu_s1_v3_big"));
    CHECK(image.len > 2 * MEM_FLASH_PAGE_SIZE);
    blu_stage(&b, image_path("blu_s1_v3_big"), true);
    blu_program(&b, PM_S1_ADDRESS, image.data, image.len);
    CHECK_EQ(flash_erase(b.env.flash, SECONDARY + 2 * MEM_FLASH_PAGE_SIZE, MEM_FLASH_PAGE_SIZE), FLASH_OK);
    CHECK_EQ(blu_boot(&b).slot, 1);

    struct mb_bl_verdict v;
    CHECK_EQ(blu_loader(&b, &v), MB_BL_CLEANED);
    check_upload_erased(image.len);
    blu_close(&b);
}

TEST(image_for_the_running_slot_that_differs_is_refused)
{
    /* Same header page as the running copy, but a later page differs and the rest is not erased. */
    static struct blob image;
    blu_open(&b);
    blu_factory(&b);
    blob_read(&image, image_path("blu_s1_v3_big"));
    blu_stage(&b, image_path("blu_s1_v3_big"), true);
    blu_program(&b, PM_S1_ADDRESS, image.data, image.len);
    CHECK_EQ(blu_boot(&b).slot, 1);
    const uint32_t at = SECONDARY + MEM_FLASH_PAGE_SIZE + 0x10;
    uint32_t word;
    memcpy(&word, blu_memory(&b, at), sizeof word);
    CHECK(word != 0);
    word &= word - 1; /* one bit fewer: a write can only clear bits */
    CHECK_EQ(flash_write(b.env.flash, at, &word, sizeof word), FLASH_OK);

    struct mb_bl_verdict v;
    CHECK_EQ(mb_bl_update_check(&b.env, SECONDARY, &v), MB_BL_E_RUNNING_SLOT);
    blu_close(&b);
}

/* A flash whose writes clear one extra bit at one address: a word that does not program right. */
struct faulty_flash {
    struct flash_dev dev;
    const struct flash_dev *real;
    uint32_t bad_addr;
};

static int faulty_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    const struct faulty_flash *f = dev->ctx;
    return flash_read(f->real, addr, buf, len);
}

static int faulty_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    const struct faulty_flash *f = dev->ctx;
    uint8_t copy[1024];
    if (f->bad_addr < addr || f->bad_addr - addr >= len || len > sizeof copy)
        return flash_write(f->real, addr, buf, len);
    memcpy(copy, buf, len);
    copy[f->bad_addr - addr] &= 0xFE;
    return flash_write(f->real, addr, copy, len);
}

static int faulty_erase(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    const struct faulty_flash *f = dev->ctx;
    return flash_erase(f->real, addr, len);
}

static const struct flash_dev_ops faulty_ops = {faulty_read, faulty_write, faulty_erase};

static void copy_with_a_bad_word(uint32_t bad_addr, const char *line)
{
    static struct faulty_flash faulty;
    blu_open(&b);
    blu_factory(&b);
    blu_stage(&b, image_path("blu_s1_v3"), true);
    faulty.real = b.env.flash;
    faulty.bad_addr = bad_addr;
    faulty.dev = *b.env.flash;
    faulty.dev.ops = &faulty_ops;
    faulty.dev.ctx = &faulty;
    b.env.flash = &faulty.dev;

    struct mb_bl_verdict v;
    CHECK_EQ(blu_loader(&b, &v), MB_BL_FAILED);
    CHECK_STR_EQ(v.line, line);
    CHECK(blu_pending(&b)); /* the upload stays for the next boot */
    CHECK_EQ(blu_boot(&b).slot, 0);

    b.env.flash = faulty.real; /* the next boot, on flash that works */
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    CHECK_EQ(blu_boot(&b).slot, 1);
    blu_close(&b);
}

TEST(copy_that_reads_back_differently_is_not_finished)
{
    copy_with_a_bad_word(PM_S1_ADDRESS, "bootloader update failed: verifying 0x00018000 (copy into S1): contents "
                                        "differ; S0 still boots, the copy is redone at the next boot");
}

TEST(fw_info_magic_that_reads_back_differently_leaves_the_copy_unbootable)
{
    copy_with_a_bad_word(PM_S1_IMAGE_ADDRESS + 0x205, "bootloader update failed: verifying 0x00018400 (copy into "
                                                      "S1): contents differ; S0 still boots, the copy is redone at "
                                                      "the next boot");
}
