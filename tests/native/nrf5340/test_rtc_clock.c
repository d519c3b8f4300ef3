/* RTC1 as the runtime's clock (hal/nrf5340/rtc_clock.c) against the model. */
#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_hal.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

TEST(rtc_clock_starts_on_the_crystal_and_counts_milliseconds)
{
    fake_reset();
    CHECK(rtc_clock_start());
    CHECK_EQ(nrf_reg_read(NRF_CLOCK + CLOCK_LFCLKSRC), CLOCK_LFCLKSRC_LFXO);
    CHECK_EQ(nrf_reg_read(NRF_RTC1 + RTC_PRESCALER), 0);
    CHECK_EQ(rtc_clock_ms(), 0);
    fake_rtc_advance(32768);
    CHECK_EQ(rtc_clock_ms(), 1000);
    fake_rtc_advance(16384);
    CHECK_EQ(rtc_clock_ms(), 1500);
}

TEST(rtc_clock_counts_across_the_24_bit_wrap)
{
    fake_reset();
    rtc_clock_start();
    for (int i = 0; i < 3; i++) { /* 3 x 300 s: past the 512 s wrap, read at least once per wrap */
        fake_rtc_advance(300u * 32768u);
        CHECK_EQ(rtc_clock_ms(), (uint64_t)(i + 1) * 300000u);
    }
}

TEST(rtc_clock_falls_back_to_lfrc_without_a_crystal)
{
    fake_reset();
    fake_clock_broken(true);
    CHECK(!rtc_clock_start());
    CHECK_EQ(nrf_reg_read(NRF_CLOCK + CLOCK_LFCLKSRC), 1); /* LFRC */
}
