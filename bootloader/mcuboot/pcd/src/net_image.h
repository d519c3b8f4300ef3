/*
 * The image checks b0n makes before and after the copy (NCS bl_validate_firmware with
 * SB_VALIDATE_FW_HASH): b0's fw_info rules, the validation block, SHA-256 — no signature.
 */
#ifndef NET_IMAGE_H
#define NET_IMAGE_H

#include <stdint.h>

#include "b0_status.h"
#include "flash_dev.h"
#include "mb_pcd_net.h"

/* An image on `flash` at [src, src + len) that belongs at dst, in a slot of slot_size bytes. */
struct net_image_at {
    const struct flash_dev *flash;
    uint32_t src, len;
    uint32_t dst, slot_size;
};

/* B0_OK, or the first rule broken (each logged with its values); B0_E_FLASH / B0_E_POWER_LOST. */
enum b0_status net_image_check(const struct mb_pcd_net_port *port, const struct net_image_at *at);

#endif /* NET_IMAGE_H */
