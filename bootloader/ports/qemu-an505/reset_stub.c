/*
 * The emulated DK's reset: QEMU maps the flash file at an505_flash_file_offset but starts the CPU from
 * ssram-0, and re-copies only this stub at each reset. The stub copies the file's flash into ssram-0 and
 * starts it as the nRF5340 starts after reset: b0's vector table at flash address 0.
 */
#include <stdint.h>

#include "board_partitions.h"
#include "cm33_regs.h"

extern const char an505_flash_file_offset[], an505_flash_load_offset[]; /* values: an505_memory.ld */
extern uint32_t an505_stub_stack_top[];

__attribute__((noreturn)) void an505_stub_reset(void);

__attribute__((section(".vectors"), used)) const uintptr_t an505_stub_vectors[2] = {
    (uintptr_t)an505_stub_stack_top,
    (uintptr_t)an505_stub_reset,
};

void an505_stub_reset(void)
{
    const volatile uint32_t *file = (const volatile uint32_t *)(uintptr_t)(an505_flash_file_offset + MEM_FLASH_BASE);
    volatile uint32_t *flash = (volatile uint32_t *)(uintptr_t)(an505_flash_load_offset + MEM_FLASH_BASE);
    for (uint32_t i = 0; i < MEM_FLASH_SIZE / 4; i++)
        flash[i] = file[i];
    __asm__ volatile("dsb\n isb" ::: "memory");

    const volatile uint32_t *vectors = (const volatile uint32_t *)(uintptr_t)MEM_FLASH_BASE;
    SCB_VTOR = MEM_FLASH_BASE;
    __asm__ volatile("dsb\n isb\n"
                     "msr msp, %0\n"
                     "bx %1\n"
                     :
                     : "r"(vectors[0]), "r"(vectors[1])
                     : "memory");
    __builtin_unreachable();
}
