/*
 * ram_retained (the board linker script's .retained section, where the board maps the partition) and b0's
 * boot record at its start. One object spans the whole partition, so the second stage's boot info behind
 * the record (MB_BOOT_INFO_OFFSET) lies inside it: with LTO, GCC sees through the pointer and treats writes
 * past a record-sized object as overflows. Start-up does not zero it: it survives a soft reset; after
 * power-on (or QEMU's zeroed RAM) the record's checks fail, which reads as "no record".
 */
#include "m33_board.h"
#include "board_partitions.h"

_Static_assert(sizeof(struct b0_boot_record) <= PM_RAM_RETAINED_SIZE, "the record fits ram_retained");

__attribute__((section(".retained"))) static union {
    struct b0_boot_record record;
    uint8_t bytes[PM_RAM_RETAINED_SIZE];
} retained;

void *board_ram_retained(void)
{
    return &retained; /* the board's linker script asserts that it opens the partition */
}

struct b0_boot_record *board_boot_record(void)
{
    return &retained.record;
}
