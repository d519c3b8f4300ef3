/* The boot's rules on the upload slot, read-only, for the app (mb_loader_check_upload in mb_loader.h). */
#include <string.h>

#include "board_partitions.h"
#include "loader_internal.h"
#include "mb_bl_update.h"

static enum mb_check_verdict check_bootloader(const struct run *r, struct mb_loader_check *out)
{
    struct mb_bl_env env = {r->port->flash, r->port->otp, r->port->b0_record, r->keyring, NULL, NULL, NULL};
    struct mb_bl_verdict v;
    enum mb_bl_rule rule = mb_bl_update_check(&env, r->app.secondary.addr, &v);
    if (rule == MB_BL_INSTALL || rule == MB_BL_ALREADY_INSTALLED || rule == MB_BL_RUNNING)
        return MB_CHECK_ACCEPTED;
    out->verdict = mb_bl_rule_is_refusal(rule) ? MB_CHECK_REFUSED : MB_CHECK_FAULT;
    out->rule = (uint16_t)rule;
    strncpy(out->line, v.line, sizeof out->line - 1);
    return out->verdict;
}

enum mb_check_verdict mb_loader_check_upload(const struct mb_loader_port *port, const struct mb_keyring *keyring,
                                             uint8_t image_number, struct mb_loader_check *out)
{
    *out = (struct mb_loader_check){.verdict = MB_CHECK_ACCEPTED, .image = IMAGE_NUMBER_APP};
    struct run r = {.port = port, .keyring = keyring, .app = loader_app_pair(port->flash), .check = out};
    uint32_t upload = r.app.secondary.addr;
    struct mb_image_info img;
    uint32_t size;
    /* As the boot: a header that does not read goes the app's way, which refuses it. */
    if (mb_image_read_header(port->flash, upload, PM_MCUBOOT_SECONDARY_SIZE, &img) != MB_IMAGE_OK) {
        loader_validate_app(&r, &r.app.secondary, &size);
        return out->verdict;
    }
    bool installed;
    out->image = mb_loader_route_image(img.reset_vector, image_number);
    switch (out->image) {
    case IMAGE_NUMBER_BOOTLOADER:
        return check_bootloader(&r, out);
    case IMAGE_NUMBER_NET:
        loader_check_net(&r, upload, &img);
        break;
    case IMAGE_NUMBER_APP:
        loader_validate_app(&r, &r.app.secondary, &size);
        break;
    case IMAGE_NUMBER_MANAGED:
        loader_check_managed(&r, upload, &img, &installed);
        break;
    default:
        loader_refuse_no_slot(&r, image_number, img.reset_vector);
        break;
    }
    return out->verdict;
}
