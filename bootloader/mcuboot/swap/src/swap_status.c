/*
 * Swap status records in the primary trailer, in MCUboot's swap-using-move places: the first
 * SWAP_MAX_SECTORS records count the "move up" steps (record k = the k-th move, highest sector
 * first), the next 2 x SWAP_MAX_SECTORS hold the two swap states of each sector.
 *
 * A record is written only after its step's erase and copy have completed, so any programmed bit
 * means the step is done: a torn record counts as written and is never written again. A record
 * torn so lightly that it still reads erased makes the step run again, which is harmless: a step's
 * source is only overwritten by a later step, and the later step starts after this record.
 * Byte 0 holds MCUboot's state number (which MCUboot reads); the padding is 0x00 rather than
 * erased so that a torn record is almost never mistaken for an erased one (31 bits to clear).
 */
#include <string.h>

#include "swap_run.h"

uint32_t swap_step_count(uint32_t sectors)
{
    return MB_TRAILER_STATES * sectors;
}

static uint32_t record_addr(const struct swap_run *run, uint32_t sectors, uint32_t step)
{
    const uint32_t unit = run->pair->primary.flash->write_unit;
    const uint32_t index = step < sectors ? step : MB_TRAILER_MAX_SECTORS + (step - sectors);
    return mb_trailer_status_addr(&run->pair->primary) + index * unit;
}

int swap_status_progress(const struct swap_run *run, uint32_t sectors, uint32_t *step)
{
    const struct flash_dev *flash = run->pair->primary.flash;
    uint8_t record[MB_TRAILER_MAX_ALIGN];
    for (uint32_t s = 0; s < swap_step_count(sectors); s++) {
        const int rc = flash_read(flash, record_addr(run, sectors, s), record, flash->write_unit);
        if (rc != FLASH_OK)
            return rc;
        bool erased = true;
        for (uint32_t b = 0; b < flash->write_unit; b++)
            erased = erased && record[b] == flash->erased_value;
        if (erased) {
            *step = s;
            return FLASH_OK;
        }
    }
    *step = swap_step_count(sectors);
    return FLASH_OK;
}

int swap_status_write(const struct swap_run *run, uint32_t sectors, uint32_t step)
{
    const struct flash_dev *flash = run->pair->primary.flash;
    uint8_t record[MB_TRAILER_MAX_ALIGN];
    memset(record, 0x00, sizeof record);
    /* MCUboot's numbering: a move has one state (1), a swap two (1, then 2). */
    record[0] = step < sectors ? 1 : (uint8_t)(1 + (step - sectors) % 2);
    return flash_write(flash, record_addr(run, sectors, step), record, flash->write_unit);
}
