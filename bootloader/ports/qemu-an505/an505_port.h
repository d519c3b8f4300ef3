/*
 * The QEMU mps2-an505 board port (a Cortex-M33 running Secure, with no NVMC, UICR or SPU): it implements
 * m33_board.h for the shared stages. Devices keep nRF5340 addresses; where the emulator puts them is in
 * an505.ld and README.md. Only what is QEMU's own is declared here.
 */
#ifndef AN505_PORT_H
#define AN505_PORT_H

#include "m33_board.h"

/* Ends the emulation with `code` as QEMU's exit status (semihosting SYS_EXIT_EXTENDED). */
noreturn void an505_exit(int code);

#endif /* AN505_PORT_H */
