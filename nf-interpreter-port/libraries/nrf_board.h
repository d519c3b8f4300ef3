/*
 * What a board hands nanoFramework.Hardware.Nrf, bound in one call: its app-core flash (the settings store in
 * settings_storage and the upload slot), OTP, retained RAM (b0's record at its start, the second stage's boot info
 * at MB_BOOT_INFO_OFFSET), the MCUboot key uploads are checked with, the reset, the clock setter and the SMP
 * channels. The host simulator and every Cortex-M33 board use it, so they mount and wire the same way.
 */
#ifndef NRF_BOARD_H
#define NRF_BOARD_H

#include <stdint.h>

#include "flash_dev.h"
#include "mb_image.h"
#include "otp_dev.h"
#include "smp_natives.h"

struct nrf_board {
    const struct flash_dev *flash;
    const struct otp_dev *otp;
    void *ram_retained;                                  /* PM_RAM_RETAINED_SIZE bytes */
    const struct mb_keyring *keyring;
    void (*reboot)(void *ctx);                           /* resets through the boot chain; does not return */
    void (*set_utc_ticks)(void *ctx, int64_t ticks);     /* NULL: the clock cannot be set */
    void *ctx;
    const struct smp_channel *channels;                  /* used in place */
    uint32_t channel_count;
};

/* Mounts the settings store and binds every part (the structure is used in place). Returns settings_init's
   result: when it is not 0, SettingsStore reports that the board has no store and the caller says why. */
int nrf_board_bind(const struct nrf_board *board);

/* Unbinds every part: the natives then report "not on this board". */
void nrf_board_unbind(void);

#endif /* NRF_BOARD_H */
