/*
 * The emulated DK's board services for the runtime (nfclr_an505): settings store and upload slot on the flash
 * model (written through to the flash file), the boot info in retained RAM, the reset through the boot chain,
 * a clock, and SMP over UART1.
 */
#ifndef AN505_BOARD_H
#define AN505_BOARD_H

#include "clr.h"
#include "smp_natives.h"

/* Mounts the settings store and binds every native of nanoFramework.Hardware.Nrf; logs what is missing. */
void an505_board_open(void);

/* The natives to put in clr_config, and the HAL parts the board supplies (clock, idle). */
extern const struct clr_native_assembly *const an505_board_natives[1];
void an505_board_hal(struct clr_hal *hal);

/* UART1 as an SMP stream channel (an505_smp_uart.c). */
const struct smp_channel *an505_smp_uart(void);

#endif /* AN505_BOARD_H */
