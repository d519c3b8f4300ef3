/* One start of the net core's b0n: protect, read the command, act on it, answer. */
#include <inttypes.h>
#include <stdbool.h>

#include "fw_info.h"
#include "mb_pcd_net.h"
#include "net_copy.h"
#include "net_image.h"
#include "pcd_log.h"

#define LOG(port, ...) pcd_log((port)->log, (port)->ctx, __VA_ARGS__)
#define NOT_PROVISIONED UINT32_MAX

static bool inside(uint64_t start, uint64_t len, uint64_t region, uint64_t region_len)
{
    return start >= region && start + len <= region + region_len;
}

static void answer(const struct mb_pcd_net_port *port, uint32_t magic)
{
    port->area_write(port->ctx, MB_PCD_CMD_OFFSET, &magic, sizeof magic);
}

/* NCS's pcd_fw_copy_invalidate, with the reason written first for this SDK's app side. */
static enum mb_pcd_net_outcome fail(const struct mb_pcd_net_port *port, enum mb_pcd_reason reason, int32_t code)
{
    const struct mb_pcd_detail d = {.tag = MB_PCD_DETAIL_TAG, .reason = (uint32_t)reason, .code = code};
    port->area_write(port->ctx, MB_PCD_DETAIL_OFFSET, &d, sizeof d);
    answer(port, MB_PCD_MAGIC_FAIL);
    return MB_PCD_NET_FAILED;
}

/* The destination b0n copies to: the S0 address in net_provision (0xFFFFFFFF when blank). */
static int read_s0(const struct mb_pcd_net_config *cfg, const struct mb_pcd_net_port *port, uint32_t *s0)
{
    int err = flash_read(port->net_flash, cfg->provision_address + MB_PCD_PROVISION_S0_OFFSET, s0, sizeof *s0);
    if (err != FLASH_OK)
        LOG(port, "Cannot read net_provision at 0x%08" PRIx32 ": %s.", cfg->provision_address, flash_strerror(err));
    return err;
}

/* A page-aligned net_app of net_app_size bytes in net flash, clear of b0n_container. */
static bool destination_ok(const struct mb_pcd_net_config *cfg, const struct mb_pcd_net_port *port, uint32_t s0)
{
    const struct flash_dev *net = port->net_flash;
    bool ok = s0 != NOT_PROVISIONED && s0 % net->page_size == 0 &&
              inside(s0, cfg->net_app_size, net->base, net->size) &&
              ((uint64_t)s0 >= (uint64_t)cfg->b0n_address + cfg->b0n_size ||
               (uint64_t)s0 + cfg->net_app_size <= cfg->b0n_address);
    if (!ok)
        LOG(port, "net_provision at 0x%08" PRIx32 " gives S0 0x%08" PRIx32 ", not the page-aligned start of a 0x%" PRIx32
                  "-byte net_app in net flash outside b0n_container 0x%08" PRIx32 "..0x%08" PRIx32 ".",
            cfg->provision_address, s0, cfg->net_app_size, cfg->b0n_address, cfg->b0n_address + cfg->b0n_size);
    return ok;
}

/* The command's own fields, before any image byte is read. */
static enum mb_pcd_reason check_command(const struct mb_pcd_net_config *cfg, const struct mb_pcd_net_port *port,
                                        const struct mb_pcd_cmd *cmd, uint32_t s0)
{
    const int64_t target = (int64_t)port->net_flash->base + cmd->offset;
    if (target != s0) {
        LOG(port, "PCD offset 0x%" PRIx32 " leads to 0x%08" PRIx32 ", but net_app (provisioned S0) starts at 0x%08" PRIx32
                  ", offset 0x%" PRIx32 ".",
            (uint32_t)cmd->offset, (uint32_t)target, s0, s0 - port->net_flash->base);
        return MB_PCD_R_OFFSET;
    }
    if (cmd->len == 0 || cmd->len > cfg->net_app_size) {
        LOG(port, "PCD length 0x%" PRIx32 " does not fit net_app: 1 to 0x%" PRIx32 " bytes.", cmd->len,
            cfg->net_app_size);
        return MB_PCD_R_LENGTH;
    }
    const struct flash_dev *app = port->app_flash;
    if (!inside(cmd->data, cmd->len, cfg->source_address, cfg->source_size) ||
        !inside(cmd->data, cmd->len, app->base, app->size)) {
        LOG(port, "PCD data 0x%08" PRIx32 "..0x%08" PRIx32 " is outside the upload slot 0x%08" PRIx32 "..0x%08" PRIx32 ".",
            cmd->data, (uint32_t)((uint64_t)cmd->data + cmd->len), cfg->source_address,
            cfg->source_address + cfg->source_size);
        return MB_PCD_R_SOURCE;
    }
    return MB_PCD_R_NONE;
}

static enum mb_pcd_net_outcome run_copy(const struct mb_pcd_net_config *cfg, const struct mb_pcd_net_port *port,
                                        const struct mb_pcd_cmd *cmd, uint32_t s0)
{
    if (!destination_ok(cfg, port, s0))
        return fail(port, MB_PCD_R_NOT_PROVISIONED, 0);
    enum mb_pcd_reason why = check_command(cfg, port, cmd, s0);
    if (why != MB_PCD_R_NONE)
        return fail(port, why, 0);

    /* The source is checked before net_app is erased: a bad image leaves the old one in place. */
    const struct net_image_at source = {port->app_flash, cmd->data, cmd->len, s0, cfg->net_app_size};
    enum b0_status st = net_image_check(port, &source);
    if (st == B0_E_POWER_LOST)
        return MB_PCD_NET_POWER_LOST;
    if (st != B0_OK) {
        LOG(port, "Unable to find valid firmware inside 0x%08" PRIx32, cmd->data);
        return fail(port, MB_PCD_R_INVALID_IMAGE, (int32_t)st);
    }
    int err = net_copy(port, s0, cmd->data, cmd->len);
    if (err == FLASH_E_POWER_LOST)
        return MB_PCD_NET_POWER_LOST;
    if (err != FLASH_OK)
        return fail(port, MB_PCD_R_COPY, err);
    LOG(port, "Transfer done");

    /* Only the copy in place decides DONE: a torn or mis-written net_app fails here. */
    const struct net_image_at copy = {port->net_flash, s0, cmd->len, s0, cfg->net_app_size};
    st = net_image_check(port, &copy);
    if (st == B0_E_POWER_LOST)
        return MB_PCD_NET_POWER_LOST;
    if (st != B0_OK) {
        LOG(port, "Unable to find valid firmware inside 0x%08" PRIx32, s0);
        return fail(port, MB_PCD_R_VERIFY, (int32_t)st);
    }
    answer(port, MB_PCD_MAGIC_DONE);
    LOG(port, "net_app 0x%08" PRIx32 "..0x%08" PRIx32 " updated; waiting for the app core to turn the network core off.",
        s0, s0 + cmd->len);
    return MB_PCD_NET_DONE;
}

/* NCS's pcd_find_fw_version: net_app's fw_info version into the app's buffer (4 bytes), len = 4. */
static enum mb_pcd_net_outcome run_read_version(const struct mb_pcd_net_config *cfg,
                                                const struct mb_pcd_net_port *port, const struct mb_pcd_cmd *cmd,
                                                uint32_t s0)
{
    if (!destination_ok(cfg, port, s0))
        return fail(port, MB_PCD_R_NOT_PROVISIONED, 0);
    struct fw_info_found found;
    enum b0_status st = fw_info_find(port->net_flash, s0, &found);
    if (st == B0_E_POWER_LOST)
        return MB_PCD_NET_POWER_LOST;
    if (st != B0_OK) {
        LOG(port, "Unable to find valid firmware version in net_app at 0x%08" PRIx32 ": %s.", s0, b0_status_text(st));
        return fail(port, MB_PCD_R_NO_VERSION, (int32_t)st);
    }
    const uint32_t len = sizeof found.info.version;
    if (cmd->len < len || !inside(cmd->data, len, cfg->area_address, cfg->area_size)) {
        LOG(port, "PCD version buffer 0x%08" PRIx32 " (%" PRIu32 " bytes) is not 4 bytes inside pcd_sram 0x%08" PRIx32
                  "..0x%08" PRIx32 ".",
            cmd->data, cmd->len, cfg->area_address, cfg->area_address + cfg->area_size);
        return fail(port, MB_PCD_R_VERSION_BUFFER, 0);
    }
    port->area_write(port->ctx, cmd->data - cfg->area_address, &found.info.version, len);
    port->area_write(port->ctx, MB_PCD_CMD_OFFSET + 8, &len, sizeof len);
    answer(port, MB_PCD_MAGIC_DONE);
    LOG(port, "Network core app version %" PRIu32 " sent.", found.info.version);
    return MB_PCD_NET_DONE;
}

/* No command: as b0n, protect net_app and jump to it; b0n does not validate it here. */
static enum mb_pcd_net_outcome boot_net_app(const struct mb_pcd_net_config *cfg, const struct mb_pcd_net_port *port,
                                            uint32_t s0)
{
    if (!destination_ok(cfg, port, s0))
        return MB_PCD_NET_NOTHING_TO_BOOT;
    if (port->protect != NULL) {
        int err = port->protect(port->ctx, s0, cfg->net_app_size);
        if (err != FLASH_OK) {
            LOG(port, "Failed to protect app flash: %s", flash_strerror(err));
            return fail(port, MB_PCD_R_PROTECT, err);
        }
    }
    struct fw_info_found found;
    enum b0_status st = fw_info_find(port->net_flash, s0, &found);
    if (st == B0_E_POWER_LOST)
        return MB_PCD_NET_POWER_LOST;
    if (st != B0_OK) {
        LOG(port, "No bootable net_app at 0x%08" PRIx32 ": %s.", s0, b0_status_text(st));
        return MB_PCD_NET_NOTHING_TO_BOOT;
    }
    LOG(port, "Booting net_app version %" PRIu32 ": vector table 0x%08" PRIx32 ".", found.info.version,
        found.info.boot_address);
    port->boot(port->ctx, found.info.boot_address);
    return MB_PCD_NET_BOOTED;
}

enum mb_pcd_net_outcome mb_pcd_net_run(const struct mb_pcd_net_config *cfg, const struct mb_pcd_net_port *port)
{
    if (port->protect != NULL) {
        int err = port->protect(port->ctx, cfg->b0n_address, cfg->b0n_size);
        if (err != FLASH_OK) {
            LOG(port, "Failed to protect b0n flash, cancel startup: %s", flash_strerror(err));
            return err == FLASH_E_POWER_LOST ? MB_PCD_NET_POWER_LOST : fail(port, MB_PCD_R_PROTECT, err);
        }
    }
    struct mb_pcd_cmd cmd;
    port->area_read(port->ctx, MB_PCD_CMD_OFFSET, &cmd, sizeof cmd);
    uint32_t s0;
    int err = read_s0(cfg, port, &s0);
    if (err == FLASH_E_POWER_LOST)
        return MB_PCD_NET_POWER_LOST;
    if (err != FLASH_OK)
        s0 = NOT_PROVISIONED;

    switch (cmd.magic) {
    case MB_PCD_MAGIC_COPY:
        LOG(port, "PCD copy: 0x%" PRIx32 " bytes from 0x%08" PRIx32 " to net flash offset 0x%" PRIx32 ".", cmd.len,
            cmd.data, (uint32_t)cmd.offset);
        return run_copy(cfg, port, &cmd, s0);
    case MB_PCD_MAGIC_READ_VERSION:
        return run_read_version(cfg, port, &cmd, s0);
    default:
        return boot_net_app(cfg, port, s0);
    }
}
