/*
 * The second stage on QEMU's mps2-an505: the MCUboot-compatible loader (bootloader/mcuboot/loader)
 * with this port's flash, OTP, retained RAM, lock, log and watchdog. The loader confirms b0's record,
 * finishes or starts what the upload slot asks for and names the app to start; when there is none it
 * has logged why, and the emulation ends with AN505_EXIT_HALTED (silicon would stay in the loader).
 */
#include <stdbool.h>

#include "an505_port.h"
#include "board_partitions.h"
#include "mb_loader.h"

_Static_assert(sizeof(struct b0_boot_record) <= MB_BOOT_INFO_OFFSET &&
                   MB_BOOT_INFO_OFFSET + sizeof(struct mb_boot_info) <= PM_RAM_RETAINED_SIZE,
               "b0's record and the boot info share ram_retained");

extern const char an505_vectors[]; /* this image's vector table */

static int port_lock(void *ctx, uint32_t addr, uint32_t len)
{
    (void)ctx;
    return an505_lock(addr, len);
}

static void port_log(void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    an505_vlog(fmt, args);
}

static void port_feed(void *ctx)
{
    (void)ctx;
    an505_watchdog_feed();
}

int main(void)
{
    /* A record b0 wrote for the other copy means b0 did not start this one: stop before the loader confirms it. */
    const struct b0_boot_record *record = an505_boot_record();
    const uint32_t here = (uint32_t)(uintptr_t)an505_vectors;
    if (b0_boot_record_valid(record) && record->address != here) {
        an505_log("Second stage at 0x%08lx, but b0's record names slot %u at 0x%08lx: not started by b0.",
                  (unsigned long)here, record->slot, (unsigned long)record->address);
        return AN505_EXIT_HALTED;
    }
    if (mb_signing_key_development)
        an505_log("WARNING: this bootloader trusts the DEVELOPMENT-ONLY MCUboot key: anyone can sign images for it");

    const struct mb_loader_port port = {
        .flash = an505_flash(),
        .otp = an505_otp(),
        .b0_record = an505_boot_record(),
        .info = (struct mb_boot_info *)((char *)an505_ram_retained() + MB_BOOT_INFO_OFFSET),
        /* The AN505 has no RESETREAS register: 0, which the loader reports as a power-on reset. */
        .reset_reason = 0,
        .pcd = NULL, /* no net core here: the loader refuses net-core images */
        .lock = port_lock,
        .log = port_log,
        .feed_watchdog = port_feed,
    };
    uint32_t vector = 0;
    const enum mb_loader_result result = mb_loader_run(&port, &mb_signing_keyring, &vector);
    if (result == MB_LOADER_BOOT)
        an505_boot(vector);
    if (result == MB_LOADER_REBOOT)
        an505_reset(); /* b0 starts the staged copy (QEMU's reset reloads the images: the copy is undone) */
    an505_log("Second stage: %s.", mb_loader_result_text(result));
    return AN505_EXIT_HALTED;
}
