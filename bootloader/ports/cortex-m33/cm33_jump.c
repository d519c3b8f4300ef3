/*
 * Leaving a stage on any Cortex-M33 board: the jump to the next image (the core steps of NCS's
 * bl_boot.c; the board first quiets its own peripherals) and the system reset.
 */
#include "cm33_regs.h"
#include "m33_board.h"

noreturn void cm33_boot(uint32_t vector_table)
{
    const volatile uint32_t *vectors = (const volatile uint32_t *)(uintptr_t)vector_table;
    const uint32_t msp = vectors[0], reset = vectors[1];

    /* The next stage starts with interrupts masked and every NVIC line off and unpended, as after
       NCS's b0; it unmasks (cpsie i) once it has set up its own handlers. */
    __asm__ volatile("cpsid i" ::: "memory");
    const uint32_t banks = (ICTR & 0xFu) + 1u;
    for (uint32_t i = 0; i < banks; i++) {
        NVIC_ICER(i) = 0xFFFFFFFFu;
        NVIC_ICPR(i) = 0xFFFFFFFFu;
    }
    SYST_CSR = 0;
    SCB_ICSR = ICSR_PENDSTCLR;
    SCB_SHCSR &= ~SHCSR_FAULT_ENABLES;
    __asm__ volatile("dsb\n isb" ::: "memory");

    SCB_VTOR = vector_table;
    __asm__ volatile("dsb\n isb" ::: "memory");

    /* Stack limit off first (the new stack may sit above it), then the new stack and the branch. */
    __asm__ volatile("msr msplim, %0\n"
                     "msr msp, %1\n"
                     "bx %2\n"
                     :
                     : "r"(0u), "r"(msp), "r"(reset)
                     : "memory");
    __builtin_unreachable();
}

noreturn void cm33_reset(void)
{
    __asm__ volatile("dsb" ::: "memory");
    SCB_AIRCR = AIRCR_SYSRESETREQ;
    __asm__ volatile("dsb" ::: "memory");
    for (;;)
        __asm__ volatile("wfi");
}
