/* Copy-style installs from the upload slot: image 1 (net core, over PCD) and image 3 (C# deployment). */
#include "board_partitions.h"
#include "fw_info.h"
#include "loader_internal.h"
#include "mb_pcd_board.h"
#include "mb_slot_copy.h"

static bool erase_upload(const struct run *r, uint32_t len)
{
    struct mb_copy_hooks hooks = {loader_feed, (void *)r};
    int err = mb_slot_erase_image(r->port->flash, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE, len, &hooks);
    if (err != FLASH_OK)
        loader_log(r, "Could not erase the upload slot: %s", flash_strerror(err));
    return !loader_power_lost(r);
}

/* Net-core failures that mean the image itself is wrong: erase it rather than retry every boot. */
static bool net_reason_is_image(enum mb_pcd_reason reason)
{
    return reason == MB_PCD_R_INVALID_IMAGE || reason == MB_PCD_R_LENGTH || reason == MB_PCD_R_SOURCE ||
           reason == MB_PCD_R_ARGS;
}

/* Signature and hash; refuses, and *img->total_size says what to erase (the whole slot when unknown). */
static bool validate_upload(const struct run *r, uint8_t image, uint32_t upload, struct mb_image_info *img)
{
    enum mb_image_status st = mb_image_validate(r->port->flash, upload, PM_MCUBOOT_SECONDARY_MAX_IMAGE_SIZE,
                                                r->keyring, img);
    if (st == MB_IMAGE_OK)
        return true;
    loader_refuse(r, image, MB_RULE_IMAGE_INVALID, "%s", mb_image_status_text(st));
    img->total_size = PM_MCUBOOT_SECONDARY_SIZE;
    return false;
}

bool loader_check_net(const struct run *r, uint32_t upload, struct mb_image_info *img)
{
    return validate_upload(r, IMAGE_NUMBER_NET, upload, img) && loader_version_rules(r, IMAGE_NUMBER_NET, img, 0, 0);
}

bool loader_check_managed(const struct run *r, uint32_t upload, struct mb_image_info *img, bool *installed)
{
    *installed = false;
    if (!validate_upload(r, IMAGE_NUMBER_MANAGED, upload, img))
        return false;
    if (img->total_size > PM_MANAGED_DEPLOY_SIZE) {
        loader_refuse(r, IMAGE_NUMBER_MANAGED, MB_RULE_TOO_BIG, "%lu bytes do not fit managed_deploy (%lu bytes)",
                      (unsigned long)img->total_size, (unsigned long)PM_MANAGED_DEPLOY_SIZE);
        return false;
    }
    /* After a power cut between copy and clean-up the deployment already holds the image. */
    *installed = mb_slot_equal(r->port->flash, PM_MANAGED_DEPLOY_ADDRESS, upload, img->total_size);
    return *installed ||
           loader_version_rules(r, IMAGE_NUMBER_MANAGED, img, PM_MANAGED_DEPLOY_ADDRESS, PM_MANAGED_DEPLOY_SIZE);
}

bool loader_install_net(const struct run *r, uint32_t upload)
{
    struct mb_image_info img;
    if (!loader_check_net(r, upload, &img))
        return erase_upload(r, img.total_size);
    if (r->port->pcd == NULL) {
        loader_refuse(r, IMAGE_NUMBER_NET, MB_RULE_NET_CORE,
                      "this build has no net-core port; upload net images to a device that has one");
        return erase_upload(r, img.total_size);
    }
    struct mb_pcd_app_config cfg = mb_pcd_board_app_config();
    struct mb_pcd_result res;
    /* Downgrade prevention as NCS's PCD_READ_NETCORE_APP_VERSION: the fw_info versions b0n compares. */
    struct fw_info_found update;
    uint32_t installed;
    if (fw_info_find(r->port->flash, upload + img.hdr.hdr_size, &update) == B0_OK &&
        mb_pcd_read_version(&cfg, r->port->pcd, &installed, &res) == MB_PCD_DONE &&
        update.info.version < installed) {
        loader_refuse(r, IMAGE_NUMBER_NET, MB_RULE_DOWNGRADE,
                      "fw_info version %lu is below the installed net core's %lu; raise the net image's version",
                      (unsigned long)update.info.version, (unsigned long)installed);
        return erase_upload(r, img.total_size);
    }
    /* A failed copy may leave net_app torn; the same command repairs it, so try twice. */
    for (int attempt = 0; attempt < 2; attempt++) {
        enum mb_pcd_status s = mb_pcd_update(&cfg, r->port->pcd, upload + img.hdr.hdr_size, img.hdr.img_size, &res);
        if (s == MB_PCD_DONE) {
            if (!erase_upload(r, img.total_size))
                return false;
            r->port->info->outcome = MB_BOOT_NET_UPDATED;
            mb_boot_info_clear_refusal(r->port->info);
            return true;
        }
        if (loader_power_lost(r))
            return false;
        if (net_reason_is_image(res.reason) || s == MB_PCD_E_TIMEOUT || s == MB_PCD_E_REFUSED)
            break;
    }
    loader_refuse(r, IMAGE_NUMBER_NET, MB_RULE_NET_CORE, "%s: %s (code %ld)%s", mb_pcd_status_text(res.status),
                  mb_pcd_reason_text(res.reason), (long)res.code,
                  res.status == MB_PCD_E_TIMEOUT ? "; is a b0n with PCD on the net core?" : "");
    return erase_upload(r, img.total_size);
}

bool loader_install_managed(const struct run *r, uint32_t upload)
{
    struct mb_image_info img;
    bool installed;
    if (!loader_check_managed(r, upload, &img, &installed))
        return erase_upload(r, img.total_size);
    if (!installed) {
        struct mb_copy_hooks hooks = {loader_feed, (void *)r};
        int err = mb_slot_copy(r->port->flash, PM_MANAGED_DEPLOY_ADDRESS, PM_MANAGED_DEPLOY_SIZE, upload,
                               img.total_size, &hooks);
        if (err != FLASH_OK) {
            loader_log(r, "C# deployment copy failed (%s): kept for the next boot", flash_strerror(err));
            return !loader_power_lost(r);
        }
    }
    char v[MB_VERSION_TEXT_SIZE];
    mb_version_format(&img.hdr.version, v, sizeof v);
    loader_log(r, "C# deployment %s installed in managed_deploy (%lu bytes)", v, (unsigned long)img.total_size);
    if (!erase_upload(r, img.total_size))
        return false;
    r->port->info->outcome = MB_BOOT_MANAGED_UPDATED;
    mb_boot_info_clear_refusal(r->port->info);
    return true;
}
