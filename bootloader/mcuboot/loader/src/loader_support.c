/* Logging, refusals and the version rules shared by every update path. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "board_partitions.h"
#include "loader_internal.h"

void loader_log(const struct run *r, const char *fmt, ...)
{
    if (r->port->log == NULL)
        return;
    va_list args;
    va_start(args, fmt);
    r->port->log(r->port->ctx, fmt, args);
    va_end(args);
}

const char *loader_image_name(uint8_t image)
{
    static const char *const names[IMAGE_COUNT] = {"app", "net core", "bootloader", "C# deployment"};
    return image < IMAGE_COUNT ? names[image] : "unknown";
}

void loader_refuse(const struct run *r, uint8_t image, uint16_t rule, const char *fmt, ...)
{
    char text[MB_LOADER_LINE_SIZE];
    int n = snprintf(text, sizeof text, "%s image refused: ", loader_image_name(image));
    va_list args;
    va_start(args, fmt);
    if (n > 0 && (size_t)n < sizeof text)
        vsnprintf(text + n, sizeof text - (size_t)n, fmt, args);
    va_end(args);
    if (r->check != NULL) {
        *r->check = (struct mb_loader_check){.verdict = MB_CHECK_REFUSED, .image = image, .rule = rule};
        memcpy(r->check->line, text, sizeof text);
        return;
    }
    loader_log(r, "%s", text);
    mb_boot_info_refuse(r->port->info, image, rule, text);
}

bool loader_validate_app(void *ctx, const struct mb_area *secondary, uint32_t *image_size)
{
    const struct run *r = ctx;
    struct mb_image_info img;
    enum mb_image_status st = mb_image_validate(secondary->flash, secondary->addr, mb_swap_max_image_size(&r->app),
                                                r->keyring, &img);
    if (st != MB_IMAGE_OK) {
        loader_refuse(r, IMAGE_NUMBER_APP, MB_RULE_IMAGE_INVALID, "%s", mb_image_status_text(st));
        return false;
    }
    if (!loader_version_rules(r, IMAGE_NUMBER_APP, &img, r->app.primary.addr, mb_swap_max_image_size(&r->app)))
        return false;
    *image_size = img.total_size;
    return true;
}

bool loader_power_lost(const struct run *r)
{
    uint32_t word;
    return flash_read(r->port->flash, r->port->flash->base, &word, sizeof word) == FLASH_E_POWER_LOST;
}

void loader_feed(void *ctx)
{
    const struct run *r = ctx;
    if (r->port->feed_watchdog != NULL)
        r->port->feed_watchdog(r->port->ctx);
}

/* Where the installed copy of `image` keeps its MCUboot header (0: not readable from the app core). */
static uint32_t installed_header_addr(const struct run *r, uint8_t image)
{
    switch (image) {
    case IMAGE_NUMBER_APP:
        return PM_MCUBOOT_PRIMARY_ADDRESS;
    case IMAGE_NUMBER_BOOTLOADER:
        if (!b0_boot_record_valid(r->port->b0_record))
            return 0;
        return r->port->b0_record->slot == 0 ? PM_S0_ADDRESS : PM_S1_ADDRESS;
    case IMAGE_NUMBER_MANAGED:
        return PM_MANAGED_DEPLOY_ADDRESS;
    default:
        return 0; /* the net core's flash: the app core cannot read it */
    }
}

static bool dependencies_met(const struct run *r, uint8_t image, const struct mb_image_info *img)
{
    for (unsigned i = 0; i < img->dependency_count; i++) {
        const struct mb_dependency *dep = &img->dependencies[i];
        char need[MB_VERSION_TEXT_SIZE], have[MB_VERSION_TEXT_SIZE] = "unknown";
        mb_version_format(&dep->min_version, need, sizeof need);
        uint32_t addr = installed_header_addr(r, dep->image_id);
        struct mb_image_info installed;
        bool known = addr != 0 && mb_image_read_header(r->port->flash, addr, PM_MCUBOOT_PRIMARY_SIZE,
                                                       &installed) == MB_IMAGE_OK;
        if (known)
            mb_version_format(&installed.hdr.version, have, sizeof have);
        if (!known || mb_version_cmp(&installed.hdr.version, &dep->min_version, false) < 0) {
            loader_refuse(r, image, MB_RULE_DEPENDENCY, "needs image %u (%s) >= %s, installed: %s; update image %u first",
                          dep->image_id, loader_image_name(dep->image_id), need, have, dep->image_id);
            return false;
        }
    }
    return true;
}

bool loader_version_rules(const struct run *r, uint8_t image, const struct mb_image_info *img,
                          uint32_t installed_addr, uint32_t installed_size)
{
    struct mb_image_info old;
    if (installed_addr != 0 &&
        mb_image_validate(r->port->flash, installed_addr, installed_size, NULL, &old) == MB_IMAGE_OK) {
        char new_v[MB_VERSION_TEXT_SIZE], old_v[MB_VERSION_TEXT_SIZE];
        mb_version_format(&img->hdr.version, new_v, sizeof new_v);
        mb_version_format(&old.hdr.version, old_v, sizeof old_v);
        /* MCUboot's downgrade prevention: major.minor.revision, an equal version passes. */
        if (mb_version_cmp(&img->hdr.version, &old.hdr.version, false) < 0) {
            loader_refuse(r, image, MB_RULE_DOWNGRADE, "version %s is below the installed %s; sign it with a higher --version",
                          new_v, old_v);
            return false;
        }
        /* Security counter: only when the installed image has one; an equal counter passes. */
        if (old.has_security_counter &&
            (!img->has_security_counter || img->security_counter < old.security_counter)) {
            if (img->has_security_counter)
                loader_refuse(r, image, MB_RULE_SECURITY_COUNTER,
                              "security counter %lu is below the installed image's %lu; sign it with -s %lu or higher",
                              (unsigned long)img->security_counter, (unsigned long)old.security_counter,
                              (unsigned long)old.security_counter);
            else
                loader_refuse(r, image, MB_RULE_SECURITY_COUNTER,
                              "it has no security counter but the installed image has %lu; sign it with -s %lu or higher",
                              (unsigned long)old.security_counter, (unsigned long)old.security_counter);
            return false;
        }
    }
    return dependencies_met(r, image, img);
}
