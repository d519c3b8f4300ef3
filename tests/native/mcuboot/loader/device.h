/*
 * A whole simulated nRF5340 for the second stage's end-to-end tests: b0 (b0_core) and the loader
 * (mb_loader) over one app flash, OTP and retained RAM, and the net core (mb_pcd_net_run over its
 * own flash) released in-process through pcd_sram. A "boot" is what happens after a reset: b0, then
 * the loader, again while the loader asks for a reset, until the app starts or the chain stops.
 * Built on the bootloader-update rig (blu_rig.h): NCS's provisioning and S0, the imgtool test key.
 */
#ifndef DEVICE_H
#define DEVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "blu_rig.h"
#include "flash_sim.h"
#include "mb_loader.h"
#include "mb_pcd_net.h"

#define LDR_IMAGE(name) BLU_IMAGES_DIR "/" name ".bin"
#define NET_PAYLOAD(name) LDR_NET_PAYLOADS_DIR "/" name ".bin"

enum device_end {
    DEVICE_APP_STARTED, /* the loader started the app */
    DEVICE_HALTED,      /* the loader found nothing to start */
    DEVICE_NO_BOOTLOADER, /* b0 found no valid second stage */
    DEVICE_POWER_LOST,  /* a cut stopped the chain */
};

struct device {
    struct blu blu;               /* app flash, OTP, b0, retained b0 record, MCUboot keyring */
    struct flash_sim *net;
    uint8_t pcd_area[PM_PCD_SRAM_SIZE];
    struct mb_boot_info info;     /* ram_retained + MB_BOOT_INFO_OFFSET */
    struct mb_pcd_app_port pcd;
    struct mb_pcd_net_config net_cfg;
    struct mb_pcd_net_port net_port;
    uint32_t reset_reason;
    uint32_t app_vector;          /* last started app */
    unsigned resets;              /* resets the loader asked for */
    unsigned watchdog_feeds;
    uint32_t cut_at;              /* next device_boot: cut the power at this changing flash call (0: none) */
    uint64_t cut_seed;
    bool cut_net;                 /* ... of the net core's flash instead of the app core's */
    char log[65536];
    size_t log_len;
};

/* Factory state: NCS's S0 (committed) and app `app_image` in mcuboot_primary (NULL: none). */
void device_open(struct device *d, const char *app_image);
void device_close(struct device *d);
/* One device per test program, closed and opened again in factory state. */
struct device *device_fresh(const char *app_image);

/* Everything a device holds, to replay one situation many times without rebuilding it. */
struct device_snapshot {
    uint8_t *app_flash, *net_flash;
    uint8_t otp[MEM_OTP_SIZE];
    struct b0_boot_record record;
    struct mb_boot_info info;
    uint8_t pcd_area[PM_PCD_SRAM_SIZE];
};
void device_snapshot(struct device *d, struct device_snapshot *s);
void device_restore(struct device *d, const struct device_snapshot *s);
void device_snapshot_free(struct device_snapshot *s);

/* Reset (retained RAM kept) and boot. */
enum device_end device_boot(struct device *d);
/* Power off and on (retained RAM and pcd_sram lost), then boot. */
enum device_end device_power_on(struct device *d);
/* Boots after power-on until the app starts (at most `tries`): what a user's device does after a cut. */
enum device_end device_settle(struct device *d, unsigned tries);

/* The image file into the erased upload slot, no trailer: an upload the app has not marked yet. */
void device_stage(struct device *d, const char *path);
/* The app's read-only check of the upload slot (mb_loader_check_upload) with this device's flash, OTP and record. */
enum mb_check_verdict device_check(struct device *d, uint8_t image_number, struct mb_loader_check *out);
/* What SMP's upload + "image test"/"image confirm" do: the image file into the erased upload slot, then the trailer. */
void device_upload(struct device *d, const char *path, uint8_t image_number, bool permanent);
/* What the app does once it runs well ("image confirm" without hash). */
void device_confirm(struct device *d);

const uint8_t *device_app_bytes(struct device *d, uint32_t addr);
const uint8_t *device_net_bytes(struct device *d, uint32_t addr);
bool device_logged(const struct device *d, const char *text);
/* Byte comparisons with image files, and erased checks. */
bool device_holds(struct device *d, uint32_t addr, const char *path);
bool device_net_holds(struct device *d, uint32_t addr, const char *path);
bool device_erased(struct device *d, uint32_t addr, uint32_t len);

#define CHECK_DEVICE_LOGGED(d, text) CHECK_CONTAINS((d)->log, (text))

#endif /* DEVICE_H */
