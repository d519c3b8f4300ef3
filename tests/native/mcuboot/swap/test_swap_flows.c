/*
 * Upgrade flows without power cuts, as MCUboot's simulator runs them: test then confirm, test then
 * revert, permanent, refused secondary, stale trailer, oversized image, and the engine's contract
 * (no validation on resume, watchdog per sector, errors instead of crashes).
 */
#include <string.h>

#include "swap_rig.h"

static struct test_image A, B, C; /* large: kept off the stack */

/* A (3 sectors + 100 bytes) in the primary, B (4 sectors + 2000 bytes) in the secondary. */
static void setup_two_images(struct swap_rig *r)
{
    rig_open(r);
    image_make(&A, 3 * PAGE + 100, 1);
    image_make(&B, 4 * PAGE + 2000, 2);
    rig_load(r, &r->pair.primary, &A);
    rig_load(r, &r->pair.secondary, &B);
}

static void boot_expect(struct swap_rig *r, enum mb_swap_type type, bool resumed, struct mb_swap_outcome *out)
{
    struct mb_swap_outcome o;
    const enum mb_swap_result res = rig_boot(r, &o);
    if (res != MB_SWAP_OK || o.swap_type != type || o.resumed != resumed)
        test_fail(__FILE__, __LINE__, "boot: %s, swap %s, resumed %d (expected %s, %d): %s\nlog:\n%s",
                  mb_swap_result_text(res), mb_swap_type_name(o.swap_type), o.resumed, mb_swap_type_name(type),
                  resumed, o.reason, r->log);
    if (out != NULL)
        *out = o;
}

static void check_trailer(struct swap_rig *r, const struct mb_area *a, enum mb_magic magic, enum mb_flag image_ok,
                          enum mb_flag copy_done)
{
    const struct mb_trailer_state st = rig_trailer(r, a);
    CHECK_EQ(st.magic, magic);
    CHECK_EQ(st.image_ok, image_ok);
    CHECK_EQ(st.copy_done, copy_done);
}

TEST(test_swap_then_confirm_keeps_the_new_image)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, &out);
    CHECK_EQ(out.sectors, 5);
    CHECK_EQ(out.swap_size, B.size);
    CHECK_EQ(r.validations, 1);
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    check_slot_holds(&r, &r.pair.secondary, &A, 5);
    check_trailer(&r, &r.pair.primary, MB_MAGIC_GOOD, MB_FLAG_UNSET, MB_FLAG_SET);
    check_trailer(&r, &r.pair.secondary, MB_MAGIC_UNSET, MB_FLAG_UNSET, MB_FLAG_UNSET);
    CHECK_EQ(rig_trailer(&r, &r.pair.primary).swap_type, MB_SWAP_TYPE_TEST);
    CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_REVERT);

    CHECK_EQ(mb_trailer_set_confirmed(&r.pair.primary), MB_TRAILER_OK); /* the new image confirms itself */
    CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_NONE);
    for (int boot = 0; boot < 3; boot++) {
        const uint64_t before = rig_calls(&r);
        boot_expect(&r, MB_SWAP_TYPE_NONE, false, NULL);
        CHECK_EQ(rig_calls(&r), before);
    }
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    rig_close(&r);
}

TEST(test_swap_without_confirm_reverts_to_the_original_bytes)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, NULL);
    r.validations = 0;
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_REVERT, false, &out);
    CHECK_EQ(r.validations, 0); /* a revert brings back what ran before: no validation */
    CHECK_EQ(out.sectors, 5);
    check_slot_holds(&r, &r.pair.primary, &A, 5);
    check_slot_holds(&r, &r.pair.secondary, &B, 5);
    check_trailer(&r, &r.pair.primary, MB_MAGIC_GOOD, MB_FLAG_SET, MB_FLAG_SET);
    check_trailer(&r, &r.pair.secondary, MB_MAGIC_UNSET, MB_FLAG_UNSET, MB_FLAG_UNSET);
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, NULL);
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, NULL);
    check_slot_holds(&r, &r.pair.primary, &A, 5);
    rig_close(&r);
}

TEST(permanent_swap_needs_no_confirm)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, true), MB_TRAILER_OK);
    boot_expect(&r, MB_SWAP_TYPE_PERM, false, NULL);
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    check_slot_holds(&r, &r.pair.secondary, &A, 5);
    check_trailer(&r, &r.pair.primary, MB_MAGIC_GOOD, MB_FLAG_SET, MB_FLAG_SET);
    check_trailer(&r, &r.pair.secondary, MB_MAGIC_UNSET, MB_FLAG_UNSET, MB_FLAG_UNSET);
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, NULL);
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    rig_close(&r);
}

TEST(swap_covers_the_larger_of_the_two_images)
{
    struct swap_rig r;
    rig_open(&r);
    image_make(&A, 6 * PAGE + 4, 3); /* the primary image is the larger one */
    image_make(&B, PAGE / 2, 4);
    rig_load(&r, &r.pair.primary, &A);
    rig_load(&r, &r.pair.secondary, &B);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, &out);
    CHECK_EQ(out.sectors, 7);
    check_slot_holds(&r, &r.pair.secondary, &A, 7);
    boot_expect(&r, MB_SWAP_TYPE_REVERT, false, NULL);
    check_slot_holds(&r, &r.pair.primary, &A, 7);
    check_slot_holds(&r, &r.pair.secondary, &B, 7);
    rig_close(&r);
}

TEST(largest_image_uses_every_sector_but_the_move_and_trailer_pages)
{
    struct swap_rig r;
    rig_open(&r);
    image_make(&A, 2 * PAGE, 5);
    image_make(&B, IMAGE_MAX, 6);
    rig_load(&r, &r.pair.primary, &A);
    rig_load(&r, &r.pair.secondary, &B);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, &out);
    CHECK_EQ(out.sectors, IMAGE_MAX / PAGE);
    check_slot_holds(&r, &r.pair.primary, &B, IMAGE_MAX / PAGE);
    check_slot_holds(&r, &r.pair.secondary, &A, IMAGE_MAX / PAGE);
    boot_expect(&r, MB_SWAP_TYPE_REVERT, false, NULL);
    check_slot_holds(&r, &r.pair.primary, &A, IMAGE_MAX / PAGE);
    check_slot_holds(&r, &r.pair.secondary, &B, IMAGE_MAX / PAGE);
    rig_close(&r);
}

TEST(refused_secondary_is_erased_and_the_primary_confirmed)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    r.refuse = true;
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, &out);
    CHECK(out.refused);
    CHECK_STR_EQ(out.reason, "secondary image refused by validation");
    check_slot_holds(&r, &r.pair.primary, &A, 5);
    check_trailer(&r, &r.pair.primary, MB_MAGIC_UNSET, MB_FLAG_SET, MB_FLAG_UNSET);
    check_trailer(&r, &r.pair.secondary, MB_MAGIC_UNSET, MB_FLAG_UNSET, MB_FLAG_UNSET);
    const uint8_t *header_page = rig_bytes(&r, r.pair.secondary.addr);
    for (uint32_t i = 0; i < PAGE; i++)
        CHECK_EQ(header_page[i], 0xff);
    r.validations = 0;
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, &out);
    CHECK(!out.refused);
    CHECK_EQ(r.validations, 0); /* nothing requested any more */
    rig_close(&r);
}

TEST(refusing_a_new_upload_over_an_unconfirmed_test_image_confirms_it)
{
    /* MCUboot's rule: the old image in the secondary is gone (overwritten by the upload), so the
     * running image is kept for good rather than reverted to a refused one. */
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, NULL);
    CHECK_EQ(flash_erase(r.pair.secondary.flash, r.pair.secondary.addr, 5 * PAGE), FLASH_OK);
    image_make(&C, 2 * PAGE, 7);
    rig_load(&r, &r.pair.secondary, &C);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    r.refuse = true;
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, &out);
    CHECK(out.refused);
    check_trailer(&r, &r.pair.primary, MB_MAGIC_GOOD, MB_FLAG_SET, MB_FLAG_SET);
    CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_NONE);
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    rig_close(&r);
}

TEST(new_upload_over_an_unconfirmed_test_image_is_swapped_in_not_reverted)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, NULL);
    CHECK_EQ(flash_erase(r.pair.secondary.flash, r.pair.secondary.addr, 5 * PAGE), FLASH_OK);
    image_make(&C, 2 * PAGE + 8, 8);
    rig_load(&r, &r.pair.secondary, &C);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, NULL); /* row II comes before row IV */
    check_slot_holds(&r, &r.pair.primary, &C, 3);
    check_slot_holds(&r, &r.pair.secondary, &B, 5);
    boot_expect(&r, MB_SWAP_TYPE_REVERT, false, NULL);
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    rig_close(&r);
}

TEST(stale_secondary_trailer_over_an_erased_image_is_cleared)
{
    struct swap_rig r;
    rig_open(&r);
    image_make(&A, 3 * PAGE, 9);
    rig_load(&r, &r.pair.primary, &A);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, &out);
    CHECK(out.refused);
    check_trailer(&r, &r.pair.secondary, MB_MAGIC_UNSET, MB_FLAG_UNSET, MB_FLAG_UNSET);
    check_slot_holds(&r, &r.pair.primary, &A, 3);
    CHECK_EQ(rig_peek(&r, NULL), MB_SWAP_TYPE_NONE);
    rig_close(&r);
}

TEST(image_bigger_than_the_slot_allows_is_refused_and_the_primary_kept)
{
    struct swap_rig r;
    rig_open(&r);
    image_make(&A, 3 * PAGE, 10);
    image_make_claiming(&B, 2 * PAGE, IMAGE_MAX + 1, 11);
    rig_load(&r, &r.pair.primary, &A);
    rig_load(&r, &r.pair.secondary, &B);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, true), MB_TRAILER_OK);
    const uint64_t before = rig_calls(&r);
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_NONE, false, &out);
    CHECK(out.refused);
    CHECK_STR_EQ(out.reason, "secondary image larger than the slot allows");
    CHECK_EQ(rig_calls(&r) - before, 3); /* image_ok, secondary trailer erase, header page erase */
    check_slot_holds(&r, &r.pair.primary, &A, 3);
    rig_close(&r);
}

TEST(interrupted_swap_resumes_without_validation)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    flash_sim_cut_power_at(r.sim, 40, 1);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(&r, &out), MB_SWAP_E_POWER_LOST);
    CHECK_EQ(out.flash_error, FLASH_E_POWER_LOST);
    rig_reboot(&r);
    bool resume = false;
    CHECK_EQ(rig_peek(&r, &resume), MB_SWAP_TYPE_TEST);
    CHECK(resume);
    r.refuse = true; /* would refuse if asked: a resume must not ask */
    r.validations = 0;
    boot_expect(&r, MB_SWAP_TYPE_TEST, true, &out);
    CHECK_EQ(r.validations, 0);
    CHECK_EQ(out.sectors, 5);
    CHECK(strstr(r.log, "resuming test swap of image 0") != NULL);
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    check_slot_holds(&r, &r.pair.secondary, &A, 5);
    rig_close(&r);
}

TEST(watchdog_is_fed_for_every_sector_copied_and_the_log_tells_the_story)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    boot_expect(&r, MB_SWAP_TYPE_TEST, false, NULL);
    CHECK(r.feeds >= 3 * 5); /* 5 moves + 10 swap copies */
    CHECK(strstr(r.log, "swap type test") != NULL);
    CHECK(strstr(r.log, "starting test swap of image 0 using move: 5 sectors") != NULL);
    CHECK(strstr(r.log, "test swap of image 0 complete") != NULL);
    rig_close(&r);
}

TEST(flash_errors_are_returned_not_crashed_on)
{
    struct swap_rig r;
    setup_two_images(&r);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, false), MB_TRAILER_OK);
    /* The SPU lock of the secondary's first region makes its first sector erase fail. */
    CHECK_EQ(flash_sim_lock(r.sim, PM_MCUBOOT_SECONDARY_ADDRESS, FLASH_SIM_LOCK_REGION), FLASH_OK);
    struct mb_swap_outcome out;
    CHECK_EQ(rig_boot(&r, &out), MB_SWAP_E_FLASH);
    CHECK_EQ(out.flash_error, FLASH_E_LOCKED);
    rig_reboot(&r); /* locks go with the reset; the swap resumes */
    boot_expect(&r, MB_SWAP_TYPE_TEST, true, NULL);
    check_slot_holds(&r, &r.pair.primary, &B, 5);
    rig_close(&r);
}

TEST(unusable_pairs_and_hooks_are_refused)
{
    struct swap_rig r;
    rig_open(&r);
    struct mb_swap_outcome out;
    struct mb_swap_hooks no_validation = r.hooks;
    no_validation.validate_secondary = NULL;
    CHECK_EQ(mb_swap_boot(&r.pair, &no_validation, &out), MB_SWAP_E_LAYOUT);
    CHECK_EQ(mb_swap_boot(&r.pair, NULL, &out), MB_SWAP_E_LAYOUT);

    struct mb_swap_pair bad = r.pair;
    bad.primary.addr += 0x100; /* not page aligned */
    CHECK_EQ(mb_swap_boot(&bad, &r.hooks, &out), MB_SWAP_E_LAYOUT);
    bad = r.pair;
    bad.primary.size = PAGE; /* no room to move */
    CHECK_EQ(mb_swap_boot(&bad, &r.hooks, &out), MB_SWAP_E_LAYOUT);
    bad = r.pair;
    bad.image_number = 16;
    CHECK_EQ(mb_swap_boot(&bad, &r.hooks, &out), MB_SWAP_E_LAYOUT);

    struct flash_sim *net = flash_sim_open(&flash_sim_nrf5340_net, NULL, 0);
    CHECK(net != NULL);
    bad = r.pair;
    bad.secondary = (struct mb_area){flash_sim_dev(net), PM_NET_APP_ADDRESS, 0x20000}; /* 2 KiB pages */
    CHECK_EQ(mb_swap_boot(&bad, &r.hooks, &out), MB_SWAP_E_LAYOUT);
    flash_sim_close(net);
    rig_close(&r);
}

TEST(swap_of_an_erased_primary_moves_only_the_new_image)
{
    struct swap_rig r;
    rig_open(&r);
    image_make(&B, 2 * PAGE + 12, 12);
    rig_load(&r, &r.pair.secondary, &B);
    CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, true), MB_TRAILER_OK);
    struct mb_swap_outcome out;
    boot_expect(&r, MB_SWAP_TYPE_PERM, false, &out);
    CHECK_EQ(out.sectors, 3);
    check_slot_holds(&r, &r.pair.primary, &B, 3);
    const uint8_t *s = rig_bytes(&r, r.pair.secondary.addr);
    for (uint32_t i = 0; i < 3 * PAGE; i++)
        CHECK_EQ(s[i], 0xff);
    rig_close(&r);
}
