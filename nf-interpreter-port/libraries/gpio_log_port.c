/* The logging GPIO stand-in (gpio_log_port.h). */
#include "gpio_log_port.h"

#include <stdio.h>

static const char *const mode_names[] = {"input", "input, pull-down", "input, pull-up", "output"};

static void log_pin(struct gpio_log_port *p, uint32_t pin, const char *what)
{
    char line[48];
    snprintf(line, sizeof line, "gpio: P%u.%u %s", (unsigned)(pin / 32), (unsigned)(pin % 32), what);
    p->log_line(p->log_ctx, line);
}

static int set_mode(void *ctx, uint32_t pin, enum gpio_mode mode)
{
    struct gpio_log_port *p = ctx;
    if (p->mode[pin] != mode + 1u) {
        p->mode[pin] = (uint8_t)(mode + 1u);
        log_pin(p, pin, mode_names[mode]);
    }
    return 0;
}

static void write_pin(void *ctx, uint32_t pin, int high)
{
    struct gpio_log_port *p = ctx;
    if (p->level[pin] != (high != 0)) {
        p->level[pin] = high != 0;
        log_pin(p, pin, high ? "-> 1" : "-> 0");
    }
}

static int read_pin(void *ctx, uint32_t pin)
{
    const struct gpio_log_port *p = ctx;
    if (p->mode[pin] == GPIO_MODE_OUTPUT + 1u)
        return p->level[pin];
    return p->mode[pin] == GPIO_MODE_INPUT_PULL_UP + 1u;
}

const struct gpio_port *gpio_log_port_init(struct gpio_log_port *p, void (*log_line)(void *ctx, const char *line),
                                           void *log_ctx)
{
    *p = (struct gpio_log_port){
        .port = {.pin_count = GPIO_LOG_PORT_PINS, .set_mode = set_mode, .write = write_pin, .read = read_pin, .ctx = p},
        .log_line = log_line,
        .log_ctx = log_ctx,
    };
    return &p->port;
}
