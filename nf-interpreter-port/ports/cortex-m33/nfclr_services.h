/*
 * The services every Cortex-M33 board gives the runtime's app image through nanoFramework.Hardware.Nrf, over the
 * board's flash, OTP and retained RAM (m33_board.h): the settings store, the upload slot for SMP firmware update
 * (checked with the compiled-in MCUboot key, as the second stage checks it), the boot info, the reset through the
 * boot chain, and the board's SMP channels.
 */
#ifndef NFCLR_SERVICES_H
#define NFCLR_SERVICES_H

#include <stdint.h>

#include "nrf_natives.h"
#include "smp_natives.h"

/* Mounts the settings store (logging when it cannot) and binds the natives. set_utc_ticks: NULL when the board's
   clock cannot be set. Add nrf_natives_assembly to the runtime's natives. */
void nfclr_services_bind(const struct smp_channel *channels, uint32_t channel_count,
                         void (*set_utc_ticks)(void *ctx, int64_t ticks));

#endif /* NFCLR_SERVICES_H */
