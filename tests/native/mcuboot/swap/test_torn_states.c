/*
 * Named regressions for the torn states the power-cut sweeps found or rely on, each built on
 * purpose: a revert marker torn at its magic, a status record and a copy_done torn so lightly
 * that they still read erased, and a swap start whose primary trailer erase was torn.
 */
#include <string.h>

#include "swap_rig.h"

static struct test_image A, B;

static void setup_request(struct swap_rig *r, bool permanent)
{
    rig_open(r);
    image_make(&A, 3 * PAGE + 100, 41);
    image_make(&B, 4 * PAGE + 2000, 42);
    rig_load(r, &r->pair.primary, &A);
    rig_load(r, &r->pair.secondary, &B);
    CHECK_EQ(mb_trailer_set_pending(&r->pair.secondary, 0, permanent), MB_TRAILER_OK);
}

static void boot_expect(struct swap_rig *r, enum mb_swap_result want, enum mb_swap_type type)
{
    struct mb_swap_outcome out;
    const enum mb_swap_result res = rig_boot(r, &out);
    if (res != want || (want == MB_SWAP_OK && out.swap_type != type))
        test_fail(__FILE__, __LINE__, "boot %s, swap %s (%s)\nlog:\n%s", mb_swap_result_text(res),
                  mb_swap_type_name(out.swap_type), out.reason, r->log);
}

/* Cuts the n-th call of the next boot, then restores power. */
static void boot_cut_at(struct swap_rig *r, unsigned n, uint64_t seed)
{
    flash_sim_cut_power_at(r->sim, n, seed);
    boot_expect(r, MB_SWAP_E_POWER_LOST, MB_SWAP_TYPE_NONE);
    rig_reboot(r);
}

TEST(revert_marker_torn_at_its_magic_still_reverts)
{
    struct swap_rig r;
    setup_request(&r, false);
    boot_expect(&r, MB_SWAP_OK, MB_SWAP_TYPE_TEST);
    /* The revert writes the marker: erase, swap_size, swap_info, image_ok, magic (call 5). */
    boot_cut_at(&r, 5, 7);
    const struct mb_trailer_state marker = rig_trailer(&r, &r.pair.secondary);
    CHECK_EQ(marker.magic, MB_MAGIC_BAD);
    CHECK_EQ(marker.swap_type, MB_SWAP_TYPE_REVERT);
    /* MCUboot's row IV wants the secondary magic unset; the half marker must not block the revert. */
    CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_REVERT);
    boot_expect(&r, MB_SWAP_OK, MB_SWAP_TYPE_REVERT);
    check_slot_holds(&r, &r.pair.primary, &A, 5);
    check_slot_holds(&r, &r.pair.secondary, &B, 5);
    CHECK_EQ(rig_trailer(&r, &r.pair.secondary).magic, MB_MAGIC_UNSET);
    rig_close(&r);
}

/* The call of a test-upgrade boot that first changes the word at addr (found by cutting each call). */
static unsigned call_writing(uint32_t addr)
{
    for (unsigned n = 1; n < 64; n++) {
        struct swap_rig probe;
        setup_request(&probe, false);
        flash_sim_cut_power_at(probe.sim, n, 1);
        struct mb_swap_outcome out;
        (void)rig_boot(&probe, &out);
        const bool touched = memcmp(rig_bytes(&probe, addr), "\xff\xff\xff\xff", 4) != 0;
        rig_close(&probe);
        if (touched)
            return n;
    }
    test_fail(__FILE__, __LINE__, "no call of the boot writes 0x%x", (unsigned)addr);
}

TEST(status_record_torn_without_a_visible_bit_reruns_its_step)
{
    struct swap_rig r;
    setup_request(&r, false);
    const uint32_t record = mb_trailer_status_addr(&r.pair.primary); /* the first move's record */
    rig_close(&r);
    const unsigned n = call_writing(record);
    CHECK(n > 5); /* after the trailer init */

    /* Power lost on the step's last call, and one write spent on the record that programmed nothing. */
    setup_request(&r, false);
    boot_cut_at(&r, n - 1, 3);
    const uint8_t nothing[4] = {0xff, 0xff, 0xff, 0xff};
    CHECK_EQ(flash_write(r.pair.primary.flash, record, nothing, 4), FLASH_OK);
    bool resume = false;
    CHECK_EQ(rig_peek(&r, &resume), MB_SWAP_TYPE_TEST);
    CHECK(resume);
    boot_expect(&r, MB_SWAP_OK, MB_SWAP_TYPE_TEST); /* step 0 again; its record is the word's second write */
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    check_slot_holds(&r, &r.pair.secondary, &A, 5);
    rig_close(&r);
}

/*
 * A record reading erased after a tear costs a second write when its step reruns; a second such
 * tear would need a third. With MCUboot's 0xff padding a tear clears none of the 7 bits to clear
 * 1 time in 128; with 0x00 padding, 1 time in 2^31.
 */
TEST(torn_status_records_do_not_read_as_erased)
{
    struct swap_rig r;
    setup_request(&r, false);
    const uint32_t record = mb_trailer_status_addr(&r.pair.primary);
    rig_close(&r);
    const unsigned n = call_writing(record);
    unsigned erased_looking = 0;
    for (uint64_t seed = 0; seed < 512; seed++) {
        setup_request(&r, false);
        boot_cut_at(&r, n, seed * 0x9E3779B97F4A7C15u + 1);
        if (memcmp(rig_bytes(&r, record), "\xff\xff\xff\xff", 4) == 0)
            erased_looking++;
        CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_TEST);
        rig_close(&r);
    }
    CHECK_EQ(erased_looking, 0);
}

TEST(copy_done_torn_without_a_visible_bit_is_written_again)
{
    struct swap_rig r;
    setup_request(&r, false);
    const uint64_t start = rig_calls(&r);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(&r, &out), MB_SWAP_OK);
    const unsigned calls = (unsigned)(rig_calls(&r) - start);
    rig_close(&r);

    /* Power lost on the last record, then one write spent on copy_done that programmed nothing. */
    setup_request(&r, false);
    boot_cut_at(&r, calls - 1, 5);
    const uint32_t copy_done = mb_trailer_copy_done_addr(&r.pair.primary);
    const uint8_t nothing[4] = {0xff, 0xff, 0xff, 0xff};
    CHECK_EQ(flash_write(r.pair.primary.flash, copy_done, nothing, 4), FLASH_OK);
    bool resume = false;
    CHECK_EQ(rig_peek(&r, &resume), MB_SWAP_TYPE_TEST);
    CHECK(resume);
    const uint64_t before = rig_calls(&r);
    boot_expect(&r, MB_SWAP_OK, MB_SWAP_TYPE_TEST);
    CHECK_EQ(rig_calls(&r) - before, 1); /* every step was recorded: only copy_done is left */
    CHECK_EQ(rig_trailer(&r, &r.pair.primary).copy_done, MB_FLAG_SET);
    CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_REVERT);
    rig_close(&r);
}

TEST(copy_done_torn_to_a_bad_value_means_done_and_is_never_rewritten)
{
    struct swap_rig r;
    setup_request(&r, false);
    const uint64_t start = rig_calls(&r);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(&r, &out), MB_SWAP_OK);
    const unsigned calls = (unsigned)(rig_calls(&r) - start);
    rig_close(&r);

    /* Some seed tears copy_done to a value that is neither 0x01 nor erased. */
    for (uint64_t seed = 1;; seed++) {
        CHECK(seed < 64);
        setup_request(&r, false);
        boot_cut_at(&r, calls, seed);
        if (rig_trailer(&r, &r.pair.primary).copy_done == MB_FLAG_BAD)
            break;
        rig_close(&r);
    }
    bool resume = true;
    CHECK_EQ(rig_peek(&r, &resume), MB_SWAP_TYPE_REVERT); /* read as SET: the test image is reverted */
    CHECK(!resume);
    boot_expect(&r, MB_SWAP_OK, MB_SWAP_TYPE_REVERT);
    check_slot_holds(&r, &r.pair.primary, &A, 5);
    rig_close(&r);
}

TEST(permanent_request_torn_at_image_ok_runs_as_a_test)
{
    struct swap_rig r;
    rig_open(&r);
    image_make(&A, 3 * PAGE, 43);
    image_make(&B, 2 * PAGE, 44);
    rig_load(&r, &r.pair.primary, &A);
    rig_load(&r, &r.pair.secondary, &B);
    CHECK_EQ(flash_write(r.pair.secondary.flash, mb_trailer_magic_addr(&r.pair.secondary), mb_trailer_magic, 16),
             FLASH_OK);
    const uint8_t torn[4] = {0x41, 0xff, 0xff, 0xff};
    CHECK_EQ(flash_write(r.pair.secondary.flash, mb_trailer_image_ok_addr(&r.pair.secondary), torn, 4), FLASH_OK);
    CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_TEST);
    boot_expect(&r, MB_SWAP_OK, MB_SWAP_TYPE_TEST);
    CHECK_EQ(rig_trailer(&r, &r.pair.primary).image_ok, MB_FLAG_UNSET); /* not confirmed by the swap */
    rig_close(&r);
}

TEST(torn_erase_of_the_primary_trailer_at_swap_start_restarts_from_the_request)
{
    struct swap_rig r;
    setup_request(&r, true);
    /* A full primary trailer to tear: pretend a confirmed image with an old swap's fields. */
    const struct mb_area *p = &r.pair.primary;
    CHECK_EQ(flash_write(p->flash, mb_trailer_magic_addr(p), mb_trailer_magic, 16), FLASH_OK);
    const uint8_t set[4] = {0x01, 0xff, 0xff, 0xff}, info[4] = {0x02, 0xff, 0xff, 0xff};
    CHECK_EQ(flash_write(p->flash, mb_trailer_image_ok_addr(p), set, 4), FLASH_OK);
    CHECK_EQ(flash_write(p->flash, mb_trailer_copy_done_addr(p), set, 4), FLASH_OK);
    CHECK_EQ(flash_write(p->flash, mb_trailer_swap_info_addr(p), info, 4), FLASH_OK);
    boot_cut_at(&r, 1, 11);
    CHECK(rig_trailer(&r, p).magic != MB_MAGIC_GOOD);
    bool resume = true;
    CHECK_EQ(rig_peek(&r, &resume), MB_SWAP_TYPE_PERM);
    CHECK(!resume);
    r.validations = 0;
    boot_expect(&r, MB_SWAP_OK, MB_SWAP_TYPE_PERM);
    CHECK_EQ(r.validations, 1); /* nothing was swapped yet: the request is validated again */
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    rig_close(&r);
}
