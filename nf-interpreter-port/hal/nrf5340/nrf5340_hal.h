/*
 * The runtime's nRF5340 HAL: GPIO behind System.Device.Gpio and RTC1 as the runtime's millisecond clock. Like
 * the bootloader's drivers (bootloader/ports/nrf5340) every access goes through nrf_reg.h, so the same source
 * is checked against the register-level models of tests/native/nrf5340.
 */
#ifndef NRF5340_HAL_H
#define NRF5340_HAL_H

#include <stdbool.h>
#include <stdint.h>

#include "gpio_natives.h"
#include "smp_natives.h"

/* P0.0..P0.31 as pins 0..31, P1.0..P1.15 as 32..47. */
#define NRF_GPIO_PINS 48u

const struct gpio_port *nrf_gpio_port(void);

/* UARTE0 (shared with the log) as the SMP serial channel; enables it and arms its receiver. */
const struct smp_channel *nrf_smp_uart(void);

/* Starts RTC1 at 32768 Hz on the LFXO (LFRC when the crystal does not start). false: LFRC in use. */
bool rtc_clock_start(void);
/* Milliseconds since rtc_clock_start; the 24-bit counter's wraps (every 512 s) are counted as long as this is
   called at least once per wrap, which the runtime's scheduler does. */
uint64_t rtc_clock_ms(void);

#endif /* NRF5340_HAL_H */
