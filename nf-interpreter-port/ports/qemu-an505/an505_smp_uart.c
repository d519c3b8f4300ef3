/*
 * The SMP serial channel of the emulated DK: the AN505's UART1 (CMSDK APB UART, Secure alias), QEMU's second
 * -serial (a TCP socket for the SMP client). UART0 keeps the log, so SMP frames and log lines never interleave;
 * on the DK both share UARTE0 (VCOM), where mcumgr's framing tells them apart. QEMU holds a received byte until
 * the firmware reads it and then takes the next from the socket, so polling loses nothing.
 */
#include "an505_smp_uart.h"

#define UART1_BASE 0x50201000u
#define UART_DATA (*(volatile uint32_t *)(UART1_BASE + 0x00u))
#define UART_STATE (*(volatile uint32_t *)(UART1_BASE + 0x04u))
#define UART_CTRL (*(volatile uint32_t *)(UART1_BASE + 0x08u))
#define UART_BAUDDIV (*(volatile uint32_t *)(UART1_BASE + 0x10u))
#define STATE_TX_FULL 1u
#define STATE_RX_FULL 2u
#define CTRL_TX_RX_ENABLE 3u
#define BAUDDIV_MIN 16u

static int uart_receive(void *ctx, uint8_t *buf, uint32_t cap)
{
    (void)ctx;
    uint32_t n = 0;
    while (n < cap && (UART_STATE & STATE_RX_FULL) != 0)
        buf[n++] = (uint8_t)UART_DATA;
    return (int)n;
}

static int uart_send(void *ctx, const uint8_t *buf, uint32_t len)
{
    (void)ctx;
    for (uint32_t i = 0; i < len; i++) {
        while (UART_STATE & STATE_TX_FULL) {
        }
        UART_DATA = buf[i];
    }
    return 0;
}

const struct smp_channel *an505_smp_uart(void)
{
    static const struct smp_channel channel = {
        .name = "serial UART1",
        .stream = true,
        .max_receive = 512,
        .receive = uart_receive,
        .send = uart_send,
    };
    UART_BAUDDIV = BAUDDIV_MIN;
    UART_CTRL = CTRL_TX_RX_ENABLE;
    return &channel;
}
