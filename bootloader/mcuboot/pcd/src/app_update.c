/* App-core side of the PCD handshake: command, release, poll, hold. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "b0_status.h"
#include "flash_dev.h"
#include "mb_pcd.h"
#include "pcd_log.h"

#define LOG(port, ...) pcd_log((port)->log, (port)->ctx, __VA_ARGS__)

static bool inside(uint32_t addr, uint32_t len, uint32_t start, uint32_t size)
{
    return addr >= start && (uint64_t)addr + len <= (uint64_t)start + size;
}

static enum mb_pcd_status finish(struct mb_pcd_result *r, enum mb_pcd_status status, enum mb_pcd_reason reason,
                                 int32_t code)
{
    r->status = status;
    r->reason = reason;
    r->code = code;
    return status;
}

/* The detail is cleared first and the magic written last, so the net core never reads a half command. */
static void write_command(const struct mb_pcd_app_port *port, const struct mb_pcd_cmd *cmd)
{
    const struct mb_pcd_detail none = {0};
    port->area_write(port->ctx, MB_PCD_DETAIL_OFFSET, &none, sizeof none);
    port->area_write(port->ctx, MB_PCD_CMD_OFFSET + 4, &cmd->data, sizeof *cmd - 4);
    port->area_write(port->ctx, MB_PCD_CMD_OFFSET, &cmd->magic, sizeof cmd->magic);
}

static uint32_t read_magic(const struct mb_pcd_app_port *port)
{
    uint32_t magic;
    port->area_read(port->ctx, MB_PCD_CMD_OFFSET, &magic, sizeof magic);
    return magic;
}

/* FAIL from this SDK's net side carries a detail; NCS's b0n leaves the cleared one. */
static enum mb_pcd_status read_failure(const struct mb_pcd_app_port *port, struct mb_pcd_result *r)
{
    struct mb_pcd_detail d;
    port->area_read(port->ctx, MB_PCD_DETAIL_OFFSET, &d, sizeof d);
    bool given = d.tag == MB_PCD_DETAIL_TAG && d.reason > MB_PCD_R_NOT_GIVEN && d.reason < MB_PCD_R_UNKNOWN_ANSWER;
    if (!given)
        return finish(r, MB_PCD_E_FAILED, MB_PCD_R_NOT_GIVEN, 0);
    return finish(r, MB_PCD_E_FAILED, (enum mb_pcd_reason)d.reason, d.code);
}

/*
 * Hold, command, release, poll, hold (the last hold on every outcome: NCS holds only after DONE,
 * which leaves a failed b0n idling so the runtime's later release does not restart the net core).
 */
static enum mb_pcd_status handshake(const struct mb_pcd_app_config *cfg, const struct mb_pcd_app_port *port,
                                    const struct mb_pcd_cmd *cmd, struct mb_pcd_result *r)
{
    port->hold(port->ctx);
    write_command(port, cmd);
    int rc = port->release(port->ctx);
    if (rc != 0) {
        port->hold(port->ctx);
        return finish(r, MB_PCD_E_REFUSED, MB_PCD_R_RELEASE, rc);
    }
    LOG(port, "Turned on network core");

    const uint32_t poll = cfg->poll_ms != 0 ? cfg->poll_ms : MB_PCD_POLL_MS;
    uint32_t answer = cmd->magic;
    /* A full period before the first look, as NCS: b0n needs that long to start and answer. */
    while (answer == cmd->magic && r->waited_ms < cfg->timeout_ms) {
        uint32_t step = cfg->timeout_ms - r->waited_ms < poll ? cfg->timeout_ms - r->waited_ms : poll;
        port->sleep_ms(port->ctx, step);
        r->waited_ms += step;
        if (port->feed_watchdog != NULL)
            port->feed_watchdog(port->ctx);
        answer = read_magic(port);
    }
    port->hold(port->ctx);
    LOG(port, "Turned off network core");

    r->answer = answer;
    if (answer == MB_PCD_MAGIC_DONE)
        return finish(r, MB_PCD_DONE, MB_PCD_R_NONE, 0);
    if (answer == cmd->magic)
        return finish(r, MB_PCD_E_TIMEOUT, MB_PCD_R_TIMEOUT, 0);
    if (answer == MB_PCD_MAGIC_FAIL)
        return read_failure(port, r);
    return finish(r, MB_PCD_E_FAILED, MB_PCD_R_UNKNOWN_ANSWER, (int32_t)answer);
}

/* One line saying why, with the values a reader needs to act. */
static void log_failure(const struct mb_pcd_app_config *cfg, const struct mb_pcd_app_port *port, const char *what,
                        const struct mb_pcd_result *r)
{
    switch (r->reason) {
    case MB_PCD_R_TIMEOUT:
        LOG(port,
            "%s: no answer within %" PRIu32 " ms (the command at 0x%08" PRIx32
            " still reads 0x%08" PRIx32 "): is b0n on the net core, and was it built to read PCD commands at 0x%08" PRIx32
            "?",
            what, r->waited_ms, cfg->area_address, r->answer, cfg->area_address);
        break;
    case MB_PCD_R_UNKNOWN_ANSWER:
        LOG(port, "%s: the network core answered 0x%08" PRIx32 ", neither DONE (0x%08x) nor FAIL (0x%08x).", what,
            r->answer, MB_PCD_MAGIC_DONE, MB_PCD_MAGIC_FAIL);
        break;
    case MB_PCD_R_NOT_GIVEN:
        LOG(port, "%s: %s; b0n logs why on the network core's console.", what, mb_pcd_reason_text(r->reason));
        break;
    case MB_PCD_R_INVALID_IMAGE:
    case MB_PCD_R_VERIFY:
        LOG(port, "%s: %s: %s.", what, mb_pcd_reason_text(r->reason), b0_status_text((enum b0_status)r->code));
        break;
    case MB_PCD_R_COPY:
    case MB_PCD_R_PROTECT:
        LOG(port, "%s: %s: %s.", what, mb_pcd_reason_text(r->reason), flash_strerror(r->code));
        break;
    case MB_PCD_R_RELEASE:
        LOG(port, "%s: %s (port error %" PRId32 ").", what, mb_pcd_reason_text(r->reason), r->code);
        break;
    default:
        LOG(port, "%s: %s.", what, mb_pcd_reason_text(r->reason));
        break;
    }
}

enum mb_pcd_status mb_pcd_update(const struct mb_pcd_app_config *cfg, const struct mb_pcd_app_port *port,
                                 uint32_t payload_address, uint32_t payload_len, struct mb_pcd_result *result)
{
    struct mb_pcd_result local;
    struct mb_pcd_result *r = result != NULL ? result : &local;
    *r = (struct mb_pcd_result){0};
    static const char failed[] = "Network core update failed";

    LOG(port, "Starting network core update");
    if (payload_len == 0 || payload_len > cfg->net_app_size) {
        LOG(port, "%s: a payload of %" PRIu32 " bytes; net_app takes 1 to %" PRIu32 " bytes.", failed, payload_len,
            cfg->net_app_size);
        return finish(r, MB_PCD_E_REFUSED, MB_PCD_R_ARGS, 0);
    }
    if (!inside(payload_address, payload_len, cfg->source_address, cfg->source_size)) {
        LOG(port,
            "%s: payload 0x%08" PRIx32 "..0x%08" PRIx32 " is outside the upload slot 0x%08" PRIx32 "..0x%08" PRIx32
            ", the only app flash the net core is sent to.",
            failed, payload_address, (uint32_t)((uint64_t)payload_address + payload_len), cfg->source_address,
            cfg->source_address + cfg->source_size);
        return finish(r, MB_PCD_E_REFUSED, MB_PCD_R_ARGS, 0);
    }
    LOG(port,
        "PCD command at 0x%08" PRIx32 ": copy 0x%" PRIx32 " bytes from 0x%08" PRIx32 " to net flash offset 0x%" PRIx32
        ".",
        cfg->area_address, payload_len, payload_address, cfg->net_app_offset);

    const struct mb_pcd_cmd cmd = {
        .magic = MB_PCD_MAGIC_COPY,
        .data = payload_address,
        .len = payload_len,
        .offset = (int32_t)cfg->net_app_offset,
    };
    if (handshake(cfg, port, &cmd, r) == MB_PCD_DONE)
        LOG(port, "Done updating network core");
    else
        log_failure(cfg, port, failed, r);
    return r->status;
}

enum mb_pcd_status mb_pcd_read_version(const struct mb_pcd_app_config *cfg, const struct mb_pcd_app_port *port,
                                       uint32_t *version, struct mb_pcd_result *result)
{
    struct mb_pcd_result local;
    struct mb_pcd_result *r = result != NULL ? result : &local;
    *r = (struct mb_pcd_result){0};

    const uint32_t unread = UINT32_MAX;
    port->area_write(port->ctx, MB_PCD_VERSION_OFFSET, &unread, sizeof unread);
    const struct mb_pcd_cmd cmd = {
        .magic = MB_PCD_MAGIC_READ_VERSION,
        .data = cfg->area_address + MB_PCD_VERSION_OFFSET,
        .len = sizeof(uint32_t),
        .offset = (int32_t)cfg->net_app_offset,
    };
    if (handshake(cfg, port, &cmd, r) != MB_PCD_DONE) {
        log_failure(cfg, port, "Reading the network core app version failed", r);
        return r->status;
    }
    port->area_read(port->ctx, MB_PCD_VERSION_OFFSET, version, sizeof *version);
    LOG(port, "Network core app version: %" PRIu32, *version);
    return r->status;
}
