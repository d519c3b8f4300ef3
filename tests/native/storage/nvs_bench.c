/*
 * nvs_bench: NVS speed on the simulated nRF5340 flash (not a test; prints figures).
 *
 *   nvs_bench [divisor [phase...]]
 *     divisor  divides every operation count (e.g. 100 under valgrind); default 1
 *     phase    keys8 | keys200 (writes then reads), wear (one key), mount (full partition); default all
 *
 * Instructions per operation: run one phase under callgrind, collecting one function, e.g.
 *   valgrind --tool=callgrind --toggle-collect=bench_reads ./nvs_bench 100 keys8
 * and divide the total Ir by the operation count the phase prints.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flash_sim.h"
#include "nvs.h"

#define SECTOR 4096u
#define SECTORS 8u /* 32 KiB, Zephyr's default settings partition */
#define VALUE 16u

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct flash_sim *sim_open(void)
{
    const struct flash_sim_config cfg = {.base = 0, .size = SECTOR * SECTORS, .page_size = SECTOR,
                                         .write_unit = 4, .max_writes_per_word = 2, .backing_file = NULL};
    char err[FLASH_SIM_ERROR_LEN];
    struct flash_sim *sim = flash_sim_open(&cfg, err, sizeof err);
    if (sim == NULL) {
        fprintf(stderr, "nvs_bench: %s\n", err);
        exit(1);
    }
    return sim;
}

static void must(int rc, const char *what)
{
    if (rc < 0) {
        fprintf(stderr, "nvs_bench: %s: %s\n", what, nvs_strerror(rc));
        exit(1);
    }
}

static void make_value(uint8_t *v, uint32_t n)
{
    memset(v, (int)(n * 7), VALUE);
    memcpy(v, &n, sizeof n);
}

/* Updates of `keys` ids in turn, every value new. */
__attribute__((noinline)) void bench_writes(struct nvs_fs *fs, uint32_t count, uint16_t keys)
{
    uint8_t v[VALUE];
    for (uint32_t n = 0; n < count; n++) {
        make_value(v, n);
        must(nvs_write(fs, (uint16_t)(n % keys), v, VALUE), "write");
    }
}

__attribute__((noinline)) void bench_reads(struct nvs_fs *fs, uint32_t count, uint16_t keys)
{
    uint8_t v[VALUE];
    for (uint32_t n = 0; n < count; n++)
        must(nvs_read(fs, (uint16_t)(n % keys), v, VALUE), "read");
}

__attribute__((noinline)) void bench_mounts(struct nvs_fs *fs, const struct flash_dev *dev, uint32_t count)
{
    for (uint32_t n = 0; n < count; n++)
        must(nvs_mount(fs, dev, 0, SECTOR, SECTORS, 0), "mount");
}

static void report_rate(const char *what, uint32_t count, double seconds)
{
    printf("%-44s %8u ops  %10.0f ops/s  %8.2f us/op\n", what, count, count / seconds, 1e6 * seconds / count);
}

static void writes_and_reads(uint32_t divisor, uint16_t keys)
{
    struct flash_sim *sim = sim_open();
    struct nvs_fs fs;
    must(nvs_mount(&fs, flash_sim_dev(sim), 0, SECTOR, SECTORS, 0), "mount");
    char what[64];
    const uint32_t writes = 100000 / divisor, reads = 1000000 / divisor / (keys > 8 ? 10 : 1);
    double t = now_s();
    bench_writes(&fs, writes, keys);
    snprintf(what, sizeof what, "write, %u keys x %u bytes, 32 KiB", keys, VALUE);
    report_rate(what, writes, now_s() - t);
    t = now_s();
    bench_reads(&fs, reads, keys);
    snprintf(what, sizeof what, "read, %u keys x %u bytes, 32 KiB", keys, VALUE);
    report_rate(what, reads, now_s() - t);
    flash_sim_close(sim);
}

static void erases_per_update(uint32_t divisor)
{
    struct flash_sim *sim = sim_open();
    struct nvs_fs fs;
    must(nvs_mount(&fs, flash_sim_dev(sim), 0, SECTOR, SECTORS, 0), "mount");
    const uint32_t updates = 100000 / divisor;
    bench_writes(&fs, updates, 1);
    const struct flash_sim_stats st = flash_sim_stats(sim);
    printf("%-44s %8.2f erases per 1000 updates (%u updates)\n", "one key x 16 bytes, 32 KiB",
           1000.0 * (double)st.pages_erased / updates, updates);
    flash_sim_close(sim);
}

static void mount_full(uint32_t divisor)
{
    struct flash_sim *sim = sim_open();
    const struct flash_dev *dev = flash_sim_dev(sim);
    struct nvs_fs fs;
    must(nvs_mount(&fs, dev, 0, SECTOR, SECTORS, 0), "mount");
    uint8_t v[VALUE];
    uint16_t id = 0;
    int rc;
    for (uint16_t len = VALUE; len >= 1; len /= 2) {
        while (make_value(v, id), (rc = nvs_write(&fs, id, v, len)) > 0)
            id++;
        if (rc != NVS_E_NOSPC)
            must(rc, "fill");
    }
    const uint32_t mounts = 2000 / divisor;
    const double t = now_s();
    bench_mounts(&fs, dev, mounts);
    char what[64];
    snprintf(what, sizeof what, "mount, full 32 KiB (%u ids, %d free)", id, nvs_calc_free_space(&fs));
    report_rate(what, mounts, now_s() - t);
    flash_sim_close(sim);
}

static bool wanted(int argc, char **argv, const char *phase)
{
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], phase) == 0)
            return true;
    }
    return argc <= 2;
}

int main(int argc, char **argv)
{
    const uint32_t divisor = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 1;
    bool usage_ok = divisor >= 1 && divisor <= 1000;
    for (int i = 2; i < argc; i++) {
        usage_ok = usage_ok && (strcmp(argv[i], "keys8") == 0 || strcmp(argv[i], "keys200") == 0 ||
                                strcmp(argv[i], "wear") == 0 || strcmp(argv[i], "mount") == 0);
    }
    if (!usage_ok) {
        fprintf(stderr, "usage: nvs_bench [divisor 1..1000 [keys8|keys200|wear|mount ...]]\n");
        return 2;
    }
    if (wanted(argc, argv, "keys8"))
        writes_and_reads(divisor, 8);
    if (wanted(argc, argv, "keys200"))
        writes_and_reads(divisor, 200);
    if (wanted(argc, argv, "wear"))
        erases_per_update(divisor);
    if (wanted(argc, argv, "mount"))
        mount_full(divisor);
    return 0;
}
