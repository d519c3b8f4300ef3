/*
 * Test rig for the PCD handshake: both cores in one process. The app core's flash and the net
 * core's flash are RAM-only simulators, pcd_sram is a byte array, the app side's port counts holds,
 * releases, sleeps and watchdog feeds on a virtual clock, and "releasing the net core" runs the net
 * side (mb_pcd_net_run) at once, as b0n would while the app core sleeps.
 */
#ifndef PCD_RIG_H
#define PCD_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board_partitions.h"
#include "flash_sim.h"
#include "harness.h"
#include "mb_pcd.h"
#include "mb_pcd_host.h"
#include "mb_pcd_net.h"

#define IMAGE(name) PCD_IMAGES_DIR "/" name ".bin"
#define PAYLOAD(name) PCD_PAYLOADS_DIR "/" name ".bin"
#define IMAGE_MAX 0x4000u

/* What the net core does when released. */
enum net_behaviour {
    NET_B0N,      /* this library's b0n */
    NET_SILENT,   /* never answers (no b0n, or one reading another address) */
    NET_GARBAGE,  /* overwrites the magic with a value that is no answer */
    NET_NCS_FAIL, /* NCS's b0n refusing: FAIL, no detail */
    NET_FAIL_UNTAGGED, /* FAIL with words after the command that are no detail of ours */
};

struct file_bytes {
    uint8_t data[IMAGE_MAX];
    size_t len;
};

/* An MCUboot image placed in the upload slot. */
struct staged {
    uint32_t payload_address, payload_len; /* slot + hdr_size, img_size: what the loader passes */
    const uint8_t *payload;                /* the payload bytes, inside `file` */
    struct file_bytes file;
};

struct rig {
    struct flash_sim *app, *net;
    struct mb_pcd_host_acl_flash acl; /* the net flash as b0n sees it; locks last one net start */
    uint8_t area[PM_PCD_SRAM_SIZE];
    struct mb_pcd_app_config app_cfg;
    struct mb_pcd_net_config net_cfg;
    struct mb_pcd_app_port app_port;
    struct mb_pcd_net_port net_port;
    enum net_behaviour net_mode;
    int release_error;
    struct mb_pcd_cmd seen; /* the command as the net core found it at its last release */
    enum mb_pcd_net_outcome last_net;
    unsigned holds, releases, sleeps, feeds, net_starts, boots;
    uint32_t slept_ms, booted_vector;
    bool held;
    char log[65536];
    size_t log_len;
};

/* Fresh devices: erased flashes, net_provision holding S0 = net_app, zeroed pcd_sram, held net core. */
void rig_open(struct rig *r);
void rig_close(struct rig *r);

void file_read(struct file_bytes *f, const char *path);
/* Writes an MCUboot image file into the (erased) upload slot. */
void rig_stage(struct rig *r, const char *image_path, struct staged *out);
/* Erases the upload slot's first pages and programs the bytes of an MCUboot image file given in memory. */
void rig_stage_bytes(struct rig *r, const struct file_bytes *image, struct staged *out);
/* Programs a payload file into net_app directly, as a factory would. */
void rig_install_net_app(struct rig *r, const char *payload_path);

enum mb_pcd_status rig_update(struct rig *r, const struct staged *s, struct mb_pcd_result *result);
/* One start of the net core with whatever pcd_sram holds. */
enum mb_pcd_net_outcome rig_net_start(struct rig *r);
/* Puts a command into pcd_sram as the app core would. */
void rig_command(struct rig *r, uint32_t magic, uint32_t data, uint32_t len, int32_t offset);
uint32_t rig_area_magic(const struct rig *r);
struct mb_pcd_detail rig_area_detail(const struct rig *r);

/* Power off and on: flashes keep their bytes, pcd_sram is lost unless keep_ram (a reset with power). */
void rig_power_cycle(struct rig *r, bool keep_ram);

const uint8_t *rig_net_bytes(const struct rig *r, uint32_t addr);
const uint8_t *rig_app_bytes(const struct rig *r, uint32_t addr);

bool rig_logged(const struct rig *r, const char *text);
void rig_clear_log(struct rig *r);
#define CHECK_LOGGED(r, text) CHECK_CONTAINS((r)->log, (text))
#define CHECK_NOT_LOGGED(r, text) CHECK_NOT_CONTAINS((r)->log, (text))

#endif /* PCD_RIG_H */
