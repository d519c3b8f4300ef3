/* The runtime's board services on a Cortex-M33 board (nfclr_services.h). */
#include "nfclr_services.h"

#include "board_partitions.h"
#include "firmware_natives.h"
#include "m33_board.h"
#include "mb_image.h"
#include "settings_natives.h"

static struct {
    struct settings store;
    struct slot_device slots;
    struct firmware_board firmware;
} g;

static void reboot(void *ctx)
{
    (void)ctx;
    board_log("nfclr: reset requested by the app.");
    board_reset();
}

void nfclr_services_bind(const struct smp_channel *channels, uint32_t channel_count,
                         void (*set_utc_ticks)(void *ctx, int64_t ticks))
{
    const struct flash_dev *flash = board_flash();
    const int mounted = settings_init(&g.store, flash, PM_SETTINGS_STORAGE_ADDRESS, MEM_FLASH_PAGE_SIZE,
                                      (uint16_t)(PM_SETTINGS_STORAGE_SIZE / MEM_FLASH_PAGE_SIZE), 0);
    if (mounted != 0)
        board_log("nfclr: the settings partition does not mount (%s).", settings_strerror(mounted));
    settings_natives_bind(mounted == 0 ? &g.store : NULL);
    g.slots = (struct slot_device){
        .port = {.flash = flash, .otp = board_otp(), .b0_record = board_boot_record()},
        .keyring = &mb_signing_keyring,
    };
    g.firmware = (struct firmware_board){
        .slots = &g.slots,
        .boot_info = (const struct mb_boot_info *)((const char *)board_ram_retained() + MB_BOOT_INFO_OFFSET),
        .reboot = reboot,
        .set_utc_ticks = set_utc_ticks,
    };
    firmware_natives_bind(&g.firmware);
    smp_natives_bind(channels, channel_count);
}
