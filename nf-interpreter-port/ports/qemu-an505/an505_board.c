/* The emulated DK's board services for the runtime (an505_board.h). */
#include "an505_board.h"

#include "an505_port.h"
#include "board_partitions.h"
#include "firmware_natives.h"
#include "mb_image.h"
#include "nrf_natives.h"
#include "settings_natives.h"

/* The MPS2 FPGA's 100 Hz counter (FPGAIO CLK100HZ, Secure alias): the AN505 has no RTC. It runs in QEMU's
   virtual time, which follows the host's clock. */
#define FPGAIO_CLK100HZ (*(volatile uint32_t *)0x50302014u)

#define UNIX_EPOCH_TICKS 621355968000000000LL /* DateTime ticks of 1970-01-01: the clock until SMP sets it */

const struct clr_native_assembly *const an505_board_natives[1] = {&nrf_natives_assembly};

static struct {
    struct settings store;
    struct slot_device slots;
    struct firmware_board firmware;
    int64_t clock_base; /* DateTime ticks at now_ms() == 0 */
} g = {.clock_base = UNIX_EPOCH_TICKS};

static uint64_t now_ms(void *ctx)
{
    (void)ctx;
    return (uint64_t)FPGAIO_CLK100HZ * 10u;
}

static int64_t utc_now_ticks(void *ctx)
{
    return g.clock_base + (int64_t)now_ms(ctx) * 10000;
}

static void set_utc_ticks(void *ctx, int64_t ticks)
{
    g.clock_base = ticks - (int64_t)now_ms(ctx) * 10000;
}

/* Every managed thread waits: no interrupt is enabled to wake a WFI, so wait on the counter (it ticks every
   10 ms; SMP polls come back at least that often). */
static void idle(void *ctx, uint64_t until_ms)
{
    const uint64_t start = now_ms(ctx);
    while (now_ms(ctx) < until_ms && now_ms(ctx) == start) {
    }
}

static void reboot(void *ctx)
{
    (void)ctx;
    an505_log("nfclr: reset requested by the app.");
    an505_reset();
}

void an505_board_open(void)
{
    const struct flash_dev *flash = an505_flash();
    const int mounted = settings_init(&g.store, flash, PM_SETTINGS_STORAGE_ADDRESS, MEM_FLASH_PAGE_SIZE,
                                      (uint16_t)(PM_SETTINGS_STORAGE_SIZE / MEM_FLASH_PAGE_SIZE), 0);
    if (mounted != 0)
        an505_log("nfclr: the settings partition does not mount (%s).", settings_strerror(mounted));
    settings_natives_bind(mounted == 0 ? &g.store : NULL);
    g.slots = (struct slot_device){
        .port = {.flash = flash, .otp = an505_otp(), .b0_record = an505_boot_record()},
        .keyring = &mb_signing_keyring,
    };
    g.firmware = (struct firmware_board){
        .slots = &g.slots,
        .boot_info = (const struct mb_boot_info *)((const char *)an505_ram_retained() + MB_BOOT_INFO_OFFSET),
        .reboot = reboot,
        .set_utc_ticks = set_utc_ticks,
    };
    firmware_natives_bind(&g.firmware);
    smp_natives_bind(an505_smp_uart(), 1);
}

void an505_board_hal(struct clr_hal *hal)
{
    hal->now_ms = now_ms;
    hal->idle = idle;
    hal->utc_now_ticks = utc_now_ticks;
}
