/*
 * The nRF5340 app-core drivers of this port. Each compiles for the chip and, with NRF_REG_FAKE, against
 * the register-level models of tests/native/nrf5340 (every access goes through nrf_reg.h). Bounded waits
 * everywhere: a peripheral that never answers gives an error, never a hang.
 */
#ifndef NRF5340_DRIVERS_H
#define NRF5340_DRIVERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flash_dev.h"
#include "otp_dev.h"

/* How many times a driver polls a READY bit or an event before it gives up (far above the PS's
   tERASEPAGE of 87.5 ms at 128 MHz). */
#ifndef NRF_POLL_LIMIT
#define NRF_POLL_LIMIT 20000000u
#endif

/* --- NVMC (nvmc.c): app-core flash as a flash_dev; writes refused in SPU-locked regions --- */
const struct flash_dev *nvmc_flash(void);
/* Programs one word (flash or UICR) with CONFIG=Wen, READY polled before and after. A flash_err code. */
int nvmc_program_word(uint32_t addr, uint32_t value);

/* --- UICR OTP (uicr_otp.c): the provisioning area as an otp_dev (16-bit write-once halves) --- */
const struct otp_dev *uicr_otp(void);

/* --- SPU (spu.c) --- */
/* Locks [addr, addr + len) against writes until reset: secure, read + execute, LOCK (NCS's fprotect). */
int spu_flash_lock(uint32_t addr, uint32_t len);
bool spu_flash_writable(uint32_t addr);
/* The net core's bus accesses carry the Secure attribute (before releasing it). */
void spu_extdomain_secure(void);

/* --- UARTE0 on the DK's VCOM (uarte.c) --- */
/* Configures and enables UARTE0; nothing when it is enabled already. */
void uarte_init(void);
/* Sends len bytes through EasyDMA (copied into RAM first: EasyDMA cannot read flash). 0, or -1 on timeout. */
int uarte_write(const void *data, size_t len);
/* Never blocks: the first call arms the receiver; later ones return up to cap bytes received since (0: none). */
size_t uarte_poll(uint8_t *buf, size_t cap);
/* Stops and disables UARTE0 and disconnects its pins, as before a jump. */
void uarte_deinit(void);

/* --- SEGGER-RTT-compatible log buffer (rtt.c) --- */
void rtt_init(void);
/* Appends to up-buffer 0 when the whole text fits (a debugger drains it); false when it was dropped. */
bool rtt_write(const char *text, size_t len);

/* --- Clocks, cache, reset, net core, watchdog (clock.c, reset.c, wdt.c) --- */
void cache_enable(void);
void clock_set_core_64mhz(void);
/* Starts HFXO / LFXO and waits for the STARTED event. false: the oscillator never started. */
bool clock_start_hfxo(void);
bool clock_start_lfxo(void);
/* Before a jump: UARTE0 disabled and its pins released, RTC1 stopped, CLOCK interrupts off. */
void peripherals_release(void);
/* RESETREAS as found, then cleared (its bits are write-1-to-clear) so the next reset reports afresh. */
uint32_t reset_reason_take(void);
/* EXTDOMAIN secure, then FORCEOFF released with the erratum 161 sequence. */
void netcore_release(void);
void netcore_hold(void);
/* Starts WDT0 (timeout_ms, 1..131072000), unless it already runs: a running WDT keeps its settings until reset. */
void wdt_start(uint32_t timeout_ms);
bool wdt_running(void);
/* Reloads RR[0] when the watchdog runs (a stage started by someone else's WDT must feed it). */
void wdt_feed(void);

#endif /* NRF5340_DRIVERS_H */
