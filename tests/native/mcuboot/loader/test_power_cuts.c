/*
 * Power cuts in the manner of MCUboot's simulator, harsher: for each update path, count the flash
 * calls that change flash in a clean boot, then for every call n and several seeds cut the power at
 * call n (a torn write or erase), power on again until the app starts, and compare every slot byte
 * for byte with the clean run's end state. LDR_WORD_SWEEP=1 in the environment adds more seeds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device.h"

struct path {
    const char *name;
    const char *app;                  /* factory app */
    void (*before)(struct device *d); /* boots that lead up to the boot under test */
    const char *upload;               /* image pending for the boot under test (NULL: none) */
    uint8_t image;
    bool permanent, net_flash;
    void (*check)(struct device *d);  /* the end state */
};

static void check_app_v2(struct device *d)
{
    CHECK(device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v2")));
}

static void check_app_v1(struct device *d)
{
    CHECK(device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v1")));
}

static void check_upload_clean(struct device *d)
{
    CHECK(device_erased(d, PM_MCUBOOT_SECONDARY_END_ADDRESS - MEM_FLASH_PAGE_SIZE, MEM_FLASH_PAGE_SIZE));
}

static void check_test_swap(struct device *d)
{
    /* A cut at the last write (copy_done) leaves the test image unconfirmed before it ever ran: the
       first boot after it may already revert, as MCUboot does. Either way the next boot holds v1. */
    if (device_holds(d, PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v2"))) {
        CHECK(device_holds(d, PM_MCUBOOT_SECONDARY_ADDRESS, LDR_IMAGE("ldr_app_v1")));
        CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    }
    check_app_v1(d);
    CHECK(device_holds(d, PM_MCUBOOT_SECONDARY_ADDRESS, LDR_IMAGE("ldr_app_v2")));
}

static void check_perm_swap(struct device *d)
{
    check_app_v2(d);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    check_app_v2(d);
}

static void test_swap_first(struct device *d)
{
    device_upload(d, LDR_IMAGE("ldr_app_v2"), 0, false);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
}

static void check_reverted(struct device *d)
{
    check_app_v1(d);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    check_app_v1(d);
}

static void check_net(struct device *d)
{
    CHECK(device_net_holds(d, PM_NET_APP_ADDRESS, NET_PAYLOAD("pcd_net_v2")));
    check_upload_clean(d);
    check_app_v1(d);
}

static void check_bootloader_s1(struct device *d)
{
    CHECK_EQ(d->blu.rig.record.slot, 1);
    CHECK(device_holds(d, PM_S1_ADDRESS, LDR_IMAGE("blu_s1_v3")));
    CHECK(device_holds(d, PM_S0_ADDRESS, LDR_IMAGE("blu_s0_v2")));
    check_upload_clean(d);
    check_app_v1(d);
}

static void bootloader_to_s1_first(struct device *d)
{
    device_upload(d, LDR_IMAGE("blu_s1_v3"), 2, false);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED); /* committed */
}

static void check_bootloader_s0(struct device *d)
{
    CHECK_EQ(d->blu.rig.record.slot, 0);
    CHECK(device_holds(d, PM_S0_ADDRESS, LDR_IMAGE("blu_s0_v4")));
    CHECK(device_holds(d, PM_S1_ADDRESS, LDR_IMAGE("blu_s1_v3")));
    check_upload_clean(d);
}

static void check_deployment(struct device *d)
{
    CHECK(device_holds(d, PM_MANAGED_DEPLOY_ADDRESS, LDR_IMAGE("ldr_cs_v1")));
    check_upload_clean(d);
    check_app_v1(d);
}

static const struct path paths[] = {
    {"app test", "ldr_app_v1", NULL, "ldr_app_v2", 0, false, false, check_test_swap},
    {"app permanent", "ldr_app_v1", NULL, "ldr_app_v2", 0, true, false, check_perm_swap},
    {"app revert", "ldr_app_v1", test_swap_first, NULL, 0, false, false, check_reverted},
    {"net core (app flash)", "ldr_app_v1", NULL, "pcd_net_v2", 1, false, false, check_net},
    {"net core (net flash)", "ldr_app_v1", NULL, "pcd_net_v2", 1, false, true, check_net},
    {"bootloader via S1", "ldr_app_v1", NULL, "blu_s1_v3", 2, false, false, check_bootloader_s1},
    {"bootloader via S0 after S1", "ldr_app_v1", bootloader_to_s1_first, "blu_s0_v4", 2, false, false,
     check_bootloader_s0},
    {"C# deployment", "ldr_app_v1", NULL, "ldr_cs_v1", 3, false, false, check_deployment},
};

static const char *image_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s.bin", BLU_IMAGES_DIR, name);
    return path;
}

static void prepare(struct device *d, const struct path *p)
{
    device_open(d, image_path(p->app));
    CHECK_EQ(device_boot(d), DEVICE_APP_STARTED);
    if (p->before != NULL)
        p->before(d);
    if (p->upload != NULL)
        device_upload(d, image_path(p->upload), p->image, p->permanent);
}

static struct flash_sim *cut_flash(struct device *d, const struct path *p)
{
    return p->net_flash ? d->net : d->blu.rig.flash;
}

static void sweep(const struct path *p)
{
    static struct device d;
    static struct device_snapshot before_boot;
    prepare(&d, p);
    device_snapshot(&d, &before_boot);
    uint64_t calls_before = flash_sim_calls(cut_flash(&d, p));
    CHECK_EQ(device_boot(&d), DEVICE_APP_STARTED);
    uint32_t calls = (uint32_t)(flash_sim_calls(cut_flash(&d, p)) - calls_before);
    p->check(&d);
    CHECK(calls > 0);

    /* One damage pattern per call in CI (the swap library's own sweep uses three); more behind the flag. */
    unsigned seeds = getenv("LDR_WORD_SWEEP") != NULL ? 8 : 1, cuts = 0;
    for (uint32_t n = 1; n <= calls; n++) {
        for (unsigned seed = 1; seed <= seeds; seed++) {
            device_restore(&d, &before_boot);
            d.cut_at = n;
            d.cut_seed = seed * 7919u + n;
            d.cut_net = p->net_flash;
            enum device_end end = device_boot(&d);
            if (end != DEVICE_POWER_LOST)
                test_fail(__FILE__, __LINE__, "%s: cut at call %u of %u did not happen (end %d):\n%s", p->name, n,
                          calls, end, d.log);
            cuts++;
            end = device_settle(&d, 4);
            if (end != DEVICE_APP_STARTED)
                test_fail(__FILE__, __LINE__, "%s: after a cut at call %u/%u (seed %u) the device ends %d:\n%s",
                          p->name, n, calls, seed, end, d.log);
            p->check(&d);
        }
    }
    CHECK_EQ(cuts, calls * seeds);
    printf("%s: %u flash calls, %u cuts injected, all recovered\n", p->name, calls, cuts);
    device_snapshot_free(&before_boot);
    device_close(&d);
}

TEST(power_cut_app_test_swap) { sweep(&paths[0]); }
TEST(power_cut_app_permanent_swap) { sweep(&paths[1]); }
TEST(power_cut_app_revert) { sweep(&paths[2]); }
TEST(power_cut_net_core_app_flash) { sweep(&paths[3]); }
TEST(power_cut_net_core_net_flash) { sweep(&paths[4]); }
TEST(power_cut_bootloader_via_s1) { sweep(&paths[5]); }
TEST(power_cut_bootloader_via_s0_after_s1) { sweep(&paths[6]); }
TEST(power_cut_csharp_deployment) { sweep(&paths[7]); }
