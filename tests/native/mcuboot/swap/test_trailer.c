/*
 * The trailer: layout against the board and imgtool, decoding, the swap-type table, and the writes
 * of the test / confirm requests (MCUboot's rules, mcuboot-smp.md A2).
 */
#include <stdio.h>
#include <string.h>

#include "swap_rig.h"

#define VECTOR_SLOT_SIZE 0x60000u /* imgtool --slot-size of p256-pad-confirm.bin */

/* Where the vector image sits in the simulated flash for decoding (any page-aligned place fits). */
static struct mb_area vector_area(struct swap_rig *r)
{
    return (struct mb_area){flash_sim_dev(r->sim), PM_MCUBOOT_PRIMARY_ADDRESS, VECTOR_SLOT_SIZE};
}

static void load_vector(const struct mb_area *area)
{
    static uint8_t file[VECTOR_SLOT_SIZE];
    FILE *f = fopen(MB_IMGTOOL_VECTORS "/p256-pad-confirm.bin", "rb");
    CHECK(f != NULL);
    const size_t n = fread(file, 1, sizeof file + 1, f);
    fclose(f);
    CHECK_EQ(n, VECTOR_SLOT_SIZE);
    CHECK_EQ(flash_write(area->flash, area->addr, file, sizeof file), FLASH_OK);
}

static void write_bytes(struct swap_rig *r, uint32_t addr, const void *bytes, size_t len)
{
    CHECK_EQ(flash_write(flash_sim_dev(r->sim), addr, bytes, len), FLASH_OK);
}

TEST(trailer_layout_matches_mcuboot_with_max_align_8)
{
    struct swap_rig r;
    rig_open(&r);
    const struct mb_area *p = &r.pair.primary;
    const uint32_t end = p->addr + p->size;
    CHECK_EQ(mb_trailer_size(4), 0x630); /* imgtool's pad for align 4: 128 x 3 x 4 + 4 x 8 + 16 */
    CHECK_EQ(mb_trailer_magic_addr(p), end - 16);
    CHECK_EQ(mb_trailer_image_ok_addr(p), end - 24);
    CHECK_EQ(mb_trailer_copy_done_addr(p), end - 32);
    CHECK_EQ(mb_trailer_swap_info_addr(p), end - 40);
    CHECK_EQ(mb_trailer_swap_size_addr(p), end - 48);
    CHECK_EQ(mb_trailer_status_addr(p), end - 0x630);
    CHECK_EQ(mb_trailer_first_page(p), end - PAGE);
    CHECK_EQ(mb_trailer_first_page(&r.pair.secondary), PM_MCUBOOT_SECONDARY_END_ADDRESS - PAGE);
    /* One page to move into and one for the trailer: the partition table's limit. */
    CHECK_EQ(mb_swap_max_image_size(&r.pair), PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE);
    rig_close(&r);
}

TEST(imgtool_pad_confirm_trailer_decodes_as_confirmed_image)
{
    struct swap_rig r;
    rig_open(&r);
    const struct mb_area area = vector_area(&r);
    load_vector(&area);
    struct mb_trailer_state st;
    CHECK_EQ(mb_trailer_read(&area, &st), MB_TRAILER_OK);
    CHECK_EQ(st.magic, MB_MAGIC_GOOD);
    CHECK_EQ(st.image_ok, MB_FLAG_SET);
    CHECK_EQ(st.copy_done, MB_FLAG_UNSET);
    CHECK_EQ(st.swap_type, MB_SWAP_TYPE_NONE);
    CHECK_EQ(st.swap_size, 0xffffffffu);

    /* In a secondary slot it asks for a permanent upgrade; in a primary it is already confirmed. */
    const struct mb_trailer_state erased = {MB_MAGIC_UNSET, MB_FLAG_UNSET, MB_FLAG_UNSET, MB_SWAP_TYPE_NONE, 0, 0xffffffffu};
    CHECK_EQ(mb_trailer_swap_type(&erased, &st), MB_SWAP_TYPE_PERM);
    CHECK_EQ(mb_trailer_swap_type(&st, &erased), MB_SWAP_TYPE_NONE);
    const uint64_t before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_confirmed(&area), MB_TRAILER_OK);
    CHECK_EQ(rig_calls(&r), before);
    rig_close(&r);
}

TEST(set_pending_permanent_writes_the_bytes_imgtool_writes_plus_swap_info)
{
    struct swap_rig r;
    rig_open(&r);
    struct mb_area vec = vector_area(&r);
    load_vector(&vec);
    struct mb_area ours = {flash_sim_dev(r.sim), PM_MCUBOOT_SECONDARY_ADDRESS, VECTOR_SLOT_SIZE};
    CHECK_EQ(mb_trailer_set_pending(&ours, 0, true), MB_TRAILER_OK);

    uint8_t expected[48];
    memcpy(expected, rig_bytes(&r, vec.addr + vec.size - 48), sizeof expected);
    expected[48 - 40] = 0x03; /* swap_info: image 0, PERM; imgtool leaves it erased */
    CHECK_MEM_EQ(rig_bytes(&r, ours.addr + ours.size - 48), expected, sizeof expected);
    rig_close(&r);
}

TEST(set_pending_test_writes_magic_and_swap_info_once)
{
    struct swap_rig r;
    rig_open(&r);
    const struct mb_area *s = &r.pair.secondary;
    uint64_t before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_pending(s, 3, false), MB_TRAILER_OK);
    CHECK_EQ(rig_calls(&r) - before, 2); /* magic, swap_info */
    struct mb_trailer_state st = rig_trailer(&r, s);
    CHECK_EQ(st.magic, MB_MAGIC_GOOD);
    CHECK_EQ(st.image_ok, MB_FLAG_UNSET);
    CHECK_EQ(st.swap_type, MB_SWAP_TYPE_TEST);
    CHECK_EQ(st.image_number, 3);
    CHECK_EQ(*rig_bytes(&r, mb_trailer_swap_info_addr(s)), 0x32);

    /* Idempotent: a standing request is never written again, not even to upgrade it to permanent. */
    before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_pending(s, 3, false), MB_TRAILER_OK);
    CHECK_EQ(mb_trailer_set_pending(s, 3, true), MB_TRAILER_OK);
    CHECK_EQ(rig_calls(&r), before);
    CHECK_EQ(rig_trailer(&r, s).image_ok, MB_FLAG_UNSET);

    CHECK_EQ(mb_trailer_set_pending(s, 16, false), MB_TRAILER_E_ARGS);
    rig_close(&r);
}

TEST(set_pending_permanent_writes_magic_image_ok_and_swap_info)
{
    struct swap_rig r;
    rig_open(&r);
    const struct mb_area *s = &r.pair.secondary;
    const uint64_t before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_pending(s, 1, true), MB_TRAILER_OK);
    CHECK_EQ(rig_calls(&r) - before, 3);
    const struct mb_trailer_state st = rig_trailer(&r, s);
    CHECK_EQ(st.magic, MB_MAGIC_GOOD);
    CHECK_EQ(st.image_ok, MB_FLAG_SET);
    CHECK_EQ(st.swap_type, MB_SWAP_TYPE_PERM);
    CHECK_EQ(st.image_number, 1);
    /* Flags are one byte padded with erased bytes to the write unit. */
    const uint8_t flag[4] = {0x01, 0xff, 0xff, 0xff};
    CHECK_MEM_EQ(rig_bytes(&r, mb_trailer_image_ok_addr(s)), flag, 4);
    rig_close(&r);
}

TEST(set_pending_on_a_bad_magic_fails_and_clears_the_trailer_for_a_retry)
{
    struct swap_rig r;
    rig_open(&r);
    const struct mb_area *s = &r.pair.secondary;
    uint8_t torn[16];
    memcpy(torn, mb_trailer_magic, sizeof torn);
    torn[5] &= 0x0f;
    write_bytes(&r, mb_trailer_magic_addr(s), torn, sizeof torn);
    CHECK_EQ(rig_trailer(&r, s).magic, MB_MAGIC_BAD);
    CHECK_EQ(mb_trailer_set_pending(s, 0, false), MB_TRAILER_E_BAD_MAGIC);
    CHECK_EQ(rig_trailer(&r, s).magic, MB_MAGIC_UNSET);
    CHECK_EQ(mb_trailer_set_pending(s, 0, false), MB_TRAILER_OK);
    CHECK_EQ(rig_trailer(&r, s).magic, MB_MAGIC_GOOD);
    rig_close(&r);
}

TEST(set_confirmed_writes_image_ok_only_when_magic_good_and_image_ok_unset)
{
    struct swap_rig r;
    rig_open(&r);
    const struct mb_area *p = &r.pair.primary;
    uint64_t before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_confirmed(p), MB_TRAILER_OK); /* magic unset: nothing to confirm */
    CHECK_EQ(rig_calls(&r), before);

    write_bytes(&r, mb_trailer_magic_addr(p), mb_trailer_magic, 16);
    before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_confirmed(p), MB_TRAILER_OK);
    CHECK_EQ(rig_calls(&r) - before, 1);
    CHECK_EQ(rig_trailer(&r, p).image_ok, MB_FLAG_SET);
    before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_confirmed(p), MB_TRAILER_OK); /* idempotent */
    CHECK_EQ(rig_calls(&r), before);
    rig_close(&r);
}

TEST(set_confirmed_treats_a_torn_image_ok_as_confirmed_and_refuses_a_bad_magic)
{
    struct swap_rig r;
    rig_open(&r);
    const struct mb_area *p = &r.pair.primary;
    write_bytes(&r, mb_trailer_magic_addr(p), mb_trailer_magic, 16);
    const uint8_t torn_flag[4] = {0x5b, 0xff, 0xff, 0xff};
    write_bytes(&r, mb_trailer_image_ok_addr(p), torn_flag, 4);
    CHECK_EQ(rig_trailer(&r, p).image_ok, MB_FLAG_BAD);
    uint64_t before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_confirmed(p), MB_TRAILER_OK);
    CHECK_EQ(rig_calls(&r), before);

    const struct mb_area *s = &r.pair.secondary; /* another trailer, with a damaged magic */
    uint8_t bad[16];
    memcpy(bad, mb_trailer_magic, 16);
    bad[0] = 0x00;
    write_bytes(&r, mb_trailer_magic_addr(s), bad, 16);
    before = rig_calls(&r);
    CHECK_EQ(mb_trailer_set_confirmed(s), MB_TRAILER_E_BAD_MAGIC);
    CHECK_EQ(rig_calls(&r), before);
    rig_close(&r);
}

TEST(swap_info_and_flags_decode_as_mcuboot_reads_them)
{
    static const struct {
        uint8_t info;
        enum mb_swap_type type;
        uint8_t image;
    } infos[] = {{0xff, MB_SWAP_TYPE_NONE, 0}, {0x02, MB_SWAP_TYPE_TEST, 0}, {0x13, MB_SWAP_TYPE_PERM, 1},
                 {0x24, MB_SWAP_TYPE_REVERT, 2}, {0x35, MB_SWAP_TYPE_NONE, 0}, {0x0f, MB_SWAP_TYPE_NONE, 0},
                 {0x30, MB_SWAP_TYPE_NONE, 0}, {0xf1, MB_SWAP_TYPE_NONE, 15}};
    static const struct {
        uint8_t byte;
        enum mb_flag flag;
    } flags[] = {{0xff, MB_FLAG_UNSET}, {0x01, MB_FLAG_SET}, {0x00, MB_FLAG_BAD}, {0x03, MB_FLAG_BAD}, {0xfe, MB_FLAG_BAD}};
    for (size_t i = 0; i < sizeof infos / sizeof infos[0]; i++) {
        struct swap_rig r;
        rig_open(&r);
        const struct mb_area *a = &r.pair.secondary;
        const uint8_t w[4] = {infos[i].info, 0xff, 0xff, 0xff};
        write_bytes(&r, mb_trailer_swap_info_addr(a), w, 4);
        const struct mb_trailer_state st = rig_trailer(&r, a);
        CHECK_EQ(st.swap_type, infos[i].type);
        CHECK_EQ(st.image_number, infos[i].image);
        rig_close(&r);
    }
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        struct swap_rig r;
        rig_open(&r);
        const struct mb_area *a = &r.pair.secondary;
        const uint8_t w[4] = {flags[i].byte, 0xff, 0xff, 0xff};
        write_bytes(&r, mb_trailer_image_ok_addr(a), w, 4);
        write_bytes(&r, mb_trailer_copy_done_addr(a), w, 4);
        const struct mb_trailer_state st = rig_trailer(&r, a);
        CHECK_EQ(st.image_ok, flags[i].flag);
        CHECK_EQ(st.copy_done, flags[i].flag);
        CHECK_EQ(st.magic, MB_MAGIC_UNSET);
        rig_close(&r);
    }
}

/* The table of A2 as data, ANY = 0, checked against every combination of the five inputs. */
enum { ANY = 0 };
static const struct row {
    int p_magic, p_image_ok, p_copy_done, s_magic, s_image_ok;
    enum mb_swap_type type;
} table[] = {
    {ANY, ANY, ANY, MB_MAGIC_GOOD, MB_FLAG_UNSET, MB_SWAP_TYPE_TEST},                  /* II */
    {ANY, ANY, ANY, MB_MAGIC_GOOD, MB_FLAG_SET, MB_SWAP_TYPE_PERM},                    /* III */
    {MB_MAGIC_GOOD, MB_FLAG_UNSET, MB_FLAG_SET, MB_MAGIC_UNSET, ANY, MB_SWAP_TYPE_REVERT}, /* IV */
};

static bool matches(int want, int have)
{
    return want == ANY || want == have;
}

TEST(swap_type_table_rows_match_in_order_for_every_combination)
{
    unsigned hits[5] = {0};
    for (int pm = 1; pm <= 3; pm++)
        for (int pi = 1; pi <= 3; pi++)
            for (int pc = 1; pc <= 3; pc++)
                for (int sm = 1; sm <= 3; sm++)
                    for (int si = 1; si <= 3; si++) {
                        const struct mb_trailer_state p = {(enum mb_magic)pm, (enum mb_flag)pi, (enum mb_flag)pc,
                                                           MB_SWAP_TYPE_NONE, 0, 0};
                        const struct mb_trailer_state s = {(enum mb_magic)sm, (enum mb_flag)si, MB_FLAG_UNSET,
                                                           MB_SWAP_TYPE_NONE, 0, 0};
                        enum mb_swap_type want = MB_SWAP_TYPE_NONE;
                        for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
                            const struct row *t = &table[i];
                            if (matches(t->p_magic, pm) && matches(t->p_image_ok, pi) && matches(t->p_copy_done, pc) &&
                                matches(t->s_magic, sm) && matches(t->s_image_ok, si)) {
                                want = t->type;
                                break;
                            }
                        }
                        CHECK_EQ(mb_trailer_swap_type(&p, &s), want);
                        hits[want]++;
                    }
    /* 243 combinations: 27 (II: any primary), 27 (III), 3 (IV: secondary image_ok any), rest NONE. */
    CHECK_EQ(hits[MB_SWAP_TYPE_TEST], 27);
    CHECK_EQ(hits[MB_SWAP_TYPE_PERM], 27);
    CHECK_EQ(hits[MB_SWAP_TYPE_REVERT], 3);
    CHECK_EQ(hits[MB_SWAP_TYPE_NONE], 186);
}

/* The same rows end to end: trailers written to flash, decision read back by mb_swap_peek. */
TEST(swap_type_rows_from_flash_trailers)
{
    struct {
        const char *name;
        bool s_request, s_permanent, p_magic, p_image_ok, p_copy_done;
        enum mb_swap_type want;
    } cases[] = {
        {"II test", true, false, false, false, false, MB_SWAP_TYPE_TEST},
        {"II over a pending revert", true, false, true, false, true, MB_SWAP_TYPE_TEST},
        {"III permanent", true, true, true, true, true, MB_SWAP_TYPE_PERM},
        {"IV revert", false, false, true, false, true, MB_SWAP_TYPE_REVERT},
        {"confirmed", false, false, true, true, true, MB_SWAP_TYPE_NONE},
        {"--pad in primary, never swapped", false, false, true, false, false, MB_SWAP_TYPE_NONE},
        {"erased", false, false, false, false, false, MB_SWAP_TYPE_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct swap_rig r;
        rig_open(&r);
        const struct mb_area *p = &r.pair.primary;
        if (cases[i].s_request)
            CHECK_EQ(mb_trailer_set_pending(&r.pair.secondary, 0, cases[i].s_permanent), MB_TRAILER_OK);
        const uint8_t set[4] = {0x01, 0xff, 0xff, 0xff};
        if (cases[i].p_magic)
            write_bytes(&r, mb_trailer_magic_addr(p), mb_trailer_magic, 16);
        if (cases[i].p_image_ok)
            write_bytes(&r, mb_trailer_image_ok_addr(p), set, 4);
        if (cases[i].p_copy_done)
            write_bytes(&r, mb_trailer_copy_done_addr(p), set, 4);
        bool resume = true;
        const enum mb_swap_type got = rig_peek(&r, &resume);
        if (got != cases[i].want || resume)
            test_fail(__FILE__, __LINE__, "%s: decided %s (resume %d), expected %s", cases[i].name,
                      mb_swap_type_name(got), resume, mb_swap_type_name(cases[i].want));
        rig_close(&r);
    }
}
