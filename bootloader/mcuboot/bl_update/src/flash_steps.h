/* The flash writes of apply and refuse, page by page with the watchdog fed, failures described. */
#ifndef FLASH_STEPS_H
#define FLASH_STEPS_H

#include <stdbool.h>
#include <stdint.h>

#include "bl_layout.h"
#include "mb_bl_update.h"

/* Where a step failed: "erasing", "writing", "reading", or "verifying" (read back differs: err FLASH_OK). */
struct flash_fault {
    const char *doing;
    uint32_t addr;
    int err;
};

/* Erases the page at addr unless it already reads erased (no wear for a redo). */
bool page_erase(const struct mb_bl_env *env, uint32_t addr, struct flash_fault *fault);

/*
 * Copies len bytes (a write-unit multiple) from the upload into the slot, which it erases first.
 * b0 must never find a partial copy: the 12-byte fw_info magic at offset magic_off is written last,
 * after everything else reads back equal, and is then read back itself.
 */
bool slot_copy(const struct mb_bl_env *env, const struct bl_slot *slot, uint32_t upload_addr, uint32_t len,
               uint32_t magic_off, struct flash_fault *fault);

/*
 * Erases an image of image_bytes from the upload slot: its pages from the last to the second, then
 * the trailer page, then the first page. Until that last erase the header page is intact, so a cut
 * leaves a state check_copies.c recognises; once the trailer is gone nothing asks for the image.
 */
bool upload_erase(const struct mb_bl_env *env, const struct bl_upload *upload, uint32_t image_bytes,
                  struct flash_fault *fault);

#endif /* FLASH_STEPS_H */
