/*
 * Cache, core clock and oscillators (MDK register map, nrf5340-silicon.md §1.8, §1.12). This port does not
 * run the MDK's SystemInit: in particular it never copies FICR to 0x2007F000 (NRF_SKIP_FICR_NS_COPY_TO_RAM,
 * as Zephyr does), which would overwrite the IPC RAM shared with the net core and mark it Non-Secure.
 */
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf5340dk_pins.h"
#include "nrf_reg.h"

void cache_enable(void)
{
    nrf_reg_write(NRF_CACHE + CACHE_ENABLE, 1);
}

void clock_set_core_64mhz(void)
{
    nrf_reg_write(NRF_CLOCK + CLOCK_HFCLKCTRL, CLOCK_HFCLKCTRL_DIV2);
}

static bool start(uint32_t task, uint32_t event)
{
    nrf_reg_write(NRF_CLOCK + event, 0);
    nrf_reg_write(NRF_CLOCK + task, 1);
    for (uint32_t n = 0; n < NRF_POLL_LIMIT; n++) {
        if (nrf_reg_read(NRF_CLOCK + event) != 0) {
            nrf_reg_write(NRF_CLOCK + event, 0);
            return true;
        }
    }
    return false;
}

bool clock_start_hfxo(void)
{
    nrf_reg_write(NRF_CLOCK + CLOCK_HFCLKSRC, CLOCK_HFCLKSRC_HFXO);
    return start(CLOCK_TASKS_HFCLKSTART, CLOCK_EVENTS_HFCLKSTARTED);
}

bool clock_start_lfxo(void)
{
    /* The crystal pins belong to the oscillator, not to GPIO, or the LFXO never starts. */
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_XL1), PIN_CNF_MCUSEL_PERIPHERAL | PIN_CNF_INPUT_DISCONNECT);
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_XL2), PIN_CNF_MCUSEL_PERIPHERAL | PIN_CNF_INPUT_DISCONNECT);
    nrf_reg_write(NRF_CLOCK + CLOCK_LFCLKSRC, CLOCK_LFCLKSRC_LFXO);
    return start(CLOCK_TASKS_LFCLKSTART, CLOCK_EVENTS_LFCLKSTARTED);
}
