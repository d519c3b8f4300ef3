/*
 * The upload slot for SMP (slot_writer.h, slot_state.h) on a whole simulated nRF5340 (the loader tests' device):
 * uploads, the image list with Zephyr's flags, test / permanent / confirm, refusals before any reset, bad
 * input, and a power cut at every flash call of an upload with its test request, of a confirm and of an erase.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device.h"
#include "mb_trailer.h"
#include "slot_state.h"

#define UPLOAD PM_MCUBOOT_SECONDARY_ADDRESS

static struct device *d;
static struct slot_device dev;
static struct slot_writer writer;

static void fresh(void)
{
    d = device_fresh(LDR_IMAGE("ldr_app_v1"));
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    dev = (struct slot_device){
        .port = {.flash = flash_sim_dev(d->blu.rig.flash), .otp = otp_sim_dev(d->blu.rig.otp),
                 .b0_record = &d->blu.rig.record},
        .keyring = &d->blu.keyring,
    };
}

/* The whole file through the writer in `chunk`-byte pieces: the first error, else finish's. */
static int upload(const char *path, uint8_t image, uint32_t chunk, struct mb_loader_check *verdict)
{
    static struct blob file;
    blob_read(&file, path);
    int err = slot_writer_begin(&writer, &dev, image, (uint32_t)file.len);
    for (uint32_t off = 0; err == SLOT_OK && off < file.len; off += chunk) {
        uint32_t n = file.len - off < chunk ? (uint32_t)file.len - off : chunk;
        err = slot_writer_write(&writer, off, file.data + off, n);
    }
    uint8_t sha[32], expected[32];
    if (err == SLOT_OK)
        err = slot_writer_finish(&writer, sha, verdict);
    if (err == SLOT_OK) {
        CHECK_EQ(bl_sha256(file.data, file.len, expected), 0);
        CHECK_MEM_EQ(sha, expected, sizeof sha);
    }
    return err;
}

static void upload_accepted(const char *path, uint8_t image)
{
    struct mb_loader_check verdict;
    CHECK_EQ(upload(path, image, 517, &verdict), SLOT_OK);
    CHECK_EQ(verdict.verdict, MB_CHECK_ACCEPTED);
    CHECK(device_holds(d, UPLOAD, path));
}

/* The list as "image/slot:version:flags" entries, e.g. "0/0:1.0.0+0:AC 0/1:2.0.0+0:P 2/0:2.0.0+0:AC". */
static const char *listed(void)
{
    static char text[256];
    struct slot_image list[SLOT_LIST_MAX];
    int n = slot_list(&dev, list);
    CHECK(n >= 0);
    size_t len = 0;
    text[0] = '\0';
    for (int i = 0; i < n; i++) {
        char v[MB_VERSION_TEXT_SIZE];
        mb_version_format(&list[i].version, v, sizeof v);
        CHECK(list[i].flags & SLOT_F_BOOTABLE);
        len += (size_t)snprintf(text + len, sizeof text - len, "%s%u/%u:%s:%s%s%s%s", i ? " " : "", list[i].image,
                                list[i].slot, v, list[i].flags & SLOT_F_ACTIVE ? "A" : "",
                                list[i].flags & SLOT_F_CONFIRMED ? "C" : "", list[i].flags & SLOT_F_PENDING ? "P" : "",
                                list[i].flags & SLOT_F_PERMANENT ? "M" : "");
    }
    return text;
}

static bool upload_pending(void)
{
    struct mb_area upload = {dev.port.flash, UPLOAD, PM_MCUBOOT_SECONDARY_SIZE};
    struct mb_trailer_state t;
    return mb_trailer_read(&upload, &t) == MB_TRAILER_OK && t.magic == MB_MAGIC_GOOD;
}

TEST(test_boot_confirm_follow_zephyrs_flags)
{
    fresh();
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 2/0:2.0.0+0:AC");
    upload_accepted(LDR_IMAGE("ldr_app_v2"), 0);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 0/1:2.0.0+0: 2/0:2.0.0+0:AC");
    struct mb_loader_check verdict;
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_OK);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 0/1:2.0.0+0:P 2/0:2.0.0+0:AC");
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_OK); /* a standing request is kept */
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_SWAPPED_TEST);
    CHECK_STR_EQ(listed(), "0/0:2.0.0+0:A 0/1:1.0.0+0:C 2/0:2.0.0+0:AC");
    CHECK_EQ(slot_confirm_running(&dev), SLOT_OK);
    CHECK_STR_EQ(listed(), "0/0:2.0.0+0:AC 0/1:1.0.0+0: 2/0:2.0.0+0:AC");
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_NORMAL);
    CHECK(device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v2")));
}

TEST(an_unconfirmed_test_reverts)
{
    fresh();
    upload_accepted(LDR_IMAGE("ldr_app_v2"), 0);
    struct mb_loader_check verdict;
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_OK);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_REVERTED);
    CHECK(device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v1")));
}

TEST(permanent_request_lists_pending_permanent_and_swaps_for_good)
{
    fresh();
    upload_accepted(LDR_IMAGE("ldr_app_v2"), 0);
    struct mb_loader_check verdict;
    CHECK_EQ(slot_set_pending(&dev, true, &verdict), SLOT_OK);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 0/1:2.0.0+0:PM 2/0:2.0.0+0:AC");
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_SWAPPED_PERMANENT);
    CHECK_STR_EQ(listed(), "0/0:2.0.0+0:AC 0/1:1.0.0+0: 2/0:2.0.0+0:AC");
}

TEST(a_deployment_is_listed_and_requested_as_image_3)
{
    fresh();
    upload_accepted(LDR_IMAGE("ldr_cs_v2"), 3);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 2/0:2.0.0+0:AC 3/1:2.0.0+0:");
    struct mb_loader_check verdict;
    CHECK_EQ(slot_set_pending(&dev, true, &verdict), SLOT_OK);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 2/0:2.0.0+0:AC 3/1:2.0.0+0:PM");
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_MANAGED_UPDATED);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 2/0:2.0.0+0:AC 3/0:2.0.0+0:AC");
}

TEST(a_bootloader_is_listed_as_image_2_and_staged_by_the_boot)
{
    fresh();
    upload_accepted(LDR_IMAGE("blu_s1_v3"), 2);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 2/0:2.0.0+0:AC 2/1:3.0.0+0:");
    struct mb_loader_check verdict;
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_OK);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(d->resets, 1u);
    CHECK_EQ(d->blu.rig.record.slot, 1);
    CHECK_STR_EQ(listed(), "0/0:1.0.0+0:AC 2/0:3.0.0+0:AC");
}

TEST(a_refusal_is_known_at_the_last_chunk_and_nothing_becomes_pending)
{
    fresh();
    struct mb_loader_check verdict;
    CHECK_EQ(upload(LDR_IMAGE("ldr_app_v0"), 0, 4096, &verdict), SLOT_OK);
    CHECK_EQ(verdict.verdict, MB_CHECK_REFUSED);
    CHECK_STR_EQ(verdict.line, "app image refused: version 0.9.0+0 is below the installed 1.0.0+0; "
                               "sign it with a higher --version");
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_E_REFUSED);
    CHECK(!upload_pending());
    CHECK_EQ(upload(LDR_IMAGE("blu_s0_v3"), 2, 4096, &verdict), SLOT_OK);
    CHECK_EQ(verdict.verdict, MB_CHECK_REFUSED);
    CHECK_EQ(verdict.rule, MB_BL_E_RUNNING_SLOT);
    CHECK_EQ(slot_set_pending(&dev, true, &verdict), SLOT_E_REFUSED);
    CHECK(!upload_pending());
}

TEST(bad_input_is_refused_without_writing_outside_the_upload)
{
    fresh();
    static uint8_t data[64];
    uint8_t sha[32];
    struct mb_loader_check verdict;
    CHECK_EQ(slot_writer_write(&writer, 0, data, 4), SLOT_E_STATE);
    CHECK_EQ(slot_writer_begin(&writer, &dev, 4, 100), SLOT_E_IMAGE);
    CHECK_EQ(slot_writer_begin(&writer, &dev, 0, 0), SLOT_E_TOO_BIG);
    CHECK_EQ(slot_writer_begin(&writer, &dev, 0, PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE + 1), SLOT_E_TOO_BIG);
    CHECK_EQ(slot_writer_begin(&writer, &dev, 3, PM_MANAGED_DEPLOY_SIZE + 1), SLOT_E_TOO_BIG);
    CHECK_EQ(slot_writer_begin(&writer, &dev, 2, PM_S0_SIZE + 1), SLOT_E_TOO_BIG);
    CHECK_EQ(slot_writer_begin(&writer, &dev, 0, 100), SLOT_OK);
    CHECK_EQ(slot_writer_write(&writer, 4, data, 4), SLOT_E_OFFSET);
    CHECK_EQ(slot_writer_write(&writer, 0, data, 64), SLOT_OK);
    CHECK_EQ(slot_writer_write(&writer, 0, data, 4), SLOT_E_OFFSET); /* offsets only grow */
    CHECK_EQ(slot_writer_write(&writer, 64, data, 37), SLOT_E_OVERRUN);
    CHECK_EQ(slot_writer_finish(&writer, sha, &verdict), SLOT_E_STATE);
    CHECK_EQ(slot_writer_write(&writer, 64, data, 36), SLOT_OK);
    CHECK_EQ(slot_writer_finish(&writer, sha, &verdict), SLOT_OK);
    CHECK_EQ(verdict.verdict, MB_CHECK_REFUSED); /* zeros are no image */
    CHECK_EQ(slot_writer_finish(&writer, sha, &verdict), SLOT_E_STATE);
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_E_NO_IMAGE);

    /* A whole upload changes nothing outside mcuboot_secondary. */
    const uint8_t *mem = flash_sim_memory(d->blu.rig.flash);
    uint8_t *before = malloc(MEM_FLASH_SIZE);
    CHECK(before != NULL);
    memcpy(before, mem, MEM_FLASH_SIZE);
    upload_accepted(LDR_IMAGE("ldr_app_v2"), 0);
    bool same = memcmp(before, mem, UPLOAD - MEM_FLASH_BASE) == 0 &&
                memcmp(before + (PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_BASE),
                       mem + (PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_BASE),
                       MEM_FLASH_SIZE - (PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_BASE)) == 0;
    free(before);
    CHECK(same);
}

TEST(the_upload_slot_is_busy_while_pending_or_holding_the_revert_image)
{
    fresh();
    upload_accepted(LDR_IMAGE("ldr_app_v2"), 0);
    struct mb_loader_check verdict;
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_OK);
    CHECK_EQ(slot_writer_begin(&writer, &dev, 0, 100), SLOT_E_BUSY);
    CHECK_EQ(slot_erase_upload(&dev), SLOT_E_BUSY);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED); /* testing v2: v1 waits in the upload slot */
    CHECK_EQ(slot_writer_begin(&writer, &dev, 0, 100), SLOT_E_BUSY);
    CHECK_EQ(slot_erase_upload(&dev), SLOT_E_BUSY);
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_E_BUSY);
    CHECK_EQ(slot_confirm_running(&dev), SLOT_OK);
    CHECK_EQ(slot_erase_upload(&dev), SLOT_OK);
    CHECK(device_erased(d, UPLOAD, PM_MCUBOOT_SECONDARY_SIZE));
    CHECK_STR_EQ(listed(), "0/0:2.0.0+0:AC 2/0:2.0.0+0:AC");
}

TEST(begin_erases_a_stale_trailer_before_anything_else)
{
    fresh();
    /* A torn request (bad magic) from an earlier session, with an older image below it. */
    device_stage(d, LDR_IMAGE("ldr_app_v2"));
    uint32_t junk = 0x12345678;
    CHECK_EQ(flash_write(dev.port.flash, PM_MCUBOOT_SECONDARY_END_ADDRESS - 16, &junk, 4), FLASH_OK);
    flash_sim_cut_power_at(d->blu.rig.flash, 2, 1); /* the call after the first one */
    CHECK_EQ(upload(LDR_IMAGE("ldr_app_v2"), 0, 4096, NULL), FLASH_E_POWER_LOST);
    CHECK(device_erased(d, PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_PAGE_SIZE, MEM_FLASH_PAGE_SIZE));
    CHECK_EQ(device_settle(d, 3), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_NORMAL);
}

/* Repeats `run` with a power cut at its n-th changing flash call for every n, then boots; `after` checks. */
static void cut_everywhere(int (*run)(void), void (*after)(unsigned n))
{
    struct device_snapshot start;
    device_snapshot(d, &start);
    unsigned n;
    for (n = 1;; n++) {
        device_restore(d, &start);
        flash_sim_cut_power_at(d->blu.rig.flash, n, n * 7919u);
        int err = run();
        if (!flash_sim_power_lost(d->blu.rig.flash)) {
            CHECK_EQ(err, SLOT_OK);
            break;
        }
        after(n);
    }
    device_snapshot_free(&start);
    CHECK(n > 3);
    printf("  %u power cuts, each followed by a safe boot\n", n - 1);
}

static int upload_and_test(void)
{
    struct mb_loader_check verdict;
    int err = upload(LDR_IMAGE("ldr_app_v2"), 0, 1000, &verdict);
    return err != SLOT_OK ? err : slot_set_pending(&dev, false, &verdict);
}

static void app_v1_or_whole_v2(unsigned n)
{
    (void)n;
    /* Never a pending half image: a request stands only over the whole upload. */
    if (upload_pending())
        CHECK(device_holds(d, UPLOAD, LDR_IMAGE("ldr_app_v2")));
    CHECK_EQ(device_settle(d, 3), DEVICE_APP_STARTED);
    bool v1 = device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v1"));
    CHECK(v1 || device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v2")));
    CHECK(v1 || d->info.outcome == MB_BOOT_SWAPPED_TEST);
}

TEST(a_power_cut_anywhere_in_an_upload_and_its_test_request_boots_safely)
{
    fresh();
    cut_everywhere(upload_and_test, app_v1_or_whole_v2);
}

static int confirm(void)
{
    return slot_confirm_running(&dev);
}

static void v2_confirmed_or_reverted(unsigned n)
{
    (void)n;
    CHECK_EQ(device_settle(d, 3), DEVICE_APP_STARTED);
    bool v2 = device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v2"));
    CHECK(v2 || device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v1")));
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED); /* and it stays */
    CHECK(device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, v2 ? LDR_IMAGE("ldr_app_v2") : LDR_IMAGE("ldr_app_v1")));
}

static int erase_upload(void)
{
    return slot_erase_upload(&dev);
}

static void v2_runs_and_nothing_is_pending(unsigned n)
{
    (void)n;
    CHECK(!upload_pending());
    CHECK_EQ(device_settle(d, 3), DEVICE_APP_STARTED);
    CHECK_EQ(d->info.outcome, MB_BOOT_NORMAL);
    CHECK(device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v2")));
}

TEST(a_power_cut_in_confirm_or_erase_boots_safely)
{
    fresh();
    upload_accepted(LDR_IMAGE("ldr_app_v2"), 0);
    struct mb_loader_check verdict;
    CHECK_EQ(slot_set_pending(&dev, false, &verdict), SLOT_OK);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    struct device_snapshot testing;
    device_snapshot(d, &testing);
    unsigned n;
    for (n = 1;; n++) { /* confirm is one write: cut it with several damage patterns */
        device_restore(d, &testing);
        flash_sim_cut_power_at(d->blu.rig.flash, 1, n);
        if (confirm() != FLASH_E_POWER_LOST || n == 8)
            break;
        v2_confirmed_or_reverted(n);
    }
    device_restore(d, &testing);
    device_snapshot_free(&testing);
    CHECK_EQ(confirm(), SLOT_OK);
    cut_everywhere(erase_upload, v2_runs_and_nothing_is_pending);
}
