#include "layout_check.h"

#include <string.h>

#include "harness.h"

#define ENTRY 8u

enum sector_state { SECTOR_ERASED, SECTOR_OPEN, SECTOR_CLOSED };

struct entry {
    uint16_t id, offset, len;
    bool crc_ok;
};

/* CRC-8/0x07, init 0xFF, fed bit by bit from each byte's MSB. */
static uint8_t crc8_bitwise(const uint8_t *p, size_t n)
{
    uint8_t reg = 0xFF;
    for (size_t i = 0; i < n; i++) {
        for (int bit = 7; bit >= 0; bit--) {
            const int feedback = ((reg >> 7) ^ (p[i] >> bit)) & 1;
            reg = (uint8_t)(reg << 1);
            if (feedback)
                reg ^= 0x07;
        }
    }
    return reg;
}

/* zlib's CRC-32, bit by bit. */
static uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
    uint32_t reg = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        reg ^= p[i];
        for (int k = 0; k < 8; k++)
            reg = (reg >> 1) ^ (0xEDB88320u & (0u - (reg & 1u)));
    }
    return reg ^ 0xFFFFFFFFu;
}

static bool all_erased(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != 0xFF)
            return false;
    }
    return true;
}

static const uint8_t *sector_bytes(const struct layout *l, uint32_t s)
{
    return l->bytes + (size_t)s * l->sector_size;
}

static struct entry entry_at(const uint8_t *p)
{
    return (struct entry){
        .id = (uint16_t)(p[0] | p[1] << 8),
        .offset = (uint16_t)(p[2] | p[3] << 8),
        .len = (uint16_t)(p[4] | p[5] << 8),
        .crc_ok = crc8_bitwise(p, 7) == p[7],
    };
}

static enum sector_state state_of(const struct layout *l, uint32_t s)
{
    const uint8_t *sec = sector_bytes(l, s);
    if (all_erased(sec, l->sector_size))
        return SECTOR_ERASED;
    return all_erased(sec + l->sector_size - ENTRY, ENTRY) ? SECTOR_OPEN : SECTOR_CLOSED;
}

/*
 * Lowest used entry slot of a sector (sector_size - ENTRY when it holds no entry): entries go down
 * to the first erased slot, or to the data when a delete took the last free slot.
 */
static uint32_t lowest_slot(const struct layout *l, uint32_t s)
{
    const uint8_t *sec = sector_bytes(l, s);
    uint32_t lowest = l->sector_size - ENTRY, data_end = 0;
    for (uint32_t slot = l->sector_size - 2 * ENTRY; slot < l->sector_size && slot >= data_end; slot -= ENTRY) {
        if (all_erased(sec + slot, ENTRY))
            break;
        const struct entry e = entry_at(sec + slot);
        if (e.crc_ok && e.len > 0)
            data_end = e.offset + ((e.len + 3u) & ~3u);
        lowest = slot;
    }
    return lowest;
}

static void check_sector(const struct layout *l, uint32_t s, enum sector_state state)
{
    const uint8_t *sec = sector_bytes(l, s);
    const uint32_t lowest = lowest_slot(l, s);
    uint32_t cursor = 0, gc_done = 0;
    /* Oldest entry first, so the data cursor moves up as it was written. */
    for (uint32_t slot = l->sector_size - 2 * ENTRY; slot >= lowest && slot < l->sector_size; slot -= ENTRY) {
        const struct entry e = entry_at(sec + slot);
        if (!e.crc_ok)
            test_fail(__FILE__, __LINE__, "sector %u entry @0x%03x: bad CRC-8", s, slot);
        if (e.offset != cursor)
            test_fail(__FILE__, __LINE__, "sector %u entry @0x%03x (id 0x%04x): offset 0x%x, data ends at 0x%x", s,
                      slot, e.id, e.offset, cursor);
        if ((uint32_t)e.offset + e.len >= l->sector_size - ENTRY)
            test_fail(__FILE__, __LINE__, "sector %u entry @0x%03x: data beyond the entry area", s, slot);
        if (e.len == 0) {
            gc_done += e.id == 0xFFFF;
            continue;
        }
        const uint8_t *data = sec + e.offset;
        const uint32_t padded = (e.len + 3u) & ~3u;
        if (!all_erased(data + e.len, padded - e.len))
            test_fail(__FILE__, __LINE__, "sector %u entry @0x%03x: padding not 0xFF", s, slot);
        if (l->data_crc) {
            if (e.len <= 4)
                test_fail(__FILE__, __LINE__, "sector %u entry @0x%03x: len %u leaves no data before the CRC", s, slot,
                          e.len);
            const uint8_t *c = data + e.len - 4;
            const uint32_t stored = c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
            if (stored != crc32_bitwise(data, e.len - 4u))
                test_fail(__FILE__, __LINE__, "sector %u entry @0x%03x: bad data CRC-32", s, slot);
        }
        cursor += padded;
    }
    if (cursor > lowest || !all_erased(sec + cursor, lowest - cursor))
        test_fail(__FILE__, __LINE__, "sector %u: space between data end 0x%x and entries 0x%x not erased", s, cursor,
                  lowest);
    if (gc_done != 1)
        test_fail(__FILE__, __LINE__, "sector %u: %u gc_done entries, expected 1", s, gc_done);
    if (state == SECTOR_CLOSED) {
        const struct entry close = entry_at(sec + l->sector_size - ENTRY);
        if (!close.crc_ok || close.id != 0xFFFF || close.len != 0 || close.offset != lowest)
            test_fail(__FILE__, __LINE__, "sector %u: close entry (id 0x%04x len %u offset 0x%x) does not point at 0x%x",
                      s, close.id, close.len, close.offset, lowest);
    }
}

static uint32_t write_sector(const struct layout *l)
{
    uint32_t found = l->sector_count, open = 0;
    for (uint32_t s = 0; s < l->sector_count; s++) {
        const uint32_t before = (s + l->sector_count - 1) % l->sector_count;
        if (state_of(l, s) != SECTOR_OPEN)
            continue;
        open++;
        if (found == l->sector_count || state_of(l, before) == SECTOR_CLOSED)
            found = s;
    }
    if (open != 1)
        test_fail(__FILE__, __LINE__, "%u open sectors, expected exactly one (the write sector)", open);
    return found;
}

uint32_t layout_check(const struct layout *l)
{
    for (uint32_t s = 0; s < l->sector_count; s++) {
        const enum sector_state state = state_of(l, s);
        if (state != SECTOR_ERASED)
            check_sector(l, s, state);
    }
    const uint32_t ws = write_sector(l);
    if (state_of(l, (ws + 1) % l->sector_count) != SECTOR_ERASED)
        test_fail(__FILE__, __LINE__, "sector %u after the write sector %u is not erased", (ws + 1) % l->sector_count, ws);
    return ws;
}

int layout_value(const struct layout *l, uint16_t id, uint8_t *buf, size_t cap)
{
    uint32_t s = write_sector(l);
    for (uint32_t n = 0; n < l->sector_count; n++, s = (s + l->sector_count - 1) % l->sector_count) {
        const enum sector_state state = state_of(l, s);
        if (n > 0 && state != SECTOR_CLOSED)
            break;
        const uint8_t *sec = sector_bytes(l, s);
        for (uint32_t slot = lowest_slot(l, s); slot <= l->sector_size - 2 * ENTRY; slot += ENTRY) {
            const struct entry e = entry_at(sec + slot);
            if (e.id != id || !e.crc_ok)
                continue;
            if (e.len == 0)
                return LAYOUT_DELETED;
            const size_t len = e.len - (l->data_crc ? 4u : 0u);
            memcpy(buf, sec + e.offset, len < cap ? len : cap);
            return (int)len;
        }
    }
    return LAYOUT_ABSENT;
}
