/* Shared set-up for the NVS and settings tests: a simulated nRF5340 flash with one NVS partition. */
#ifndef STORAGE_FIXTURE_H
#define STORAGE_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "flash_sim.h"
#include "harness.h"
#include "nvs.h"

/* The partition sits inside a larger flash, so absolute addresses are exercised. */
#define FLASH_BASE 0x00000000u
#define FLASH_SIZE 0xC000u
#define PART_ADDR 0x00004000u
#define SECTOR 4096u
#define SECTORS 4u
#define PART_SIZE (SECTOR * SECTORS)

struct rig {
    struct flash_sim *sim;
    const struct flash_dev *dev;
    struct nvs_fs fs;
    uint16_t sectors;
    uint32_t flags;
};

static inline void rig_open(struct rig *r, uint16_t sectors, uint32_t flags)
{
    const struct flash_sim_config cfg = {.base = FLASH_BASE, .size = FLASH_SIZE, .page_size = SECTOR,
                                         .write_unit = 4, .max_writes_per_word = 2, .backing_file = NULL};
    char err[FLASH_SIM_ERROR_LEN] = "";
    memset(r, 0, sizeof *r);
    r->sim = flash_sim_open(&cfg, err, sizeof err);
    if (r->sim == NULL)
        test_fail(__FILE__, __LINE__, "flash_sim_open failed: %s", err);
    r->dev = flash_sim_dev(r->sim);
    r->sectors = sectors;
    r->flags = flags;
}

static inline void rig_close(struct rig *r)
{
    flash_sim_close(r->sim);
    r->sim = NULL;
}

static inline int rig_mount(struct rig *r)
{
    return nvs_mount(&r->fs, r->dev, PART_ADDR, SECTOR, r->sectors, r->flags);
}

/* Power comes back and the store is mounted again, as after a reset. */
static inline void rig_reboot(struct rig *r)
{
    flash_sim_reboot(r->sim);
    int rc = rig_mount(r);
    if (rc != 0)
        test_fail(__FILE__, __LINE__, "mount after reboot: %d (%s)", rc, nvs_strerror(rc));
}

/* The partition's bytes, read without going through (or counting as) flash reads. */
static inline const uint8_t *rig_bytes(const struct rig *r)
{
    return flash_sim_memory(r->sim) + (PART_ADDR - FLASH_BASE);
}

/* Replaces the partition content by `image` (erase, then program every word that is not erased). */
static inline void rig_load(struct rig *r, const uint8_t *image, size_t len)
{
    CHECK(len <= (size_t)SECTOR * r->sectors);
    CHECK_EQ(flash_erase(r->dev, PART_ADDR, (size_t)SECTOR * r->sectors), FLASH_OK);
    for (size_t off = 0; off < len; off += 4) {
        static const uint8_t erased[4] = {0xFF, 0xFF, 0xFF, 0xFF};
        if (memcmp(image + off, erased, 4) != 0)
            CHECK_EQ(flash_write(r->dev, PART_ADDR + (uint32_t)off, image + off, 4), FLASH_OK);
    }
}

/* Reads a whole file into buf (at most cap bytes); returns its length. */
static inline size_t load_file(const char *path, uint8_t *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        test_fail(__FILE__, __LINE__, "cannot open %s", path);
    size_t n = fread(buf, 1, cap, f);
    int more = fgetc(f);
    fclose(f);
    if (more != EOF)
        test_fail(__FILE__, __LINE__, "%s is larger than %zu bytes", path, cap);
    return n;
}

/* Decodes a hex string into out (cap bytes); returns the byte count. */
static inline size_t hex_decode(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = strlen(hex) / 2;
    CHECK(n <= cap && strlen(hex) % 2 == 0);
    for (size_t i = 0; i < n; i++) {
        unsigned byte;
        CHECK(sscanf(hex + 2 * i, "%2x", &byte) == 1);
        out[i] = (uint8_t)byte;
    }
    return n;
}

#endif /* STORAGE_FIXTURE_H */
