#include <stdio.h>

#include "b0_access.h"
#include "b0_counter.h"
#include "board_partitions.h"

static void keep_last_line(void *ctx, const char *fmt, va_list args)
{
    const struct b0_access *b0 = ctx;
    if (b0->last_line != NULL)
        vsnprintf(b0->last_line, b0->last_line_size, fmt, args);
}

void b0_access_init(struct b0_access *b0, const struct mb_bl_env *env, char *last_line, size_t last_line_size)
{
    b0->cfg = (struct b0_config){
        .b0_address = PM_B0_ADDRESS,
        .b0_size = PM_B0_SIZE,
        .provision_address = PM_PROVISION_ADDRESS,
        .provision_size = PM_PROVISION_SIZE,
        .slot_size = PM_S0_SIZE,
    };
    /* Only the readers and b0_validate run here: they use flash, otp and log, never lock or boot. */
    b0->port = (struct b0_port){.flash = env->flash, .otp = env->otp, .log = keep_last_line, .ctx = b0};
    b0->last_line = last_line;
    b0->last_line_size = last_line_size;
    if (last_line != NULL && last_line_size > 0)
        last_line[0] = '\0';
}

struct b0_port b0_access_port_on(const struct b0_access *b0, const struct flash_dev *flash)
{
    struct b0_port port = b0->port;
    port.flash = flash;
    return port;
}

enum b0_status b0_access_read(struct b0_access *b0, struct b0_provision *prov, uint16_t *counter_value,
                              uint16_t *counter_used)
{
    enum b0_status st = b0_provision_read(&b0->cfg, &b0->port, prov);
    if (st == B0_OK)
        st = b0_counter_read(&b0->port, &prov->counter, counter_value, counter_used);
    return st;
}
