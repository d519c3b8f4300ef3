/*
 * Copy-style installs of an image from the upload slot (no swap, no revert): the C# deployment
 * image into managed_deploy. Power-cut safe by order: the source stays intact until the
 * destination reads back equal, and the source's trailer page is erased first so a half-erased
 * source is never taken for a pending image.
 */
#ifndef MB_SLOT_COPY_H
#define MB_SLOT_COPY_H

#include <stdbool.h>
#include <stdint.h>

#include "flash_dev.h"

struct mb_copy_hooks {
    void (*feed_watchdog)(void *ctx); /* once per page */
    void *ctx;
};

/* True when [dst, dst+len) already equals [src, src+len); false also on a read error. */
bool mb_slot_equal(const struct flash_dev *flash, uint32_t dst, uint32_t src, uint32_t len);

/*
 * Erases the page-rounded [dst, dst+dst_size), copies len bytes from src, and reads them back.
 * FLASH_OK, a flash_err, or FLASH_E_IO when the read-back differs.
 */
int mb_slot_copy(const struct flash_dev *flash, uint32_t dst, uint32_t dst_size, uint32_t src, uint32_t len,
                 const struct mb_copy_hooks *hooks);

/* Erases an upload slot holding an image of len bytes: its last page (the trailer) first. */
int mb_slot_erase_image(const struct flash_dev *flash, uint32_t slot, uint32_t slot_size, uint32_t len,
                        const struct mb_copy_hooks *hooks);

#endif /* MB_SLOT_COPY_H */
