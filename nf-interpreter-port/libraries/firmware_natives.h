/*
 * nanoFramework.Hardware.Nrf's internal calls for firmware update and the device: Firmware (the upload slot, image
 * state, trailer writes, the boot info the second stage leaves in retained RAM), Power (reset) and Rtc (setting
 * the clock). The board binds what it has once, before clr_run; what it leaves NULL reports "not on this board".
 */
#ifndef FIRMWARE_NATIVES_H
#define FIRMWARE_NATIVES_H

#include <stdint.h>

#include "mb_boot_info.h"
#include "slot_writer.h"

struct firmware_board {
    const struct slot_device *slots;      /* NULL: no upload slot */
    const struct mb_boot_info *boot_info; /* ram_retained + MB_BOOT_INFO_OFFSET; NULL: none */
    void (*reboot)(void *ctx);            /* resets through the boot chain; does not return */
    /* Sets the clock DateTime.UtcNow reads (.NET ticks); NULL: the clock cannot be set. */
    void (*set_utc_ticks)(void *ctx, int64_t ticks);
    void *ctx;
};

/* The board's services (the structure is used in place; NULL: none). */
void firmware_natives_bind(const struct firmware_board *board);

#endif /* FIRMWARE_NATIVES_H */
