/*
 * The QEMU mps2-an505 board port (a Cortex-M33 running Secure, with no NVMC, UICR or SPU): what b0
 * and the second stage take from the board. Devices keep nRF5340 addresses; where the emulator puts
 * them is in an505.ld and README.md.
 */
#ifndef AN505_PORT_H
#define AN505_PORT_H

#include <stdarg.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "b0_boot_record.h"
#include "flash_dev.h"
#include "otp_dev.h"

/* Exit codes QEMU returns through semihosting; the smoke tests check them. */
enum an505_exit {
    AN505_EXIT_OK = 0,     /* the stage did its job */
    AN505_EXIT_HALTED = 1, /* a stage refused to go on and logged why (b0: nothing bootable) */
    AN505_EXIT_FAULT = 2,  /* a CPU fault or an unexpected interrupt */
};

/* App-core flash with the NVMC's rules: page erase to 0xFF, word writes that only clear bits. */
const struct flash_dev *an505_flash(void);

/* UICR OTP: 16-bit write-once cells. */
const struct otp_dev *an505_otp(void);

/* The ram_retained partition (PM_RAM_RETAINED_SIZE bytes) where this port maps it; survives reset. */
void *an505_ram_retained(void);

/* The record b0 and the second stage share, at the start of ram_retained. */
struct b0_boot_record *an505_boot_record(void);

/*
 * Write-protects [addr, addr + len) of flash until reset, in 16 KiB regions, as the SPU would: the
 * AN505 has no SPU, so the flash model refuses the writes. A flash_err code.
 */
int an505_lock(uint32_t addr, uint32_t len);

/* Clears every lock: what a reset does to the SPU. Called by b0, the stage that runs after reset. */
void an505_unlock_all(void);

/* One log line on UART0; fmt has no newline. The printf subset of tiny_format.h (32-bit values). */
void an505_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void an505_vlog(const char *fmt, va_list args);

/* Starts the image whose vector table is at vector_table, as NCS's b0 does (bl_boot.c). */
noreturn void an505_boot(uint32_t vector_table);

/* Nothing to feed: the stages do not start the AN505's watchdog. */
void an505_watchdog_feed(void);

/* System reset (SYSRESETREQ): RAM is kept; the reset stub restores flash from the flash file, so
   every flash change survives it as on the chip. */
noreturn void an505_reset(void);

/* Ends the emulation with `code` as QEMU's exit status (semihosting SYS_EXIT_EXTENDED). */
noreturn void an505_exit(int code);

#endif /* AN505_PORT_H */
