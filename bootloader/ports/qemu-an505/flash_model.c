/*
 * The nRF5340 app-core flash on the AN505: emulator RAM at the flash's own addresses (the code runs
 * from it), with the NVMC's rules applied in software: page erase to 0xFF, word writes that can only
 * clear bits, range and alignment refusals, and regions write-protected until reset. Every change also
 * goes to the lasting copy in the flash file (an505_memory.ld), which the reset stub copies back at each
 * reset. Not modelled: the limit of two writes per word between erases (the host simulator checks it).
 *
 * The AN505 has no SPU. Locks are bits in an505_spu_state, outside every nRF5340 window, so they
 * outlive the jump to the next stage as SPU locks do; b0 clears them, as a reset would.
 */
#include <stdbool.h>
#include <string.h>

#include "an505_port.h"
#include "board_partitions.h"

#define LOCK_REGIONS (MEM_FLASH_SIZE / MEM_FLASH_LOCK_REGION)
_Static_assert(MEM_FLASH_SIZE % MEM_FLASH_LOCK_REGION == 0, "flash is whole lock regions");

extern uint32_t an505_spu_state[]; /* LOCK_REGIONS bits */
extern const char an505_flash_file_offset[]; /* a value, not an object: see an505_memory.ld */

/* Flash runs in place at its nRF5340 address: the address is the pointer. */
static volatile uint8_t *at(uint32_t addr)
{
    return (volatile uint8_t *)(uintptr_t)addr;
}

/* A programmed word lands in the running copy and in the file. */
static void program_word(uint32_t addr, uint32_t word)
{
    *(volatile uint32_t *)(uintptr_t)addr = word;
    *(volatile uint32_t *)(uintptr_t)(an505_flash_file_offset + addr) = word;
}

static bool region_locked(uint32_t region)
{
    return (an505_spu_state[region / 32] >> (region % 32)) & 1u;
}

/* The checks of every changing call, in the host simulator's order; a refused call changes nothing. */
static int admit(const struct flash_dev *d, uint32_t addr, size_t len, uint32_t align)
{
    const int rc = flash_dev_check(d, addr, len, align);
    if (rc != FLASH_OK || len == 0)
        return rc;
    const uint32_t first = (addr - d->base) / MEM_FLASH_LOCK_REGION;
    const uint32_t last = (uint32_t)(addr - d->base + len - 1) / MEM_FLASH_LOCK_REGION;
    for (uint32_t region = first; region <= last; region++) {
        if (region_locked(region))
            return FLASH_E_LOCKED;
    }
    return FLASH_OK;
}

static int model_read(const struct flash_dev *d, uint32_t addr, void *buf, size_t len)
{
    const int rc = flash_dev_check(d, addr, len, 1);
    if (rc != FLASH_OK)
        return rc;
    uint8_t *out = buf;
    for (size_t i = 0; i < len; i++)
        out[i] = at(addr)[i];
    return FLASH_OK;
}

static int model_write(const struct flash_dev *d, uint32_t addr, const void *buf, size_t len)
{
    int rc = admit(d, addr, len, d->write_unit);
    if (rc != FLASH_OK)
        return rc;
    const uint8_t *src = buf;
    for (size_t i = 0; i < len; i++) { /* check every byte first: a refused write changes nothing */
        if ((at(addr)[i] & src[i]) != src[i])
            return FLASH_E_NOT_ERASED;
    }
    for (size_t i = 0; i < len; i += 4) { /* the NVMC programs whole words */
        uint32_t word;
        memcpy(&word, src + i, sizeof word);
        program_word(addr + (uint32_t)i, word);
    }
    return FLASH_OK;
}

static int model_erase(const struct flash_dev *d, uint32_t addr, size_t len)
{
    int rc = admit(d, addr, len, d->page_size);
    if (rc != FLASH_OK)
        return rc;
    for (size_t i = 0; i < len; i += 4)
        program_word(addr + (uint32_t)i, 0xFFFFFFFFu);
    return FLASH_OK;
}

static const struct flash_dev_ops model_ops = {.read = model_read, .write = model_write, .erase = model_erase};

_Static_assert(MEM_FLASH_WRITE_UNIT == 4, "the model programs 32-bit words");

static const struct flash_dev flash = {
    .ops = &model_ops,
    .base = MEM_FLASH_BASE,
    .size = MEM_FLASH_SIZE,
    .page_size = MEM_FLASH_PAGE_SIZE,
    .write_unit = MEM_FLASH_WRITE_UNIT,
    .erased_value = 0xFF,
};

const struct flash_dev *board_flash(void)
{
    return &flash;
}

int board_lock(uint32_t addr, uint32_t len)
{
    const int rc = flash_dev_check(&flash, addr, len, MEM_FLASH_LOCK_REGION);
    if (rc != FLASH_OK || len == 0)
        return rc;
    for (uint32_t off = addr - flash.base; off < addr - flash.base + len; off += MEM_FLASH_LOCK_REGION) {
        const uint32_t region = off / MEM_FLASH_LOCK_REGION;
        an505_spu_state[region / 32] |= 1u << (region % 32);
    }
    board_log("AN505 has no SPU: flash 0x%08lx..0x%08lx is write-protected by the flash model until reset.",
              (unsigned long)addr, (unsigned long)(addr + len - 1));
    return FLASH_OK;
}

/* b0 runs first after every reset, which clears the SPU: the stand-in's lock bits go. */
void board_b0_start(void)
{
    memset(an505_spu_state, 0, (LOCK_REGIONS + 31) / 32 * sizeof(uint32_t));
}
