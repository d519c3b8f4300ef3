/* UARTE0 on the DK's VCOM (uarte.c) against the model's EasyDMA and events. */
#include <string.h>

#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

#define UARTE(reg) (NRF_UARTE0 + (reg))

TEST(uarte_init_uses_the_dk_vcom_pins_at_115200)
{
    fake_reset();
    uarte_init();
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_PSEL_TXD)), 20);
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_PSEL_RXD)), 22);
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_PSEL_RTS)), 0x80000000u | 19);
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_PSEL_CTS)), 0x80000000u | 21);
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_BAUDRATE)), 0x01D60000);
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_ENABLE)), 8);
    /* TX driven high (idle) before it turns output. */
    const long high = fake_find_write(0, NRF_P0 + GPIO_OUTSET, 1u << 20);
    CHECK(high >= 0 && fake_find_write(0, NRF_P0 + GPIO_PIN_CNF(20), PIN_CNF_DIR_OUTPUT) > high);
}

TEST(uarte_write_sends_through_easydma_in_chunks)
{
    fake_reset();
    uarte_init();
    char text[150];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + i % 26);
    CHECK_EQ(uarte_write(text, sizeof text), 0);
    char sent[256];
    CHECK_EQ(fake_uarte_sent(sent, sizeof sent), sizeof text);
    CHECK_MEM_EQ(sent, text, sizeof text);
    CHECK_EQ(fake_violations(), 0);
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_EVENTS_ENDTX)), 0); /* each ENDTX cleared after it came */
}

TEST(uarte_write_from_flash_constants_goes_through_ram)
{
    fake_reset();
    uarte_init();
    static const char banner[] = "b0: booting\r\n"; /* .rodata: EasyDMA could not read it from flash */
    CHECK_EQ(uarte_write(banner, strlen(banner)), 0);
    CHECK_EQ(fake_violations(), 0);
}

TEST(uarte_write_gives_up_when_endtx_never_comes)
{
    fake_reset();
    uarte_init();
    fake_uarte_stall_tx(true);
    CHECK_EQ(uarte_write("x", 1), -1);
    CHECK(fake_find_write(0, UARTE(UARTE_TASKS_STOPTX), 1) >= 0);
}

TEST(uarte_write_before_init_is_a_driver_error_the_model_sees)
{
    fake_reset();
    uarte_write("x", 1);
    CHECK(fake_violations() > 0);
    CHECK_CONTAINS(fake_first_violation(), "not enabled");
}

TEST(uarte_poll_arms_the_receiver_then_returns_what_came)
{
    fake_reset();
    uarte_init();
    uint8_t buf[64];
    CHECK_EQ(uarte_poll(buf, sizeof buf), 0); /* arms */
    CHECK_EQ(uarte_poll(buf, sizeof buf), 0); /* nothing came: no stop, the receiver keeps running */
    CHECK_EQ(fake_find_write(0, UARTE(UARTE_TASKS_STOPRX), 1), -1);
    fake_uarte_queue_rx("\x06\x09hello", 7);
    CHECK_EQ(uarte_poll(buf, sizeof buf), 7);
    CHECK_MEM_EQ(buf, "\x06\x09hello", 7);
    /* Stopped, flushed, armed again: what comes next is received too. */
    CHECK(fake_find_write(0, UARTE(UARTE_TASKS_FLUSHRX), 1) >= 0);
    fake_uarte_queue_rx("ab", 2);
    CHECK_EQ(uarte_poll(buf, sizeof buf), 2);
    CHECK_MEM_EQ(buf, "ab", 2);
    CHECK_EQ(fake_violations(), 0);
}

TEST(uarte_poll_hands_out_a_full_buffer_in_pieces_without_losing_bytes)
{
    fake_reset();
    uarte_init();
    uint8_t buf[700], line[700];
    for (size_t i = 0; i < sizeof line; i++)
        line[i] = (uint8_t)i;
    CHECK_EQ(uarte_poll(buf, sizeof buf), 0);
    fake_uarte_queue_rx(line, sizeof line); /* more than the receive buffer: the rest waits on the line */
    size_t got = 0;
    for (int polls = 0; polls < 20 && got < sizeof line; polls++)
        got += uarte_poll(buf + got, 100);
    CHECK_EQ(got, sizeof line);
    CHECK_MEM_EQ(buf, line, sizeof line);
    CHECK_EQ(fake_violations(), 0);
}

TEST(uarte_init_twice_keeps_the_running_configuration)
{
    fake_reset();
    uarte_init();
    const struct fake_access *log;
    const size_t before = fake_log(&log);
    uarte_init(); /* the log and the SMP channel both ask for it */
    CHECK_EQ(fake_log(&log), before);
}

TEST(uarte_deinit_leaves_pins_and_peripheral_at_reset_values)
{
    fake_reset();
    uarte_init();
    uarte_deinit();
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_ENABLE)), 0);
    CHECK_EQ(nrf_reg_read(UARTE(UARTE_PSEL_TXD)), 0x80000000u);
    CHECK_EQ(nrf_reg_read(NRF_P0 + GPIO_PIN_CNF(20)), PIN_CNF_INPUT_DISCONNECT);
}
