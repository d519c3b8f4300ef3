/*
 * Ends the emulation with a status code, so a test of a stage cannot hang: semihosting
 * SYS_EXIT_EXTENDED (QEMU needs -semihosting-config enable=on,target=native). On a board without
 * a debugger the BKPT would fault; this port only ever runs in QEMU.
 */
#include "an505_port.h"

#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

noreturn void an505_exit(int code)
{
    const uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)code};
    register uint32_t op __asm__("r0") = SYS_EXIT_EXTENDED;
    register const uint32_t *arg __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : "+r"(op) : "r"(arg) : "memory");
    for (;;) /* semihosting disabled: stop here */
        __asm__ volatile("wfi");
}

noreturn void board_halt(int code)
{
    an505_exit(code);
}
