/*
 * NVS on Zephyr's on-flash layout (see NVS_FORMAT.md). Positions ("pos") are byte offsets from the
 * start of sector 0; a "slot" is the position of an 8-byte allocation table entry (ATE).
 */
#include "nvs.h"

#include <string.h>

#include "crc32.h"
#include "nvs_crc.h"

#define ATE_BYTES 8u      /* id u16 | offset u16 | len u16 | part u8 | crc8 u8, little-endian */
#define DATA_CRC_BYTES 4u /* CRC-32 after the data with NVS_DATA_CRC */
#define MAX_WRITE_UNIT 32u
#define CHUNK 64u /* stack buffer for compares, copies and scans: a multiple of every write unit */

struct ate {
    uint16_t id;
    uint16_t offset; /* data position inside the entry's own sector */
    uint16_t len;    /* data bytes, plus the CRC-32 with NVS_DATA_CRC */
    uint8_t raw[ATE_BYTES]; /* as read, for the CRC-8 */
    bool erased;            /* all 8 bytes still erased: an unused slot */
};

/* ---- geometry ---- */

static uint32_t align_up(const struct nvs_fs *fs, uint32_t len)
{
    const uint32_t unit = fs->dev->write_unit;
    return (len + unit - 1) & ~(unit - 1);
}

static uint32_t data_crc_len(const struct nvs_fs *fs)
{
    return (fs->flags & NVS_DATA_CRC) ? DATA_CRC_BYTES : 0;
}

static uint32_t sector_of(const struct nvs_fs *fs, uint32_t pos)
{
    return pos - pos % fs->sector_size;
}

static uint32_t next_sector(const struct nvs_fs *fs, uint32_t sector)
{
    sector += fs->sector_size;
    return sector == fs->sector_size * fs->sector_count ? 0 : sector;
}

static uint32_t prev_sector(const struct nvs_fs *fs, uint32_t sector)
{
    return (sector == 0 ? fs->sector_size * fs->sector_count : sector) - fs->sector_size;
}

/* The last slot of a sector holds its close entry; entries start just below it. */
static uint32_t close_slot(const struct nvs_fs *fs, uint32_t sector)
{
    return sector + fs->sector_size - fs->ate_size;
}

static uint32_t first_slot(const struct nvs_fs *fs, uint32_t sector)
{
    return close_slot(fs, sector) - fs->ate_size;
}

/* ---- flash access ---- */

static int flash_rd(const struct nvs_fs *fs, uint32_t pos, void *buf, size_t len)
{
    return flash_read(fs->dev, fs->addr + pos, buf, len);
}

/* Writes len bytes at an aligned pos, padding the last write unit with the erased value. */
static int flash_wr(const struct nvs_fs *fs, uint32_t pos, const void *data, size_t len)
{
    const size_t whole = len & ~(size_t)(fs->dev->write_unit - 1);
    if (whole > 0) {
        int rc = flash_write(fs->dev, fs->addr + pos, data, whole);
        if (rc != FLASH_OK)
            return rc;
    }
    if (whole == len)
        return FLASH_OK;
    uint8_t tail[MAX_WRITE_UNIT];
    memset(tail, fs->dev->erased_value, sizeof tail);
    memcpy(tail, (const uint8_t *)data + whole, len - whole);
    return flash_write(fs->dev, fs->addr + pos + (uint32_t)whole, tail, fs->dev->write_unit);
}

/* 1 if [pos, pos + len) reads erased, 0 if not; *last_used (optional) gets the highest used byte. */
static int region_erased(const struct nvs_fs *fs, uint32_t pos, uint32_t len, uint32_t *last_used)
{
    uint8_t buf[CHUNK];
    /* Scan top-down so the first used byte met is the highest one. */
    while (len > 0) {
        const uint32_t n = len < CHUNK ? len : CHUNK;
        len -= n;
        int rc = flash_rd(fs, pos + len, buf, n);
        if (rc != FLASH_OK)
            return rc;
        for (uint32_t i = n; i-- > 0;) {
            if (buf[i] != fs->dev->erased_value) {
                if (last_used != NULL)
                    *last_used = pos + len + i;
                return 0;
            }
        }
    }
    return 1;
}

static int erase_sector(const struct nvs_fs *fs, uint32_t sector)
{
    int rc = flash_erase(fs->dev, fs->addr + sector, fs->sector_size);
    if (rc != FLASH_OK)
        return rc;
    rc = region_erased(fs, sector, fs->sector_size, NULL);
    return rc < 0 ? rc : rc == 1 ? 0 : NVS_E_ERASE_FAILED;
}

/* ---- entries ---- */

static void ate_decode(const struct nvs_fs *fs, const uint8_t raw[ATE_BYTES], struct ate *a)
{
    a->id = (uint16_t)(raw[0] | raw[1] << 8);
    a->offset = (uint16_t)(raw[2] | raw[3] << 8);
    a->len = (uint16_t)(raw[4] | raw[5] << 8);
    memcpy(a->raw, raw, ATE_BYTES);
    a->erased = true;
    for (unsigned i = 0; i < ATE_BYTES; i++)
        a->erased = a->erased && raw[i] == fs->dev->erased_value;
}

static int ate_read(const struct nvs_fs *fs, uint32_t slot, struct ate *a)
{
    uint8_t raw[ATE_BYTES];
    int rc = flash_rd(fs, slot, raw, sizeof raw);
    if (rc == FLASH_OK)
        ate_decode(fs, raw, a);
    return rc;
}

/* Valid: intact, and its data ends below the sector's last slot. raw[6] (`part`) is not checked. */
static bool ate_valid(const struct nvs_fs *fs, const struct ate *a)
{
    /* The CRC is computed here, not on read: walks mostly look at ids only. */
    return (uint32_t)a->offset + a->len < fs->sector_size - fs->ate_size && nvs_crc8_ate(a->raw) == a->raw[7];
}

static bool is_marker(const struct nvs_fs *fs, const struct ate *a)
{
    return ate_valid(fs, a) && a->id == NVS_ID_RESERVED && a->len == 0;
}

static bool close_valid(const struct nvs_fs *fs, const struct ate *a)
{
    return is_marker(fs, a) && (fs->sector_size - a->offset) % fs->ate_size == 0;
}

/* Writes an entry at ate_wra and moves ate_wra one slot down. */
static int ate_write(struct nvs_fs *fs, uint16_t id, uint16_t offset, uint16_t len)
{
    uint8_t raw[MAX_WRITE_UNIT];
    memset(raw, fs->dev->erased_value, sizeof raw);
    raw[0] = (uint8_t)id;
    raw[1] = (uint8_t)(id >> 8);
    raw[2] = (uint8_t)offset;
    raw[3] = (uint8_t)(offset >> 8);
    raw[4] = (uint8_t)len;
    raw[5] = (uint8_t)(len >> 8);
    raw[6] = 0xFF; /* part: unused, written as Zephyr does */
    raw[7] = nvs_crc8_ate(raw);
    int rc = flash_wr(fs, fs->ate_wra, raw, fs->ate_size);
    fs->ate_wra -= fs->ate_size;
    return rc;
}

/* Marks the end of a garbage collection (and an initialised sector): id 0xFFFF, offset = data_wra. */
static int gc_done_write(struct nvs_fs *fs)
{
    return ate_write(fs, NVS_ID_RESERVED, (uint16_t)(fs->data_wra % fs->sector_size), 0);
}

/* ---- walking the entries from newest to oldest ---- */

/*
 * Newest entry slot of a sector whose close entry is damaged: the lowest valid entry, scanning down
 * from the first slot until the slots reach the data those entries describe. first_slot if none.
 */
static int newest_slot_by_scan(const struct nvs_fs *fs, uint32_t sector, uint32_t *newest)
{
    uint32_t data_end = sector;
    *newest = first_slot(fs, sector);
    for (uint32_t slot = *newest; slot > data_end; slot -= fs->ate_size) {
        struct ate a;
        int rc = ate_read(fs, slot, &a);
        if (rc != 0)
            return rc;
        if (ate_valid(fs, &a)) {
            data_end = sector + a.offset + a.len;
            *newest = slot;
        }
    }
    return 0;
}

/* Moves *slot to the next older slot, into the previous sector when needed; ate_wra once history ends. */
static int step_back(const struct nvs_fs *fs, uint32_t *slot)
{
    *slot += fs->ate_size;
    if (*slot % fs->sector_size != fs->sector_size - fs->ate_size)
        return 0;
    const uint32_t older = prev_sector(fs, sector_of(fs, *slot));
    struct ate close;
    int rc = ate_read(fs, close_slot(fs, older), &close);
    if (rc != 0)
        return rc;
    if (close.erased) /* an open sector: nothing older exists */
        *slot = fs->ate_wra;
    else if (close_valid(fs, &close))
        *slot = older + close.offset;
    else
        return newest_slot_by_scan(fs, older, slot);
    return 0;
}

struct walk {
    uint32_t next; /* slot the next step reads */
    uint32_t at;   /* slot of `ate` */
    struct ate ate;
    uint32_t sector_steps;
    bool done;
    /* Walks go up through a sector's slots: read them a block at a time. */
    uint8_t block[CHUNK];
    uint32_t block_pos, block_len;
};

static int walk_read(const struct nvs_fs *fs, struct walk *w)
{
    if (w->at < w->block_pos || w->at + ATE_BYTES > w->block_pos + w->block_len) {
        const uint32_t sector_end = sector_of(fs, w->at) + fs->sector_size;
        w->block_pos = w->at;
        w->block_len = sector_end - w->at < CHUNK ? sector_end - w->at : CHUNK;
        int rc = flash_rd(fs, w->block_pos, w->block, w->block_len);
        if (rc != FLASH_OK) {
            w->block_len = 0;
            return rc;
        }
    }
    ate_decode(fs, w->block + (w->at - w->block_pos), &w->ate);
    return 0;
}

static void walk_start(const struct nvs_fs *fs, struct walk *w)
{
    w->next = fs->ate_wra;
    w->sector_steps = 0;
    w->done = false;
    w->block_len = 0;
}

/* Reads the next older slot: 1, 0 when the whole history was seen, or a negative error. */
static int walk_next(const struct nvs_fs *fs, struct walk *w)
{
    if (w->done)
        return 0;
    w->at = w->next;
    int rc = 0;
    /* The slot at ate_wra never holds a committed entry (it may overlap data in a full sector). */
    if (w->at == fs->ate_wra)
        w->ate = (struct ate){.id = 0xFFFF, .offset = 0xFFFF, .len = 0xFFFF, .erased = true}; /* invalid */
    else
        rc = walk_read(fs, w);
    if (rc == 0)
        rc = step_back(fs, &w->next);
    if (rc != 0)
        return rc;
    /* A sound partition ends the walk after sector_count sector changes; damage must not loop forever. */
    if (sector_of(fs, w->next) != sector_of(fs, w->at) && ++w->sector_steps > fs->sector_count)
        return NVS_E_CORRUPT;
    w->done = w->next == fs->ate_wra;
    return 1;
}

/* 1 if the data of a value entry matches its stored CRC-32, 0 if not. */
static int data_crc_ok(const struct nvs_fs *fs, uint32_t slot, const struct ate *a)
{
    if (a->len < DATA_CRC_BYTES)
        return 0;
    uint8_t buf[CHUNK];
    uint32_t pos = sector_of(fs, slot) + a->offset, left = a->len - DATA_CRC_BYTES, crc = 0;
    while (left > 0) {
        const uint32_t n = left < CHUNK ? left : CHUNK;
        int rc = flash_rd(fs, pos, buf, n);
        if (rc != FLASH_OK)
            return rc;
        crc = crc32_ieee(crc, buf, n);
        pos += n;
        left -= n;
    }
    int rc = flash_rd(fs, pos, buf, DATA_CRC_BYTES);
    if (rc != FLASH_OK)
        return rc;
    const uint32_t stored = buf[0] | (uint32_t)buf[1] << 8 | (uint32_t)buf[2] << 16 | (uint32_t)buf[3] << 24;
    return stored == crc;
}

/*
 * Finds the entry of id that is `older` entries before its current one (0 = current): the newest
 * valid entries for id, skipping values whose data fails its CRC. May be a delete (len 0).
 * Returns 1 when found, 0 when not, or a negative error.
 */
static int find_entry(const struct nvs_fs *fs, uint16_t id, uint16_t older, struct ate *out, uint32_t *slot)
{
    struct walk w;
    int rc;
    walk_start(fs, &w);
    while ((rc = walk_next(fs, &w)) == 1) {
        if (w.ate.id != id || !ate_valid(fs, &w.ate))
            continue;
        if ((fs->flags & NVS_DATA_CRC) && w.ate.len > 0) {
            rc = data_crc_ok(fs, w.at, &w.ate);
            if (rc < 0)
                return rc;
            if (rc == 0)
                continue;
        }
        if (older-- == 0) {
            *out = w.ate;
            *slot = w.at;
            return 1;
        }
    }
    return rc;
}

/* ---- writing ---- */

/* Appends data (+ its CRC-32 with NVS_DATA_CRC) at data_wra. */
static int data_write(struct nvs_fs *fs, const uint8_t *data, size_t len)
{
    const size_t whole = len & ~(size_t)(fs->dev->write_unit - 1);
    int rc = flash_wr(fs, fs->data_wra, data, whole);
    if (rc != FLASH_OK)
        return rc;
    /* The CRC follows the data unaligned, so it shares the last write units with the data's tail. */
    uint8_t tail[MAX_WRITE_UNIT + DATA_CRC_BYTES];
    size_t tail_len = len - whole;
    memcpy(tail, data + whole, tail_len);
    if (fs->flags & NVS_DATA_CRC) {
        const uint32_t crc = crc32_ieee(0, data, len);
        for (unsigned i = 0; i < DATA_CRC_BYTES; i++)
            tail[tail_len++] = (uint8_t)(crc >> (8 * i));
    }
    rc = flash_wr(fs, fs->data_wra + (uint32_t)whole, tail, tail_len);
    fs->data_wra += align_up(fs, (uint32_t)(len + data_crc_len(fs)));
    return rc;
}

/* Copies a value entry's stored bytes (data and CRC as they are) to data_wra, then its entry. */
static int entry_move(struct nvs_fs *fs, uint32_t slot, const struct ate *a)
{
    const uint16_t new_offset = (uint16_t)(fs->data_wra % fs->sector_size);
    uint8_t buf[CHUNK];
    uint32_t from = sector_of(fs, slot) + a->offset, left = a->len;
    while (left > 0) {
        const uint32_t n = left < CHUNK ? left : CHUNK;
        int rc = flash_rd(fs, from, buf, n);
        if (rc == FLASH_OK)
            rc = flash_wr(fs, fs->data_wra, buf, n);
        if (rc != FLASH_OK)
            return rc;
        fs->data_wra += align_up(fs, n);
        from += n;
        left -= n;
    }
    return ate_write(fs, a->id, new_offset, a->len);
}

/* Closes the write sector (its last slot points at its newest entry) and moves to the next one. */
static int sector_close(struct nvs_fs *fs)
{
    const uint32_t sector = sector_of(fs, fs->ate_wra);
    const uint16_t newest = (uint16_t)((fs->ate_wra + fs->ate_size) % fs->sector_size);
    fs->ate_wra = close_slot(fs, sector);
    int rc = ate_write(fs, NVS_ID_RESERVED, newest, 0);
    fs->ate_wra = first_slot(fs, next_sector(fs, sector));
    fs->data_wra = next_sector(fs, sector);
    return rc;
}

/*
 * Garbage collection into the (new, empty) write sector from the sector after it, the oldest:
 * copies every value that is still current there, newest first, adds gc_done, erases the old sector.
 */
static int collect_garbage(struct nvs_fs *fs)
{
    const uint32_t old = next_sector(fs, sector_of(fs, fs->ate_wra));
    struct ate close;
    int rc = ate_read(fs, close_slot(fs, old), &close);
    if (rc != 0)
        return rc;
    if (!close.erased) {
        uint32_t slot = old + close.offset;
        if (!close_valid(fs, &close) && (rc = newest_slot_by_scan(fs, old, &slot)) != 0)
            return rc;
        for (; slot <= first_slot(fs, old); slot += fs->ate_size) {
            struct ate a, current;
            uint32_t current_slot;
            if ((rc = ate_read(fs, slot, &a)) != 0)
                return rc;
            if (!ate_valid(fs, &a) || a.len == 0)
                continue;
            rc = find_entry(fs, a.id, 0, &current, &current_slot);
            if (rc < 0)
                return rc;
            if (rc == 1 && current_slot == slot && (rc = entry_move(fs, slot, &a)) != 0)
                return rc;
        }
    }
    /* Skipped when the copies left no slot for it; mount then tells a finished GC by the erased old sector. */
    if (fs->ate_wra >= fs->data_wra + fs->ate_size && (rc = gc_done_write(fs)) != 0)
        return rc;
    return erase_sector(fs, old);
}

/* An error in the middle of a change leaves the RAM positions unknown: require a new mount. */
static int unmount_on_error(struct nvs_fs *fs, int rc)
{
    if (rc < 0)
        fs->mounted = false;
    return rc;
}

/* Appends an entry for id (len 0 = delete), collecting garbage until it fits. */
static int entry_append(struct nvs_fs *fs, uint16_t id, const void *data, size_t len)
{
    /* The entry goes at ate_wra; a value must also leave the slot below it free, so that a delete
     * always fits without garbage collection. */
    const uint64_t needed = len == 0 ? 0 : align_up(fs, (uint32_t)(len + data_crc_len(fs))) + fs->ate_size;
    for (uint16_t collected = 0;; collected++) {
        if (fs->ate_wra >= fs->data_wra + needed)
            break;
        /* After sector_count - 1 collections every sector has been compacted once: more cannot help. */
        if (collected == fs->sector_count - 1)
            return NVS_E_NOSPC;
        int rc = sector_close(fs);
        if (rc == 0)
            rc = collect_garbage(fs);
        if (rc != 0)
            return rc;
    }
    const uint16_t offset = (uint16_t)(fs->data_wra % fs->sector_size);
    if (len > 0) {
        int rc = data_write(fs, data, len);
        if (rc != 0)
            return rc;
    }
    return ate_write(fs, id, offset, (uint16_t)(len == 0 ? 0 : len + data_crc_len(fs)));
}

/* 1 if the stored data at the entry equals data[0..len), 0 if not. */
static int data_equal(const struct nvs_fs *fs, uint32_t slot, const struct ate *a, const uint8_t *data, size_t len)
{
    uint8_t buf[CHUNK];
    uint32_t pos = sector_of(fs, slot) + a->offset;
    for (size_t done = 0; done < len;) {
        const size_t n = len - done < CHUNK ? len - done : CHUNK;
        int rc = flash_rd(fs, pos + (uint32_t)done, buf, n);
        if (rc != FLASH_OK)
            return rc;
        if (memcmp(buf, data + done, n) != 0)
            return 0;
        done += n;
    }
    return 1;
}

/* Shared by write and delete (len 0): skips the write when nothing would change. */
static int store(struct nvs_fs *fs, uint16_t id, const void *data, size_t len)
{
    if (!fs->mounted)
        return NVS_E_NOT_MOUNTED;
    if (id == NVS_ID_RESERVED)
        return NVS_E_INVAL;
    struct ate current;
    uint32_t slot;
    int rc = find_entry(fs, id, 0, &current, &slot);
    if (rc < 0)
        return rc;
    const bool holds_value = rc == 1 && current.len > 0;
    if (len == 0 && !holds_value)
        return 0;
    if (len > 0 && holds_value && current.len == len + data_crc_len(fs)) {
        rc = data_equal(fs, slot, &current, data, len);
        if (rc != 0)
            return rc < 0 ? rc : 0;
    }
    rc = entry_append(fs, id, data, len);
    if (rc == NVS_E_NOSPC)
        return rc; /* every collection completed: the store is consistent and stays mounted */
    return rc < 0 ? unmount_on_error(fs, rc) : (int)len;
}

/* ---- mount ---- */

static int slot_erased(const struct nvs_fs *fs, uint32_t slot)
{
    struct ate a;
    int rc = ate_read(fs, slot, &a);
    return rc != 0 ? rc : a.erased;
}

/*
 * The write sector is the open sector that follows a closed one. With no closed sector the store
 * is new: sector 0, unless only the last sector was ever written to (two-sector partitions).
 */
static int find_write_sector(const struct nvs_fs *fs, uint32_t *sector)
{
    uint32_t closed = 0;
    for (uint32_t s = 0; s < fs->sector_count; s++) {
        const uint32_t base = s * fs->sector_size;
        int rc = slot_erased(fs, close_slot(fs, base));
        if (rc < 0)
            return rc;
        if (rc == 1)
            continue;
        closed++;
        rc = slot_erased(fs, close_slot(fs, next_sector(fs, base)));
        if (rc < 0)
            return rc;
        if (rc == 1) {
            *sector = next_sector(fs, base);
            return 0;
        }
    }
    if (closed == fs->sector_count)
        return NVS_E_CORRUPT;
    const uint32_t last = prev_sector(fs, 0);
    int rc = slot_erased(fs, first_slot(fs, last));
    if (rc < 0)
        return rc;
    *sector = rc == 1 ? 0 : last;
    return 0;
}

/*
 * Positions after the newest valid entry: ate_wra goes down to the first erased slot, data_wra
 * past the data of the lowest valid entry. When no erased slot is left above the data the sector
 * counts as full (ate_wra < data_wra), and the next write moves on.
 */
static int find_write_positions(struct nvs_fs *fs, uint32_t sector)
{
    int rc = newest_slot_by_scan(fs, sector, &fs->ate_wra);
    if (rc != 0)
        return rc;
    fs->data_wra = sector;
    while (fs->ate_wra >= fs->data_wra) {
        struct ate a;
        if ((rc = ate_read(fs, fs->ate_wra, &a)) != 0)
            return rc;
        if (a.erased)
            break;
        if (ate_valid(fs, &a))
            fs->data_wra = sector + align_up(fs, (uint32_t)a.offset + a.len);
        if (fs->ate_wra == sector) { /* every slot down to the sector start is used */
            if (fs->data_wra <= sector)
                fs->data_wra = sector + fs->ate_size;
            break;
        }
        fs->ate_wra -= fs->ate_size;
    }
    return 0;
}

/* Finishes what a power cut interrupted; the write sector and its positions are known. */
static int repair(struct nvs_fs *fs)
{
    const uint32_t sector = sector_of(fs, fs->ate_wra), after = next_sector(fs, sector);
    int rc = region_erased(fs, after, fs->sector_size, NULL);
    if (rc < 0)
        return rc;
    if (rc == 0) {
        /* The sector after the write sector is erased once a GC ends: this GC did not finish. */
        for (uint32_t slot = fs->ate_wra + fs->ate_size; slot < close_slot(fs, sector); slot += fs->ate_size) {
            struct ate a;
            if ((rc = ate_read(fs, slot, &a)) != 0)
                return rc;
            if (is_marker(fs, &a)) /* gc_done: only the erase of the old sector was missing */
                return erase_sector(fs, after);
        }
        if ((rc = erase_sector(fs, sector)) != 0)
            return rc;
        fs->ate_wra = first_slot(fs, sector);
        fs->data_wra = sector;
        return collect_garbage(fs);
    }
    /* Data written without its entry (cut before the entry): never reuse those bytes. */
    if (fs->ate_wra > fs->data_wra) {
        uint32_t last_used;
        rc = region_erased(fs, fs->data_wra, fs->ate_wra - fs->data_wra, &last_used);
        if (rc < 0)
            return rc;
        if (rc == 0)
            fs->data_wra = align_up(fs, last_used + 1 - sector) + sector;
    }
    /* No entry at all but some data: nothing in it is reachable, start the sector afresh. */
    if (fs->ate_wra == first_slot(fs, sector) && fs->data_wra != sector) {
        if ((rc = erase_sector(fs, sector)) != 0)
            return rc;
        fs->data_wra = sector;
    }
    return 0;
}

static int startup(struct nvs_fs *fs)
{
    uint32_t sector;
    int rc = find_write_sector(fs, &sector);
    if (rc == 0)
        rc = find_write_positions(fs, sector);
    if (rc == 0)
        rc = repair(fs);
    /* An empty write sector gets gc_done at once, as Zephyr does, so both write the same bytes. */
    if (rc == 0 && fs->ate_wra == first_slot(fs, sector_of(fs, fs->ate_wra)))
        rc = gc_done_write(fs);
    return rc;
}

static bool is_pow2(uint32_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

int nvs_mount(struct nvs_fs *fs, const struct flash_dev *dev, uint32_t addr, uint32_t sector_size,
              uint16_t sector_count, uint32_t flags)
{
    if (fs == NULL)
        return NVS_E_INVAL;
    *fs = (struct nvs_fs){0};
    if (dev == NULL || !is_pow2(dev->write_unit) || dev->write_unit > MAX_WRITE_UNIT || dev->page_size == 0)
        return NVS_E_INVAL;
    const uint32_t ate_size = ATE_BYTES > dev->write_unit ? ATE_BYTES : dev->write_unit;
    /* Entry offsets are 16-bit; the largest value needs room for four entries. */
    if (sector_size == 0 || sector_size > 0x10000u || sector_size % dev->page_size != 0 ||
        sector_size % ate_size != 0 || sector_size <= 4 * ate_size + DATA_CRC_BYTES || sector_count < 2 ||
        (flags & ~(uint32_t)NVS_DATA_CRC) != 0)
        return NVS_E_INVAL;
    const uint64_t size = (uint64_t)sector_size * sector_count;
    if (addr < dev->base || addr % dev->page_size != 0 || addr - dev->base > dev->size ||
        size > dev->size - (addr - dev->base))
        return NVS_E_INVAL;

    *fs = (struct nvs_fs){.dev = dev, .addr = addr, .sector_size = sector_size, .sector_count = sector_count,
                          .flags = flags, .ate_size = ate_size};
    int rc = startup(fs);
    fs->mounted = rc == 0;
    return rc;
}

/* ---- public operations ---- */

size_t nvs_max_value_len(const struct nvs_fs *fs)
{
    return fs->sector_size - 4 * fs->ate_size - data_crc_len(fs);
}

int nvs_write(struct nvs_fs *fs, uint16_t id, const void *data, size_t len)
{
    if (fs->mounted && (len == 0 || data == NULL || len > nvs_max_value_len(fs)))
        return NVS_E_INVAL;
    return store(fs, id, data, len);
}

int nvs_delete(struct nvs_fs *fs, uint16_t id)
{
    return store(fs, id, NULL, 0);
}

int nvs_read_hist(struct nvs_fs *fs, uint16_t id, void *buf, size_t len, uint16_t cnt)
{
    if (!fs->mounted)
        return NVS_E_NOT_MOUNTED;
    if (id == NVS_ID_RESERVED || (buf == NULL && len > 0))
        return NVS_E_INVAL;
    struct ate a;
    uint32_t slot;
    int rc = find_entry(fs, id, cnt, &a, &slot);
    if (rc < 0)
        return rc;
    if (rc == 0 || a.len == 0)
        return NVS_E_NOENT;
    const uint32_t stored = a.len - data_crc_len(fs);
    if (len > 0) {
        rc = flash_rd(fs, sector_of(fs, slot) + a.offset, buf, len < stored ? len : stored);
        if (rc != FLASH_OK)
            return rc;
    }
    return (int)stored;
}

int nvs_read(struct nvs_fs *fs, uint16_t id, void *buf, size_t len)
{
    return nvs_read_hist(fs, id, buf, len, 0);
}

int nvs_calc_free_space(struct nvs_fs *fs)
{
    if (!fs->mounted)
        return NVS_E_NOT_MOUNTED;
    /* Every sector keeps its close slot and one slot for a delete; one sector stays free for GC. */
    int64_t free_space = (int64_t)(fs->sector_count - 1) * (fs->sector_size - 2 * fs->ate_size);
    struct walk w;
    int rc;
    walk_start(fs, &w);
    while ((rc = walk_next(fs, &w)) == 1) {
        if (!ate_valid(fs, &w.ate))
            continue;
        if (w.ate.len == 0) {
            if (w.ate.id == NVS_ID_RESERVED) /* a gc_done entry */
                free_space -= fs->ate_size;
            continue;
        }
        struct ate current;
        uint32_t current_slot;
        rc = find_entry(fs, w.ate.id, 0, &current, &current_slot);
        if (rc < 0)
            return rc;
        if (rc == 1 && current_slot == w.at)
            free_space -= align_up(fs, w.ate.len) + fs->ate_size;
    }
    return rc < 0 ? rc : (int)free_space;
}

int nvs_clear(struct nvs_fs *fs)
{
    if (fs->dev == NULL)
        return NVS_E_NOT_MOUNTED;
    /* Oldest sector first: a cut part-way leaves newer history, never resurrects older values. */
    uint32_t sector = fs->mounted ? next_sector(fs, sector_of(fs, fs->ate_wra)) : 0;
    fs->mounted = false;
    for (uint16_t i = 0; i < fs->sector_count; i++, sector = next_sector(fs, sector)) {
        int rc = erase_sector(fs, sector);
        if (rc != 0)
            return rc;
    }
    return 0;
}

const char *nvs_strerror(int err)
{
    switch (err) {
    case NVS_E_NOENT: return "no value stored under this id";
    case NVS_E_NOSPC: return "NVS partition full (garbage collection could not make room); nothing was lost";
    case NVS_E_INVAL: return "invalid NVS argument (length, buffer, reserved id 0xFFFF or partition geometry)";
    case NVS_E_NOT_MOUNTED: return "NVS not mounted (mount failed, or a flash error requires a new mount)";
    case NVS_E_CORRUPT: return "not an NVS partition, or damaged beyond repair (erase it to start afresh)";
    case NVS_E_ERASE_FAILED: return "flash sector did not read back erased after its erase";
    default: return flash_strerror(err);
    }
}
