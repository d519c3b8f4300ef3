/* b0n's copy of the update into net_app (NCS pcd_fw_copy through stream_flash with erase). */
#ifndef NET_COPY_H
#define NET_COPY_H

#include <stdint.h>

#include "mb_pcd_net.h"

/*
 * Copies [src, src + len) of the app core's flash to dst on the net core's flash, one page at a
 * time: erase the page, then write it in 512-byte pieces (the last one padded with 0xFF to the
 * write unit). dst must start a page. Returns FLASH_OK or the first flash_err, logged.
 */
int net_copy(const struct mb_pcd_net_port *port, uint32_t dst, uint32_t src, uint32_t len);

#endif /* NET_COPY_H */
