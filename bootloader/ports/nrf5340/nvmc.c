/*
 * The NVMC: app-core flash as a flash_dev (flash_dev.h). PS-NVMC facts this follows:
 * - no ERASEPAGE register on the nRF5340: with CONFIG=Een, writing 0xFFFFFFFF to the page's first word
 *   erases the page; READY goes 0 while it runs (tERASEPAGE 87.5 ms);
 * - writes are whole aligned words with CONFIG=Wen, clearing bits only; nWRITE = 2 writes per word between
 *   erases, so a word that already holds the value is not written again (the host simulator's tests check
 *   that callers stay within two);
 * - secure code sets CONFIG and CONFIGNS alike, waits READYNEXT before each word and READY at the end,
 *   then returns to Ren (nrfx's sequence).
 * A region the SPU locked is refused here (FLASH_E_LOCKED) instead of faulting on the bus.
 */
#include "board_partitions.h"
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

_Static_assert(MEM_FLASH_WRITE_UNIT == 4, "the NVMC programs 32-bit words");

static bool wait_bit(uint32_t reg)
{
    for (uint32_t n = 0; n < NRF_POLL_LIMIT; n++) {
        if (nrf_reg_read(NRF_NVMC + reg) & 1u)
            return true;
    }
    return false;
}

static void set_mode(uint32_t mode)
{
    nrf_reg_write(NRF_NVMC + NVMC_CONFIG, mode);
    nrf_reg_write(NRF_NVMC + NVMC_CONFIGNS, mode);
    nrf_barrier();
}

/* Back to read-only whatever happened: the NVMC must never stay write-enabled. */
static int finish(int rc)
{
    if (!wait_bit(NVMC_READY) && rc == FLASH_OK)
        rc = FLASH_E_IO;
    set_mode(NVMC_CONFIG_REN);
    return rc;
}

static int admit(const struct flash_dev *d, uint32_t addr, size_t len, uint32_t align)
{
    const int rc = flash_dev_check(d, addr, len, align);
    if (rc != FLASH_OK)
        return rc;
    for (uint32_t off = 0; off < len; off += MEM_FLASH_LOCK_REGION - (addr + off) % MEM_FLASH_LOCK_REGION) {
        if (!spu_flash_writable(addr + off))
            return FLASH_E_LOCKED;
    }
    return FLASH_OK;
}

static int nvmc_read(const struct flash_dev *d, uint32_t addr, void *buf, size_t len)
{
    const int rc = flash_dev_check(d, addr, len, 1);
    if (rc != FLASH_OK)
        return rc;
    uint8_t *out = buf;
    for (size_t i = 0; i < len; i++) { /* whole aligned words, as the bus prefers */
        const uint32_t a = addr + (uint32_t)i;
        out[i] = (uint8_t)(nrf_reg_read(a & ~3u) >> (8u * (a & 3u)));
    }
    return FLASH_OK;
}

static uint32_t word_of(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int nvmc_write(const struct flash_dev *d, uint32_t addr, const void *buf, size_t len)
{
    int rc = admit(d, addr, len, d->write_unit);
    if (rc != FLASH_OK || len == 0)
        return rc;
    const uint8_t *src = buf;
    for (size_t i = 0; i < len; i += 4) { /* every word first: a refused write changes nothing */
        const uint32_t want = word_of(src + i);
        if ((nrf_reg_read(addr + (uint32_t)i) & want) != want)
            return FLASH_E_NOT_ERASED;
    }
    if (!wait_bit(NVMC_READY))
        return FLASH_E_IO;
    set_mode(NVMC_CONFIG_WEN);
    for (size_t i = 0; i < len && rc == FLASH_OK; i += 4) {
        const uint32_t want = word_of(src + i);
        if (nrf_reg_read(addr + (uint32_t)i) == want)
            continue; /* already there: spare one of the word's two writes */
        if (!wait_bit(NVMC_READYNEXT)) {
            rc = FLASH_E_IO;
            break;
        }
        nrf_reg_write(addr + (uint32_t)i, want);
        nrf_barrier();
    }
    return finish(rc);
}

static int nvmc_erase(const struct flash_dev *d, uint32_t addr, size_t len)
{
    int rc = admit(d, addr, len, d->page_size);
    if (rc != FLASH_OK)
        return rc;
    for (size_t off = 0; off < len && rc == FLASH_OK; off += d->page_size) {
        if (!wait_bit(NVMC_READY))
            return FLASH_E_IO;
        set_mode(NVMC_CONFIG_EEN);
        nrf_reg_write(addr + (uint32_t)off, 0xFFFFFFFFu);
        nrf_barrier();
        rc = finish(FLASH_OK);
    }
    return rc;
}

int nvmc_program_word(uint32_t addr, uint32_t value)
{
    if (!wait_bit(NVMC_READY))
        return FLASH_E_IO;
    set_mode(NVMC_CONFIG_WEN);
    nrf_reg_write(addr, value);
    nrf_barrier();
    return finish(FLASH_OK);
}

static const struct flash_dev_ops ops = {.read = nvmc_read, .write = nvmc_write, .erase = nvmc_erase};

static const struct flash_dev flash = {
    .ops = &ops,
    .base = MEM_FLASH_BASE,
    .size = MEM_FLASH_SIZE,
    .page_size = MEM_FLASH_PAGE_SIZE,
    .write_unit = MEM_FLASH_WRITE_UNIT,
    .erased_value = 0xFF,
};

const struct flash_dev *nvmc_flash(void)
{
    return &flash;
}
