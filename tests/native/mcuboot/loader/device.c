/* The simulated device of the second stage's end-to-end tests (device.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device.h"
#include "mb_pcd_board.h"
#include "mb_trailer.h"

static void append(struct device *d, const char *fmt, va_list args)
{
    if (d->log_len + 2 >= sizeof d->log)
        return;
    int n = vsnprintf(d->log + d->log_len, sizeof d->log - d->log_len - 1, fmt, args);
    if (n > 0)
        d->log_len += (size_t)n < sizeof d->log - d->log_len - 1 ? (size_t)n : sizeof d->log - d->log_len - 2;
    d->log[d->log_len++] = '\n';
    d->log[d->log_len] = '\0';
}

static void log_line(void *ctx, const char *fmt, va_list args)
{
    append(ctx, fmt, args);
}

static void area_read(void *ctx, uint32_t offset, void *buf, size_t len)
{
    struct device *d = ctx;
    memcpy(buf, d->pcd_area + offset, len);
}

static void area_write(void *ctx, uint32_t offset, const void *buf, size_t len)
{
    struct device *d = ctx;
    memcpy(d->pcd_area + offset, buf, len);
}

static void net_hold(void *ctx)
{
    (void)ctx;
}

static void net_boot(void *ctx, uint32_t vector)
{
    (void)ctx;
    (void)vector;
}

/* Releasing the net core runs its first stage at once, as b0n would while the app core sleeps. */
static int net_release(void *ctx)
{
    struct device *d = ctx;
    mb_pcd_net_run(&d->net_cfg, &d->net_port);
    if (flash_sim_power_lost(d->net))
        flash_sim_cut_power_now(d->blu.rig.flash); /* one chip: the app core lost it too */
    return 0;
}

static void sleep_ms(void *ctx, uint32_t ms)
{
    (void)ctx;
    (void)ms;
}

static void feed(void *ctx)
{
    struct device *d = ctx;
    d->watchdog_feeds++;
}

static int loader_lock(void *ctx, uint32_t addr, uint32_t len)
{
    struct device *d = ctx;
    return flash_sim_lock(d->blu.rig.flash, addr, len);
}

void device_open(struct device *d, const char *app_image)
{
    memset(d, 0, sizeof *d);
    blu_open(&d->blu);
    blu_factory(&d->blu);
    char err[FLASH_SIM_ERROR_LEN];
    d->net = flash_sim_open(&flash_sim_nrf5340_net, err, sizeof err);
    if (d->net == NULL)
        test_fail(__FILE__, __LINE__, "net flash: %s", err);
    const uint32_t net_app = PM_NET_APP_ADDRESS; /* net_provision's S0 address: where b0n copies to */
    CHECK_EQ(flash_write(flash_sim_dev(d->net), PM_NET_PROVISION_ADDRESS + MB_PCD_PROVISION_S0_OFFSET, &net_app, 4),
             FLASH_OK);
    d->net_cfg = mb_pcd_board_net_config();
    d->net_port = (struct mb_pcd_net_port){.net_flash = flash_sim_dev(d->net),
                                           .app_flash = flash_sim_dev(d->blu.rig.flash),
                                           .area_read = area_read, .area_write = area_write, .boot = net_boot,
                                           .log = log_line, .ctx = d};
    d->pcd = (struct mb_pcd_app_port){.area_read = area_read, .area_write = area_write, .hold = net_hold,
                                      .release = net_release, .sleep_ms = sleep_ms, .log = log_line, .ctx = d};
    if (app_image != NULL) {
        static struct blob app;
        blob_read(&app, app_image);
        blu_program(&d->blu, PM_MCUBOOT_PRIMARY_ADDRESS, app.data, app.len);
    }
}

struct device *device_fresh(const char *app_image)
{
    static struct device d;
    static bool opened;
    if (opened)
        device_close(&d);
    opened = true;
    device_open(&d, app_image);
    return &d;
}

void device_close(struct device *d)
{
    flash_sim_close(d->net);
    blu_close(&d->blu);
}

enum device_end device_boot(struct device *d)
{
    d->log_len = 0;
    d->log[0] = '\0';
    uint64_t armed_from = 0;
    for (unsigned resets = 0; resets < 4; resets++) {
        struct b0_decision decision;
        struct rig *rig = &d->blu.rig;
        rig->boots = 0;
        /* A reset keeps the power on: an armed cut stays armed across the resets the loader asks for. */
        struct flash_sim *cut = d->cut_net ? d->net : rig->flash;
        if (resets == 0)
            armed_from = flash_sim_calls(cut);
        rig_reset(rig);
        uint64_t done = flash_sim_calls(cut) - armed_from;
        if (d->cut_at != 0 && done < d->cut_at)
            flash_sim_cut_power_at(cut, (uint32_t)(d->cut_at - done), d->cut_seed);
        enum b0_status st = rig_run(rig, &decision);
        d->log_len += (size_t)snprintf(d->log + d->log_len, sizeof d->log - d->log_len, "%s", rig->log);
        if (st == B0_E_POWER_LOST || flash_sim_power_lost(rig->flash) || flash_sim_power_lost(d->net))
            return DEVICE_POWER_LOST;
        if (rig->boots == 0)
            return DEVICE_NO_BOOTLOADER;
        struct mb_loader_port port = {
            .flash = flash_sim_dev(rig->flash),
            .otp = otp_sim_dev(rig->otp),
            .b0_record = &rig->record,
            .info = &d->info,
            .reset_reason = d->reset_reason,
            .pcd = &d->pcd,
            .lock = loader_lock,
            .log = log_line,
            .feed_watchdog = feed,
            .ctx = d,
        };
        uint32_t vector = 0;
        enum mb_loader_result res = mb_loader_run(&port, &d->blu.keyring, &vector);
        if (res == MB_LOADER_POWER_LOST || flash_sim_power_lost(d->net))
            return DEVICE_POWER_LOST;
        if (res == MB_LOADER_HALT)
            return DEVICE_HALTED;
        if (res == MB_LOADER_BOOT) {
            d->app_vector = vector;
            return DEVICE_APP_STARTED;
        }
        d->resets++;
        d->reset_reason = 1u << 3; /* soft reset */
    }
    test_fail(__FILE__, __LINE__, "the loader keeps asking for resets:\n%s", d->log);
}

enum device_end device_power_on(struct device *d)
{
    d->cut_at = 0;
    rig_power_cycle(&d->blu.rig);
    flash_sim_reboot(d->net);
    memset(&d->info, 0xA5, sizeof d->info);
    memset(d->pcd_area, 0xA5, sizeof d->pcd_area);
    d->reset_reason = 0;
    return device_boot(d);
}

enum device_end device_settle(struct device *d, unsigned tries)
{
    enum device_end end = DEVICE_POWER_LOST;
    for (unsigned i = 0; i < tries && end == DEVICE_POWER_LOST; i++)
        end = device_power_on(d);
    return end;
}

void device_stage(struct device *d, const char *path)
{
    static struct blob image;
    blob_read(&image, path);
    /* An upload starts by erasing the slot, as an SMP server does. */
    CHECK_EQ(flash_erase(flash_sim_dev(d->blu.rig.flash), PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE),
             FLASH_OK);
    blu_program(&d->blu, PM_MCUBOOT_SECONDARY_ADDRESS, image.data, image.len);
}

void device_upload(struct device *d, const char *path, uint8_t image_number, bool permanent)
{
    device_stage(d, path);
    struct mb_area secondary = {flash_sim_dev(d->blu.rig.flash), PM_MCUBOOT_SECONDARY_ADDRESS,
                                PM_MCUBOOT_SECONDARY_SIZE};
    CHECK_EQ(mb_trailer_set_pending(&secondary, image_number, permanent), MB_TRAILER_OK);
}

enum mb_check_verdict device_check(struct device *d, uint8_t image_number, struct mb_loader_check *out)
{
    /* What the app has: flash, OTP and retained RAM, no net core and no way to write the boot info. */
    const struct mb_loader_port port = {.flash = flash_sim_dev(d->blu.rig.flash),
                                        .otp = otp_sim_dev(d->blu.rig.otp),
                                        .b0_record = &d->blu.rig.record};
    return mb_loader_check_upload(&port, &d->blu.keyring, image_number, out);
}

void device_confirm(struct device *d)
{
    struct mb_area primary = {flash_sim_dev(d->blu.rig.flash), PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_SIZE};
    CHECK_EQ(mb_trailer_set_confirmed(&primary), MB_TRAILER_OK);
}

const uint8_t *device_app_bytes(struct device *d, uint32_t addr)
{
    return flash_sim_memory(d->blu.rig.flash) + (addr - MEM_FLASH_BASE);
}

const uint8_t *device_net_bytes(struct device *d, uint32_t addr)
{
    return flash_sim_memory(d->net) + (addr - MEM_NET_FLASH_BASE);
}

bool device_logged(const struct device *d, const char *text)
{
    return strstr(d->log, text) != NULL;
}

bool device_holds(struct device *d, uint32_t addr, const char *path)
{
    static struct blob file;
    blob_read(&file, path);
    return memcmp(device_app_bytes(d, addr), file.data, file.len) == 0;
}

bool device_net_holds(struct device *d, uint32_t addr, const char *path)
{
    static struct blob file;
    blob_read(&file, path);
    return memcmp(device_net_bytes(d, addr), file.data, file.len) == 0;
}

bool device_erased(struct device *d, uint32_t addr, uint32_t len)
{
    const uint8_t *p = device_app_bytes(d, addr);
    for (uint32_t i = 0; i < len; i++)
        if (p[i] != 0xFF)
            return false;
    return true;
}

void device_snapshot(struct device *d, struct device_snapshot *s)
{
    s->app_flash = malloc(flash_sim_state_size(d->blu.rig.flash));
    s->net_flash = malloc(flash_sim_state_size(d->net));
    CHECK(s->app_flash != NULL && s->net_flash != NULL);
    flash_sim_state_save(d->blu.rig.flash, s->app_flash);
    flash_sim_state_save(d->net, s->net_flash);
    otp_sim_state_save(d->blu.rig.otp, s->otp);
    s->record = d->blu.rig.record;
    s->info = d->info;
    memcpy(s->pcd_area, d->pcd_area, sizeof s->pcd_area);
}

void device_restore(struct device *d, const struct device_snapshot *s)
{
    flash_sim_state_restore(d->blu.rig.flash, s->app_flash);
    flash_sim_state_restore(d->net, s->net_flash);
    otp_sim_state_restore(d->blu.rig.otp, s->otp);
    d->blu.rig.record = s->record;
    d->info = s->info;
    memcpy(d->pcd_area, s->pcd_area, sizeof d->pcd_area);
    d->cut_at = 0;
    d->resets = 0;
}

void device_snapshot_free(struct device_snapshot *s)
{
    free(s->app_flash);
    free(s->net_flash);
    s->app_flash = s->net_flash = NULL;
}
