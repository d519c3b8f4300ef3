/*
 * A stand-in for a board's GPIO where there are no pins (the host runtime, QEMU): it keeps each pin's mode and
 * level and logs every change as one line, "gpio: P0.28 -> 0" (pin n is P<n / 32>.<n % 32>), so a test can
 * follow an app's LED through the log. An output reads back its level; an input reads 1 with a pull-up, else 0.
 */
#ifndef GPIO_LOG_PORT_H
#define GPIO_LOG_PORT_H

#include <stdint.h>

#include "gpio_natives.h"

#define GPIO_LOG_PORT_PINS 48u /* as the nRF5340's P0 (32) and P1 (16) */

struct gpio_log_port {
    struct gpio_port port;
    void (*log_line)(void *ctx, const char *line);
    void *log_ctx;
    uint8_t mode[GPIO_LOG_PORT_PINS];  /* enum gpio_mode + 1; 0: never set */
    uint8_t level[GPIO_LOG_PORT_PINS];
};

/* Sets up p and returns its gpio_port; lines go to log_line(log_ctx, line). */
const struct gpio_port *gpio_log_port_init(struct gpio_log_port *p, void (*log_line)(void *ctx, const char *line),
                                           void *log_ctx);

#endif /* GPIO_LOG_PORT_H */
