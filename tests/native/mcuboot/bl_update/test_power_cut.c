/*
 * A power cut at every flash call of an update, with several damage patterns each: after power
 * returns b0 (b0_run) always starts an intact slot, the loader never refuses and never fails, and
 * the device ends with the new copy running, the old slot untouched and nothing left requested.
 */
#include <stdio.h>
#include <string.h>

#include "blu_rig.h"

#define SEEDS 2
#define MAX_BOOTS 6

static struct blu b;

static const char *image_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, BLU_IMAGES_DIR "/%s.bin", name);
    return path;
}

struct scenario {
    const char *image;
    unsigned slot; /* the slot it is linked for */
    void (*setup)(void);
};

static void on_s0(void)
{
    blu_factory(&b);
}

/* S1 runs a committed copy (S0 holds the factory one). */
static void on_s1(void)
{
    struct mb_bl_verdict v;
    blu_factory(&b);
    blu_stage(&b, image_path("blu_s1_v3_big"), true);
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    CHECK_EQ(blu_boot(&b).slot, 1);
    CHECK_EQ(blu_boot(&b).starts, 0);
}

static const struct scenario s0_to_s1 = {"blu_s1_v3_big", 1, on_s0};
static const struct scenario s1_to_s0 = {"blu_s0_v4_big", 0, on_s1};
static const struct scenario s0_to_s1_one_page = {"blu_s1_v3", 1, on_s0};

static struct blob image, old_slot;
static struct blu_snapshot staged; /* the scenario's device with the upload staged */

/* Sets the scenario up once, and keeps it to start each cut from. */
static void prepare(const struct scenario *sc)
{
    blu_open(&b);
    sc->setup();
    blob_read(&image, image_path(sc->image));
    const uint32_t old_addr = sc->slot == 0 ? PM_S1_ADDRESS : PM_S0_ADDRESS;
    memcpy(old_slot.data, blu_memory(&b, old_addr), PM_S0_SIZE);
    old_slot.len = PM_S0_SIZE;
    blu_stage(&b, image_path(sc->image), true);
    blu_save(&b, &staged);
    blu_close(&b);
}

/* The flash calls of a clean update. */
static uint32_t count_calls(void)
{
    blu_restore(&b, &staged);
    const uint64_t before = flash_sim_calls(b.rig.flash);
    struct mb_bl_verdict v;
    CHECK_EQ(blu_loader(&b, &v), MB_BL_REBOOT);
    const uint32_t calls = (uint32_t)(flash_sim_calls(b.rig.flash) - before);
    blu_close(&b);
    return calls;
}

static void cut_and_recover(const struct scenario *sc, uint32_t n, uint64_t seed)
{
    const uint32_t old_addr = sc->slot == 0 ? PM_S1_ADDRESS : PM_S0_ADDRESS;
    blu_restore(&b, &staged);
    const uint32_t new_addr = sc->slot == 0 ? PM_S0_ADDRESS : PM_S1_ADDRESS;
    struct mb_bl_verdict v;
    flash_sim_cut_power_at(b.rig.flash, n, seed);
    /* A cut while the upload is erased still reports the finished copy: reboot into it. */
    const enum mb_bl_result cut = blu_loader(&b, &v);
    CHECK(cut == MB_BL_FAILED || cut == MB_BL_REBOOT);
    CHECK(flash_sim_power_lost(b.rig.flash));
    rig_power_cycle(&b.rig);
    memset(&b.outcome, 0xA5, sizeof b.outcome);

    struct b0_decision d;
    for (unsigned boots = 0;; boots++) {
        if (boots == MAX_BOOTS)
            test_fail(__FILE__, __LINE__, "cut %u seed %u: no end after %u boots", n, (unsigned)seed, boots);
        d = blu_boot(&b);
        if (d.slot == sc->slot)
            CHECK(blu_holds(&b, new_addr, &image));
        CHECK(blu_holds(&b, old_addr, &old_slot));
        enum mb_bl_result r = blu_loader(&b, &v);
        if (r == MB_BL_REFUSED || r == MB_BL_FAILED)
            test_fail(__FILE__, __LINE__, "cut %u seed %u, boot %u: %s: %s", n, (unsigned)seed, boots,
                      mb_bl_result_text(r), v.line);
        if (r != MB_BL_REBOOT)
            break;
    }
    CHECK_EQ(d.slot, sc->slot); /* the boot that found nothing more to do started the new copy */
    CHECK(blu_holds(&b, new_addr, &image));
    CHECK(blu_holds(&b, old_addr, &old_slot));
    /* Nothing is left asking for an update; only the header page may be left (not erased, or torn). */
    CHECK(!blu_pending(&b));
    CHECK(blu_erased(&b, SECONDARY + MEM_FLASH_PAGE_SIZE, PM_MCUBOOT_SECONDARY_SIZE - 2 * MEM_FLASH_PAGE_SIZE));
    struct mb_bl_info info;
    mb_bl_update_info(&b.env, SECONDARY, &info);
    CHECK(!info.staged);
    blu_close(&b);
}

static void every_cut(const struct scenario *sc)
{
    prepare(sc);
    const uint32_t calls = count_calls();
    CHECK(calls > 4);
    for (uint32_t n = 1; n <= calls; n++) {
        for (uint64_t seed = 1; seed <= SEEDS; seed++)
            cut_and_recover(sc, n, seed);
    }
}

TEST(power_cut_at_every_flash_call_s0_to_s1)
{
    every_cut(&s0_to_s1);
}

TEST(power_cut_at_every_flash_call_s1_to_s0)
{
    every_cut(&s1_to_s0);
}

TEST(power_cut_at_every_flash_call_one_page_image)
{
    every_cut(&s0_to_s1_one_page);
}
