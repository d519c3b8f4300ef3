/* Clocks, RESETREAS, the net core's release (erratum 161) and the watchdog against the model. */
#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

TEST(early_clock_and_cache_settings)
{
    fake_reset();
    cache_enable();
    clock_set_core_64mhz();
    CHECK_EQ(nrf_reg_read(NRF_CACHE + CACHE_ENABLE), 1);
    CHECK_EQ(nrf_reg_read(NRF_CLOCK + CLOCK_HFCLKCTRL), 1);
    /* Nothing is written into the IPC RAM's last page, where the MDK's SystemInit copies FICR. */
    const struct fake_access *log;
    const size_t n = fake_log(&log);
    for (size_t i = 0; i < n; i++)
        CHECK(log[i].addr < 0x2007F000u || log[i].addr >= 0x20080000u);
}

TEST(hfxo_and_lfxo_start_and_wait_for_their_events)
{
    fake_reset();
    CHECK(clock_start_hfxo());
    CHECK_EQ(nrf_reg_read(NRF_CLOCK + CLOCK_HFCLKSRC), CLOCK_HFCLKSRC_HFXO);
    CHECK(clock_start_lfxo());
    CHECK_EQ(nrf_reg_read(NRF_CLOCK + CLOCK_LFCLKSRC), CLOCK_LFCLKSRC_LFXO);
    /* The crystal pins were handed to the oscillator before the start task. */
    const long pin = fake_find_write(0, NRF_P0 + GPIO_PIN_CNF(0), PIN_CNF_MCUSEL_PERIPHERAL | PIN_CNF_INPUT_DISCONNECT);
    CHECK(pin >= 0 && fake_find_write(0, NRF_CLOCK + CLOCK_TASKS_LFCLKSTART, 1) > pin);
    CHECK_EQ(nrf_reg_read(NRF_CLOCK + CLOCK_EVENTS_LFCLKSTARTED), 0); /* cleared after use */
}

TEST(an_oscillator_that_never_starts_is_reported)
{
    fake_reset();
    fake_clock_broken(true);
    CHECK(!clock_start_hfxo());
    CHECK(!clock_start_lfxo());
}

TEST(resetreas_is_read_then_cleared)
{
    fake_reset();
    fake_poke(NRF_RESET + RESET_RESETREAS, 0x5); /* RESETPIN | SREQ */
    CHECK_EQ(reset_reason_take(), 0x5);
    CHECK_EQ(nrf_reg_read(NRF_RESET + RESET_RESETREAS), 0);
    CHECK_EQ(reset_reason_take(), 0);
}

TEST(netcore_release_follows_the_erratum_161_sequence)
{
    fake_reset();
    netcore_release();
    const struct fake_access *log;
    const size_t n = fake_log(&log);
    const struct fake_access expected[] = {
        {FAKE_WRITE, NRF_SPU + SPU_EXTDOMAIN_PERM(0), 1u << 4},
        {FAKE_WRITE, NRF_RESET + 0x618u, 1},
        {FAKE_WRITE, 0x50005614u, 0}, /* FORCEOFF at the address NAN42 gives */
        {FAKE_DELAY, 0, 5},
        {FAKE_WRITE, 0x50005614u, 1},
        {FAKE_DELAY, 0, 1},
        {FAKE_WRITE, 0x50005614u, 0},
        {FAKE_WRITE, NRF_RESET + 0x618u, 0},
    };
    CHECK_EQ(n, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < n; i++) {
        CHECK_EQ(log[i].kind, expected[i].kind);
        CHECK_EQ(log[i].addr, expected[i].addr);
        CHECK_EQ(log[i].value, expected[i].value);
    }
    netcore_hold();
    CHECK_EQ(nrf_reg_read(0x50005614u), 1);
}

TEST(watchdog_starts_once_and_is_fed)
{
    fake_reset();
    wdt_feed(); /* not running: nothing to reload */
    CHECK_EQ(fake_wdt_reloads(), 0);
    wdt_start(2000);
    CHECK(wdt_running());
    CHECK_EQ(nrf_reg_read(NRF_WDT0 + WDT_CRV), 2 * 32768 - 1);
    CHECK_EQ(nrf_reg_read(NRF_WDT0 + WDT_RREN), 1);
    wdt_feed();
    CHECK_EQ(fake_wdt_reloads(), 1);
    wdt_start(100); /* running: its settings stay, it is only fed */
    CHECK_EQ(nrf_reg_read(NRF_WDT0 + WDT_CRV), 2 * 32768 - 1);
    CHECK_EQ(fake_wdt_reloads(), 2);
    CHECK_EQ(fake_violations(), 0);
}

TEST(watchdog_timeout_is_clamped_to_the_smallest_crv)
{
    fake_reset();
    wdt_start(0);
    CHECK_EQ(nrf_reg_read(NRF_WDT0 + WDT_CRV), 0xF);
}

TEST(peripherals_are_released_before_the_jump)
{
    fake_reset();
    uarte_init();
    nrf_reg_write(NRF_RTC1 + RTC_TASKS_START, 1);
    peripherals_release();
    CHECK_EQ(nrf_reg_read(NRF_UARTE0 + UARTE_ENABLE), 0);
    CHECK_EQ(nrf_reg_read(NRF_UARTE0 + UARTE_PSEL_TXD), 0x80000000u);
    CHECK(fake_find_write(0, NRF_RTC1 + RTC_TASKS_STOP, 1) >= 0);
    CHECK(fake_find_write(0, NRF_CLOCK + CLOCK_INTENCLR, 0xFFFFFFFFu) >= 0);
    CHECK_EQ(fake_violations(), 0);
}

TEST(releasing_peripherals_never_started_touches_no_uarte_task)
{
    fake_reset();
    peripherals_release(); /* b0 that logged nothing: UARTE0 was never enabled */
    CHECK_EQ(fake_find_write(0, NRF_UARTE0 + UARTE_TASKS_STOPTX, 1), -1);
    CHECK_EQ(fake_violations(), 0);
}
