#include "rig.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mb_pcd_board.h"

static void append_log(struct rig *r, const char *who, const char *fmt, va_list args)
{
    if (r->log_len >= sizeof r->log - 1)
        return;
    int n = snprintf(r->log + r->log_len, sizeof r->log - r->log_len, "%s: ", who);
    r->log_len += (size_t)n;
    if (r->log_len >= sizeof r->log - 1)
        return;
    n = vsnprintf(r->log + r->log_len, sizeof r->log - r->log_len, fmt, args);
    r->log_len += (size_t)n;
    if (r->log_len < sizeof r->log - 1)
        r->log[r->log_len++] = '\n';
    if (r->log_len >= sizeof r->log)
        r->log_len = sizeof r->log - 1;
    r->log[r->log_len] = '\0';
}

static void area_read(void *ctx, uint32_t offset, void *buf, size_t len)
{
    struct rig *r = ctx;
    CHECK(offset <= sizeof r->area && len <= sizeof r->area - offset);
    memcpy(buf, r->area + offset, len);
}

static void area_write(void *ctx, uint32_t offset, const void *buf, size_t len)
{
    struct rig *r = ctx;
    CHECK(offset <= sizeof r->area && len <= sizeof r->area - offset);
    memcpy(r->area + offset, buf, len);
}

/* --- app core --- */

static void app_hold(void *ctx)
{
    struct rig *r = ctx;
    r->holds++;
    r->held = true;
}

static int app_release(void *ctx)
{
    struct rig *r = ctx;
    r->releases++;
    if (r->release_error != 0)
        return r->release_error;
    r->held = false;
    memcpy(&r->seen, r->area, sizeof r->seen);
    static const uint32_t garbage = 0x12345678u, fail = MB_PCD_MAGIC_FAIL;
    switch (r->net_mode) {
    case NET_B0N: rig_net_start(r); break;
    case NET_SILENT: break;
    case NET_GARBAGE: memcpy(r->area, &garbage, sizeof garbage); break;
    case NET_NCS_FAIL: memcpy(r->area, &fail, sizeof fail); break;
    case NET_FAIL_UNTAGGED: {
        const struct mb_pcd_detail junk = {.tag = 0, .reason = MB_PCD_R_VERIFY};
        memcpy(r->area + MB_PCD_DETAIL_OFFSET, &junk, sizeof junk);
        memcpy(r->area, &fail, sizeof fail);
        break;
    }
    }
    return 0;
}

static void app_sleep(void *ctx, uint32_t ms)
{
    struct rig *r = ctx;
    r->sleeps++;
    r->slept_ms += ms;
}

static void app_feed(void *ctx)
{
    ((struct rig *)ctx)->feeds++;
}

static void app_log(void *ctx, const char *fmt, va_list args)
{
    append_log(ctx, "app", fmt, args);
}

/* --- net core --- */

static int net_protect(void *ctx, uint32_t addr, uint32_t len)
{
    return mb_pcd_host_acl_lock(&((struct rig *)ctx)->acl, addr, len);
}

static void net_boot(void *ctx, uint32_t vector_table)
{
    struct rig *r = ctx;
    r->boots++;
    r->booted_vector = vector_table;
}

static void net_log(void *ctx, const char *fmt, va_list args)
{
    append_log(ctx, "net", fmt, args);
}

static void program(struct flash_sim *sim, uint32_t addr, const void *data, size_t len)
{
    uint8_t word_padded[IMAGE_MAX + 4];
    CHECK(len <= IMAGE_MAX);
    memset(word_padded, 0xFF, sizeof word_padded);
    memcpy(word_padded, data, len);
    CHECK_EQ(flash_write(flash_sim_dev(sim), addr, word_padded, (len + 3) & ~(size_t)3), FLASH_OK);
}

void rig_open(struct rig *r)
{
    memset(r, 0, sizeof *r);
    char err[FLASH_SIM_ERROR_LEN];
    r->app = flash_sim_open(&flash_sim_nrf5340_app, err, sizeof err);
    r->net = flash_sim_open(&flash_sim_nrf5340_net, err, sizeof err);
    CHECK(r->app != NULL && r->net != NULL);
    const uint32_t s0 = PM_NET_APP_ADDRESS;
    program(r->net, PM_NET_PROVISION_ADDRESS + MB_PCD_PROVISION_S0_OFFSET, &s0, sizeof s0);
    r->app_cfg = mb_pcd_board_app_config();
    r->net_cfg = mb_pcd_board_net_config();
    r->app_port = (struct mb_pcd_app_port){.area_read = area_read, .area_write = area_write, .hold = app_hold,
                                           .release = app_release, .sleep_ms = app_sleep, .feed_watchdog = app_feed,
                                           .log = app_log, .ctx = r};
    r->net_port = (struct mb_pcd_net_port){.net_flash = &r->acl.dev, .app_flash = flash_sim_dev(r->app),
                                           .area_read = area_read, .area_write = area_write,
                                           .protect = net_protect, .boot = net_boot, .log = net_log, .ctx = r};
    r->held = true;
}

void rig_close(struct rig *r)
{
    flash_sim_close(r->app);
    flash_sim_close(r->net);
    r->app = r->net = NULL;
}

void file_read(struct file_bytes *f, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        test_fail(__FILE__, __LINE__, "cannot open %s", path);
    f->len = fread(f->data, 1, sizeof f->data, in);
    bool longer = fgetc(in) != EOF;
    fclose(in);
    if (longer)
        test_fail(__FILE__, __LINE__, "%s is larger than %u bytes", path, IMAGE_MAX);
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void rig_stage(struct rig *r, const char *image_path, struct staged *out)
{
    static struct file_bytes f;
    file_read(&f, image_path);
    rig_stage_bytes(r, &f, out);
}

void rig_stage_bytes(struct rig *r, const struct file_bytes *image, struct staged *out)
{
    if (&out->file != image)
        out->file = *image;
    const struct flash_dev *app = flash_sim_dev(r->app);
    uint32_t span = ((uint32_t)out->file.len + app->page_size - 1) / app->page_size * app->page_size;
    CHECK_EQ(flash_erase(app, PM_MCUBOOT_SECONDARY_ADDRESS, span), FLASH_OK);
    CHECK_EQ(le32(out->file.data), 0x96f3b83du);
    const uint32_t hdr_size = out->file.data[8] | (uint32_t)out->file.data[9] << 8;
    out->payload_address = PM_MCUBOOT_SECONDARY_ADDRESS + hdr_size;
    out->payload_len = le32(out->file.data + 12);
    out->payload = out->file.data + hdr_size;
    CHECK(hdr_size + out->payload_len <= out->file.len);
    program(r->app, PM_MCUBOOT_SECONDARY_ADDRESS, out->file.data, out->file.len);
}

void rig_install_net_app(struct rig *r, const char *payload_path)
{
    static struct file_bytes f;
    file_read(&f, payload_path);
    const struct flash_dev *net = flash_sim_dev(r->net);
    uint32_t span = ((uint32_t)f.len + net->page_size - 1) / net->page_size * net->page_size;
    CHECK_EQ(flash_erase(net, PM_NET_APP_ADDRESS, span), FLASH_OK);
    program(r->net, PM_NET_APP_ADDRESS, f.data, f.len);
}

enum mb_pcd_status rig_update(struct rig *r, const struct staged *s, struct mb_pcd_result *result)
{
    return mb_pcd_update(&r->app_cfg, &r->app_port, s->payload_address, s->payload_len, result);
}

enum mb_pcd_net_outcome rig_net_start(struct rig *r)
{
    r->net_starts++;
    mb_pcd_host_acl_flash_init(&r->acl, flash_sim_dev(r->net)); /* a reset clears the ACL */
    r->last_net = mb_pcd_net_run(&r->net_cfg, &r->net_port);
    return r->last_net;
}

void rig_command(struct rig *r, uint32_t magic, uint32_t data, uint32_t len, int32_t offset)
{
    const struct mb_pcd_cmd cmd = {magic, data, len, offset};
    memset(r->area, 0, MB_PCD_AREA_MIN_SIZE);
    memcpy(r->area, &cmd, sizeof cmd);
}

uint32_t rig_area_magic(const struct rig *r)
{
    return le32(r->area);
}

struct mb_pcd_detail rig_area_detail(const struct rig *r)
{
    struct mb_pcd_detail d;
    memcpy(&d, r->area + MB_PCD_DETAIL_OFFSET, sizeof d);
    return d;
}

void rig_power_cycle(struct rig *r, bool keep_ram)
{
    flash_sim_reboot(r->app);
    flash_sim_reboot(r->net);
    if (!keep_ram)
        memset(r->area, 0, sizeof r->area);
    r->held = true; /* NETWORK.FORCEOFF resets to Hold */
}

const uint8_t *rig_net_bytes(const struct rig *r, uint32_t addr)
{
    return flash_sim_memory(r->net) + (addr - MEM_NET_FLASH_BASE);
}

const uint8_t *rig_app_bytes(const struct rig *r, uint32_t addr)
{
    return flash_sim_memory(r->app) + (addr - MEM_FLASH_BASE);
}

bool rig_logged(const struct rig *r, const char *text)
{
    return strstr(r->log, text) != NULL;
}

void rig_clear_log(struct rig *r)
{
    r->log_len = 0;
    r->log[0] = '\0';
}
