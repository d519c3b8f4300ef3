/* The simulated DK board behind nfclr_sim (sim_board.h). */
#define _POSIX_C_SOURCE 200809L

#include "sim_board.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "backing_file.h"
#include "board_partitions.h"
#include "flash_sim.h"
#include "gpio_log_port.h"
#include "host_smp.h"
#include "nrf_board.h"
#include "nrf_natives.h"
#include "otp_sim.h"
#include "settings.h"

#define UNIX_EPOCH_TICKS 621355968000000000LL /* DateTime ticks of 1970-01-01 */

static struct {
    struct flash_sim *flash;
    struct otp_sim *otp;
    struct backing_file retained;
    uint8_t key_der[256];
    struct mb_key key;
    struct mb_keyring keyring;
    struct nrf_board board;
    struct host_smp smp;
    struct gpio_log_port gpio; /* no pins here: GpioController's changes become log lines on stderr */
    int64_t clock_offset; /* ticks added to the host's clock by Rtc.SetSystemTime */
} g;

const struct clr_native_assembly *const sim_board_natives[2] = {&nrf_natives_assembly, &gpio_natives_assembly};

static void log_gpio(void *ctx, const char *line)
{
    (void)ctx;
    fflush(stdout); /* in order with the program's output on a shared terminal */
    fprintf(stderr, "%s\n", line);
}

static int64_t host_ticks(void)
{
    struct timespec now;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0)
        return UNIX_EPOCH_TICKS;
    return UNIX_EPOCH_TICKS + (int64_t)now.tv_sec * 10000000 + now.tv_nsec / 100;
}

static int64_t utc_now_ticks(void *ctx)
{
    (void)ctx;
    return host_ticks() + g.clock_offset;
}

static void set_utc_ticks(void *ctx, int64_t ticks)
{
    (void)ctx;
    g.clock_offset = ticks - host_ticks();
}

static uint64_t now_ms(void *ctx)
{
    (void)ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u;
}

/* Every managed thread waits: sleep until the first deadline (at most 50 ms, so SMP polls stay prompt). */
static void idle(void *ctx, uint64_t until_ms)
{
    uint64_t now = now_ms(ctx);
    uint64_t ms = until_ms > now ? until_ms - now : 0;
    struct timespec pause = {0, (long)(ms < 50 ? ms : 50) * 1000000L};
    nanosleep(&pause, NULL);
}

/* Power.RebootDevice(): what survives a reset is in the shared files already; the runner boots b0 again. */
static void reboot(void *ctx)
{
    (void)ctx;
    fflush(stdout);
    fprintf(stderr, "nfclr_sim: the app asked for a reset (exit %d)\n", SIM_BOARD_EXIT_RESET);
    sim_board_close();
    exit(SIM_BOARD_EXIT_RESET);
}

static int read_key(const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t len = f != NULL ? fread(g.key_der, 1, sizeof g.key_der, f) : 0;
    int longer = f != NULL && fgetc(f) != EOF;
    if (f != NULL)
        fclose(f);
    if (len == 0 || longer) {
        fprintf(stderr, "nfclr_sim: %s is not a DER public key\n", path);
        return -1;
    }
    g.key = (struct mb_key){MB_SIGNATURE_KEY_TYPE, g.key_der, len};
    g.keyring = (struct mb_keyring){&g.key, 1};
    return 0;
}

int sim_board_open(const struct sim_board_options *opt)
{
    char err[FLASH_SIM_ERROR_LEN > OTP_SIM_ERROR_LEN ? FLASH_SIM_ERROR_LEN : OTP_SIM_ERROR_LEN] = "";
    host_smp_init(&g.smp);
    g.keyring = mb_signing_keyring;
    if (opt->key != NULL && read_key(opt->key) != 0)
        return -1;
    struct flash_sim_config flash_cfg = flash_sim_nrf5340_app;
    flash_cfg.backing_file = opt->flash != NULL ? opt->flash : opt->settings;
    struct otp_sim_config otp_cfg = otp_sim_nrf5340_app;
    otp_cfg.backing_file = opt->otp;
    bool created;
    g.flash = flash_sim_open(&flash_cfg, err, sizeof err);
    g.otp = g.flash != NULL ? otp_sim_open(&otp_cfg, err, sizeof err) : NULL;
    if (g.otp == NULL ||
        backing_file_open(&g.retained, opt->retained, PM_RAM_RETAINED_SIZE, 0x00, &created, err, sizeof err) != 0 ||
        host_smp_open(&g.smp, (int)opt->smp_udp, (int)opt->smp_serial, err, sizeof err) != 0) {
        fprintf(stderr, "nfclr_sim: %s\n", err);
        sim_board_close();
        return -1;
    }
    /* The settings store is the flash file's partition, as the device mounts it. */
    g.board = (struct nrf_board){
        .flash = flash_sim_dev(g.flash),
        .otp = otp_sim_dev(g.otp),
        .ram_retained = g.retained.data,
        .keyring = &g.keyring,
        .reboot = reboot,
        .set_utc_ticks = set_utc_ticks,
        .channels = g.smp.channels,
        .channel_count = g.smp.count,
    };
    const int mounted = nrf_board_bind(&g.board);
    if (mounted != 0)
        fprintf(stderr, "nfclr_sim: the settings partition does not mount (%s): SettingsStore reports it\n",
                settings_strerror(mounted));
    gpio_natives_bind(gpio_log_port_init(&g.gpio, log_gpio, NULL));
    return 0;
}

void sim_board_close(void)
{
    gpio_natives_bind(NULL);
    nrf_board_unbind();
    host_smp_close(&g.smp);
    backing_file_close(&g.retained);
    otp_sim_close(g.otp);
    flash_sim_close(g.flash);
    g.otp = NULL;
    g.flash = NULL;
}

void sim_board_hal(struct clr_hal *hal)
{
    hal->utc_now_ticks = utc_now_ticks;
    /* Serving SMP needs real time; without it the virtual clock keeps runs deterministic. */
    if (g.smp.count > 0) {
        hal->now_ms = now_ms;
        hal->idle = idle;
    }
}
