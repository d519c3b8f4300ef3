/* NVMC rules of the simulated flash: erase/write/read, refusals, bit-clear only, two writes per word. */
#include <string.h>

#include "flash_fixture.h"

TEST(fresh_flash_reads_erased)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    static uint8_t buf[SMALL_SIZE], ff[SMALL_SIZE];
    memset(ff, 0xFF, sizeof ff);
    CHECK_EQ(flash_read(dev, SMALL_BASE, buf, sizeof buf), FLASH_OK);
    CHECK_MEM_EQ(buf, ff, sizeof buf);
    CHECK_EQ(dev->base, SMALL_BASE);
    CHECK_EQ(dev->size, SMALL_SIZE);
    CHECK_EQ(dev->page_size, PAGE);
    CHECK_EQ(dev->write_unit, 4);
    CHECK_EQ(dev->erased_value, 0xFF);
    flash_sim_close(sim);
}

TEST(erase_write_read_round_trip)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint8_t data[64], back[64], ff[64];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i * 7 + 3);
    memset(ff, 0xFF, sizeof ff);

    const uint32_t addr = SMALL_BASE + 3 * PAGE + 128;
    CHECK_EQ(flash_write(dev, addr, data, sizeof data), FLASH_OK);
    CHECK_EQ(flash_read(dev, addr, back, sizeof back), FLASH_OK);
    CHECK_MEM_EQ(back, data, sizeof data);
    /* Reads need no alignment. */
    CHECK_EQ(flash_read(dev, addr + 5, back, 7), FLASH_OK);
    CHECK_MEM_EQ(back, data + 5, 7);

    CHECK_EQ(flash_erase(dev, SMALL_BASE + 3 * PAGE, PAGE), FLASH_OK);
    CHECK_EQ(flash_read(dev, addr, back, sizeof back), FLASH_OK);
    CHECK_MEM_EQ(back, ff, sizeof back);
    /* Erased words can be written again. */
    CHECK_EQ(flash_write(dev, addr, data, sizeof data), FLASH_OK);
    CHECK_EQ(flash_read(dev, addr, back, sizeof back), FLASH_OK);
    CHECK_MEM_EQ(back, data, sizeof data);
    flash_sim_close(sim);
}

TEST(erase_touches_only_its_pages)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    for (uint32_t p = 0; p < 4; p++)
        CHECK_EQ(write_word(dev, SMALL_BASE + p * PAGE, 0x11111111u * (p + 1)), FLASH_OK);
    CHECK_EQ(flash_erase(dev, SMALL_BASE + PAGE, 2 * PAGE), FLASH_OK);
    CHECK_EQ(word_at(sim, SMALL_BASE), 0x11111111u);
    CHECK_EQ(word_at(sim, SMALL_BASE + PAGE), 0xFFFFFFFFu);
    CHECK_EQ(word_at(sim, SMALL_BASE + 2 * PAGE), 0xFFFFFFFFu);
    CHECK_EQ(word_at(sim, SMALL_BASE + 3 * PAGE), 0x44444444u);
    flash_sim_close(sim);
}

TEST(accesses_outside_the_device_are_refused)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint8_t buf[8] = {0};
    const uint32_t end = SMALL_BASE + SMALL_SIZE;

    CHECK_EQ(flash_read(dev, SMALL_BASE - 4, buf, 4), FLASH_E_RANGE);
    CHECK_EQ(flash_read(dev, end, buf, 1), FLASH_E_RANGE);
    CHECK_EQ(flash_read(dev, end - 4, buf, 8), FLASH_E_RANGE);
    CHECK_EQ(flash_read(dev, SMALL_BASE, buf, (size_t)SMALL_SIZE + 1), FLASH_E_RANGE);
    CHECK_EQ(flash_read(dev, 0xFFFFFFFCu, buf, 8), FLASH_E_RANGE); /* would wrap around */
    CHECK_EQ(flash_read(dev, end - 4, buf, 4), FLASH_OK);
    CHECK_EQ(flash_read(dev, end, buf, 0), FLASH_OK);

    CHECK_EQ(flash_write(dev, SMALL_BASE - 4, buf, 4), FLASH_E_RANGE);
    CHECK_EQ(flash_write(dev, end - 4, buf, 8), FLASH_E_RANGE);
    CHECK_EQ(flash_write(dev, end, buf, 4), FLASH_E_RANGE);

    CHECK_EQ(flash_erase(dev, SMALL_BASE - PAGE, PAGE), FLASH_E_RANGE);
    CHECK_EQ(flash_erase(dev, end, PAGE), FLASH_E_RANGE);
    CHECK_EQ(flash_erase(dev, end - PAGE, 2 * PAGE), FLASH_E_RANGE);
    CHECK_EQ(flash_erase(dev, SMALL_BASE, SMALL_SIZE), FLASH_OK);
    flash_sim_close(sim);
}

TEST(unaligned_writes_and_erases_are_refused)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint8_t zeros[8] = {0};

    CHECK_EQ(flash_write(dev, SMALL_BASE + 2, zeros, 4), FLASH_E_ALIGN);
    CHECK_EQ(flash_write(dev, SMALL_BASE + 4, zeros, 2), FLASH_E_ALIGN);
    CHECK_EQ(flash_write(dev, SMALL_BASE + 4, zeros, 6), FLASH_E_ALIGN);
    CHECK_EQ(flash_erase(dev, SMALL_BASE + 4, PAGE), FLASH_E_ALIGN);
    CHECK_EQ(flash_erase(dev, SMALL_BASE, PAGE / 2), FLASH_E_ALIGN);
    CHECK_EQ(flash_erase(dev, SMALL_BASE + PAGE / 2, PAGE), FLASH_E_ALIGN);
    CHECK_EQ(word_at(sim, SMALL_BASE), 0xFFFFFFFFu);
    CHECK_EQ(word_at(sim, SMALL_BASE + 4), 0xFFFFFFFFu);
    /* Zero-length calls are harmless. */
    CHECK_EQ(flash_write(dev, SMALL_BASE, zeros, 0), FLASH_OK);
    CHECK_EQ(flash_erase(dev, SMALL_BASE, 0), FLASH_OK);
    CHECK_EQ(flash_sim_calls(sim), 0);
    flash_sim_close(sim);
}

TEST(writes_may_only_clear_bits)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    const uint32_t addr = SMALL_BASE + 16;

    CHECK_EQ(write_word(dev, addr, 0xFFFF0F0Fu), FLASH_OK);
    CHECK_EQ(write_word(dev, addr, 0xFFFFF0F0u), FLASH_E_NOT_ERASED); /* would set cleared bits */
    CHECK_EQ(word_at(sim, addr), 0xFFFF0F0Fu);
    CHECK_EQ(write_word(dev, addr, 0x12340F0Fu), FLASH_OK); /* clears more bits: allowed */
    CHECK_EQ(word_at(sim, addr), 0x12340F0Fu);
    flash_sim_close(sim);
}

TEST(third_write_to_a_word_is_refused_until_erase)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    const uint32_t addr = SMALL_BASE + PAGE + 8;

    CHECK_EQ(write_word(dev, addr, 0xFFFFFFFEu), FLASH_OK);
    CHECK_EQ(write_word(dev, addr, 0xFFFFFFFCu), FLASH_OK);
    /* A third programming is refused even if it would change nothing. */
    CHECK_EQ(write_word(dev, addr, 0xFFFFFFF8u), FLASH_E_WRITE_LIMIT);
    CHECK_EQ(write_word(dev, addr, 0xFFFFFFFCu), FLASH_E_WRITE_LIMIT);
    CHECK_EQ(word_at(sim, addr), 0xFFFFFFFCu);
    /* The count is per word. */
    CHECK_EQ(write_word(dev, addr + 4, 0x0u), FLASH_OK);
    CHECK_EQ(write_word(dev, addr - 4, 0x0u), FLASH_OK);

    CHECK_EQ(flash_erase(dev, SMALL_BASE + PAGE, PAGE), FLASH_OK);
    CHECK_EQ(write_word(dev, addr, 0xFFFFFFFEu), FLASH_OK);
    CHECK_EQ(write_word(dev, addr, 0xFFFFFFFCu), FLASH_OK);
    CHECK_EQ(write_word(dev, addr, 0xFFFFFFF8u), FLASH_E_WRITE_LIMIT);
    flash_sim_close(sim);
}

TEST(a_refused_write_changes_nothing)
{
    struct flash_sim *sim = open_small();
    const struct flash_dev *dev = flash_sim_dev(sim);
    const uint32_t addr = SMALL_BASE + 2 * PAGE;
    uint32_t words[3] = {0x11111111u, 0x22222222u, 0x33333333u};

    CHECK_EQ(write_word(dev, addr + 8, 0x0000FFFFu), FLASH_OK);
    CHECK_EQ(flash_write(dev, addr, words, sizeof words), FLASH_E_NOT_ERASED); /* third word sets bits */
    CHECK_EQ(word_at(sim, addr), 0xFFFFFFFFu);
    CHECK_EQ(word_at(sim, addr + 4), 0xFFFFFFFFu);
    CHECK_EQ(word_at(sim, addr + 8), 0x0000FFFFu);

    CHECK_EQ(write_word(dev, addr + 8, 0x0000FFFFu), FLASH_OK); /* second write of the third word */
    words[2] = 0;
    CHECK_EQ(flash_write(dev, addr, words, sizeof words), FLASH_E_WRITE_LIMIT);
    CHECK_EQ(word_at(sim, addr), 0xFFFFFFFFu);
    /* The refused call did not consume a write of the first words. */
    CHECK_EQ(flash_write(dev, addr, words, 8), FLASH_OK);
    CHECK_EQ(flash_write(dev, addr, words, 8), FLASH_OK);
    flash_sim_close(sim);
}

TEST(nrf5340_presets_match_the_silicon)
{
    struct flash_sim *app = open_sim(&flash_sim_nrf5340_app);
    const struct flash_dev *dev = flash_sim_dev(app);
    CHECK_EQ(dev->base, 0x0);
    CHECK_EQ(dev->size, 1024 * 1024);
    CHECK_EQ(dev->page_size, 4096);
    CHECK_EQ(write_word(dev, 0xFFFFC, 0), FLASH_OK);
    CHECK_EQ(write_word(dev, 0xFFFFC, 0), FLASH_OK);
    CHECK_EQ(write_word(dev, 0xFFFFC, 0), FLASH_E_WRITE_LIMIT);
    flash_sim_close(app);

    struct flash_sim *net = open_sim(&flash_sim_nrf5340_net);
    dev = flash_sim_dev(net);
    CHECK_EQ(dev->base, 0x01000000);
    CHECK_EQ(dev->size, 256 * 1024);
    CHECK_EQ(dev->page_size, 2048);
    CHECK_EQ(write_word(dev, 0x01000800, 0), FLASH_OK);
    CHECK_EQ(flash_erase(dev, 0x01000800, 1024), FLASH_E_ALIGN);
    CHECK_EQ(flash_erase(dev, 0x01000800, 2048), FLASH_OK);
    CHECK_EQ(word_at(net, 0x01000800), 0xFFFFFFFFu);
    flash_sim_close(net);
}

static void check_config_refused(struct flash_sim_config cfg, const char *expected_text)
{
    char err[FLASH_SIM_ERROR_LEN] = "";
    struct flash_sim *sim = flash_sim_open(&cfg, err, sizeof err);
    if (sim != NULL) {
        flash_sim_close(sim);
        test_fail(__FILE__, __LINE__, "config accepted, expected an error mentioning \"%s\"", expected_text);
    }
    if (strstr(err, expected_text) == NULL)
        test_fail(__FILE__, __LINE__, "error \"%s\" does not mention \"%s\"", err, expected_text);
}

TEST(bad_configurations_are_refused_with_a_reason)
{
    struct flash_sim_config c;
    c = small_config(NULL), c.write_unit = 2;
    check_config_refused(c, "write_unit");
    c = small_config(NULL), c.write_unit = 12;
    check_config_refused(c, "write_unit");
    c = small_config(NULL), c.page_size = 3000;
    check_config_refused(c, "page_size");
    c = small_config(NULL), c.page_size = 2 * FLASH_SIM_LOCK_REGION;
    check_config_refused(c, "page_size");
    c = small_config(NULL), c.size = 0;
    check_config_refused(c, "size");
    c = small_config(NULL), c.size = SMALL_SIZE + 4;
    check_config_refused(c, "size");
    c = small_config(NULL), c.base = 0x800;
    check_config_refused(c, "base");
    c = small_config(NULL), c.base = 0xFFFF8000u;
    check_config_refused(c, "address space");
    c = small_config(NULL), c.max_writes_per_word = 0;
    check_config_refused(c, "max_writes_per_word");
    c = small_config(NULL), c.max_writes_per_word = 256;
    check_config_refused(c, "max_writes_per_word");

    char err[FLASH_SIM_ERROR_LEN] = "";
    CHECK(flash_sim_open(NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "no configuration") != NULL);
    c = small_config(NULL), c.size = 0;
    CHECK(flash_sim_open(&c, NULL, 0) == NULL); /* no error buffer: still refused, no crash */
    flash_sim_close(NULL);
}

TEST(a_device_may_end_at_the_top_of_the_address_space)
{
    struct flash_sim_config cfg = small_config(NULL);
    cfg.base = 0xFFFF0000u;
    struct flash_sim *sim = open_sim(&cfg);
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint32_t value = 0;
    CHECK_EQ(write_word(dev, 0xFFFFFFFCu, 0x1234u), FLASH_OK);
    CHECK_EQ(flash_read(dev, 0xFFFFFFFCu, &value, sizeof value), FLASH_OK);
    CHECK_EQ(value, 0x1234u);
    CHECK_EQ(flash_read(dev, 0xFFFFFFFCu, &value, 8), FLASH_E_RANGE);
    CHECK_EQ(flash_erase(dev, 0xFFFFF000u, PAGE), FLASH_OK);
    flash_sim_close(sim);
}

TEST(one_write_per_word_when_configured)
{
    struct flash_sim_config cfg = small_config(NULL);
    cfg.max_writes_per_word = 1;
    struct flash_sim *sim = open_sim(&cfg);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0xFFFFFFF0u), FLASH_OK);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0xFFFFFF00u), FLASH_E_WRITE_LIMIT);
    flash_sim_close(sim);
}

TEST(wider_write_units_are_counted_per_unit)
{
    struct flash_sim_config cfg = small_config(NULL);
    cfg.write_unit = 8;
    struct flash_sim *sim = open_sim(&cfg);
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint8_t zeros[16] = {0};
    CHECK_EQ(flash_write(dev, SMALL_BASE + 4, zeros, 8), FLASH_E_ALIGN);
    CHECK_EQ(flash_write(dev, SMALL_BASE, zeros, 4), FLASH_E_ALIGN);
    CHECK_EQ(flash_write(dev, SMALL_BASE, zeros, 16), FLASH_OK);
    CHECK_EQ(flash_write(dev, SMALL_BASE + 8, zeros, 8), FLASH_OK);
    CHECK_EQ(flash_write(dev, SMALL_BASE + 8, zeros, 8), FLASH_E_WRITE_LIMIT);
    flash_sim_close(sim);
}
