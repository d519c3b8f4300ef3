/*
 * A register-level model of the nRF5340 app core's peripherals, flash and UICR, behind nrf_reg.h's calls
 * (NRF_REG_FAKE). It behaves as the Product Specification documents and records every rule a driver
 * breaks instead of crashing:
 * - NVMC: READY/READYNEXT read busy (0) for a few polls after each write or erase; a flash word changes only
 *   with CONFIG=Wen (bits 1->0 only, at most two writes between erases), a page is erased only by
 *   0xFFFFFFFF to its first word with CONFIG=Een;
 * - SPU: FLASHREGION[n].PERM starts 0x17 (read, write, execute, secure); LOCK freezes it; a write to a region
 *   without WRITE is refused and raises EVENTS_FLASHACCERR (a bus fault on the chip);
 * - UICR OTP: Wen writes only; each 16-bit half once, while it reads 0xFFFF (otherwise refused, as the KMU
 *   blocks it);
 * - UARTE: ENABLE must be 8; STARTTX takes TXD.PTR/MAXCNT from RAM and raises ENDTX a few polls later;
 *   a reception started by STARTRX takes the bytes on the line (queued by the test, before or while it runs)
 *   with RXDRDY, ends with ENDRX when full, or on STOPRX (ENDRX, then RXTO); FLUSHRX ends with ENDRX, 0 bytes;
 * - CLOCK: HFCLKSTARTED / LFCLKSTARTED a few polls after their task; RESETREAS is write-1-to-clear;
 * - GPIO: OUTSET/OUTCLR/DIRSET/DIRCLR act on OUT/DIR, PIN_CNF.DIR mirrors into DIR, IN is what a test drives;
 * - RTC: COUNTER counts what a test advances while started (24 bits); WDT: RUNSTATUS after START, then its
 *   configuration is frozen, RR[0] reloads count.
 */
#ifndef FAKE_REGS_H
#define FAKE_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Power-on state: flash and UICR erased, registers at their reset values, logs empty. */
void fake_reset(void);

/* Rules the driver broke since fake_reset (0: none), and the first one's text. */
int fake_violations(void);
const char *fake_first_violation(void);

/* Every register write and delay, in order. */
enum fake_kind { FAKE_WRITE, FAKE_DELAY };
struct fake_access {
    enum fake_kind kind;
    uint32_t addr; /* FAKE_WRITE */
    uint32_t value; /* FAKE_WRITE: the value; FAKE_DELAY: microseconds */
};
size_t fake_log(const struct fake_access **entries);
/* Index of the first write of value to addr at or after `from`, or -1. */
long fake_find_write(size_t from, uint32_t addr, uint32_t value);

/* Sets a plain register as hardware would have left it (RESETREAS after a reset, ...). */
void fake_poke(uint32_t addr, uint32_t value);

/* The buffer behind a bus address the driver got from nrf_dma_addr (what a debugger or EasyDMA reads). */
void *fake_dma_ptr(uint32_t addr);

/* NVMC */
uint32_t fake_flash_word(uint32_t addr);
void fake_flash_set(uint32_t addr, uint32_t value); /* test set-up, no NVMC rules */
unsigned fake_word_writes(uint32_t addr);            /* writes since the page's erase */
unsigned fake_page_erases(uint32_t addr);
unsigned fake_busy_polls(void); /* READY/READYNEXT polls answered "busy" */
void fake_nvmc_stuck(bool stuck); /* READY never comes back */

/* UARTE0 */
size_t fake_uarte_sent(char *out, size_t cap); /* bytes EasyDMA took so far */
void fake_uarte_queue_rx(const void *data, size_t len); /* bytes arriving on RX */
void fake_uarte_stall_tx(bool stall); /* ENDTX never comes */

/* CLOCK: an oscillator that never starts */
void fake_clock_broken(bool broken);

/* GPIO: levels on the pins (port 0: bits 0..31, port 1: bits 0..15) */
void fake_gpio_drive(unsigned port, uint32_t levels);

/* RTC1 */
void fake_rtc_advance(uint32_t ticks);

/* WDT0 */
unsigned fake_wdt_reloads(void);

#endif /* FAKE_REGS_H */
