/*
 * An independent reader of the NVS on-flash layout, written from the format description only
 * (shared/vectors/nvs/README.md), sharing no code with nvs.c. Tests use it to check that what our
 * NVS writes follows the layout rules, and to resolve values without going through nvs.c.
 */
#ifndef LAYOUT_CHECK_H
#define LAYOUT_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct layout {
    const uint8_t *bytes; /* the whole partition */
    uint32_t sector_size;
    uint32_t sector_count;
    bool data_crc;
};

/*
 * Fails the running test unless the partition is in the state a store written without power cuts
 * is in: every sector erased, open or correctly closed; one write sector followed by an erased
 * one; in each used sector entries packed down from the end with good CRC-8s, data packed up from
 * 0 in entry order, 4-byte aligned, 0xFF padded (with a good CRC-32 when data_crc), exactly one
 * gc_done entry, erased space between. Returns the write sector.
 */
uint32_t layout_check(const struct layout *l);

#define LAYOUT_DELETED (-1)
#define LAYOUT_ABSENT (-2)

/*
 * The current value of id by walking entries newest first: its length (data copied into buf, at
 * most cap bytes), LAYOUT_DELETED or LAYOUT_ABSENT. Needs a layout that passes layout_check.
 */
int layout_value(const struct layout *l, uint16_t id, uint8_t *buf, size_t cap);

#endif /* LAYOUT_CHECK_H */
