/*
 * ram_retained (an505.ld's .retained section, in ssram-1 at the partition's address +
 * an505_sram_offset) and b0's boot record at its start. One object spans the whole partition, so the
 * second stage's boot info behind the record (MB_BOOT_INFO_OFFSET) lies inside it: with LTO, GCC
 * sees through the pointer and treats writes past a record-sized object as overflows. Start-up does
 * not zero it; QEMU starts RAM zeroed, which reads as "no record", as after a power-on.
 */
#include "an505_port.h"
#include "board_partitions.h"

_Static_assert(sizeof(struct b0_boot_record) <= PM_RAM_RETAINED_SIZE, "the record fits ram_retained");

__attribute__((section(".retained"))) static union {
    struct b0_boot_record record;
    uint8_t bytes[PM_RAM_RETAINED_SIZE];
} retained;

void *an505_ram_retained(void)
{
    return &retained; /* an505.ld asserts that it opens the partition */
}

struct b0_boot_record *an505_boot_record(void)
{
    return &retained.record;
}
