/*
 * Log lines on the AN505's UART0, a CMSDK APB UART, through its Secure alias (the stages run
 * Secure). QEMU connects it to the first -serial (stdio with -nographic) and ignores the baud rate.
 */
#include "an505_port.h"
#include "tiny_format.h"

#define UART0_BASE 0x50200000u
#define UART_DATA (*(volatile uint32_t *)(UART0_BASE + 0x00u))
#define UART_STATE (*(volatile uint32_t *)(UART0_BASE + 0x04u))
#define UART_CTRL (*(volatile uint32_t *)(UART0_BASE + 0x08u))
#define UART_BAUDDIV (*(volatile uint32_t *)(UART0_BASE + 0x10u))
#define STATE_TX_FULL 1u
#define CTRL_TX_ENABLE 1u
#define BAUDDIV_MIN 16u /* the smallest divider the UART accepts */

static void uart_put(void *ctx, char c)
{
    (void)ctx;
    if ((UART_CTRL & CTRL_TX_ENABLE) == 0) {
        UART_BAUDDIV = BAUDDIV_MIN;
        UART_CTRL = CTRL_TX_ENABLE;
    }
    while (UART_STATE & STATE_TX_FULL) {
    }
    UART_DATA = (uint8_t)c;
}

void board_vlog(const char *fmt, va_list args)
{
    tiny_vformat(uart_put, NULL, fmt, args);
    uart_put(NULL, '\r'); /* a raw terminal (-nographic on a tty) needs the carriage return */
    uart_put(NULL, '\n');
}

void board_log(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    board_vlog(fmt, args);
    va_end(args);
}
