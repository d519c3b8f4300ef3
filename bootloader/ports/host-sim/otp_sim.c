#include "otp_sim.h"

#include <stdlib.h>
#include <string.h>

#include "backing_file.h"
#include "board_partitions.h"
#include "power_cut.h"

const struct otp_sim_config otp_sim_nrf5340_app = {.base = MEM_OTP_BASE, .size = MEM_OTP_SIZE};

#define CELL_BLANK 0xFFFFu

struct otp_sim {
    struct otp_dev dev;
    uint32_t base, size;
    struct backing_file mem; /* words stored little-endian, as the CPU sees them */
    struct power_cut pc;
};

static uint32_t load_word(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void store_word(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static int locate(const struct otp_sim *sim, uint32_t addr, uint8_t **word)
{
    if (sim->pc.lost)
        return OTP_E_POWER_LOST;
    if (addr < sim->base || addr - sim->base > sim->size - 4)
        return OTP_E_RANGE;
    if (addr % 4 != 0)
        return OTP_E_ALIGN;
    *word = sim->mem.data + (addr - sim->base);
    return OTP_OK;
}

static int sim_read_word(const struct otp_dev *dev, uint32_t addr, uint32_t *value)
{
    uint8_t *word;
    int rc = locate(dev->ctx, addr, &word);
    if (rc == OTP_OK)
        *value = load_word(word);
    return rc;
}

static int sim_write_word(const struct otp_dev *dev, uint32_t addr, uint32_t value)
{
    struct otp_sim *sim = dev->ctx;
    uint8_t *word;
    int rc = locate(sim, addr, &word);
    if (rc != OTP_OK)
        return rc;

    uint32_t old = load_word(word), result = old;
    bool programs = false;
    for (int shift = 0; shift <= 16; shift += 16) {
        uint16_t cell = (uint16_t)(old >> shift), next = (uint16_t)(value >> shift);
        if (next == CELL_BLANK)
            continue; /* masked: this cell is left alone */
        if (cell != CELL_BLANK)
            return OTP_E_WRITTEN;
        programs = true;
        result &= ~((uint32_t)(uint16_t)~next << shift);
    }
    if (!programs)
        return OTP_OK;

    if (power_cut_count_call(&sim->pc)) {
        uint32_t torn = old;
        for (int shift = 0; shift <= 16; shift += 16) {
            uint16_t to_clear = (uint16_t)((old & ~result) >> shift);
            if (to_clear != 0 && power_cut_random(&sim->pc) & 1)
                torn &= ~((uint32_t)(to_clear & (uint16_t)power_cut_random(&sim->pc)) << shift);
        }
        store_word(word, torn);
        return OTP_E_POWER_LOST;
    }
    store_word(word, result);
    return OTP_OK;
}

static const struct otp_dev_ops sim_ops = {.read_word = sim_read_word, .write_word = sim_write_word};

struct otp_sim *otp_sim_open(const struct otp_sim_config *cfg, char *err, size_t err_len)
{
    if (cfg == NULL) {
        sim_set_error(err, err_len, "otp_sim_open: no configuration");
        return NULL;
    }
    if (cfg->size == 0 || cfg->size % 4 != 0 || cfg->base % 4 != 0 || (uint64_t)cfg->base + cfg->size > 0x100000000u) {
        sim_set_error(err, err_len, "otp_sim_open: base must be 32-bit aligned and size a non-zero multiple of 4 "
                                    "within the 32-bit address space");
        return NULL;
    }
    struct otp_sim *sim = calloc(1, sizeof *sim);
    if (sim == NULL) {
        sim_set_error(err, err_len, "otp_sim_open: out of memory");
        return NULL;
    }
    bool created;
    if (backing_file_open(&sim->mem, cfg->backing_file, cfg->size, 0xFF, &created, err, err_len) != 0) {
        free(sim);
        return NULL;
    }
    sim->base = cfg->base;
    sim->size = cfg->size;
    sim->dev = (struct otp_dev){.ops = &sim_ops, .base = cfg->base, .size = cfg->size, .ctx = sim};
    return sim;
}

void otp_sim_close(struct otp_sim *sim)
{
    if (sim == NULL)
        return;
    backing_file_close(&sim->mem);
    free(sim);
}

const struct otp_dev *otp_sim_dev(struct otp_sim *sim)
{
    return &sim->dev;
}

void otp_sim_cut_power_at(struct otp_sim *sim, uint32_t n, uint64_t seed)
{
    power_cut_arm(&sim->pc, n, seed);
}

bool otp_sim_power_lost(const struct otp_sim *sim)
{
    return sim->pc.lost;
}

void otp_sim_reboot(struct otp_sim *sim)
{
    power_cut_reboot(&sim->pc);
}

uint64_t otp_sim_calls(const struct otp_sim *sim)
{
    return sim->pc.calls;
}

void otp_sim_state_save(const struct otp_sim *sim, void *state)
{
    memcpy(state, sim->mem.data, sim->mem.size);
}

void otp_sim_state_restore(struct otp_sim *sim, const void *state)
{
    memcpy(sim->mem.data, state, sim->mem.size);
    otp_sim_reboot(sim);
}
