/* The emulated DK's SMP serial channel: UART1 (an505_smp_uart.c). */
#ifndef AN505_SMP_UART_H
#define AN505_SMP_UART_H

#include "smp_natives.h"

/* Enables UART1 and returns it as an SMP stream channel. */
const struct smp_channel *an505_smp_uart(void);

#endif /* AN505_SMP_UART_H */
