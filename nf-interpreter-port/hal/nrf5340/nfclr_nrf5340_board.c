/*
 * The runtime's board part on the nRF5340 DK (nfclr_board.h): System.Device.Gpio on the real pins, the Cortex-M33
 * services (settings, upload slot, boot info, reset: nfclr_services.h) with SMP serial on UARTE0 beside the log
 * (smp_uart.c), RTC1 as the clock of Thread.Sleep and timers, and an idle wait that keeps a running watchdog fed.
 */
#include "clr.h"
#include "nfclr_board.h"
#include "nfclr_services.h"
#include "nrf5340_drivers.h"
#include "nrf5340_hal.h"

static uint64_t now_ms(void *ctx)
{
    (void)ctx;
    return rtc_clock_ms();
}

/* Every thread waits: poll the clock until the deadline (no interrupt wakes the core yet). */
static void idle(void *ctx, uint64_t until_ms)
{
    (void)ctx;
    while (until_ms != CLR_HAL_FOREVER && rtc_clock_ms() < until_ms)
        wdt_feed();
}

void nfclr_board_setup(struct clr_config *cfg)
{
    static const struct clr_native_assembly *const natives[] = {&gpio_natives_assembly, &nrf_natives_assembly};
    rtc_clock_start();
    gpio_natives_bind(nrf_gpio_port());
    nfclr_services_bind(nrf_smp_uart(), 1, NULL);
    cfg->natives = natives;
    cfg->native_count = sizeof natives / sizeof natives[0];
    cfg->hal.now_ms = now_ms;
    cfg->hal.idle = idle;
}
