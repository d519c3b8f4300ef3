/*
 * UARTE0 on the DK's VCOM (P0.20 TX, P0.22 RX, P0.19 RTS, P0.21 CTS; 115200 8N1, no flow control, as the
 * DK's devicetree has it). EasyDMA reads and writes RAM only, so output is copied through a RAM buffer;
 * each transfer is STARTTX, then ENDTX polled and cleared (MDK register map, nrf5340-silicon.md §1.6).
 * Input (SMP serial) is received while the program runs: the receiver stays armed on a RAM buffer, and each
 * poll takes what came (STOPRX, ENDRX, RXTO, FLUSHRX for what the FIFO still held) and arms it again.
 */
#include <string.h>

#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf5340dk_pins.h"
#include "nrf_reg.h"

#define UARTE(reg) (NRF_UARTE0 + (reg))

static uint8_t tx_buf[64]; /* in .bss: RAM, where EasyDMA can read */
static uint8_t rx_buf[512]; /* 44 ms of input at 115200 baud between two polls */
static uint32_t rx_pending, rx_taken; /* bytes of rx_buf not yet handed out, from rx_taken */
static bool rx_armed;

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
    if (nrf_reg_read(UARTE(UARTE_ENABLE)) == UARTE_ENABLE_ON)
        return; /* PSEL and BAUDRATE must not change while enabled */
    rx_armed = false;
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

static void rx_arm(void)
{
    nrf_reg_write(UARTE(UARTE_EVENTS_ENDRX), 0);
    nrf_reg_write(UARTE(UARTE_EVENTS_RXTO), 0);
    nrf_reg_write(UARTE(UARTE_EVENTS_RXDRDY), 0);
    nrf_reg_write(UARTE(UARTE_RXD_PTR), nrf_dma_addr(rx_buf));
    nrf_reg_write(UARTE(UARTE_RXD_MAXCNT), sizeof rx_buf);
    nrf_reg_write(UARTE(UARTE_TASKS_STARTRX), 1);
    rx_armed = true;
}

static uint32_t rx_amount(uint32_t limit)
{
    const uint32_t amount = nrf_reg_read(UARTE(UARTE_RXD_AMOUNT));
    return amount < limit ? amount : limit;
}

/* Ends the running reception and returns how many bytes rx_buf holds, FIFO included. */
static uint32_t rx_harvest(void)
{
    if (nrf_reg_read(UARTE(UARTE_EVENTS_ENDRX)) != 0) /* full: the receiver stopped by itself */
        return rx_amount(sizeof rx_buf);
    nrf_reg_write(UARTE(UARTE_TASKS_STOPRX), 1);
    wait_event(UARTE_EVENTS_ENDRX, NRF_POLL_LIMIT);
    wait_event(UARTE_EVENTS_RXTO, NRF_POLL_LIMIT);
    uint32_t n = rx_amount(sizeof rx_buf);
    if (n < sizeof rx_buf) { /* bytes still in the FIFO go behind the others */
        nrf_reg_write(UARTE(UARTE_RXD_PTR), nrf_dma_addr(rx_buf) + n);
        nrf_reg_write(UARTE(UARTE_RXD_MAXCNT), sizeof rx_buf - n);
        nrf_reg_write(UARTE(UARTE_TASKS_FLUSHRX), 1);
        if (wait_event(UARTE_EVENTS_ENDRX, NRF_POLL_LIMIT))
            n += rx_amount(sizeof rx_buf - n);
    }
    return n;
}

size_t uarte_poll(uint8_t *buf, size_t cap)
{
    if (!rx_armed) {
        rx_arm();
        return 0;
    }
    if (rx_pending == 0) {
        if (nrf_reg_read(UARTE(UARTE_EVENTS_RXDRDY)) == 0 && nrf_reg_read(UARTE(UARTE_EVENTS_ENDRX)) == 0)
            return 0; /* nothing came: the receiver keeps running */
        rx_pending = rx_harvest();
        rx_taken = 0;
    }
    const size_t n = rx_pending < cap ? rx_pending : cap;
    memcpy(buf, rx_buf + rx_taken, n);
    rx_taken += (uint32_t)n;
    rx_pending -= (uint32_t)n;
    if (rx_pending == 0)
        rx_arm();
    return n;
}

void uarte_deinit(void)
{
    rx_armed = false;
    nrf_reg_write(UARTE(UARTE_TASKS_STOPTX), 1);
    nrf_reg_write(UARTE(UARTE_TASKS_STOPRX), 1);
    nrf_reg_write(UARTE(UARTE_ENABLE), 0);
    nrf_reg_write(UARTE(UARTE_PSEL_TXD), PSEL_DISCONNECTED);
    nrf_reg_write(UARTE(UARTE_PSEL_RXD), PSEL_DISCONNECTED);
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_UART0_TX), PIN_CNF_INPUT_DISCONNECT); /* the reset value */
    nrf_reg_write(NRF_P0 + GPIO_PIN_CNF(DK_UART0_RX), PIN_CNF_INPUT_DISCONNECT);
}
