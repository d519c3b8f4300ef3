/* Simulated UICR OTP: write-once 16-bit cells, masking, persistence, torn writes. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "otp_sim.h"

#define BASE 0x00FF8100u
#define SIZE 0x300u

static struct otp_sim *open_otp(const char *backing_file)
{
    struct otp_sim_config cfg = {.base = BASE, .size = SIZE, .backing_file = backing_file};
    char err[OTP_SIM_ERROR_LEN] = "";
    struct otp_sim *sim = otp_sim_open(&cfg, err, sizeof err);
    if (sim == NULL)
        test_fail(__FILE__, __LINE__, "otp_sim_open failed: %s", err);
    return sim;
}

static uint32_t read_word(const struct otp_dev *dev, uint32_t addr)
{
    uint32_t value = 0;
    CHECK_EQ(otp_read_word(dev, addr, &value), OTP_OK);
    return value;
}

TEST(blank_otp_reads_all_ones)
{
    struct otp_sim *sim = open_otp(NULL);
    const struct otp_dev *dev = otp_sim_dev(sim);
    CHECK_EQ(dev->base, BASE);
    CHECK_EQ(dev->size, SIZE);
    for (uint32_t addr = BASE; addr < BASE + SIZE; addr += 4)
        CHECK_EQ(read_word(dev, addr), 0xFFFFFFFFu);
    otp_sim_close(sim);
}

TEST(a_word_is_written_once)
{
    struct otp_sim *sim = open_otp(NULL);
    const struct otp_dev *dev = otp_sim_dev(sim);
    CHECK_EQ(otp_write_word(dev, BASE + 8, 0x12345678u), OTP_OK);
    CHECK_EQ(read_word(dev, BASE + 8), 0x12345678u);
    CHECK_EQ(otp_write_word(dev, BASE + 8, 0x12345678u), OTP_E_WRITTEN); /* even the same value */
    CHECK_EQ(otp_write_word(dev, BASE + 8, 0x00000000u), OTP_E_WRITTEN); /* even clearing bits */
    CHECK_EQ(read_word(dev, BASE + 8), 0x12345678u);
    CHECK_EQ(read_word(dev, BASE + 4), 0xFFFFFFFFu);
    CHECK_EQ(read_word(dev, BASE + 12), 0xFFFFFFFFu);
    otp_sim_close(sim);
}

TEST(a_blank_half_masks_its_cell)
{
    struct otp_sim *sim = open_otp(NULL);
    const struct otp_dev *dev = otp_sim_dev(sim);
    CHECK_EQ(otp_write_word(dev, BASE, 0xFFFFAABBu), OTP_OK);
    CHECK_EQ(otp_write_word(dev, BASE, 0x1234FFFFu), OTP_OK);
    CHECK_EQ(read_word(dev, BASE), 0x1234AABBu);
    CHECK_EQ(otp_write_word(dev, BASE, 0xFFFF5555u), OTP_E_WRITTEN);
    CHECK_EQ(otp_write_word(dev, BASE, 0x5555FFFFu), OTP_E_WRITTEN);
    CHECK_EQ(otp_write_word(dev, BASE, 0xFFFFFFFFu), OTP_OK); /* both masked: nothing to do */
    CHECK_EQ(read_word(dev, BASE), 0x1234AABBu);
    otp_sim_close(sim);
}

TEST(a_write_touching_a_programmed_cell_is_refused_whole)
{
    struct otp_sim *sim = open_otp(NULL);
    const struct otp_dev *dev = otp_sim_dev(sim);
    CHECK_EQ(otp_write_word(dev, BASE, 0xFFFFAABBu), OTP_OK);
    CHECK_EQ(otp_write_word(dev, BASE, 0x5678AABBu), OTP_E_WRITTEN);
    CHECK_EQ(read_word(dev, BASE), 0xFFFFAABBu); /* the blank upper cell was not written either */
    CHECK_EQ(otp_sim_calls(sim), 1);
    otp_sim_close(sim);
}

TEST(otp_accesses_must_be_aligned_words_inside_the_area)
{
    struct otp_sim *sim = open_otp(NULL);
    const struct otp_dev *dev = otp_sim_dev(sim);
    uint32_t value;
    CHECK_EQ(otp_read_word(dev, BASE + 2, &value), OTP_E_ALIGN);
    CHECK_EQ(otp_write_word(dev, BASE + 1, 0u), OTP_E_ALIGN);
    CHECK_EQ(otp_read_word(dev, BASE - 4, &value), OTP_E_RANGE);
    CHECK_EQ(otp_read_word(dev, BASE + SIZE, &value), OTP_E_RANGE);
    CHECK_EQ(otp_write_word(dev, BASE + SIZE, 0u), OTP_E_RANGE);
    CHECK_EQ(otp_write_word(dev, 0u, 0u), OTP_E_RANGE);
    CHECK_EQ(otp_write_word(dev, BASE + SIZE - 4, 0u), OTP_OK);
    CHECK_EQ(read_word(dev, BASE + SIZE - 4), 0u);
    CHECK_EQ(read_word(dev, BASE + SIZE - 8), 0xFFFFFFFFu);
    otp_sim_close(sim);
}

TEST(otp_contents_survive_close_and_reopen)
{
    const char *path = test_temp_path("otp.bin");
    struct otp_sim *sim = open_otp(path);
    CHECK_EQ(otp_write_word(otp_sim_dev(sim), BASE + 0x10, 0xFFFF0001u), OTP_OK);
    otp_sim_close(sim);

    sim = open_otp(path);
    const struct otp_dev *dev = otp_sim_dev(sim);
    CHECK_EQ(read_word(dev, BASE + 0x10), 0xFFFF0001u);
    CHECK_EQ(otp_write_word(dev, BASE + 0x10, 0xFFFF0000u), OTP_E_WRITTEN);
    CHECK_EQ(otp_write_word(dev, BASE + 0x10, 0x0002FFFFu), OTP_OK);
    otp_sim_close(sim);

    /* Words are stored little-endian, as the CPU sees them. */
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    uint8_t raw[SIZE];
    CHECK_EQ(fread(raw, 1, sizeof raw, f), SIZE);
    fclose(f);
    const uint8_t expected[4] = {0x01, 0x00, 0x02, 0x00};
    CHECK_MEM_EQ(raw + 0x10, expected, 4);
}

TEST(otp_backing_file_of_another_size_is_refused)
{
    const char *path = test_temp_path("otp.bin");
    otp_sim_close(open_otp(path));
    struct otp_sim_config cfg = {.base = BASE, .size = SIZE - 4, .backing_file = path};
    char err[OTP_SIM_ERROR_LEN] = "";
    CHECK(otp_sim_open(&cfg, err, sizeof err) == NULL);
    CHECK(strstr(err, "has 768 bytes, expected 764") != NULL);
}

TEST(bad_otp_configurations_are_refused)
{
    char err[OTP_SIM_ERROR_LEN] = "";
    struct otp_sim_config bad[] = {
        {.base = BASE, .size = 0},
        {.base = BASE, .size = 6},
        {.base = BASE + 2, .size = SIZE},
        {.base = 0xFFFFFFFCu, .size = 8},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        CHECK(otp_sim_open(&bad[i], err, sizeof err) == NULL);
        CHECK(strstr(err, "otp_sim_open: base must be") != NULL);
    }
    CHECK(otp_sim_open(NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "no configuration") != NULL);
    otp_sim_close(NULL);
}

TEST(nrf5340_otp_preset_is_uicr_otp)
{
    char err[OTP_SIM_ERROR_LEN] = "";
    struct otp_sim *sim = otp_sim_open(&otp_sim_nrf5340_app, err, sizeof err);
    CHECK(sim != NULL);
    CHECK_EQ(otp_sim_dev(sim)->base, 0x00FF8100u);
    CHECK_EQ(otp_sim_dev(sim)->size, 192 * 4);
    otp_sim_close(sim);
}

/* Writes 0x12345678 over a blank word with a power cut; returns the word left behind. */
static uint32_t torn_otp_write(uint64_t seed)
{
    struct otp_sim *sim = open_otp(NULL);
    const struct otp_dev *dev = otp_sim_dev(sim);
    otp_sim_cut_power_at(sim, 1, seed);
    CHECK_EQ(otp_write_word(dev, BASE + 4, 0x12345678u), OTP_E_POWER_LOST);
    CHECK(otp_sim_power_lost(sim));
    uint32_t value;
    CHECK_EQ(otp_read_word(dev, BASE + 4, &value), OTP_E_POWER_LOST);
    CHECK_EQ(otp_write_word(dev, BASE + 8, 0u), OTP_E_POWER_LOST);
    otp_sim_reboot(sim);
    CHECK(!otp_sim_power_lost(sim));
    value = read_word(dev, BASE + 4);
    CHECK_EQ(read_word(dev, BASE), 0xFFFFFFFFu);
    CHECK_EQ(read_word(dev, BASE + 8), 0xFFFFFFFFu);
    otp_sim_close(sim);
    return value;
}

TEST(torn_otp_write_leaves_each_cell_untouched_or_partly_programmed)
{
    unsigned untouched = 0, partial = 0;
    for (uint64_t seed = 1; seed <= 24; seed++) {
        uint32_t word = torn_otp_write(seed);
        CHECK_EQ(word & 0x12345678u, 0x12345678u); /* only bits meant to be cleared are cleared */
        for (int shift = 0; shift <= 16; shift += 16) {
            uint16_t cell = (uint16_t)(word >> shift);
            untouched += cell == 0xFFFF;
            partial += cell != 0xFFFF && cell != (uint16_t)(0x12345678u >> shift);
        }
    }
    CHECK(untouched > 0);
    CHECK(partial > 0);
    CHECK_EQ(torn_otp_write(9), torn_otp_write(9));
}

TEST(only_writes_that_program_a_cell_count_for_power_cuts)
{
    struct otp_sim *sim = open_otp(NULL);
    const struct otp_dev *dev = otp_sim_dev(sim);
    otp_sim_cut_power_at(sim, 2, 3);
    CHECK_EQ(otp_write_word(dev, BASE, 0xFFFF0000u), OTP_OK);         /* 1 */
    CHECK_EQ(otp_write_word(dev, BASE, 0xFFFFFFFFu), OTP_OK);         /* programs nothing */
    CHECK_EQ(otp_write_word(dev, BASE, 0xFFFF1111u), OTP_E_WRITTEN);  /* refused */
    CHECK_EQ(otp_write_word(dev, BASE + 2, 0u), OTP_E_ALIGN);         /* refused */
    CHECK_EQ(otp_sim_calls(sim), 1);
    CHECK_EQ(otp_write_word(dev, BASE, 0x0000FFFFu), OTP_E_POWER_LOST); /* 2 */
    CHECK_EQ(otp_sim_calls(sim), 2);
    otp_sim_reboot(sim);
    otp_sim_cut_power_at(sim, 1, 1);
    otp_sim_reboot(sim); /* disarms */
    CHECK_EQ(otp_write_word(dev, BASE + 4, 0u), OTP_OK);
    otp_sim_close(sim);
}
