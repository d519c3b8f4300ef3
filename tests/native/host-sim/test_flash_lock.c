/* SPU-style region locks: write/erase refused until reboot, reads still allowed. */
#include "flash_fixture.h"

#define REGION FLASH_SIM_LOCK_REGION

TEST(locked_region_refuses_writes_and_erases_until_reboot)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    const uint32_t locked = SMALL_BASE + REGION;
    CHECK_EQ(write_word(dev, locked + 4, 0x12345678u), FLASH_OK);
    CHECK_EQ(flash_sim_lock(sim, locked, REGION), FLASH_OK);

    CHECK_EQ(write_word(dev, locked, 0u), FLASH_E_LOCKED);
    CHECK_EQ(write_word(dev, locked + REGION - 4, 0u), FLASH_E_LOCKED);
    CHECK_EQ(flash_erase(dev, locked + PAGE, PAGE), FLASH_E_LOCKED);
    CHECK_EQ(flash_erase(dev, SMALL_BASE, SMALL_SIZE), FLASH_E_LOCKED);
    CHECK_EQ(word_at(sim, locked + 4), 0x12345678u);
    CHECK_EQ(word_at(sim, SMALL_BASE), 0xFFFFFFFFu);
    CHECK_EQ(flash_sim_calls(sim), 1); /* refused calls are not flash changes */

    /* A write straddling into the locked region is refused whole. */
    uint32_t two[2] = {0, 0};
    CHECK_EQ(flash_write(dev, locked - 4, two, sizeof two), FLASH_E_LOCKED);
    CHECK_EQ(word_at(sim, locked - 4), 0xFFFFFFFFu);

    /* Reads and neighbouring regions are unaffected. */
    uint32_t value = 0;
    CHECK_EQ(flash_read(dev, locked + 4, &value, sizeof value), FLASH_OK);
    CHECK_EQ(value, 0x12345678u);
    CHECK_EQ(write_word(dev, locked - 4, 0u), FLASH_OK);
    CHECK_EQ(write_word(dev, locked + REGION, 0u), FLASH_OK);
    CHECK_EQ(flash_erase(dev, locked + REGION, PAGE), FLASH_OK);

    flash_sim_reboot(sim);
    CHECK_EQ(write_word(dev, locked, 0u), FLASH_OK);
    CHECK_EQ(flash_erase(dev, locked, REGION), FLASH_OK);
    CHECK_EQ(word_at(sim, locked + 4), 0xFFFFFFFFu);
    flash_sim_close(sim);
}

TEST(locks_must_cover_whole_regions_inside_the_device)
{
    struct flash_sim *sim = open_small();
    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE + PAGE, REGION), FLASH_E_ALIGN);
    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE, PAGE), FLASH_E_ALIGN);
    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE, REGION + PAGE), FLASH_E_ALIGN);
    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE - REGION, REGION), FLASH_E_RANGE);
    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE + SMALL_SIZE - REGION, 2 * REGION), FLASH_E_RANGE);
    /* None of the refused locks took effect. */
    CHECK_EQ(flash_erase(flash_sim_dev(sim), SMALL_BASE, SMALL_SIZE), FLASH_OK);

    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE, SMALL_SIZE), FLASH_OK);
    CHECK_EQ(flash_erase(flash_sim_dev(sim), SMALL_BASE + SMALL_SIZE - PAGE, PAGE), FLASH_E_LOCKED);
    flash_sim_close(sim);
}

TEST(locks_live_in_the_sim_not_the_backing_file)
{
    /* Like the SPU, a lock is lost when the chip (here: the process) starts again. */
    const char *path = test_temp_path("flash.bin");
    struct flash_sim_config cfg = small_config(path);
    struct flash_sim *sim = open_sim(&cfg);
    CHECK_EQ(flash_sim_lock(sim, SMALL_BASE, REGION), FLASH_OK);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0u), FLASH_E_LOCKED);
    flash_sim_close(sim);

    sim = open_sim(&cfg);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0u), FLASH_OK);
    flash_sim_close(sim);
}
