/*
 * UARTE0 on the DK's VCOM (P0.20 TX, P0.22 RX, P0.19 RTS, P0.21 CTS; 115200 8N1, no flow control, as the
 * DK's devicetree has it). EasyDMA reads and writes RAM only, so output is copied through a RAM buffer;
 * each transfer is STARTTX, then ENDTX polled and cleared (MDK register map, nrf5340-silicon.md §1.6).
 */
#include <string.h>

#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf5340dk_pins.h"
#include "nrf_reg.h"

#define UARTE(reg) (NRF_UARTE0 + (reg))

static uint8_t tx_buf[64]; /* in .bss: RAM, where EasyDMA can read */

static bool wait_event(uint32_t event, uint32_t polls)
{
    for (uint32_t n = 0; n < polls; n++) {
        if (nrf_reg_read(UARTE(event)) != 0) {
            nrf_reg_write(UARTE(event), 0);
            return true;
        }
    }
    return false;
}

void uarte_init(void)
{
    nrf_reg_write(NRF_P0 + GPIO_OUTSET, 1u << DK_UART0_TX); /* TX idles high before the pin turns output */
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_UART0_TX), PIN_CNF_DIR_OUTPUT);
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_UART0_RX), PIN_CNF_PULL_UP);
    nrf_reg_write(UARTE(UARTE_PSEL_TXD), PSEL_PIN(0, DK_UART0_TX));
    nrf_reg_write(UARTE(UARTE_PSEL_RXD), PSEL_PIN(0, DK_UART0_RX));
    nrf_reg_write(UARTE(UARTE_PSEL_RTS), PSEL_DISCONNECTED | PSEL_PIN(0, DK_UART0_RTS));
    nrf_reg_write(UARTE(UARTE_PSEL_CTS), PSEL_DISCONNECTED | PSEL_PIN(0, DK_UART0_CTS));
    nrf_reg_write(UARTE(UARTE_BAUDRATE), UARTE_BAUD_115200);
    nrf_reg_write(UARTE(UARTE_CONFIG), 0); /* 8N1, no hardware flow control */
    nrf_reg_write(UARTE(UARTE_ENABLE), UARTE_ENABLE_ON);
}

int uarte_write(const void *data, size_t len)
{
    const uint8_t *src = data;
    while (len > 0) {
        const size_t chunk = len < sizeof tx_buf ? len : sizeof tx_buf;
        memcpy(tx_buf, src, chunk);
        nrf_reg_write(UARTE(UARTE_EVENTS_ENDTX), 0);
        nrf_reg_write(UARTE(UARTE_TXD_PTR), nrf_dma_addr(tx_buf));
        nrf_reg_write(UARTE(UARTE_TXD_MAXCNT), (uint32_t)chunk);
        nrf_reg_write(UARTE(UARTE_TASKS_STARTTX), 1);
        if (!wait_event(UARTE_EVENTS_ENDTX, NRF_POLL_LIMIT)) {
            nrf_reg_write(UARTE(UARTE_TASKS_STOPTX), 1);
            return -1;
        }
        src += chunk;
        len -= chunk;
    }
    return 0;
}

size_t uarte_read(uint8_t *buf, size_t len, uint32_t polls)
{
    if (len == 0)
        return 0;
    nrf_reg_write(UARTE(UARTE_EVENTS_ENDRX), 0);
    nrf_reg_write(UARTE(UARTE_EVENTS_RXTO), 0);
    nrf_reg_write(UARTE(UARTE_RXD_PTR), nrf_dma_addr(buf));
    nrf_reg_write(UARTE(UARTE_RXD_MAXCNT), (uint32_t)len);
    nrf_reg_write(UARTE(UARTE_TASKS_STARTRX), 1);
    if (!wait_event(UARTE_EVENTS_ENDRX, polls)) {
        /* Not full in time: STOPRX ends the transfer (ENDRX), then RXTO says the FIFO is flushed. */
        nrf_reg_write(UARTE(UARTE_TASKS_STOPRX), 1);
        wait_event(UARTE_EVENTS_ENDRX, NRF_POLL_LIMIT);
        wait_event(UARTE_EVENTS_RXTO, NRF_POLL_LIMIT);
    }
    const uint32_t amount = nrf_reg_read(UARTE(UARTE_RXD_AMOUNT));
    return amount < len ? amount : len;
}

void uarte_deinit(void)
{
    nrf_reg_write(UARTE(UARTE_TASKS_STOPTX), 1);
    nrf_reg_write(UARTE(UARTE_TASKS_STOPRX), 1);
    nrf_reg_write(UARTE(UARTE_ENABLE), 0);
    nrf_reg_write(UARTE(UARTE_PSEL_TXD), PSEL_DISCONNECTED);
    nrf_reg_write(UARTE(UARTE_PSEL_RXD), PSEL_DISCONNECTED);
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_UART0_TX), PIN_CNF_INPUT_DISCONNECT); /* the reset value */
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_UART0_RX), PIN_CNF_INPUT_DISCONNECT);
}
