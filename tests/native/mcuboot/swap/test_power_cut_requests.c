/*
 * Power cuts in the short write sequences around the swap: the application's requests (set pending
 * test / permanent, confirm) and the bootloader's refusal of a secondary. Each call is cut with many
 * seeds; after the reboot the bootloader must boot a sound image, and a retry by the application
 * must succeed without ever writing a word a third time (the simulator would refuse it).
 */
#include <stdio.h>

#include "swap_rig.h"

#define SEEDS 16

static struct test_image A, B, C;

static void make_images(void)
{
    image_make(&A, 3 * PAGE + 100, 31);
    image_make(&B, 4 * PAGE + 2000, 32);
    image_make(&C, 2 * PAGE + 300, 33);
}

static void setup(struct swap_rig *r)
{
    rig_open(r);
    rig_load(r, &r->pair.primary, &A);
    rig_load(r, &r->pair.secondary, &B);
}

/* B running as an unconfirmed test image, A in the secondary. */
static void setup_unconfirmed(struct swap_rig *r)
{
    setup(r);
    CHECK_EQ(mb_trailer_set_pending(&r->pair.secondary, 0, false), MB_TRAILER_OK);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(r, &out), MB_SWAP_OK);
    CHECK_EQ(out.swap_type, MB_SWAP_TYPE_TEST);
}

static uint64_t seed_for(unsigned n, unsigned seed)
{
    return 0xD1B54A32D192ED03u * (n + 1) + 0x8CB92BA72F3D8DD7u * (seed + 1);
}

static enum mb_swap_type boot_ok(struct swap_rig *r, const char *what, unsigned n, unsigned seed)
{
    struct mb_swap_outcome out;
    const enum mb_swap_result res = rig_boot(r, &out);
    if (res != MB_SWAP_OK)
        test_fail(__FILE__, __LINE__, "%s, cut %u seed %u: boot %s (%s, flash %d)\nlog:\n%s", what, n, seed,
                  mb_swap_result_text(res), out.reason, out.flash_error, r->log);
    return out.swap_type;
}

/* The application asks (again) until the request stands; a damaged trailer costs one extra call. */
static void request_until_accepted(struct swap_rig *r, bool permanent)
{
    int rc = mb_trailer_set_pending(&r->pair.secondary, 0, permanent);
    if (rc == MB_TRAILER_E_BAD_MAGIC)
        rc = mb_trailer_set_pending(&r->pair.secondary, 0, permanent);
    CHECK_EQ(rc, MB_TRAILER_OK);
}

static void cut_set_pending(bool permanent, unsigned *cuts)
{
    const char *what = permanent ? "set pending permanent" : "set pending test";
    const unsigned calls = permanent ? 3 : 2;
    for (unsigned n = 1; n <= calls; n++) {
        for (unsigned seed = 0; seed < SEEDS; seed++, (*cuts)++) {
            struct swap_rig r;
            setup(&r);
            flash_sim_cut_power_at(r.sim, n, seed_for(n, seed));
            CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, permanent), FLASH_E_POWER_LOST);
            rig_reboot(&r);
            const enum mb_swap_type type = boot_ok(&r, what, n, seed);
            if (type == MB_SWAP_TYPE_NONE) {
                /* The request did not take (torn magic): A still runs; the app asks again. */
                check_slot_holds(&r, &r.pair.primary, &A, 5);
                request_until_accepted(&r, permanent);
                const enum mb_swap_type retried = boot_ok(&r, what, n, seed);
                CHECK(retried == (permanent ? MB_SWAP_TYPE_PERM : MB_SWAP_TYPE_TEST));
            } else {
                /* A permanent request torn at image_ok runs as a test; nothing else changes type. */
                CHECK(type == MB_SWAP_TYPE_TEST || (permanent && type == MB_SWAP_TYPE_PERM));
                CHECK(!permanent || n == 2 || type == MB_SWAP_TYPE_PERM);
            }
            check_slot_holds(&r, &r.pair.primary, &B, 5);
            check_slot_holds(&r, &r.pair.secondary, &A, 5);
            rig_close(&r);
        }
    }
}

TEST(power_cut_in_the_apps_test_and_permanent_requests)
{
    make_images();
    unsigned cuts = 0;
    cut_set_pending(false, &cuts);
    cut_set_pending(true, &cuts);
    printf("power cuts in set_pending: %u\n", cuts);
    CHECK_EQ(cuts, (2 + 3) * SEEDS);
}

TEST(power_cut_in_the_apps_confirm_keeps_or_reverts_consistently)
{
    make_images();
    unsigned cuts = 0, kept = 0, reverted = 0;
    for (unsigned seed = 0; seed < SEEDS; seed++, cuts++) {
        struct swap_rig r;
        setup_unconfirmed(&r);
        flash_sim_cut_power_at(r.sim, 1, seed_for(1, seed));
        CHECK_EQ(mb_trailer_set_confirmed(&r.pair.primary), FLASH_E_POWER_LOST);
        rig_reboot(&r);
        const enum mb_swap_type type = boot_ok(&r, "confirm", 1, seed);
        /* Any programmed bit of image_ok confirms; a cut before the first bit is no confirm. */
        if (type == MB_SWAP_TYPE_NONE) {
            kept++;
            check_slot_holds(&r, &r.pair.primary, &B, 5);
            CHECK(rig_trailer(&r, &r.pair.primary).image_ok != MB_FLAG_UNSET);
            const uint64_t before = rig_calls(&r);
            CHECK_EQ(mb_trailer_set_confirmed(&r.pair.primary), MB_TRAILER_OK); /* the app confirms again */
            CHECK_EQ(rig_calls(&r), before);
        } else {
            CHECK_EQ(type, MB_SWAP_TYPE_REVERT);
            reverted++;
            check_slot_holds(&r, &r.pair.primary, &A, 5);
        }
        CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_NONE);
        rig_close(&r);
    }
    printf("power cuts in set_confirmed: %u (%u kept the image, %u reverted)\n", cuts, kept, reverted);
    CHECK_EQ(cuts, SEEDS);
}

/* The refusal writes image_ok, erases the header page, then the request; cut at each. */
static void cut_refusal(void (*prepare)(struct swap_rig *r), const struct test_image *running, unsigned *cuts)
{
    struct swap_rig r;
    prepare(&r);
    r.refuse = true;
    const uint64_t before = rig_calls(&r);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(&r, &out), MB_SWAP_OK);
    CHECK(out.refused);
    const unsigned calls = (unsigned)(rig_calls(&r) - before);
    rig_close(&r);
    CHECK(calls == 2 || calls == 3); /* image_ok is written only if unset */

    for (unsigned n = 1; n <= calls; n++) {
        for (unsigned seed = 0; seed < SEEDS; seed++, (*cuts)++) {
            prepare(&r);
            r.refuse = true;
            flash_sim_cut_power_at(r.sim, n, seed_for(n, seed));
            CHECK_EQ(rig_boot(&r, &out), MB_SWAP_E_POWER_LOST);
            rig_reboot(&r);
            CHECK_EQ(boot_ok(&r, "refusal", n, seed), MB_SWAP_TYPE_NONE);
            check_slot_holds(&r, &r.pair.primary, running, 3);
            CHECK(rig_trailer(&r, &r.pair.primary).image_ok != MB_FLAG_UNSET);
            CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_NONE);
            const uint8_t *header = rig_bytes(&r, r.pair.secondary.addr);
            for (uint32_t i = 0; i < PAGE; i++)
                CHECK_EQ(header[i], 0xff);
            /* The next request works, from whatever the cut left in the secondary trailer. */
            r.refuse = false;
            CHECK_EQ(flash_erase(r.pair.secondary.flash, r.pair.secondary.addr, 5 * PAGE), FLASH_OK); /* the upload */
            rig_load(&r, &r.pair.secondary, &C);
            request_until_accepted(&r, false);
            CHECK_EQ(boot_ok(&r, "request after refusal", n, seed), MB_SWAP_TYPE_TEST);
            check_slot_holds(&r, &r.pair.primary, &C, 1);
            rig_close(&r);
        }
    }
}

static void setup_new_request(struct swap_rig *r)
{
    setup(r);
    CHECK_EQ(mb_trailer_set_pending(&r->pair.secondary, 0, false), MB_TRAILER_OK);
}

/* An unconfirmed B running, and a new upload (refused) over A in the secondary. */
static void setup_request_over_unconfirmed(struct swap_rig *r)
{
    setup_unconfirmed(r);
    CHECK_EQ(flash_erase(r->pair.secondary.flash, r->pair.secondary.addr, 5 * PAGE), FLASH_OK);
    rig_load(r, &r->pair.secondary, &C);
    CHECK_EQ(mb_trailer_set_pending(&r->pair.secondary, 0, false), MB_TRAILER_OK);
}

TEST(power_cut_while_refusing_a_secondary_never_reverts_to_it)
{
    make_images();
    unsigned cuts = 0;
    cut_refusal(setup_new_request, &A, &cuts);
    cut_refusal(setup_request_over_unconfirmed, &B, &cuts);
    printf("power cuts in refusals: %u\n", cuts);
    CHECK_EQ(cuts, (3 + 3) * SEEDS);
}
