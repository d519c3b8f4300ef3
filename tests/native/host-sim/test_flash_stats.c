/* Counters used by benchmarks: reads, writes, erases, wear per page. */
#include "flash_fixture.h"

TEST(counters_track_successful_calls)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint8_t buf[40] = {0};

    CHECK_EQ(flash_read(dev, SMALL_BASE + 3, buf, 10), FLASH_OK);
    CHECK_EQ(flash_read(dev, SMALL_BASE, buf, 30), FLASH_OK);
    CHECK_EQ(flash_write(dev, SMALL_BASE, buf, 40), FLASH_OK);
    CHECK_EQ(flash_write(dev, SMALL_BASE + PAGE, buf, 8), FLASH_OK);
    CHECK_EQ(flash_erase(dev, SMALL_BASE, 3 * PAGE), FLASH_OK);
    CHECK_EQ(flash_erase(dev, SMALL_BASE + PAGE, PAGE), FLASH_OK);
    /* Refused calls are not counted. */
    CHECK_EQ(flash_read(dev, SMALL_BASE + SMALL_SIZE, buf, 4), FLASH_E_RANGE);
    CHECK_EQ(flash_write(dev, SMALL_BASE + 2, buf, 4), FLASH_E_ALIGN);
    CHECK_EQ(flash_erase(dev, SMALL_BASE + 4, PAGE), FLASH_E_ALIGN);

    struct flash_sim_stats s = flash_sim_stats(sim);
    CHECK_EQ(s.read_calls, 2);
    CHECK_EQ(s.bytes_read, 40);
    CHECK_EQ(s.write_calls, 2);
    CHECK_EQ(s.words_written, 12);
    CHECK_EQ(s.bytes_written, 48);
    CHECK_EQ(s.erase_calls, 2);
    CHECK_EQ(s.pages_erased, 4);
    CHECK_EQ(s.page_count, SMALL_SIZE / PAGE);
    CHECK_EQ(s.page_erases[0], 1);
    CHECK_EQ(s.page_erases[1], 2);
    CHECK_EQ(s.page_erases[2], 1);
    CHECK_EQ(s.page_erases[3], 0);
    CHECK_EQ(flash_sim_calls(sim), 4);

    flash_sim_reset_stats(sim);
    s = flash_sim_stats(sim);
    CHECK_EQ(s.read_calls + s.bytes_read + s.write_calls + s.words_written + s.bytes_written, 0);
    CHECK_EQ(s.erase_calls + s.pages_erased + s.page_erases[1], 0);
    CHECK_EQ(flash_sim_calls(sim), 4); /* the power-cut call count is not a statistic */
    flash_sim_close(sim);
}

TEST(pages_completed_before_a_cut_count_as_wear)
{
    struct flash_sim *sim = open_small();
    /* Find a seed whose cut falls on the last of four pages, then check three pages were worn. */
    for (uint64_t seed = 1;; seed++) {
        CHECK(seed < 64);
        flash_sim_reset_stats(sim);
        flash_sim_cut_power_at(sim, 1, seed);
        CHECK_EQ(flash_erase(flash_sim_dev(sim), SMALL_BASE, 4 * PAGE), FLASH_E_POWER_LOST);
        flash_sim_reboot(sim);
        struct flash_sim_stats s = flash_sim_stats(sim);
        CHECK_EQ(s.erase_calls, 0);
        if (s.page_erases[2] == 1) {
            CHECK_EQ(s.page_erases[0], 1);
            CHECK_EQ(s.page_erases[1], 1);
            CHECK_EQ(s.page_erases[3], 0);
            break;
        }
    }
    flash_sim_close(sim);
}
