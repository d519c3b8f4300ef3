/* The runtime's board services on a Cortex-M33 board (nfclr_services.h). */
#include "nfclr_services.h"

#include "m33_board.h"
#include "nrf_board.h"
#include "settings.h"

static void reboot(void *ctx)
{
    (void)ctx;
    board_log("nfclr: reset requested by the app.");
    board_reset();
}

void nfclr_services_bind(const struct smp_channel *channels, uint32_t channel_count,
                         void (*set_utc_ticks)(void *ctx, int64_t ticks))
{
    static struct nrf_board board;
    board = (struct nrf_board){
        .flash = board_flash(),
        .otp = board_otp(),
        .ram_retained = board_ram_retained(),
        .keyring = &mb_signing_keyring,
        .reboot = reboot,
        .set_utc_ticks = set_utc_ticks,
        .channels = channels,
        .channel_count = channel_count,
    };
    const int mounted = nrf_board_bind(&board);
    if (mounted != 0)
        board_log("nfclr: the settings partition does not mount (%s).", settings_strerror(mounted));
}
