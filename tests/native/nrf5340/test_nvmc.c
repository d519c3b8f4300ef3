/* The NVMC driver (nvmc.c) against the model: its sequences, and its refusals before anything is written. */
#include <string.h>

#include "board_partitions.h"
#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"

#define PAGE MEM_FLASH_PAGE_SIZE
#define SETTINGS PM_SETTINGS_STORAGE_ADDRESS

static const struct flash_dev *dev(void)
{
    fake_reset();
    return nvmc_flash();
}

static void check_no_violation(void)
{
    CHECK_STR_EQ(fake_first_violation(), "");
    CHECK_EQ(fake_violations(), 0);
}

TEST(nvmc_describes_the_app_core_flash)
{
    const struct flash_dev *d = dev();
    CHECK_EQ(d->base, 0);
    CHECK_EQ(d->size, 1024 * 1024);
    CHECK_EQ(d->page_size, 4096);
    CHECK_EQ(d->write_unit, 4);
}

TEST(nvmc_write_programs_words_with_wen_and_returns_to_read_only)
{
    const struct flash_dev *d = dev();
    const uint8_t data[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    CHECK_EQ(flash_write(d, SETTINGS, data, sizeof data), FLASH_OK);
    check_no_violation();
    CHECK_EQ(fake_flash_word(SETTINGS), 0x04030201);
    CHECK_EQ(fake_flash_word(SETTINGS + 4), 0x08070605);
    /* CONFIG and CONFIGNS to Wen before the first word, back to Ren after the last, READY waited for. */
    const long wen = fake_find_write(0, NRF_NVMC + NVMC_CONFIG, NVMC_CONFIG_WEN);
    CHECK(wen >= 0);
    CHECK(fake_find_write(0, NRF_NVMC + NVMC_CONFIGNS, NVMC_CONFIG_WEN) > wen);
    const long word = fake_find_write(0, SETTINGS, 0x04030201);
    CHECK(word > wen);
    CHECK(fake_find_write((size_t)word, NRF_NVMC + NVMC_CONFIG, NVMC_CONFIG_REN) > word);
    CHECK(fake_busy_polls() >= 2); /* it polled through the model's busy time rather than writing into it */
    uint8_t back[8];
    CHECK_EQ(flash_read(d, SETTINGS, back, sizeof back), FLASH_OK);
    CHECK_MEM_EQ(back, data, sizeof data);
}

TEST(nvmc_erase_writes_ffffffff_to_the_first_word_with_een)
{
    const struct flash_dev *d = dev();
    fake_flash_set(SETTINGS + 8, 0x12345678);
    fake_flash_set(SETTINGS + PAGE + 4, 0);
    CHECK_EQ(flash_erase(d, SETTINGS, 2 * PAGE), FLASH_OK);
    check_no_violation();
    CHECK_EQ(fake_flash_word(SETTINGS + 8), 0xFFFFFFFF);
    CHECK_EQ(fake_flash_word(SETTINGS + PAGE + 4), 0xFFFFFFFF);
    CHECK_EQ(fake_page_erases(SETTINGS), 1);
    CHECK_EQ(fake_page_erases(SETTINGS + PAGE), 1);
    const long een = fake_find_write(0, NRF_NVMC + NVMC_CONFIG, NVMC_CONFIG_EEN);
    CHECK(een >= 0 && fake_find_write((size_t)een, SETTINGS, 0xFFFFFFFF) > een);
    CHECK_EQ(fake_flash_word(0x0), 0xFFFFFFFF); /* nothing else touched */
}

TEST(nvmc_keeps_within_two_writes_per_word)
{
    const struct flash_dev *d = dev();
    uint32_t v = 0xFFFF0000;
    CHECK_EQ(flash_write(d, SETTINGS, &v, 4), FLASH_OK);
    /* The same value again costs no write: the word keeps its second write for a real change. */
    CHECK_EQ(flash_write(d, SETTINGS, &v, 4), FLASH_OK);
    CHECK_EQ(fake_word_writes(SETTINGS), 1);
    v = 0x00000000;
    CHECK_EQ(flash_write(d, SETTINGS, &v, 4), FLASH_OK);
    CHECK_EQ(fake_word_writes(SETTINGS), 2);
    check_no_violation();
}

TEST(nvmc_refuses_to_set_bits_and_changes_nothing)
{
    const struct flash_dev *d = dev();
    fake_flash_set(SETTINGS + 4, 0x0000FFFF);
    const uint32_t data[2] = {0x11111111, 0xFFFF0000};
    CHECK_EQ(flash_write(d, SETTINGS, data, sizeof data), FLASH_E_NOT_ERASED);
    CHECK_EQ(fake_flash_word(SETTINGS), 0xFFFFFFFF); /* the first word was fine, yet not written */
    const struct fake_access *log;
    CHECK_EQ(fake_log(&log), 0);
    check_no_violation();
}

TEST(nvmc_refuses_bad_ranges_and_alignment)
{
    const struct flash_dev *d = dev();
    uint32_t v = 0;
    CHECK_EQ(flash_write(d, SETTINGS + 2, &v, 4), FLASH_E_ALIGN);
    CHECK_EQ(flash_write(d, SETTINGS, &v, 3), FLASH_E_ALIGN);
    CHECK_EQ(flash_erase(d, SETTINGS + 4, PAGE), FLASH_E_ALIGN);
    CHECK_EQ(flash_write(d, MEM_FLASH_SIZE - 4, &v, 8), FLASH_E_RANGE);
    CHECK_EQ(flash_erase(d, MEM_FLASH_SIZE, PAGE), FLASH_E_RANGE);
    uint8_t b;
    CHECK_EQ(flash_read(d, MEM_FLASH_SIZE, &b, 1), FLASH_E_RANGE);
    const struct fake_access *log;
    CHECK_EQ(fake_log(&log), 0);
}

TEST(nvmc_refuses_spu_locked_regions_instead_of_faulting)
{
    const struct flash_dev *d = dev();
    CHECK_EQ(spu_flash_lock(PM_S0_ADDRESS, PM_S0_SIZE), FLASH_OK);
    uint32_t v = 0;
    CHECK_EQ(flash_write(d, PM_S0_ADDRESS + 0x1000, &v, 4), FLASH_E_LOCKED);
    CHECK_EQ(flash_erase(d, PM_S0_ADDRESS, PAGE), FLASH_E_LOCKED);
    /* A write spanning from a free page into the locked region is refused whole. */
    uint32_t two[2] = {0, 0};
    CHECK_EQ(flash_write(d, PM_S0_ADDRESS - 4, two, sizeof two), FLASH_E_LOCKED);
    CHECK_EQ(fake_flash_word(PM_S0_ADDRESS - 4), 0xFFFFFFFF);
    CHECK_EQ(flash_write(d, PM_S1_ADDRESS, &v, 4), FLASH_OK); /* S1 was not locked */
    check_no_violation();
}

TEST(nvmc_reports_a_controller_that_never_gets_ready)
{
    const struct flash_dev *d = dev();
    fake_nvmc_stuck(true);
    uint32_t v = 0;
    CHECK_EQ(flash_write(d, SETTINGS, &v, 4), FLASH_E_IO);
    CHECK_EQ(flash_erase(d, SETTINGS, PAGE), FLASH_E_IO);
    CHECK_EQ(fake_flash_word(SETTINGS), 0xFFFFFFFF);
    /* Whatever happened, the NVMC is left read-only. */
    const struct fake_access *log;
    const size_t n = fake_log(&log);
    for (size_t i = n; i-- > 0;) {
        if (log[i].addr == NRF_NVMC + NVMC_CONFIG) {
            CHECK_EQ(log[i].value, NVMC_CONFIG_REN);
            break;
        }
    }
}
