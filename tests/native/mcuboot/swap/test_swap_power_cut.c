/*
 * Power cuts, MCUboot-simulator style but harsher: the simulator tears the cut call (a partial word,
 * a partly erased page with random bits) instead of stopping between calls. For a test upgrade, a
 * permanent upgrade and a revert, a clean run counts its changing flash calls; then the power is
 * cut at every one of them with several seeds, and (for a subset) again at calls of the recovery
 * boot. After each recovery both slots must hold, byte for byte, what the clean run left, the
 * trailers must read the same, and the next boot must decide the same.
 */
#include <stdio.h>
#include <string.h>

#include "swap_rig.h"

#define SEEDS 3
/*
 * Second cuts: the first and last calls of a boot are the trailer writes (request marker, primary
 * trailer init, secondary trailer erase, first records; copy_done), so those get every call; the
 * sector copies between them repeat one pattern and are sampled.
 */
#define EDGE_CALLS 8
#define FIRST_CUT_STRIDE 25
#define SECOND_CUT_STRIDE 4

static struct test_image A, B, C; /* A in the primary, B in the secondary before the upgrade; C later */

struct scenario {
    const char *name;
    void (*setup)(struct swap_rig *r);
    enum mb_swap_type type;        /* what the interrupted boot does */
    const struct test_image *primary_after, *secondary_after;
    enum mb_flag image_ok_after;   /* primary trailer after the swap */
    enum mb_swap_type next_boot;   /* what the boot after it decides */
};

struct totals {
    unsigned calls, cuts, nested_cuts, torn_copy_done;
};

/* On an open rig (the sweeps reuse one simulator: reopening 1 MiB per run dominates the time). */
static void load_images(struct swap_rig *r)
{
    rig_wipe(r);
    rig_load(r, &r->pair.primary, &A);
    rig_load(r, &r->pair.secondary, &B);
}

static void setup_test(struct swap_rig *r)
{
    load_images(r);
    CHECK_EQ(mb_trailer_set_pending(&r->pair.secondary, 0, false), MB_TRAILER_OK);
}

static void setup_perm(struct swap_rig *r)
{
    load_images(r);
    CHECK_EQ(mb_trailer_set_pending(&r->pair.secondary, 0, true), MB_TRAILER_OK);
}

/* An unconfirmed test image: the next boot reverts. */
static void setup_revert(struct swap_rig *r)
{
    setup_test(r);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(r, &out), MB_SWAP_OK);
    CHECK_EQ(out.swap_type, MB_SWAP_TYPE_TEST);
}

/*
 * B confirmed after a test swap, then C uploaded and requested: the swap start erases a primary
 * trailer full of the last swap's fields and records (a torn erase there leaves random bits).
 */
static void setup_upgrade_over_confirmed(struct swap_rig *r)
{
    setup_revert(r);
    CHECK_EQ(mb_trailer_set_confirmed(&r->pair.primary), MB_TRAILER_OK);
    CHECK_EQ(flash_erase(r->pair.secondary.flash, r->pair.secondary.addr, sectors_of(B.size) * PAGE), FLASH_OK);
    rig_load(r, &r->pair.secondary, &C);
    CHECK_EQ(mb_trailer_set_pending(&r->pair.secondary, 0, false), MB_TRAILER_OK);
}

static const struct scenario scenarios[] = {
    {"test upgrade", setup_test, MB_SWAP_TYPE_TEST, &B, &A, MB_FLAG_UNSET, MB_SWAP_TYPE_REVERT},
    {"permanent upgrade", setup_perm, MB_SWAP_TYPE_PERM, &B, &A, MB_FLAG_SET, MB_SWAP_TYPE_NONE},
    {"revert", setup_revert, MB_SWAP_TYPE_REVERT, &A, &B, MB_FLAG_SET, MB_SWAP_TYPE_NONE},
    {"upgrade over a confirmed image", setup_upgrade_over_confirmed, MB_SWAP_TYPE_TEST, &C, &B, MB_FLAG_UNSET,
     MB_SWAP_TYPE_REVERT},
};

static uint32_t swap_size_of(const struct scenario *s)
{
    return s->primary_after->size > s->secondary_after->size ? s->primary_after->size : s->secondary_after->size;
}

static uint64_t seed_for(unsigned n, unsigned seed, unsigned nested)
{
    return 0x9E3779B97F4A7C15u * (n + 1) ^ 0xC2B2AE3D27D4EB4Fu * (seed + 1) ^ 0x165667B19E3779F9u * (nested + 1);
}

/* The end state of a finished swap, equal to the clean run's. */
static void check_settled(struct swap_rig *r, const struct scenario *s, struct totals *t, const char *when)
{
    const uint32_t sectors = sectors_of(swap_size_of(s));
    check_slot_holds(r, &r->pair.primary, s->primary_after, sectors);
    check_slot_holds(r, &r->pair.secondary, s->secondary_after, sectors);
    const struct mb_trailer_state p = rig_trailer(r, &r->pair.primary);
    const struct mb_trailer_state q = rig_trailer(r, &r->pair.secondary);
    /* copy_done is the last write: torn there, it stays programmed-but-not-0x01 and means done. */
    const bool copy_done_ok = p.copy_done == MB_FLAG_SET || p.copy_done == MB_FLAG_BAD;
    if (p.magic != MB_MAGIC_GOOD || p.image_ok != s->image_ok_after || !copy_done_ok || p.swap_type != s->type ||
        p.image_number != 0 || p.swap_size != swap_size_of(s) || q.magic != MB_MAGIC_UNSET ||
        q.image_ok != MB_FLAG_UNSET || q.copy_done != MB_FLAG_UNSET)
        test_fail(__FILE__, __LINE__,
                  "%s %s: primary trailer magic %d image_ok %d copy_done %d type %d size %u; secondary magic %d "
                  "image_ok %d copy_done %d\nlog:\n%s",
                  s->name, when, p.magic, p.image_ok, p.copy_done, p.swap_type, (unsigned)p.swap_size, q.magic,
                  q.image_ok, q.copy_done, r->log);
    if (p.copy_done == MB_FLAG_BAD)
        t->torn_copy_done++;
    bool resume = true;
    CHECK_EQ(rig_peek(r, &resume), s->next_boot);
    CHECK(!resume);
}

static void boot_cut(struct swap_rig *r, const struct scenario *s, unsigned n, uint64_t seed, const char *when)
{
    flash_sim_cut_power_at(r->sim, n, seed);
    struct mb_swap_outcome out;
    const enum mb_swap_result res = rig_boot(r, &out);
    if (res != MB_SWAP_E_POWER_LOST || !flash_sim_power_lost(r->sim))
        test_fail(__FILE__, __LINE__, "%s: cut %u %s did not stop the boot (%s)\nlog:\n%s", s->name, n, when,
                  mb_swap_result_text(res), r->log);
    rig_reboot(r);
}

/*
 * The boot after the cut(s) finishes the swap the scenario started, resumed or restarted. A cut at
 * the last write (copy_done) leaves a finished swap: then nothing is left to do, and booting would
 * already run the next decision (a test image's revert).
 */
static void boot_recovers(struct swap_rig *r, const struct scenario *s, const char *when)
{
    bool resume = false;
    if (rig_peek(r, &resume) != s->type && !resume)
        return;
    struct mb_swap_outcome out;
    const enum mb_swap_result res = rig_boot(r, &out);
    if (res != MB_SWAP_OK || out.swap_type != s->type || out.refused)
        test_fail(__FILE__, __LINE__, "%s %s: recovery boot %s, swap %s, refused %d: %s\nlog:\n%s", s->name, when,
                  mb_swap_result_text(res), mb_swap_type_name(out.swap_type), out.refused, out.reason, r->log);
}

static unsigned clean_run_calls(struct swap_rig *r, const struct scenario *s, struct totals *t)
{
    s->setup(r);
    const uint64_t before = rig_calls(r);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(r, &out), MB_SWAP_OK);
    CHECK_EQ(out.swap_type, s->type);
    const unsigned calls = (unsigned)(rig_calls(r) - before);
    check_settled(r, s, t, "clean run");
    return calls;
}

static bool edge_or_stride(unsigned k, unsigned count, unsigned stride)
{
    return k <= EDGE_CALLS || k + EDGE_CALLS > count || k % stride == 0;
}

static void sweep(struct swap_rig *r, const struct scenario *s, struct totals *t)
{
    const unsigned calls = clean_run_calls(r, s, t);
    t->calls += calls;
    char when[64];
    for (unsigned n = 1; n <= calls; n++) {
        for (unsigned seed = 0; seed < SEEDS; seed++) {
            s->setup(r);
            snprintf(when, sizeof when, "cut at %u seed %u", n, seed);
            boot_cut(r, s, n, seed_for(n, seed, 0), when);
            t->cuts++;
            const uint64_t recovery_start = rig_calls(r);
            boot_recovers(r, s, when);
            const unsigned recovery_calls = (unsigned)(rig_calls(r) - recovery_start);
            check_settled(r, s, t, when);

            if (seed != 0 || !edge_or_stride(n, calls, FIRST_CUT_STRIDE))
                continue;
            /* A second cut during that recovery boot. */
            for (unsigned j = 1; j <= recovery_calls; j++) {
                if (!edge_or_stride(j, recovery_calls, SECOND_CUT_STRIDE))
                    continue;
                s->setup(r);
                boot_cut(r, s, n, seed_for(n, seed, 0), when);
                snprintf(when, sizeof when, "cut at %u, then at %u of the recovery", n, j);
                boot_cut(r, s, j, seed_for(n, seed, j), when);
                t->nested_cuts++;
                boot_recovers(r, s, when);
                check_settled(r, s, t, when);
            }
        }
    }
}

static void run_scenario(const struct scenario *s)
{
    image_make(&A, 3 * PAGE + 100, 21);
    image_make(&B, 4 * PAGE + 2000, 22);
    image_make(&C, 2 * PAGE + 300, 23);
    struct totals t = {0};
    struct swap_rig r;
    rig_open(&r);
    sweep(&r, s, &t);
    rig_close(&r);
    printf("power cuts, %s: %u changing calls in a clean run, %u cuts (%u seeds), %u second cuts during recovery, "
           "%u ended with a torn copy_done\n",
           s->name, t.calls, t.cuts, SEEDS, t.nested_cuts, t.torn_copy_done);
    CHECK(t.calls > 200);
    CHECK_EQ(t.cuts, SEEDS * t.calls);
    CHECK(t.nested_cuts > 2 * t.calls);
}

TEST(power_cut_at_every_call_of_a_test_upgrade)
{
    run_scenario(&scenarios[0]);
}

TEST(power_cut_at_every_call_of_a_permanent_upgrade)
{
    run_scenario(&scenarios[1]);
}

TEST(power_cut_at_every_call_of_a_revert)
{
    run_scenario(&scenarios[2]);
}

TEST(power_cut_at_every_call_of_an_upgrade_over_a_confirmed_image)
{
    run_scenario(&scenarios[3]);
}
