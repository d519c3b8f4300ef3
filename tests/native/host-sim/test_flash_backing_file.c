/* Backing file: contents and write counts shared across opens, as separate executables share the chip. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "flash_fixture.h"

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

TEST(missing_backing_file_is_created_erased)
{
    const char *path = test_temp_path("flash.bin");
    struct flash_sim_config cfg = small_config(path);
    struct flash_sim *sim = open_sim(&cfg);
    CHECK_EQ(file_size(path), SMALL_SIZE);
    CHECK_EQ(word_at(sim, SMALL_BASE + SMALL_SIZE - 4), 0xFFFFFFFFu);
    flash_sim_close(sim);

    /* The sidecar holds one write count per word. */
    char sidecar[512];
    snprintf(sidecar, sizeof sidecar, "%s.wcount", path);
    CHECK_EQ(file_size(sidecar), SMALL_SIZE / 4);
}

TEST(contents_and_write_counts_survive_close_and_reopen)
{
    const char *path = test_temp_path("flash.bin");
    struct flash_sim_config cfg = small_config(path);
    struct flash_sim *sim = open_sim(&cfg);
    const uint32_t addr = SMALL_BASE + 5 * PAGE + 12;
    CHECK_EQ(write_word(flash_sim_dev(sim), addr, 0xFFFF1234u), FLASH_OK);
    CHECK_EQ(write_word(flash_sim_dev(sim), addr, 0xFF001234u), FLASH_OK);
    CHECK_EQ(write_word(flash_sim_dev(sim), addr + 4, 0xCAFEF00Du), FLASH_OK);
    flash_sim_close(sim);

    sim = open_sim(&cfg);
    const struct flash_dev *dev = flash_sim_dev(sim);
    uint32_t back[2];
    CHECK_EQ(flash_read(dev, addr, back, sizeof back), FLASH_OK);
    CHECK_EQ(back[0], 0xFF001234u);
    CHECK_EQ(back[1], 0xCAFEF00Du);
    CHECK_EQ(write_word(dev, addr, 0x00001234u), FLASH_E_WRITE_LIMIT); /* third write since erase */
    CHECK_EQ(write_word(dev, addr + 4, 0xCAFEF00Cu), FLASH_OK);         /* its second write */
    CHECK_EQ(flash_erase(dev, SMALL_BASE + 5 * PAGE, PAGE), FLASH_OK);
    flash_sim_close(sim);

    sim = open_sim(&cfg);
    CHECK_EQ(word_at(sim, addr), 0xFFFFFFFFu);
    CHECK_EQ(write_word(flash_sim_dev(sim), addr, 0u), FLASH_OK);
    flash_sim_close(sim);
}

TEST(two_opens_of_one_file_see_each_other)
{
    const char *path = test_temp_path("flash.bin");
    struct flash_sim_config cfg = small_config(path);
    struct flash_sim *first = open_sim(&cfg);
    struct flash_sim *second = open_sim(&cfg);
    uint32_t value = 0;
    CHECK_EQ(write_word(flash_sim_dev(first), SMALL_BASE + 64, 0x600DF00Du), FLASH_OK);
    CHECK_EQ(flash_read(flash_sim_dev(second), SMALL_BASE + 64, &value, sizeof value), FLASH_OK);
    CHECK_EQ(value, 0x600DF00Du);
    flash_sim_close(first);
    flash_sim_close(second);
}

TEST(backing_file_of_another_size_is_refused)
{
    const char *path = test_temp_path("flash.bin");
    struct flash_sim_config cfg = small_config(path);
    flash_sim_close(open_sim(&cfg));

    cfg.size = SMALL_SIZE / 2;
    char err[FLASH_SIM_ERROR_LEN] = "";
    CHECK(flash_sim_open(&cfg, err, sizeof err) == NULL);
    CHECK(strstr(err, path) != NULL);
    CHECK(strstr(err, "has 65536 bytes, expected 32768") != NULL);
    CHECK_EQ(file_size(path), SMALL_SIZE); /* left as it was */
}

TEST(write_count_sidecar_of_another_size_is_refused)
{
    const char *path = test_temp_path("flash.bin");
    struct flash_sim_config cfg = small_config(path);
    flash_sim_close(open_sim(&cfg));

    char sidecar[512];
    snprintf(sidecar, sizeof sidecar, "%s.wcount", path);
    FILE *f = fopen(sidecar, "ab");
    CHECK(f != NULL);
    fputc(0, f);
    fclose(f);
    char err[FLASH_SIM_ERROR_LEN] = "";
    CHECK(flash_sim_open(&cfg, err, sizeof err) == NULL);
    CHECK(strstr(err, ".wcount has 16385 bytes, expected 16384") != NULL);
}

TEST(unopenable_backing_file_is_refused)
{
    struct flash_sim_config cfg = small_config("/nonexistent-directory/flash.bin");
    char err[FLASH_SIM_ERROR_LEN] = "";
    CHECK(flash_sim_open(&cfg, err, sizeof err) == NULL);
    CHECK(strstr(err, "cannot open backing file /nonexistent-directory/flash.bin") != NULL);

    const char *dir = test_temp_path("a-directory");
    CHECK_EQ(mkdir(dir, 0755), 0);
    cfg.backing_file = dir;
    CHECK(flash_sim_open(&cfg, err, sizeof err) == NULL);
    CHECK(strstr(err, "Is a directory") != NULL);

    cfg.backing_file = "/dev/null";
    CHECK(flash_sim_open(&cfg, err, sizeof err) == NULL);
    CHECK(strstr(err, "backing file /dev/null is not a regular file") != NULL);
}

TEST(image_without_sidecar_counts_programmed_words_as_written_once)
{
    /* E.g. a merged firmware image produced by the build tool. */
    const char *path = test_temp_path("image.bin");
    static uint8_t image[SMALL_SIZE];
    memset(image, 0xFF, sizeof image);
    memset(image, 0x00, 8); /* two programmed words */
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    CHECK_EQ(fwrite(image, 1, sizeof image, f), sizeof image);
    fclose(f);

    struct flash_sim_config cfg = small_config(path);
    struct flash_sim *sim = open_sim(&cfg);
    const struct flash_dev *dev = flash_sim_dev(sim);
    CHECK_EQ(word_at(sim, SMALL_BASE), 0u);
    CHECK_EQ(write_word(dev, SMALL_BASE, 0u), FLASH_OK);
    CHECK_EQ(write_word(dev, SMALL_BASE, 0u), FLASH_E_WRITE_LIMIT);
    CHECK_EQ(write_word(dev, SMALL_BASE + 8, 0xFFu), FLASH_OK);
    CHECK_EQ(write_word(dev, SMALL_BASE + 8, 0x0Fu), FLASH_OK);
    CHECK_EQ(write_word(dev, SMALL_BASE + 8, 0x0Fu), FLASH_E_WRITE_LIMIT);
    flash_sim_close(sim);
}

TEST(recreated_flash_ignores_stale_write_counts)
{
    const char *path = test_temp_path("flash.bin");
    struct flash_sim_config cfg = small_config(path);
    struct flash_sim *sim = open_sim(&cfg);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0xFFu), FLASH_OK);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0x0Fu), FLASH_OK);
    flash_sim_close(sim);

    CHECK_EQ(remove(path), 0); /* the sidecar stays behind */
    sim = open_sim(&cfg);
    CHECK_EQ(word_at(sim, SMALL_BASE), 0xFFFFFFFFu);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0xFFu), FLASH_OK);
    CHECK_EQ(write_word(flash_sim_dev(sim), SMALL_BASE, 0x0Fu), FLASH_OK);
    flash_sim_close(sim);
}
