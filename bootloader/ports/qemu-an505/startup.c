/*
 * Start-up of every AN505 stage: the vector table, the reset handler (FPU on, .data copied, .bss
 * zeroed, main) and one handler for every fault. Symbols come from an505.ld.
 */
#include <stdint.h>
#include <string.h>

#include "an505_port.h"
#include "bl_crypto_api.h"
#include "cm33_regs.h"

extern uint32_t an505_stack_top[];
extern uint32_t an505_data_start[], an505_data_end[], an505_data_load[];
extern uint32_t an505_bss_start[], an505_bss_end[];

int main(void);
noreturn void an505_reset_handler(void);
noreturn void an505_fault_handler(void);

typedef void (*vector)(void);

_Static_assert(BL_CRYPTO_API_VECTOR_WORD == 8, "the vector table below keeps b0's crypto table in word 8");

/* Defined only where b0 links it (-Wl,--require-defined): a weak reference leaves 0 in other stages. */
extern const struct bl_crypto_api bl_crypto_api_export __attribute__((weak));

/*
 * The 16 system exceptions only: no stage enables an interrupt, and a short table keeps the second
 * stage's fw_info at image + 0x200. A driver that needs IRQs appends the AN505's lines here.
 */
__attribute__((section(".vectors"), used)) const vector an505_vectors[16] = {
    (vector)(uintptr_t)an505_stack_top,
    an505_reset_handler,
    an505_fault_handler, /* NMI */
    an505_fault_handler, /* HardFault */
    an505_fault_handler, /* MemManage */
    an505_fault_handler, /* BusFault */
    an505_fault_handler, /* UsageFault */
    an505_fault_handler, /* SecureFault */
    /* Word 8 (reserved by ARMv8-M): b0's crypto table for the second stage (bl_crypto_api.h); 0 elsewhere. */
    (vector)(uintptr_t)&bl_crypto_api_export, 0, 0,
    an505_fault_handler, /* SVCall */
    an505_fault_handler, /* DebugMonitor */
    0,
    an505_fault_handler, /* PendSV */
    an505_fault_handler, /* SysTick */
};

noreturn void an505_reset_handler(void)
{
    /* -mfloat-abi=hard code may use the FPU: grant CP10/CP11 before any C runs. */
    SCB_CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n isb" ::: "memory");
    memcpy(an505_data_start, an505_data_load, (size_t)((char *)an505_data_end - (char *)an505_data_start));
    memset(an505_bss_start, 0, (size_t)((char *)an505_bss_end - (char *)an505_bss_start));
    an505_exit(main());
}

noreturn void an505_fault_handler(void)
{
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    an505_log("fault: exception %lu, CFSR 0x%08lx, HFSR 0x%08lx, SFSR 0x%08lx, BFAR 0x%08lx.", (unsigned long)ipsr,
              (unsigned long)SCB_CFSR, (unsigned long)SCB_HFSR, (unsigned long)SAU_SFSR, (unsigned long)SCB_BFAR);
    an505_exit(AN505_EXIT_FAULT);
}
