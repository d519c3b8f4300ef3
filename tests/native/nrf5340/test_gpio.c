/* The nRF5340 GPIO port (hal/nrf5340/gpio.c) behind System.Device.Gpio, against the model. */
#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_hal.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

TEST(gpio_led1_output_and_levels)
{
    fake_reset();
    const struct gpio_port *p = nrf_gpio_port();
    CHECK_EQ(p->pin_count, 48);
    CHECK_EQ(p->set_mode(p->ctx, 28, GPIO_MODE_OUTPUT), 0);
    CHECK_EQ(nrf_reg_read(NRF_P0 + GPIO_PIN_CNF(28)), PIN_CNF_DIR_OUTPUT); /* input buffer connected */
    CHECK_EQ(nrf_reg_read(NRF_P0 + 0x014u) & (1u << 28), 1u << 28);        /* DIR follows PIN_CNF */
    p->write(p->ctx, 28, 1);
    CHECK(fake_find_write(0, NRF_P0 + GPIO_OUTSET, 1u << 28) >= 0);
    CHECK_EQ(nrf_reg_read(NRF_P0 + GPIO_OUT), 1u << 28);
    p->write(p->ctx, 28, 0);
    CHECK(fake_find_write(0, NRF_P0 + GPIO_OUTCLR, 1u << 28) >= 0);
    CHECK_EQ(nrf_reg_read(NRF_P0 + GPIO_OUT), 0);
}

TEST(gpio_button_input_with_pull_up_reads_the_pin)
{
    fake_reset();
    const struct gpio_port *p = nrf_gpio_port();
    CHECK_EQ(p->set_mode(p->ctx, 23, GPIO_MODE_INPUT_PULL_UP), 0);
    CHECK_EQ(nrf_reg_read(NRF_P0 + GPIO_PIN_CNF(23)), PIN_CNF_PULL_UP);
    fake_gpio_drive(0, 1u << 23); /* released: pulled high */
    CHECK_EQ(p->read(p->ctx, 23), 1);
    fake_gpio_drive(0, 0); /* pressed: active low */
    CHECK_EQ(p->read(p->ctx, 23), 0);
    CHECK_EQ(p->set_mode(p->ctx, 8, GPIO_MODE_INPUT_PULL_DOWN), 0);
    CHECK_EQ(nrf_reg_read(NRF_P0 + GPIO_PIN_CNF(8)), PIN_CNF_PULL_DOWN);
}

TEST(gpio_port1_pins_use_p1)
{
    fake_reset();
    const struct gpio_port *p = nrf_gpio_port();
    CHECK_EQ(p->set_mode(p->ctx, 33, GPIO_MODE_OUTPUT), 0); /* P1.01 */
    CHECK_EQ(nrf_reg_read(NRF_P1 + GPIO_PIN_CNF(1)), PIN_CNF_DIR_OUTPUT);
    p->write(p->ctx, 33, 1);
    CHECK_EQ(nrf_reg_read(NRF_P1 + GPIO_OUT), 1u << 1);
    CHECK_EQ(nrf_reg_read(NRF_P0 + GPIO_OUT), 0);
    fake_gpio_drive(1, 1u << 15);
    CHECK_EQ(p->read(p->ctx, 47), 1);
}

TEST(gpio_refuses_pins_and_modes_it_does_not_have)
{
    fake_reset();
    const struct gpio_port *p = nrf_gpio_port();
    CHECK_EQ(p->set_mode(p->ctx, 48, GPIO_MODE_OUTPUT), -1);
    CHECK_EQ(p->set_mode(p->ctx, 0, (enum gpio_mode)4), -1); /* OutputOpenDrain */
    const struct fake_access *log;
    CHECK_EQ(fake_log(&log), 0);
}
