/*
 * Net-core side of the PCD handshake: what NCS's b0n (samples/nrf5340/netboot) does at every start
 * of the net core, as portable C. The host simulator runs it as b0n_sim; on silicon the user's
 * NCS-built b0n does the same and this code documents and tests the contract.
 *
 * One start: protect b0n_container; read the command in pcd_sram;
 *  - COPY: check the command, validate the image where `data` points (in app flash) as b0n does
 *    with SB_VALIDATE_FW_HASH (fw_info rules + SHA-256 of the validation block; the signature is the
 *    app core's job), erase and write net_app page by page, validate the copy in place, answer DONE
 *    (or FAIL + detail) and wait to be held (b0n does not boot after a copy);
 *  - READ_VERSION: write net_app's fw_info version into `data`, answer DONE;
 *  - anything else: protect net_app and boot it (no validation, as b0n).
 */
#ifndef MB_PCD_NET_H
#define MB_PCD_NET_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "flash_dev.h"
#include "mb_pcd.h"

/* Current NCS provisioning layout: s0_address at this offset (bootloader/b0/include/b0_provision.h). */
#define MB_PCD_PROVISION_S0_OFFSET 0x28u

struct mb_pcd_net_config {
    uint32_t area_address, area_size;           /* pcd_sram: maps command addresses to area offsets */
    uint32_t b0n_address, b0n_size;             /* b0n_container, protected first */
    uint32_t provision_address;                 /* net_provision: its S0 address is net_app's start */
    uint32_t net_app_size;                      /* largest image + validation block net_app takes */
    uint32_t source_address, source_size;       /* where in app flash a COPY may read (upload slot) */
};

struct mb_pcd_net_port {
    const struct flash_dev *net_flash; /* own flash: b0n_container, net_app */
    const struct flash_dev *app_flash; /* the app core's flash, only read */
    void (*area_read)(void *ctx, uint32_t offset, void *buf, size_t len);
    void (*area_write)(void *ctx, uint32_t offset, const void *buf, size_t len);
    int (*protect)(void *ctx, uint32_t addr, uint32_t len); /* ACL lock until reset, flash_err; NULL: none */
    void (*boot)(void *ctx, uint32_t vector_table);         /* never returns on silicon */
    void (*log)(void *ctx, const char *fmt, va_list args);  /* one line, no newline */
    void *ctx;
};

enum mb_pcd_net_outcome {
    MB_PCD_NET_BOOTED = 0,      /* no command: net_app was started */
    MB_PCD_NET_DONE,            /* a command completed; DONE written, waiting to be held */
    MB_PCD_NET_FAILED,          /* FAIL and its detail written */
    MB_PCD_NET_NOTHING_TO_BOOT, /* no command and no fw_info in net_app */
    MB_PCD_NET_POWER_LOST,      /* a device reported a power cut: stopped, nothing answered */
};

/* One start of the net core. Every refusal logs one line naming the rule and the values. */
enum mb_pcd_net_outcome mb_pcd_net_run(const struct mb_pcd_net_config *cfg, const struct mb_pcd_net_port *port);

const char *mb_pcd_net_outcome_text(enum mb_pcd_net_outcome outcome);

#endif /* MB_PCD_NET_H */
