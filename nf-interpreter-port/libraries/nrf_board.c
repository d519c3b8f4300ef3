/* nanoFramework.Hardware.Nrf's parts bound to a board (nrf_board.h). */
#include "nrf_board.h"

#include "b0_boot_record.h"
#include "board_partitions.h"
#include "firmware_natives.h"
#include "settings_natives.h"

_Static_assert(MB_BOOT_INFO_OFFSET + sizeof(struct mb_boot_info) <= PM_RAM_RETAINED_SIZE, "boot info fits ram_retained");

static struct {
    struct settings store;
    struct slot_device slots;
    struct firmware_board firmware;
} g;

int nrf_board_bind(const struct nrf_board *board)
{
    const int mounted = settings_init(&g.store, board->flash, PM_SETTINGS_STORAGE_ADDRESS, MEM_FLASH_PAGE_SIZE,
                                      (uint16_t)(PM_SETTINGS_STORAGE_SIZE / MEM_FLASH_PAGE_SIZE), 0);
    settings_natives_bind(mounted == 0 ? &g.store : NULL);
    g.slots = (struct slot_device){
        /* b0's record opens ram_retained */
        .port = {.flash = board->flash, .otp = board->otp, .b0_record = (struct b0_boot_record *)board->ram_retained},
        .keyring = board->keyring,
    };
    g.firmware = (struct firmware_board){
        .slots = &g.slots,
        .boot_info = (const struct mb_boot_info *)((const char *)board->ram_retained + MB_BOOT_INFO_OFFSET),
        .reboot = board->reboot,
        .set_utc_ticks = board->set_utc_ticks,
        .ctx = board->ctx,
    };
    firmware_natives_bind(&g.firmware);
    smp_natives_bind(board->channels, board->channel_count);
    return mounted;
}

void nrf_board_unbind(void)
{
    firmware_natives_bind(NULL);
    smp_natives_bind(NULL, 0);
    settings_natives_bind(NULL);
}
