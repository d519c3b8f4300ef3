#define _GNU_SOURCE
#include "flash_sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backing_file.h"
#include "board_partitions.h"
#include "power_cut.h"

/* nWRITE: the NVMC allows two writes to a word between erases (nRF5340 PS, NVMC electrical specification). */
#define NVMC_MAX_WRITES_PER_WORD 2

const struct flash_sim_config flash_sim_nrf5340_app = {.base = MEM_FLASH_BASE,
                                                       .size = MEM_FLASH_SIZE,
                                                       .page_size = MEM_FLASH_PAGE_SIZE,
                                                       .write_unit = MEM_FLASH_WRITE_UNIT,
                                                       .max_writes_per_word = NVMC_MAX_WRITES_PER_WORD};
const struct flash_sim_config flash_sim_nrf5340_net = {.base = MEM_NET_FLASH_BASE,
                                                       .size = MEM_NET_FLASH_SIZE,
                                                       .page_size = MEM_NET_FLASH_PAGE_SIZE,
                                                       .write_unit = MEM_NET_FLASH_WRITE_UNIT,
                                                       .max_writes_per_word = NVMC_MAX_WRITES_PER_WORD};

struct flash_sim {
    struct flash_dev dev;
    struct flash_sim_config cfg; /* backing_file not kept */
    uint32_t page_count;
    struct backing_file mem;
    struct backing_file writes; /* writes per write unit since its erase */
    bool *page_locked;
    uint32_t *page_erases;
    struct flash_sim_stats stats;
    struct power_cut pc;
};

static bool is_pow2(uint32_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

static const char *check_config(const struct flash_sim_config *cfg)
{
    if (!is_pow2(cfg->write_unit) || cfg->write_unit < 4)
        return "write_unit must be a power of two of at least 4 bytes";
    if (!is_pow2(cfg->page_size) || cfg->page_size < cfg->write_unit || cfg->page_size > FLASH_SIM_LOCK_REGION)
        return "page_size must be a power of two between write_unit and the 16 KiB lock region";
    if (cfg->size == 0 || cfg->size % cfg->page_size != 0)
        return "size must be a non-zero multiple of page_size";
    if (cfg->base % cfg->page_size != 0)
        return "base must be a multiple of page_size";
    if ((uint64_t)cfg->base + cfg->size > 0x100000000u)
        return "base + size is beyond the 32-bit address space";
    if (cfg->max_writes_per_word == 0 || cfg->max_writes_per_word > 255)
        return "max_writes_per_word must be 1..255";
    return NULL;
}

/* Range check shared by every access; on success *off is the offset from base. */
static int locate(const struct flash_sim *sim, uint32_t addr, size_t len, uint32_t *off)
{
    if (addr < sim->cfg.base || addr - sim->cfg.base > sim->cfg.size || len > sim->cfg.size - (addr - sim->cfg.base))
        return FLASH_E_RANGE;
    *off = addr - sim->cfg.base;
    return FLASH_OK;
}

static bool range_locked(const struct flash_sim *sim, uint32_t off, size_t len)
{
    for (uint32_t p = off / sim->cfg.page_size; p <= (off + len - 1) / sim->cfg.page_size; p++) {
        if (sim->page_locked[p])
            return true;
    }
    return false;
}

static int sim_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    struct flash_sim *sim = dev->ctx;
    uint32_t off;
    if (sim->pc.lost)
        return FLASH_E_POWER_LOST;
    int rc = locate(sim, addr, len, &off);
    if (rc != FLASH_OK)
        return rc;
    if (len != 0)
        memcpy(buf, sim->mem.data + off, len);
    sim->stats.read_calls++;
    sim->stats.bytes_read += len;
    return FLASH_OK;
}

/* Programs unit `u` with src; with `torn` set, only a random subset of the bits to clear is cleared. */
static void program_unit(struct flash_sim *sim, uint32_t u, const uint8_t *src, struct power_cut *torn)
{
    uint8_t *cell = sim->mem.data + (size_t)u * sim->cfg.write_unit;
    for (uint32_t i = 0; i < sim->cfg.write_unit; i++) {
        uint8_t to_clear = (uint8_t)(cell[i] & ~src[i]);
        if (torn != NULL)
            to_clear &= (uint8_t)power_cut_random(torn);
        cell[i] &= (uint8_t)~to_clear;
    }
    sim->writes.data[u]++;
}

/* The checks every changing call passes first, in this order; a refused call changes nothing. */
static int admit(struct flash_sim *sim, uint32_t addr, size_t len, uint32_t align, uint32_t *off)
{
    if (sim->pc.lost)
        return FLASH_E_POWER_LOST;
    int rc = locate(sim, addr, len, off);
    if (rc != FLASH_OK)
        return rc;
    if (addr % align != 0 || len % align != 0)
        return FLASH_E_ALIGN;
    if (len != 0 && range_locked(sim, *off, len))
        return FLASH_E_LOCKED;
    return FLASH_OK;
}

static int sim_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    struct flash_sim *sim = dev->ctx;
    const uint8_t *src = buf;
    const uint32_t unit = sim->cfg.write_unit;
    uint32_t off;
    int rc = admit(sim, addr, len, unit, &off);
    if (rc != FLASH_OK || len == 0)
        return rc;

    /* Check every unit first so a refused write changes nothing. */
    const uint32_t first = off / unit, count = (uint32_t)(len / unit);
    for (uint32_t i = 0; i < count; i++) {
        if (sim->writes.data[first + i] >= sim->cfg.max_writes_per_word)
            return FLASH_E_WRITE_LIMIT;
        const uint8_t *cell = sim->mem.data + (size_t)(first + i) * unit;
        for (uint32_t b = 0; b < unit; b++) {
            if ((cell[b] & src[i * unit + b]) != src[i * unit + b])
                return FLASH_E_NOT_ERASED;
        }
    }

    if (power_cut_count_call(&sim->pc)) {
        uint32_t cut = power_cut_random_below(&sim->pc, count);
        for (uint32_t i = 0; i < cut; i++)
            program_unit(sim, first + i, src + i * unit, NULL);
        program_unit(sim, first + cut, src + cut * unit, &sim->pc);
        return FLASH_E_POWER_LOST;
    }
    for (uint32_t i = 0; i < count; i++)
        program_unit(sim, first + i, src + i * unit, NULL);
    sim->stats.write_calls++;
    sim->stats.words_written += count;
    sim->stats.bytes_written += len;
    return FLASH_OK;
}

static void erase_page(struct flash_sim *sim, uint32_t page)
{
    const uint32_t units = sim->cfg.page_size / sim->cfg.write_unit;
    memset(sim->mem.data + (size_t)page * sim->cfg.page_size, 0xFF, sim->cfg.page_size);
    memset(sim->writes.data + (size_t)page * units, 0, units);
    sim->page_erases[page]++;
}

static int sim_erase(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    struct flash_sim *sim = dev->ctx;
    const uint32_t page_size = sim->cfg.page_size;
    uint32_t off;
    int rc = admit(sim, addr, len, page_size, &off);
    if (rc != FLASH_OK || len == 0)
        return rc;

    const uint32_t first = off / page_size, count = (uint32_t)(len / page_size);
    if (power_cut_count_call(&sim->pc)) {
        /* The cut page keeps its write counts: only a complete erase makes it writable again. */
        uint32_t cut = power_cut_random_below(&sim->pc, count);
        for (uint32_t i = 0; i < cut; i++)
            erase_page(sim, first + i);
        uint8_t *page = sim->mem.data + (size_t)(first + cut) * page_size;
        for (uint32_t b = 0; b < page_size; b++)
            page[b] |= (uint8_t)power_cut_random(&sim->pc);
        return FLASH_E_POWER_LOST;
    }
    for (uint32_t i = 0; i < count; i++)
        erase_page(sim, first + i);
    sim->stats.erase_calls++;
    sim->stats.pages_erased += count;
    return FLASH_OK;
}

static const struct flash_dev_ops sim_ops = {.read = sim_read, .write = sim_write, .erase = sim_erase};

/* Opens the write-count sidecar; counts unknown for an existing image are taken as one write per programmed unit. */
static int open_write_counts(struct flash_sim *sim, const char *backing, bool mem_created, char *err, size_t err_len)
{
    const size_t units = sim->cfg.size / sim->cfg.write_unit;
    char *path = NULL;
    if (backing != NULL) {
        size_t len = strlen(backing) + sizeof ".wcount";
        path = malloc(len);
        if (path == NULL) {
            sim_set_error(err, err_len, "out of memory");
            return -1;
        }
        snprintf(path, len, "%s.wcount", backing);
    }
    bool created;
    int rc = backing_file_open(&sim->writes, path, units, 0, &created, err, err_len);
    free(path);
    if (rc != 0)
        return -1;
    if (mem_created) {
        memset(sim->writes.data, 0, units); /* a fresh, erased flash: stale counts do not apply */
    } else if (created) {
        for (size_t u = 0; u < units; u++) {
            const uint8_t *cell = sim->mem.data + u * sim->cfg.write_unit;
            for (uint32_t b = 0; b < sim->cfg.write_unit; b++) {
                if (cell[b] != 0xFF) {
                    sim->writes.data[u] = 1;
                    break;
                }
            }
        }
    }
    return 0;
}

struct flash_sim *flash_sim_open(const struct flash_sim_config *cfg, char *err, size_t err_len)
{
    if (cfg == NULL) {
        sim_set_error(err, err_len, "flash_sim_open: no configuration");
        return NULL;
    }
    const char *bad = check_config(cfg);
    if (bad != NULL) {
        sim_set_error(err, err_len, "flash_sim_open: %s", bad);
        return NULL;
    }
    struct flash_sim *sim = calloc(1, sizeof *sim);
    if (sim == NULL) {
        sim_set_error(err, err_len, "flash_sim_open: out of memory");
        return NULL;
    }
    sim->cfg = *cfg;
    sim->cfg.backing_file = NULL;
    sim->page_count = cfg->size / cfg->page_size;
    sim->page_locked = calloc(sim->page_count, sizeof *sim->page_locked);
    sim->page_erases = calloc(sim->page_count, sizeof *sim->page_erases);
    if (sim->page_locked == NULL || sim->page_erases == NULL) {
        sim_set_error(err, err_len, "flash_sim_open: out of memory");
        flash_sim_close(sim);
        return NULL;
    }
    bool mem_created;
    if (backing_file_open(&sim->mem, cfg->backing_file, cfg->size, 0xFF, &mem_created, err, err_len) != 0 ||
        open_write_counts(sim, cfg->backing_file, mem_created, err, err_len) != 0) {
        flash_sim_close(sim);
        return NULL;
    }
    sim->dev = (struct flash_dev){
        .ops = &sim_ops,
        .base = cfg->base,
        .size = cfg->size,
        .page_size = cfg->page_size,
        .write_unit = cfg->write_unit,
        .erased_value = 0xFF,
        .ctx = sim,
    };
    return sim;
}

void flash_sim_close(struct flash_sim *sim)
{
    if (sim == NULL)
        return;
    backing_file_close(&sim->writes);
    backing_file_close(&sim->mem);
    free(sim->page_locked);
    free(sim->page_erases);
    free(sim);
}

const struct flash_dev *flash_sim_dev(struct flash_sim *sim)
{
    return &sim->dev;
}

int flash_sim_lock(struct flash_sim *sim, uint32_t addr, uint32_t len)
{
    uint32_t off;
    if (sim->pc.lost)
        return FLASH_E_POWER_LOST;
    int rc = locate(sim, addr, len, &off);
    if (rc != FLASH_OK)
        return rc;
    if (addr % FLASH_SIM_LOCK_REGION != 0 || len % FLASH_SIM_LOCK_REGION != 0)
        return FLASH_E_ALIGN;
    for (uint32_t p = off / sim->cfg.page_size; p < (off + len) / sim->cfg.page_size; p++)
        sim->page_locked[p] = true;
    return FLASH_OK;
}

void flash_sim_cut_power_at(struct flash_sim *sim, uint32_t n, uint64_t seed)
{
    power_cut_arm(&sim->pc, n, seed);
}

size_t flash_sim_state_size(const struct flash_sim *sim)
{
    return sim->mem.size + sim->writes.size;
}

void flash_sim_state_save(const struct flash_sim *sim, void *state)
{
    memcpy(state, sim->mem.data, sim->mem.size);
    memcpy((uint8_t *)state + sim->mem.size, sim->writes.data, sim->writes.size);
}

void flash_sim_state_restore(struct flash_sim *sim, const void *state)
{
    memcpy(sim->mem.data, state, sim->mem.size);
    memcpy(sim->writes.data, (const uint8_t *)state + sim->mem.size, sim->writes.size);
    flash_sim_reboot(sim);
}

void flash_sim_cut_power_now(struct flash_sim *sim)
{
    sim->pc.lost = true;
}

bool flash_sim_power_lost(const struct flash_sim *sim)
{
    return sim->pc.lost;
}

void flash_sim_reboot(struct flash_sim *sim)
{
    power_cut_reboot(&sim->pc);
    memset(sim->page_locked, 0, sim->page_count * sizeof *sim->page_locked);
}

uint64_t flash_sim_calls(const struct flash_sim *sim)
{
    return sim->pc.calls;
}

struct flash_sim_stats flash_sim_stats(const struct flash_sim *sim)
{
    struct flash_sim_stats s = sim->stats;
    s.page_erases = sim->page_erases;
    s.page_count = sim->page_count;
    return s;
}

void flash_sim_reset_stats(struct flash_sim *sim)
{
    memset(&sim->stats, 0, sizeof sim->stats);
    memset(sim->page_erases, 0, sim->page_count * sizeof *sim->page_erases);
}

const uint8_t *flash_sim_memory(const struct flash_sim *sim)
{
    return sim->mem.data;
}
