/*
 * RESETREAS and the net core's power (RESET peripheral, nrf5340-silicon.md §1.10), and the peripherals a stage
 * hands back before the jump (NCS's bl_boot.c: UARTE disabled and its pins released, CLOCK interrupts off;
 * MCUboot's nrf_cleanup.c also stops the RTCs).
 * Releasing the net core follows nrfx's nrf_reset_network_force_off for erratum 161 ("core not fully reset
 * after Force-OFF"): 1 to RESET+0x618, Release, 5 µs, Hold, 1 µs, Release, 0 to +0x618. Before that the
 * net core's bus accesses are made Secure (SPU EXTDOMAIN[0].SECATTR), so it can reach the shared RAM,
 * which is Secure by default.
 */
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

void peripherals_release(void)
{
    if (nrf_reg_read(NRF_UARTE0 + UARTE_ENABLE) != 0)
        uarte_deinit();
    nrf_reg_write(NRF_RTC1 + RTC_TASKS_STOP, 1);
    nrf_reg_write(NRF_CLOCK + CLOCK_INTENCLR, 0xFFFFFFFFu);
}

uint32_t reset_reason_take(void)
{
    const uint32_t reasons = nrf_reg_read(NRF_RESET + RESET_RESETREAS);
    nrf_reg_write(NRF_RESET + RESET_RESETREAS, reasons); /* write 1 to clear */
    return reasons;
}

void netcore_release(void)
{
    spu_extdomain_secure();
    nrf_reg_write(NRF_RESET + RESET_ERRATA161, 1);
    nrf_reg_write(NRF_RESET + RESET_NETWORK_FORCEOFF, FORCEOFF_RELEASE);
    nrf_delay_us(5);
    nrf_reg_write(NRF_RESET + RESET_NETWORK_FORCEOFF, FORCEOFF_HOLD);
    nrf_delay_us(1);
    nrf_reg_write(NRF_RESET + RESET_NETWORK_FORCEOFF, FORCEOFF_RELEASE);
    nrf_reg_write(NRF_RESET + RESET_ERRATA161, 0);
}

void netcore_hold(void)
{
    nrf_reg_write(NRF_RESET + RESET_NETWORK_FORCEOFF, FORCEOFF_HOLD);
}
