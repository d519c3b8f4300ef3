/* Power-cut injection: which call is cut, what a torn write or erase leaves, and the dead device. */
#include <string.h>

#include "flash_fixture.h"

#define WORDS 64
#define OLD_WORD 0xFFFFFFFFu

static uint32_t pattern(uint32_t i)
{
    return 0x01020304u * (i + 1) ^ 0xA5000000u; /* distinct, never all ones */
}

/* Writes WORDS pattern words at `addr` with a power cut on that write; returns the sim. */
static struct flash_sim *torn_write(uint32_t addr, uint64_t seed)
{
    struct flash_sim *sim = open_small();
    uint32_t data[WORDS];
    for (uint32_t i = 0; i < WORDS; i++)
        data[i] = pattern(i);
    flash_sim_cut_power_at(sim, 1, seed);
    CHECK_EQ(flash_write(flash_sim_dev(sim), addr, data, sizeof data), FLASH_E_POWER_LOST);
    CHECK(flash_sim_power_lost(sim));
    return sim;
}

/*
 * Checks the only outcomes a cut write may leave: words before the cut written, the cut word with a
 * subset of its bits cleared, the rest untouched. Returns the index of the first word not fully written.
 */
static uint32_t check_torn_write(struct flash_sim *sim, uint32_t addr)
{
    uint32_t cut = 0;
    while (cut < WORDS && word_at(sim, addr + 4 * cut) == pattern(cut))
        cut++;
    CHECK(cut < WORDS); /* the call did not complete */
    const uint32_t torn = word_at(sim, addr + 4 * cut);
    CHECK_EQ(torn & pattern(cut), pattern(cut)); /* no bit cleared that should stay set */
    for (uint32_t i = cut + 1; i < WORDS; i++)
        CHECK_EQ(word_at(sim, addr + 4 * i), OLD_WORD);
    CHECK_EQ(word_at(sim, addr - 4), OLD_WORD);
    CHECK_EQ(word_at(sim, addr + 4 * WORDS), OLD_WORD);
    return cut;
}

TEST(power_cut_during_write_leaves_a_prefix_and_one_torn_word)
{
    const uint32_t addr = SMALL_BASE + PAGE + 256;
    uint32_t cuts_seen[WORDS] = {0};
    uint32_t distinct = 0;
    for (uint64_t seed = 1; seed <= 16; seed++) {
        struct flash_sim *sim = torn_write(addr, seed);
        uint32_t cut = check_torn_write(sim, addr);
        distinct += cuts_seen[cut]++ == 0;
        flash_sim_close(sim);
    }
    CHECK(distinct > 4); /* the cut point really moves with the seed */
}

TEST(torn_write_is_deterministic_per_seed)
{
    const uint32_t addr = SMALL_BASE + 2 * PAGE;
    struct flash_sim *a = torn_write(addr, 42);
    struct flash_sim *b = torn_write(addr, 42);
    struct flash_sim *c = torn_write(addr, 43);
    CHECK_MEM_EQ(flash_sim_memory(a), flash_sim_memory(b), SMALL_SIZE);
    CHECK(memcmp(flash_sim_memory(a), flash_sim_memory(c), SMALL_SIZE) != 0);
    flash_sim_close(a);
    flash_sim_close(b);
    flash_sim_close(c);
}

TEST(torn_write_word_clears_only_some_of_its_bits)
{
    /* A single-word write of 0 over 0xFFFFFFFF: the cut word is that word. */
    uint32_t partial = 0;
    for (uint64_t seed = 1; seed <= 8; seed++) {
        struct flash_sim *sim = open_small();
        flash_sim_cut_power_at(sim, 1, seed);
        CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0u), FLASH_E_POWER_LOST);
        uint32_t torn = word_at(sim, SMALL_BASE);
        partial += torn != 0 && torn != OLD_WORD;
        flash_sim_close(sim);
    }
    CHECK(partial >= 6);
}

TEST(a_dead_device_refuses_everything_until_reboot)
{
    const uint32_t addr = SMALL_BASE + PAGE;
    struct flash_sim *sim = torn_write(addr, 7);
    const struct flash_dev *dev = flash_sim_dev(sim);
    static uint8_t before[SMALL_SIZE];
    memcpy(before, flash_sim_memory(sim), SMALL_SIZE);

    uint32_t value = 0;
    CHECK_EQ(flash_read(dev, SMALL_BASE, &value, sizeof value), FLASH_E_POWER_LOST);
    CHECK_EQ(write_word(dev, SMALL_BASE, 0u), FLASH_E_POWER_LOST);
    CHECK_EQ(flash_erase(dev, SMALL_BASE, PAGE), FLASH_E_POWER_LOST);
    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE, FLASH_SIM_LOCK_REGION), FLASH_E_POWER_LOST);
    CHECK_EQ(flash_read(dev, 0, &value, sizeof value), FLASH_E_POWER_LOST); /* before the range check */
    CHECK(flash_sim_power_lost(sim));
    CHECK_MEM_EQ(flash_sim_memory(sim), before, SMALL_SIZE);

    flash_sim_reboot(sim);
    CHECK(!flash_sim_power_lost(sim));
    CHECK_MEM_EQ(flash_sim_memory(sim), before, SMALL_SIZE); /* contents survive the reboot */
    CHECK_EQ(flash_read(dev, addr, &value, sizeof value), FLASH_OK);
    CHECK_EQ(write_word(dev, SMALL_BASE, 0u), FLASH_OK);
    CHECK_EQ(flash_erase(dev, addr, PAGE), FLASH_OK);
    flash_sim_close(sim);
}

TEST(the_nth_changing_call_is_cut_and_reads_or_refusals_do_not_count)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint32_t value;
    flash_sim_cut_power_at(sim, 3, 1);
    CHECK_EQ(write_word(dev, SMALL_BASE, 0x1u), FLASH_OK);                /* 1 */
    CHECK_EQ(flash_read(dev, SMALL_BASE, &value, sizeof value), FLASH_OK); /* read: not counted */
    CHECK_EQ(write_word(dev, SMALL_BASE + 1, 0u), FLASH_E_ALIGN);         /* refused: not counted */
    CHECK_EQ(write_word(dev, SMALL_BASE, 0x2u), FLASH_E_NOT_ERASED);      /* refused: not counted */
    CHECK_EQ(flash_erase(dev, SMALL_BASE + PAGE, PAGE), FLASH_OK);        /* 2 */
    CHECK(!flash_sim_power_lost(sim));
    CHECK_EQ(write_word(dev, SMALL_BASE + 8, 0u), FLASH_E_POWER_LOST);    /* 3 */
    CHECK_EQ(flash_sim_calls(sim), 3);
    flash_sim_close(sim);
}

TEST(reboot_and_zero_disarm_a_pending_cut)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    flash_sim_cut_power_at(sim, 1, 1);
    flash_sim_cut_power_at(sim, 0, 1);
    CHECK_EQ(write_word(dev, SMALL_BASE, 0u), FLASH_OK);
    flash_sim_cut_power_at(sim, 1, 1);
    flash_sim_reboot(sim);
    CHECK_EQ(write_word(dev, SMALL_BASE + 4, 0u), FLASH_OK);
    CHECK(!flash_sim_power_lost(sim));
    flash_sim_close(sim);
}

/* A small "update": erase two pages, write a header then a body. */
static int run_update(const struct flash_dev *dev)
{
    uint32_t body[32];
    for (uint32_t i = 0; i < 32; i++)
        body[i] = pattern(i);
    int rc = flash_erase(dev, SMALL_BASE, 2 * PAGE);
    if (rc == FLASH_OK)
        rc = write_word(dev, SMALL_BASE, 0xC0DEu);
    if (rc == FLASH_OK)
        rc = flash_write(dev, SMALL_BASE + PAGE, body, sizeof body);
    return rc;
}

TEST(counting_the_calls_of_a_run_then_cutting_at_each)
{
    struct flash_sim *sim = open_small();
    CHECK_EQ(run_update(flash_sim_dev(sim)), FLASH_OK);
    const uint64_t calls = flash_sim_calls(sim);
    CHECK_EQ(calls, 3);
    flash_sim_close(sim);

    for (uint32_t n = 1; n <= calls; n++) {
        sim = open_small();
        flash_sim_cut_power_at(sim, n, n);
        CHECK_EQ(run_update(flash_sim_dev(sim)), FLASH_E_POWER_LOST);
        CHECK_EQ(flash_sim_calls(sim), n);
        flash_sim_reboot(sim);
        CHECK_EQ(run_update(flash_sim_dev(sim)), FLASH_OK); /* recovery: run again from the start */
        flash_sim_close(sim);
    }
}

#define ERASE_PAGES 4
#define ERASE_START (SMALL_BASE + 2 * PAGE)

/* Fills pages 1..6 with 0x00 and erases pages 2..5 with a power cut. */
static struct flash_sim *torn_erase(uint64_t seed)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    static uint8_t zeros[6 * PAGE];
    CHECK_EQ(flash_write(dev, SMALL_BASE + PAGE, zeros, sizeof zeros), FLASH_OK);
    flash_sim_cut_power_at(sim, 1, seed);
    CHECK_EQ(flash_erase(dev, ERASE_START, ERASE_PAGES * PAGE), FLASH_E_POWER_LOST);
    CHECK(flash_sim_power_lost(sim));
    return sim;
}

static bool page_is(const struct flash_sim *sim, uint32_t addr, uint8_t value)
{
    const uint8_t *p = flash_sim_memory(sim) + (addr - SMALL_BASE);
    for (uint32_t i = 0; i < PAGE; i++) {
        if (p[i] != value)
            return false;
    }
    return true;
}

/* Pages before the cut erased, the cut page partly erased, later pages and neighbours untouched. */
static uint32_t check_torn_erase(struct flash_sim *sim)
{
    uint32_t cut = 0;
    while (cut < ERASE_PAGES && page_is(sim, ERASE_START + cut * PAGE, 0xFF))
        cut++;
    CHECK(cut < ERASE_PAGES);
    CHECK(!page_is(sim, ERASE_START + cut * PAGE, 0x00)); /* some bits were set */
    for (uint32_t p = cut + 1; p < ERASE_PAGES; p++)
        CHECK(page_is(sim, ERASE_START + p * PAGE, 0x00));
    CHECK(page_is(sim, SMALL_BASE, 0xFF));
    CHECK(page_is(sim, SMALL_BASE + PAGE, 0x00));
    CHECK(page_is(sim, ERASE_START + ERASE_PAGES * PAGE, 0x00));
    CHECK(page_is(sim, ERASE_START + (ERASE_PAGES + 1) * PAGE, 0xFF));
    return cut;
}

TEST(power_cut_during_multi_page_erase_leaves_one_partly_erased_page)
{
    bool seen[ERASE_PAGES] = {false};
    for (uint64_t seed = 1; seed <= 12; seed++) {
        struct flash_sim *sim = torn_erase(seed);
        seen[check_torn_erase(sim)] = true;
        flash_sim_close(sim);
    }
    CHECK(seen[0] && seen[ERASE_PAGES - 1]); /* cut at the first and at the last page both happen */
}

TEST(torn_erase_is_deterministic_per_seed_and_fixed_by_erasing_again)
{
    struct flash_sim *a = torn_erase(5);
    struct flash_sim *b = torn_erase(5);
    struct flash_sim *c = torn_erase(6);
    CHECK_MEM_EQ(flash_sim_memory(a), flash_sim_memory(b), SMALL_SIZE);
    CHECK(memcmp(flash_sim_memory(a), flash_sim_memory(c), SMALL_SIZE) != 0);

    const uint32_t cut_page = ERASE_START + check_torn_erase(a) * PAGE;
    flash_sim_reboot(a);
    CHECK_EQ(flash_erase(flash_sim_dev(a), cut_page, PAGE), FLASH_OK);
    CHECK(page_is(a, cut_page, 0xFF));
    CHECK_EQ(write_word(flash_sim_dev(a), cut_page, 0u), FLASH_OK);
    CHECK_EQ(write_word(flash_sim_dev(a), cut_page, 0u), FLASH_OK);
    flash_sim_close(a);
    flash_sim_close(b);
    flash_sim_close(c);
}
