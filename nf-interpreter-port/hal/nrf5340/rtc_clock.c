/*
 * RTC1 as the runtime's clock: PRESCALER 0 = 32768 Hz, a 24-bit COUNTER (MDK register map, nrf5340-silicon.md
 * §1.9), extended to 64 bits in software. The LFCLK it counts comes from the DK's 32.768 kHz crystal.
 */
#include "nrf5340_drivers.h"
#include "nrf5340_hal.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

#define RTC(reg) (NRF_RTC1 + (reg))
#define LFCLK_HZ 32768u
#define LFCLKSRC_LFRC 1u

static uint64_t ticks;
static uint32_t last;

bool rtc_clock_start(void)
{
    const bool crystal = clock_start_lfxo();
    if (!crystal) { /* the internal RC oscillator: less exact, always there */
        nrf_reg_write(NRF_CLOCK + CLOCK_LFCLKSRC, LFCLKSRC_LFRC);
        nrf_reg_write(NRF_CLOCK + CLOCK_TASKS_LFCLKSTART, 1);
    }
    nrf_reg_write(RTC(RTC_TASKS_STOP), 1);
    nrf_reg_write(RTC(RTC_PRESCALER), 0);
    nrf_reg_write(RTC(RTC_TASKS_CLEAR), 1);
    nrf_reg_write(RTC(RTC_TASKS_START), 1);
    ticks = 0;
    last = 0;
    return crystal;
}

uint64_t rtc_clock_ms(void)
{
    const uint32_t now = nrf_reg_read(RTC(RTC_COUNTER)) & RTC_COUNTER_MASK;
    ticks += (now - last) & RTC_COUNTER_MASK;
    last = now;
    return ticks * 1000u / LFCLK_HZ;
}
