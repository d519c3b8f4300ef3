/* Shared set-up for the flash simulator tests. */
#ifndef FLASH_FIXTURE_H
#define FLASH_FIXTURE_H

#include <stdint.h>
#include <string.h>

#include "flash_sim.h"
#include "harness.h"

/* 64 KiB = 16 pages of 4 KiB = 4 lock regions, at a non-zero base to exercise absolute addresses. */
#define SMALL_BASE 0x00010000u
#define SMALL_SIZE 0x10000u
#define PAGE 4096u

static inline struct flash_sim_config small_config(const char *backing_file)
{
    return (struct flash_sim_config){
        .base = SMALL_BASE,
        .size = SMALL_SIZE,
        .page_size = PAGE,
        .write_unit = 4,
        .max_writes_per_word = 2,
        .backing_file = backing_file,
    };
}

static inline struct flash_sim *open_sim(const struct flash_sim_config *cfg)
{
    char err[FLASH_SIM_ERROR_LEN] = "";
    struct flash_sim *sim = flash_sim_open(cfg, err, sizeof err);
    if (sim == NULL)
        test_fail(__FILE__, __LINE__, "flash_sim_open failed: %s", err);
    return sim;
}

static inline struct flash_sim *open_small(void)
{
    struct flash_sim_config cfg = small_config(NULL);
    return open_sim(&cfg);
}

static inline uint32_t word_at(struct flash_sim *sim, uint32_t addr)
{
    uint32_t v;
    memcpy(&v, flash_sim_memory(sim) + (addr - flash_sim_dev(sim)->base), sizeof v);
    return v;
}

static inline int write_word(const struct flash_dev *dev, uint32_t addr, uint32_t value)
{
    return flash_write(dev, addr, &value, sizeof value);
}

#endif /* FLASH_FIXTURE_H */
