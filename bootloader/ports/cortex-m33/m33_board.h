/*
 * What the Cortex-M33 stages (b0_main.c, second_stage_main.c, the runtime's app main) take from a board:
 * one set of functions per board port (QEMU mps2-an505: bootloader/ports/qemu-an505; nRF5340 DK:
 * bootloader/ports/nrf5340). The stages' sources are the same for every board; only these differ.
 */
#ifndef M33_BOARD_H
#define M33_BOARD_H

#include <stdarg.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "b0_boot_record.h"
#include "flash_dev.h"
#include "otp_dev.h"

struct mb_pcd_app_port;

/* How a stage ends when it does not jump: QEMU returns these through semihosting, silicon halts. */
enum board_exit {
    BOARD_EXIT_OK = 0,     /* the stage did its job */
    BOARD_EXIT_HALTED = 1, /* a stage refused to go on and logged why (b0: nothing bootable) */
    BOARD_EXIT_FAULT = 2,  /* a CPU fault or an unexpected interrupt */
};

/* First thing after reset, before .data and .bss exist (caches, core clock): no globals here. */
void board_early_init(void);

/* App-core flash with the NVMC's rules: page erase to 0xFF, word writes that only clear bits. */
const struct flash_dev *board_flash(void);

/* UICR OTP: 16-bit write-once cells (otp_dev.h). */
const struct otp_dev *board_otp(void);

/* The ram_retained partition (PM_RAM_RETAINED_SIZE bytes); survives a soft reset. */
void *board_ram_retained(void);

/* The record b0 and the second stage share, at the start of ram_retained. */
struct b0_boot_record *board_boot_record(void);

/* Write-protects [addr, addr + len) of flash until reset, in 16 KiB regions (SPU). A flash_err code. */
int board_lock(uint32_t addr, uint32_t len);

/* Called by b0 first: the board's start of a boot chain (QEMU clears its SPU stand-in, as a reset would). */
void board_b0_start(void);

/* RESETREAS as found at start (0 where the board has none: reported as a power-on reset). */
uint32_t board_reset_reason(void);

/* The net core for PCD, or NULL when the board has none (the loader then refuses net-core images). */
const struct mb_pcd_app_port *board_pcd(void);

/* One log line; fmt has no newline. The printf subset of tiny_format.h (32-bit values). */
void board_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void board_vlog(const char *fmt, va_list args);

/* Starts the image whose vector table is at vector_table, as NCS's b0 does (bl_boot.c). */
noreturn void board_boot(uint32_t vector_table);

void board_watchdog_feed(void);

/* System reset (SYSRESETREQ). */
noreturn void board_reset(void);

/* Ends the stage: QEMU exits with `code`, silicon stays in a low-power loop. */
noreturn void board_halt(int code);

/* The Cortex-M33 part of board_boot: interrupts masked, NVIC cleared, VTOR, MSP, branch (cm33_jump.c). */
noreturn void cm33_boot(uint32_t vector_table);

/* SYSRESETREQ, for board_reset. */
noreturn void cm33_reset(void);

#endif /* M33_BOARD_H */
