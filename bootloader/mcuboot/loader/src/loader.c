/* One boot of the second stage (mb_loader.h). */
#include <string.h>

#include "board_partitions.h"
#include "loader_internal.h"
#include "mb_bl_update.h"
#include "mb_reset_reason.h"
#include "mb_slot_copy.h"

_Static_assert(PM_S1_ADDRESS == PM_S0_END_ADDRESS, "S0 and S1 are locked as one range");

enum route { ROUTE_APP, ROUTE_DONE, ROUTE_REBOOT, ROUTE_POWER_LOST };

static bool in_partition(uint32_t addr, uint32_t start, uint32_t size)
{
    return addr >= start && addr - start < size;
}

uint8_t mb_loader_route_image(uint32_t reset_vector, uint8_t trailer_image)
{
    uint32_t vector = reset_vector & ~1u;
    if (mb_bl_update_is_bootloader_image(vector) != MB_BL_NO_SLOT)
        return IMAGE_NUMBER_BOOTLOADER;
    if (in_partition(vector, PM_NET_APP_ADDRESS, PM_NET_APP_SIZE))
        return IMAGE_NUMBER_NET;
    if (in_partition(vector, PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_SIZE))
        return IMAGE_NUMBER_APP;
    return trailer_image == IMAGE_NUMBER_MANAGED ? IMAGE_NUMBER_MANAGED : MB_NO_IMAGE;
}

void loader_refuse_no_slot(const struct run *r, uint8_t image, uint32_t reset_vector)
{
    loader_refuse(r, image, MB_RULE_NO_SLOT,
                  "reset vector 0x%08lx is in no image's slot (app 0x%08lx, net 0x%08lx, S0 0x%08lx, S1 0x%08lx)"
                  "; C# deployments are uploaded as image 3",
                  (unsigned long)reset_vector, (unsigned long)PM_MCUBOOT_PRIMARY_ADDRESS,
                  (unsigned long)PM_NET_APP_ADDRESS, (unsigned long)PM_S0_IMAGE_ADDRESS,
                  (unsigned long)PM_S1_IMAGE_ADDRESS);
}

struct mb_swap_pair loader_app_pair(const struct flash_dev *flash)
{
    return (struct mb_swap_pair){{flash, PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_SIZE},
                                 {flash, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE},
                                 IMAGE_NUMBER_APP};
}

static bool primary_image_size(void *ctx, const struct mb_area *primary, uint32_t *image_size)
{
    const struct run *r = ctx;
    struct mb_image_info img;
    /* total_size needs the TLV info; a hash-only pass reads it (the image is validated before boot). */
    if (mb_image_validate(primary->flash, primary->addr, mb_swap_max_image_size(&r->app), NULL, &img) ==
            MB_IMAGE_E_FLASH ||
        img.total_size == 0)
        return false;
    *image_size = img.total_size;
    return true;
}

static void swap_log(void *ctx, const char *fmt, va_list args)
{
    const struct run *r = ctx;
    if (r->port->log != NULL)
        r->port->log(r->port->ctx, fmt, args);
}

static enum route bootloader_update(const struct run *r, uint32_t upload)
{
    struct mb_bl_env env = {r->port->flash, r->port->otp, r->port->b0_record, r->keyring, NULL, loader_feed, (void *)r};
    struct mb_bl_verdict v;
    enum mb_bl_result res = mb_bl_update_apply(&env, upload, &v);
    switch (res) {
    case MB_BL_REBOOT:
        loader_log(r, "%s", v.line);
        r->port->info->outcome = MB_BOOT_BOOTLOADER_STAGED;
        mb_boot_info_clear_refusal(r->port->info);
        return ROUTE_REBOOT;
    case MB_BL_CLEANED:
        loader_log(r, "%s", v.line);
        mb_boot_info_clear_refusal(r->port->info);
        return ROUTE_DONE;
    case MB_BL_REFUSED:
        loader_log(r, "%s", v.line);
        mb_boot_info_refuse(r->port->info, IMAGE_NUMBER_BOOTLOADER, (uint16_t)v.rule, v.line);
        if (mb_bl_update_refuse(&env, upload, &v) == MB_BL_FAILED && loader_power_lost(r))
            return ROUTE_POWER_LOST;
        return ROUTE_DONE;
    case MB_BL_FAILED:
        loader_log(r, "%s", v.line);
        return loader_power_lost(r) ? ROUTE_POWER_LOST : ROUTE_DONE;
    default:
        return ROUTE_DONE;
    }
}

/* A pending image in the upload slot: route it by its reset vector (the app's goes on to the swap). */
static enum route route_upload(const struct run *r)
{
    struct mb_trailer_state trailer;
    if (mb_trailer_read(&r->app.secondary, &trailer) != MB_TRAILER_OK || trailer.magic != MB_MAGIC_GOOD)
        return ROUTE_APP; /* nothing pending: the swap logic handles reverts and leftovers */
    uint32_t upload = r->app.secondary.addr;
    struct mb_image_info hdr;
    if (mb_image_read_header(r->port->flash, upload, PM_MCUBOOT_SECONDARY_SIZE, &hdr) != MB_IMAGE_OK)
        return ROUTE_APP; /* the app path validates, refuses and erases it */
    switch (mb_loader_route_image(hdr.reset_vector, trailer.image_number)) {
    case IMAGE_NUMBER_BOOTLOADER:
        return bootloader_update(r, upload);
    case IMAGE_NUMBER_NET:
        return loader_install_net(r, upload) ? ROUTE_DONE : ROUTE_POWER_LOST;
    case IMAGE_NUMBER_APP:
        return ROUTE_APP;
    case IMAGE_NUMBER_MANAGED:
        return loader_install_managed(r, upload) ? ROUTE_DONE : ROUTE_POWER_LOST;
    default:
        break;
    }
    loader_refuse_no_slot(r, trailer.image_number, hdr.reset_vector);
    /* Trailer first, then the header: nothing is left to route. */
    struct mb_copy_hooks hooks = {loader_feed, (void *)r};
    int err = mb_slot_erase_image(r->port->flash, upload, PM_MCUBOOT_SECONDARY_SIZE, r->port->flash->page_size, &hooks);
    return err == FLASH_E_POWER_LOST ? ROUTE_POWER_LOST : ROUTE_DONE;
}

static enum mb_loader_result swap_app(const struct run *r)
{
    struct mb_swap_hooks hooks = {loader_validate_app, primary_image_size, loader_feed, swap_log, (void *)r};
    struct mb_swap_outcome out;
    enum mb_swap_result res = mb_swap_boot(&r->app, &hooks, &out);
    if (res == MB_SWAP_E_POWER_LOST || loader_power_lost(r))
        return MB_LOADER_POWER_LOST;
    if (res != MB_SWAP_OK) {
        loader_log(r, "App swap failed: %s (%s)", mb_swap_result_text(res), flash_strerror(out.flash_error));
        return MB_LOADER_BOOT; /* the primary is still validated before it starts */
    }
    /* A trailer torn by a cut while the upload was being cleaned up: erase it so "image test" works again. */
    struct mb_trailer_state upload;
    if (mb_trailer_read(&r->app.secondary, &upload) == MB_TRAILER_OK && upload.magic == MB_MAGIC_BAD) {
        uint32_t first = mb_trailer_first_page(&r->app.secondary);
        int err = flash_erase(r->port->flash, first, r->app.secondary.addr + r->app.secondary.size - first);
        loader_log(r, "Erased a torn trailer in the upload slot: %s", flash_strerror(err));
        if (err == FLASH_E_POWER_LOST)
            return MB_LOADER_POWER_LOST;
    }
    struct mb_boot_info *info = r->port->info;
    info->resumed = out.resumed;
    if (out.swap_type == MB_SWAP_TYPE_TEST)
        info->outcome = MB_BOOT_SWAPPED_TEST;
    else if (out.swap_type == MB_SWAP_TYPE_PERM)
        info->outcome = MB_BOOT_SWAPPED_PERMANENT;
    else if (out.swap_type == MB_SWAP_TYPE_REVERT)
        info->outcome = MB_BOOT_REVERTED;
    if (out.swap_type == MB_SWAP_TYPE_TEST || out.swap_type == MB_SWAP_TYPE_PERM)
        mb_boot_info_clear_refusal(info);
    return MB_LOADER_BOOT;
}

static void begin(const struct run *r)
{
    struct b0_boot_record *record = r->port->b0_record;
    uint8_t slot = MB_NO_IMAGE;
    if (b0_boot_record_valid(record)) {
        slot = record->slot;
        /* Reaching here with working flash is the healthy start b0 waits for before committing. */
        if (record->confirmed != B0_BOOT_RECORD_CONFIRMED)
            b0_boot_record_confirm(record);
    }
    mb_boot_info_begin(r->port->info, slot, r->port->reset_reason);
    char reason[96];
    mb_reset_reason_text(r->port->reset_reason, reason, sizeof reason);
    if (slot == MB_NO_IMAGE)
        loader_log(r, "Second stage started without a b0 record; reset reason: %s", reason);
    else
        loader_log(r, "Second stage started from S%u (fw_info version %lu); reset reason: %s", slot,
                   (unsigned long)record->version, reason);
}

static enum mb_loader_result start_app(const struct run *r, uint32_t *vector)
{
    struct mb_boot_info *info = r->port->info;
    struct mb_image_info img;
    enum mb_image_status st = mb_image_validate(r->port->flash, r->app.primary.addr, mb_swap_max_image_size(&r->app),
                                                r->keyring, &img);
    uint32_t entry = r->app.primary.addr + img.hdr.hdr_size;
    if (st == MB_IMAGE_OK && !in_partition(img.reset_vector & ~1u, entry, img.hdr.img_size))
        st = MB_IMAGE_E_HEADER_SIZE;
    if (st != MB_IMAGE_OK) {
        if (loader_power_lost(r))
            return MB_LOADER_POWER_LOST;
        loader_log(r, "No valid app in mcuboot_primary: %s. Upload an app as image 0.", mb_image_status_text(st));
        info->outcome = MB_BOOT_NO_APP;
        mb_boot_info_seal(info);
        return MB_LOADER_HALT;
    }
    /* As NCS's MCUboot: S0 and S1 stay write-protected while the app runs. */
    int err = r->port->lock != NULL ? r->port->lock(r->port->ctx, PM_S0_ADDRESS, PM_S1_END_ADDRESS - PM_S0_ADDRESS)
                                    : FLASH_OK;
    if (err != FLASH_OK) {
        loader_log(r, "Protect mcuboot flash failed, cancel startup: %s", flash_strerror(err));
        mb_boot_info_seal(info);
        return err == FLASH_E_POWER_LOST ? MB_LOADER_POWER_LOST : MB_LOADER_HALT;
    }
    char v[MB_VERSION_TEXT_SIZE];
    mb_version_format(&img.hdr.version, v, sizeof v);
    loader_log(r, "Booting app %s: vector table 0x%08lx (%s)", v, (unsigned long)entry,
               mb_boot_outcome_text((enum mb_boot_outcome)info->outcome));
    info->app_vector = entry;
    info->app_version = img.hdr.version;
    mb_boot_info_seal(info);
    *vector = entry;
    return MB_LOADER_BOOT;
}

enum mb_loader_result mb_loader_run(const struct mb_loader_port *port, const struct mb_keyring *keyring,
                                    uint32_t *vector)
{
    struct run r = {.port = port, .keyring = keyring, .app = loader_app_pair(port->flash)};
    begin(&r);

    enum mb_swap_type type;
    bool resume = false;
    if (mb_swap_peek(&r.app, &type, &resume) == MB_SWAP_E_POWER_LOST)
        return MB_LOADER_POWER_LOST;
    /* An interrupted app swap owns both slots until it is finished. */
    enum route route = resume ? ROUTE_APP : route_upload(&r);
    mb_boot_info_seal(port->info);
    if (route == ROUTE_POWER_LOST || loader_power_lost(&r))
        return MB_LOADER_POWER_LOST;
    if (route == ROUTE_REBOOT)
        return MB_LOADER_REBOOT;
    enum mb_loader_result res = swap_app(&r);
    mb_boot_info_seal(port->info);
    if (res != MB_LOADER_BOOT)
        return res;
    return start_app(&r, vector);
}

const char *mb_loader_result_text(enum mb_loader_result result)
{
    switch (result) {
    case MB_LOADER_BOOT:
        return "boot the app";
    case MB_LOADER_REBOOT:
        return "reset to start the new bootloader";
    case MB_LOADER_HALT:
        return "halted: nothing valid to start";
    case MB_LOADER_POWER_LOST:
        return "power lost";
    }
    return "unknown loader result";
}
