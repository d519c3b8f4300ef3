/*
 * The second stage on a Cortex-M33 board: the MCUboot-compatible loader (bootloader/mcuboot/loader)
 * with the board's flash, OTP, retained RAM, lock, log, reset reason, net core and watchdog
 * (m33_board.h). The loader confirms b0's record, finishes or starts what the upload slot asks for and
 * names the app to start; when there is none it has logged why, and the stage halts (QEMU: exit code
 * BOARD_EXIT_HALTED).
 */
#include <stdbool.h>

#include "board_partitions.h"
#include "m33_board.h"
#include "mb_loader.h"

_Static_assert(sizeof(struct b0_boot_record) <= MB_BOOT_INFO_OFFSET &&
                   MB_BOOT_INFO_OFFSET + sizeof(struct mb_boot_info) <= PM_RAM_RETAINED_SIZE,
               "b0's record and the boot info share ram_retained");

extern const char board_vectors[]; /* this image's vector table */

static int port_lock(void *ctx, uint32_t addr, uint32_t len)
{
    (void)ctx;
    return board_lock(addr, len);
}

static void port_log(void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    board_vlog(fmt, args);
}

static void port_feed(void *ctx)
{
    (void)ctx;
    board_watchdog_feed();
}

int main(void)
{
    /* A record b0 wrote for the other copy means b0 did not start this one: stop before the loader confirms it. */
    const struct b0_boot_record *record = board_boot_record();
    const uint32_t here = (uint32_t)(uintptr_t)board_vectors;
    if (b0_boot_record_valid(record) && record->address != here) {
        board_log("Second stage at 0x%08lx, but b0's record names slot %u at 0x%08lx: not started by b0.",
                  (unsigned long)here, record->slot, (unsigned long)record->address);
        return BOARD_EXIT_HALTED;
    }
    if (mb_signing_key_development)
        board_log("WARNING: this bootloader trusts the DEVELOPMENT-ONLY MCUboot key: anyone can sign images for it");

    const struct mb_loader_port port = {
        .flash = board_flash(),
        .otp = board_otp(),
        .b0_record = board_boot_record(),
        .info = (struct mb_boot_info *)((char *)board_ram_retained() + MB_BOOT_INFO_OFFSET),
        .reset_reason = board_reset_reason(),
        .pcd = board_pcd(),
        .lock = port_lock,
        .log = port_log,
        .feed_watchdog = port_feed,
    };
    uint32_t vector = 0;
    const enum mb_loader_result result = mb_loader_run(&port, &mb_signing_keyring, &vector);
    if (result == MB_LOADER_BOOT)
        board_boot(vector);
    if (result == MB_LOADER_REBOOT)
        board_reset(); /* b0 starts the staged copy */
    board_log("Second stage: %s.", mb_loader_result_text(result));
    return BOARD_EXIT_HALTED;
}
