/*
 * Start-up of every Cortex-M33 stage: the 16 system vectors, the reset handler (FPU on, the board's early
 * set-up, .data copied, .bss zeroed, main) and one handler for every fault. Symbols come from the board's
 * linker script, which places a board's interrupt vectors (section .vectors.irq) right behind these.
 */
#include <stdint.h>
#include <string.h>

#include "bl_crypto_api.h"
#include "cm33_regs.h"
#include "m33_board.h"

extern uint32_t board_stack_top[];
extern uint32_t board_data_start[], board_data_end[], board_data_load[];
extern uint32_t board_bss_start[], board_bss_end[];

int main(void);
noreturn void board_reset_handler(void);
noreturn void board_fault_handler(void);

typedef void (*vector)(void);

_Static_assert(BL_CRYPTO_API_VECTOR_WORD == 8, "the vector table below keeps b0's crypto table in word 8");

/* Defined only where b0 links it (-Wl,--require-defined): a weak reference leaves 0 in other stages. */
extern const struct bl_crypto_api bl_crypto_api_export __attribute__((weak));

/*
 * The 16 system exceptions; no stage enables an interrupt yet. The table and a board's IRQ lines must end
 * before the second stage's fw_info at image + 0x200 (the linker scripts assert it).
 */
__attribute__((section(".vectors"), used)) const vector board_vectors[16] = {
    (vector)(uintptr_t)board_stack_top,
    board_reset_handler,
    board_fault_handler, /* NMI */
    board_fault_handler, /* HardFault */
    board_fault_handler, /* MemManage */
    board_fault_handler, /* BusFault */
    board_fault_handler, /* UsageFault */
    board_fault_handler, /* SecureFault */
    /* Word 8 (reserved by ARMv8-M): b0's crypto table for the second stage (bl_crypto_api.h); 0 elsewhere. */
    (vector)(uintptr_t)&bl_crypto_api_export, 0, 0,
    board_fault_handler, /* SVCall */
    board_fault_handler, /* DebugMonitor */
    0,
    board_fault_handler, /* PendSV */
    board_fault_handler, /* SysTick */
};

noreturn void board_reset_handler(void)
{
    /* -mfloat-abi=hard code may use the FPU: grant CP10/CP11 before any C runs. */
    SCB_CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n isb" ::: "memory");
    board_early_init();
    memcpy(board_data_start, board_data_load, (size_t)((char *)board_data_end - (char *)board_data_start));
    memset(board_bss_start, 0, (size_t)((char *)board_bss_end - (char *)board_bss_start));
    board_halt(main());
}

noreturn void board_fault_handler(void)
{
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    board_log("fault: exception %lu, CFSR 0x%08lx, HFSR 0x%08lx, SFSR 0x%08lx, BFAR 0x%08lx.", (unsigned long)ipsr,
              (unsigned long)SCB_CFSR, (unsigned long)SCB_HFSR, (unsigned long)SAU_SFSR, (unsigned long)SCB_BFAR);
    board_halt(BOARD_EXIT_FAULT);
}
