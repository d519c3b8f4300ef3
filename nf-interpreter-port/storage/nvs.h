/*
 * NVS: a small id -> value store on flash whose on-flash layout is Zephyr's NVS, so a partition
 * written by Zephyr mounts here and the other way round. Layout and our choices: NVS_FORMAT.md.
 *
 * Not thread-safe: one caller at a time per nvs_fs.
 */
#ifndef NVS_H
#define NVS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flash_dev.h"

/*
 * Errors are negative. Flash errors (FLASH_E_*, -1..-7) are passed through unchanged; after a
 * flash error during a write the store is unmounted and must be mounted again (the in-RAM write
 * positions can no longer be trusted, the flash content can).
 */
enum nvs_err {
    NVS_E_NOENT = -20,       /* id never written, or deleted */
    NVS_E_NOSPC = -21,       /* partition full even after garbage collection; nothing was lost */
    NVS_E_INVAL = -22,       /* bad argument: length, NULL buffer, reserved id, geometry */
    NVS_E_NOT_MOUNTED = -23, /* nvs_mount not called, failed, or undone by a flash error */
    NVS_E_CORRUPT = -24,     /* not an NVS partition, or damaged beyond what mount repairs */
    NVS_E_ERASE_FAILED = -25 /* a sector did not read back erased after its erase */
};

/* nvs_mount flags. */
enum nvs_mount_flags {
    /* Each value carries a CRC-32 after its data (Zephyr's CONFIG_NVS_DATA_CRC); must match the partition. */
    NVS_DATA_CRC = 1u << 0,
};

/* Id 0xFFFF marks sector close and gc_done entries on flash; it cannot hold a value. */
#define NVS_ID_RESERVED 0xFFFFu

struct nvs_fs {
    const struct flash_dev *dev;
    uint32_t addr;        /* absolute flash address of sector 0 */
    uint32_t sector_size; /* bytes, a multiple of the flash page size, at most 65536 */
    uint16_t sector_count;
    uint32_t flags;
    uint32_t ate_size; /* 8-byte entry rounded up to the write unit */
    /* Write positions as byte offsets from sector 0: entries grow down, data grows up. */
    uint32_t ate_wra;
    uint32_t data_wra;
    bool mounted;
};

/*
 * Mounts the partition at absolute address `addr` (sector_count >= 2 sectors of sector_size bytes),
 * repairing what a power cut left (torn entry, unfinished garbage collection). A blank partition
 * becomes an empty store. Returns 0 or a negative error.
 */
int nvs_mount(struct nvs_fs *fs, const struct flash_dev *dev, uint32_t addr, uint32_t sector_size,
              uint16_t sector_count, uint32_t flags);

/* Largest value nvs_write accepts for this geometry (sector size - 4 entries, - 4 with NVS_DATA_CRC). */
size_t nvs_max_value_len(const struct nvs_fs *fs);

/*
 * Stores len bytes (1..nvs_max_value_len) under id. Returns len, 0 if the id already holds exactly
 * these bytes (nothing written), or a negative error. On NVS_E_NOSPC every earlier value is kept.
 */
int nvs_write(struct nvs_fs *fs, uint16_t id, const void *data, size_t len);

/* Deletes id. Returns 0 (also when the id holds nothing) or a negative error. */
int nvs_delete(struct nvs_fs *fs, uint16_t id);

/*
 * Copies up to len bytes of the current value of id into buf and returns the stored length (which
 * may exceed len; buf may be NULL when len is 0). NVS_E_NOENT if absent or deleted.
 */
int nvs_read(struct nvs_fs *fs, uint16_t id, void *buf, size_t len);

/* As nvs_read for an older value: cnt = 0 is the current value, 1 the one before it, and so on. */
int nvs_read_hist(struct nvs_fs *fs, uint16_t id, void *buf, size_t len, uint16_t cnt);

/* Bytes still free for values and their entries, counted as Zephyr's nvs_calc_free_space does. */
int nvs_calc_free_space(struct nvs_fs *fs);

/*
 * Erases every sector, oldest first, and unmounts; mount again to use the blank store. Also works
 * after a failed mount (NVS_E_CORRUPT), which is how a damaged partition is recovered.
 */
int nvs_clear(struct nvs_fs *fs);

/* Human-readable text for an NVS or flash error code. */
const char *nvs_strerror(int err);

#endif /* NVS_H */
