/*
 * WDT0: 32.768 kHz counter, timeout (CRV + 1) / 32768 s, reloaded by writing 0x6E524635 to an enabled RR
 * register. Once started it cannot be stopped or reconfigured until reset (and a soft reset keeps it
 * running), so a stage that finds it running only feeds it.
 */
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

#define WDT(reg) (NRF_WDT0 + (reg))
#define LFCLK_HZ 32768u
#define WDT_CRV_MIN 0xFu /* the PS's smallest CRV */

bool wdt_running(void)
{
    return (nrf_reg_read(WDT(WDT_RUNSTATUS)) & 1u) != 0;
}

void wdt_start(uint32_t timeout_ms)
{
    if (wdt_running()) {
        wdt_feed();
        return;
    }
    const uint64_t ticks = (uint64_t)timeout_ms * LFCLK_HZ / 1000u;
    uint64_t crv = ticks > 0 ? ticks - 1u : 0;
    if (crv < WDT_CRV_MIN)
        crv = WDT_CRV_MIN;
    nrf_reg_write(WDT(WDT_CRV), crv > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)crv);
    nrf_reg_write(WDT(WDT_RREN), 1u); /* RR[0] only */
    nrf_reg_write(WDT(WDT_CONFIG), WDT_CONFIG_RUN_IN_SLEEP); /* paused while a debugger halts the CPU */
    nrf_reg_write(WDT(WDT_TASKS_START), 1);
}

void wdt_feed(void)
{
    if (wdt_running())
        nrf_reg_write(WDT(WDT_RR(0)), WDT_RELOAD);
}
