/*
 * GPIO P0/P1 as a gpio_port (gpio_natives.h). PIN_CNF: DIR bit 0, INPUT bit 1 (1 = disconnected), PULL bits 3:2
 * (1 down, 3 up); levels through OUTSET/OUTCLR and IN (MDK register map, nrf5340-silicon.md §1.7). The input
 * buffer stays connected on outputs too, so Read returns the pin's level (Toggle reads, then writes).
 */
#include "nrf5340_hal.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"


static uint32_t port_of(uint32_t pin)
{
    return pin < 32 ? NRF_P0 : NRF_P1;
}

static uint32_t bit_of(uint32_t pin)
{
    return 1u << (pin % 32);
}

static int set_mode(void *ctx, uint32_t pin, enum gpio_mode mode)
{
    (void)ctx;
    static const uint32_t cnf[] = {
        [GPIO_MODE_INPUT] = 0,
        [GPIO_MODE_INPUT_PULL_DOWN] = PIN_CNF_PULL_DOWN,
        [GPIO_MODE_INPUT_PULL_UP] = PIN_CNF_PULL_UP,
        [GPIO_MODE_OUTPUT] = PIN_CNF_DIR_OUTPUT,
    };
    if (pin >= NRF_GPIO_PINS || (unsigned)mode >= sizeof cnf / sizeof cnf[0])
        return -1;
    nrf_reg_write(port_of(pin) + GPIO_PIN_CNF(pin % 32), cnf[mode]);
    return 0;
}

static void write_pin(void *ctx, uint32_t pin, int high)
{
    (void)ctx;
    nrf_reg_write(port_of(pin) + (high ? GPIO_OUTSET : GPIO_OUTCLR), bit_of(pin));
}

static int read_pin(void *ctx, uint32_t pin)
{
    (void)ctx;
    return (nrf_reg_read(port_of(pin) + GPIO_IN) & bit_of(pin)) != 0;
}

static const struct gpio_port port = {
    .pin_count = NRF_GPIO_PINS, .set_mode = set_mode, .write = write_pin, .read = read_pin};

const struct gpio_port *nrf_gpio_port(void)
{
    return &port;
}
