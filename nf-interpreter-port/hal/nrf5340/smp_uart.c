/*
 * The DK's SMP serial channel: UARTE0 on the VCOM, shared with the log as NCS's smp_svr shares its console UART.
 * mcumgr's serial framing (frames start with 0x06 0x09 or 0x04 0x14) tells SMP from log lines; the C# server
 * applies it. Receive never blocks (uarte_poll): the receiver stays armed between the server's polls.
 */
#include "nrf5340_drivers.h"
#include "nrf5340_hal.h"

#define SMP_UART_READ 512u

static int smp_receive(void *ctx, uint8_t *buf, uint32_t cap)
{
    (void)ctx;
    return (int)uarte_poll(buf, cap);
}

static int smp_send(void *ctx, const uint8_t *buf, uint32_t len)
{
    (void)ctx;
    return uarte_write(buf, len);
}

const struct smp_channel *nrf_smp_uart(void)
{
    static const struct smp_channel channel = {
        .name = "serial UARTE0 (VCOM)",
        .stream = true,
        .max_receive = SMP_UART_READ,
        .receive = smp_receive,
        .send = smp_send,
    };
    uint8_t none;
    uarte_init();
    uarte_poll(&none, 0); /* arm the receiver now: input is taken from here on */
    return &channel;
}
