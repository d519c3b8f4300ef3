/*
 * The runtime's board part on QEMU's mps2-an505 (nfclr_board.h): the Cortex-M33 services (settings, upload slot,
 * boot info, reset: nfclr_services.h) with SMP over UART1; no pins, so System.Device.Gpio drives the logging
 * stand-in, whose lines ("gpio: P0.28 -> 0") go to UART0 with the rest of the log; the clock is the MPS2 FPGA's
 * 100 Hz counter (the AN505 has no RTC), which runs in QEMU's virtual time, following the host's clock.
 */
#include "an505_smp_uart.h"
#include "clr.h"
#include "gpio_log_port.h"
#include "nfclr_board.h"
#include "nfclr_services.h"

#define FPGAIO_CLK100HZ (*(volatile uint32_t *)0x50302014u) /* Secure alias */
#define UNIX_EPOCH_TICKS 621355968000000000LL /* DateTime ticks of 1970-01-01: the clock until SMP sets it */

static int64_t clock_base = UNIX_EPOCH_TICKS; /* DateTime ticks at now_ms() == 0 */

static uint64_t now_ms(void *ctx)
{
    (void)ctx;
    return (uint64_t)FPGAIO_CLK100HZ * 10u;
}

static int64_t utc_now_ticks(void *ctx)
{
    return clock_base + (int64_t)now_ms(ctx) * 10000;
}

static void set_utc_ticks(void *ctx, int64_t ticks)
{
    clock_base = ticks - (int64_t)now_ms(ctx) * 10000;
}

/* Every thread waits: no interrupt is enabled to wake a WFI, so wait for the next tick of the counter (at most
   10 ms: SMP polls come back that often) or the deadline. */
static void idle(void *ctx, uint64_t until_ms)
{
    const uint64_t start = now_ms(ctx);
    while (now_ms(ctx) == start && (until_ms == CLR_HAL_FOREVER || now_ms(ctx) < until_ms)) {
    }
}

void nfclr_board_setup(struct clr_config *cfg)
{
    static struct gpio_log_port gpio;
    static const struct clr_native_assembly *const natives[] = {&gpio_natives_assembly, &nrf_natives_assembly};
    gpio_natives_bind(gpio_log_port_init(&gpio, cfg->hal.log_line, cfg->hal.ctx));
    nfclr_services_bind(an505_smp_uart(), 1, set_utc_ticks);
    cfg->natives = natives;
    cfg->native_count = sizeof natives / sizeof natives[0];
    cfg->hal.now_ms = now_ms;
    cfg->hal.idle = idle;
    cfg->hal.utc_now_ticks = utc_now_ticks;
}
