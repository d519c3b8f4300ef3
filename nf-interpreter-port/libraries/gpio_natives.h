/*
 * System.Device.Gpio's internal calls over a board's GPIO: add gpio_natives_assembly to clr_config.natives
 * and bind the board's gpio_port before clr_run. Boards: the nRF5340 driver (hal/nrf5340/gpio.c), or the
 * logging stand-in (gpio_log_port.h) on the host runtime and in QEMU.
 */
#ifndef GPIO_NATIVES_H
#define GPIO_NATIVES_H

#include <stdint.h>

/* PinMode's values (nanoFramework's System.Device.Gpio); the open-drain/open-source modes that follow
   Output are not supported. */
enum gpio_mode {
    GPIO_MODE_INPUT = 0,
    GPIO_MODE_INPUT_PULL_DOWN = 1,
    GPIO_MODE_INPUT_PULL_UP = 2,
    GPIO_MODE_OUTPUT = 3,
};

/* A board's pins, numbered as GpioController numbers them (nRF5340: P0.n = n, P1.n = 32 + n). */
struct gpio_port {
    uint32_t pin_count;
    /* 0, or -1 when the pin cannot take the mode. pin < pin_count. */
    int (*set_mode)(void *ctx, uint32_t pin, enum gpio_mode mode);
    void (*write)(void *ctx, uint32_t pin, int high);
    int (*read)(void *ctx, uint32_t pin); /* 0 or 1 */
    void *ctx;
};

struct clr_native_assembly;
extern const struct clr_native_assembly gpio_natives_assembly;

/* The pins GpioController works on (NULL: none; PinCount is then 0 and every pin is out of range). */
void gpio_natives_bind(const struct gpio_port *port);

#endif /* GPIO_NATIVES_H */
