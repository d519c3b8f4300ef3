/* The DK's SMP serial channel (hal/nrf5340/smp_uart.c) on UARTE0, against the model. */
#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_hal.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

TEST(smp_serial_channel_runs_on_uarte0_beside_the_log)
{
    fake_reset();
    const struct smp_channel *c = nrf_smp_uart();
    CHECK(c->stream);
    CHECK_EQ(nrf_reg_read(NRF_UARTE0 + UARTE_ENABLE), 8);
    uint8_t buf[32];
    CHECK_EQ(c->receive(c->ctx, buf, sizeof buf), 0);
    fake_uarte_queue_rx("\x06\x09" "AAA=\n", 7); /* an SMP frame line, arrived after the channel was set up */
    CHECK_EQ(c->receive(c->ctx, buf, sizeof buf), 7);
    CHECK_MEM_EQ(buf, "\x06\x09" "AAA=\n", 7);
    CHECK_EQ(c->send(c->ctx, (const uint8_t *)"\x06\x09" "BBB=\n", 7), 0);
    char sent[16];
    CHECK_EQ(fake_uarte_sent(sent, sizeof sent), 7);
    CHECK_MEM_EQ(sent, "\x06\x09" "BBB=\n", 7);
    CHECK_EQ(fake_violations(), 0);
}
