/*
 * The nRF5340 DK as m33_board.h describes a board: the drivers of this folder behind the shared stages.
 * Log lines go to UARTE0 (the VCOM) and to the RTT buffer; the jump first returns the peripherals a stage
 * used to their reset state (peripherals_release).
 */
#include "board_partitions.h"
#include "m33_board.h"
#include "nrf5340_drivers.h"
#include "tiny_format.h"

const struct flash_dev *board_flash(void)
{
    return nvmc_flash();
}

const struct otp_dev *board_otp(void)
{
    return uicr_otp();
}

int board_lock(uint32_t addr, uint32_t len)
{
    const int rc = spu_flash_lock(addr, len);
    if (rc == FLASH_OK)
        board_log("SPU: flash 0x%08lx..0x%08lx locked (read + execute only) until reset.", (unsigned long)addr,
                  (unsigned long)(addr + len - 1));
    return rc;
}

void board_b0_start(void)
{
    /* A reset cleared the SPU's locks: nothing to undo. */
}

uint32_t board_reset_reason(void)
{
    static uint32_t reasons;
    static bool taken;
    if (!taken) {
        reasons = reset_reason_take();
        taken = true;
    }
    return reasons;
}

const struct mb_pcd_app_port *board_pcd(void)
{
    return NULL; /* net-core updates over PCD come with the net-core work: the loader refuses them meanwhile */
}

/* --- log: one line at a time to UARTE0 and RTT --- */

static char line[160];
static size_t line_len;
static bool log_ready;

static void flush_line(void)
{
    uarte_write(line, line_len);
    rtt_write(line, line_len);
    line_len = 0;
}

static void put(void *ctx, char c)
{
    (void)ctx;
    line[line_len++] = c;
    if (line_len == sizeof line)
        flush_line();
}

void board_vlog(const char *fmt, va_list args)
{
    if (!log_ready) {
        uarte_init();
        rtt_init();
        log_ready = true;
    }
    tiny_vformat(put, NULL, fmt, args);
    put(NULL, '\r');
    put(NULL, '\n');
    flush_line();
}

void board_log(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    board_vlog(fmt, args);
    va_end(args);
}

void board_watchdog_feed(void)
{
    wdt_feed();
}

noreturn void board_boot(uint32_t vector_table)
{
    peripherals_release();
    cm33_boot(vector_table);
}

noreturn void board_reset(void)
{
    cm33_reset();
}

noreturn void board_halt(int code)
{
    board_log("halted (%d): reset the board or flash it again.", code);
    for (;;) {
        board_watchdog_feed(); /* a halted stage stays readable on the VCOM instead of resetting in a loop */
        __asm__ volatile("wfe");
    }
}

/* Instruction cache on (Zephyr does so for Secure builds) and the core at 64 MHz (HFCLKCTRL /2, erratum 42,
   what the MDK's SystemInit sets). The MDK's SystemInit itself never runs here (see clock.c). */
void board_early_init(void)
{
    cache_enable();
    clock_set_core_64mhz();
}
