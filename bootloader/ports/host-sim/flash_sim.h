/*
 * Simulated nRF5340 flash (NVMC behaviour) behind the shared flash_dev interface.
 *
 * Rules enforced, as on silicon:
 *  - erased state is 0xFF; erase works on whole aligned pages only;
 *  - writes are whole aligned write units (32-bit words on the nRF5340) and may only clear bits
 *    (FLASH_E_NOT_ERASED otherwise);
 *  - each word may be written at most max_writes_per_word times between erases (nWRITE = 2 on the
 *    nRF5340, FLASH_E_WRITE_LIMIT otherwise); the count survives close/reopen with a backing file;
 *  - SPU-style locks (FLASH_E_LOCKED) on 16 KiB regions until the next reboot.
 * A refused call changes nothing. Reads may have any alignment.
 *
 * With a backing file, separate executables (b0, second stage, app) share one flash as they would on
 * the chip. The per-word write counts live in a sidecar file "<backing_file>.wcount".
 */
#ifndef FLASH_SIM_H
#define FLASH_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flash_dev.h"

/* nRF5340 SPU flash region size: the granule of flash_sim_lock. */
#define FLASH_SIM_LOCK_REGION 0x4000u

/* Enough for every error text flash_sim_open writes. */
#define FLASH_SIM_ERROR_LEN 256

struct flash_sim_config {
    uint32_t base;                /* first address (app core: 0x00000000, net core: 0x01000000) */
    uint32_t size;                /* bytes, a multiple of page_size */
    uint32_t page_size;           /* power of two (app core: 4096, net core: 2048) */
    uint32_t write_unit;          /* power of two >= 4 (nRF5340: 4) */
    uint32_t max_writes_per_word; /* 1..255 writes per write unit between erases (nRF5340: 2) */
    const char *backing_file;     /* NULL = RAM only */
};

/* Presets for the two nRF5340 cores (RAM only; copy and set backing_file to share a file). */
extern const struct flash_sim_config flash_sim_nrf5340_app;
extern const struct flash_sim_config flash_sim_nrf5340_net;

/*
 * Counters of successful calls since open (or the last flash_sim_reset_stats), for tests and
 * benchmarks. page_erases also counts the pages a power-cut erase completed (wear).
 */
struct flash_sim_stats {
    uint64_t read_calls;
    uint64_t bytes_read;
    uint64_t write_calls;
    uint64_t words_written; /* write units programmed */
    uint64_t bytes_written;
    uint64_t erase_calls;
    uint64_t pages_erased;
    const uint32_t *page_erases; /* erases per page, index 0 = page at base; owned by the sim */
    uint32_t page_count;
};

struct flash_sim;

/*
 * Opens a simulated flash. A missing backing file is created erased; an existing one must have
 * exactly cfg->size bytes. On failure returns NULL and, if err is not NULL, writes a message
 * saying what was wrong (err_len bytes at most; FLASH_SIM_ERROR_LEN is always enough).
 */
struct flash_sim *flash_sim_open(const struct flash_sim_config *cfg, char *err, size_t err_len);

/* Releases the sim; a backing file keeps the contents. NULL is ignored. */
void flash_sim_close(struct flash_sim *sim);

/* The flash_dev to hand to flash users. Valid until flash_sim_close. */
const struct flash_dev *flash_sim_dev(struct flash_sim *sim);

/*
 * Write-protects [addr, addr + len) until the next reboot, as an SPU region lock does.
 * addr and len must be multiples of FLASH_SIM_LOCK_REGION (FLASH_E_ALIGN), inside the device
 * (FLASH_E_RANGE). Returns FLASH_E_POWER_LOST while the power is cut.
 */
int flash_sim_lock(struct flash_sim *sim, uint32_t addr, uint32_t len);

/*
 * Arms a power cut: the n-th (1-based) write or erase call from now that would change flash stops
 * part-way, with damage drawn from a generator seeded by `seed` (same seed, same damage):
 *  - write: the words before a random cut word are written, the cut word has cleared only a random
 *    subset of the bits it should clear, later words are untouched;
 *  - erase: the pages before a random cut page are erased, the cut page has random bits set
 *    (it must be erased again), later pages are untouched.
 * That call and every later call (reads too) return FLASH_E_POWER_LOST until flash_sim_reboot.
 * Calls refused for another reason do not count. n = 0 disarms.
 */
void flash_sim_cut_power_at(struct flash_sim *sim, uint32_t n, uint64_t seed);

/*
 * Snapshots for tests that replay one situation many times: contents and per-word write counts
 * (flash_sim_state_size bytes). Restoring also reboots (locks and power cut cleared); stats and the
 * call counter go on.
 */
size_t flash_sim_state_size(const struct flash_sim *sim);
void flash_sim_state_save(const struct flash_sim *sim, void *state);
void flash_sim_state_restore(struct flash_sim *sim, const void *state);

/* The power goes now, between calls (another part of the chip lost it): no damage, calls fail until reboot. */
void flash_sim_cut_power_now(struct flash_sim *sim);

/* True from a power cut until the next reboot. */
bool flash_sim_power_lost(const struct flash_sim *sim);

/* Power comes back: contents kept, locks cleared, an armed cut disarmed. */
void flash_sim_reboot(struct flash_sim *sim);

/* Number of write/erase calls since open that changed (or began to change) flash. */
uint64_t flash_sim_calls(const struct flash_sim *sim);

struct flash_sim_stats flash_sim_stats(const struct flash_sim *sim);
void flash_sim_reset_stats(struct flash_sim *sim);

/* The raw device bytes (size bytes, from base), for inspection without counting as a read. */
const uint8_t *flash_sim_memory(const struct flash_sim *sim);

#endif /* FLASH_SIM_H */
