/*
 * Copies that already exist. A power cut after the copy leaves the upload in place: the next boot
 * must finish the clean-up, not refuse. Before the reboot the target slot holds exactly the upload;
 * after it the new copy runs and the upload (possibly half erased) is linked for the running slot.
 */
#include <inttypes.h>
#include <stdio.h>

#include "check.h"
#include "flash_span.h"

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

int running_copy_leftover(const struct flash_dev *flash, const struct bl_slot *running, const struct bl_upload *upload,
                          bool *leftover, uint32_t *image_bytes)
{
    *leftover = false;
    struct mb_image_info installed;
    enum mb_image_status st = mb_image_validate(flash, running->start, running->size, NULL, &installed);
    if (st == MB_IMAGE_E_FLASH)
        return FLASH_E_IO;
    if (st != MB_IMAGE_OK)
        return FLASH_OK; /* no MCUboot image there, so nothing the upload could be left of */

    /* upload_erase.c erases the last page first and the first page last: equal, one torn, erased. */
    const uint32_t len = copy_length(flash, installed.total_size), page = flash->page_size;
    bool torn_seen = false;
    for (uint32_t off = 0; off < len; off += page) {
        const uint32_t n = min_u32(page, len - off);
        bool same = false, erased = false;
        int err = FLASH_OK;
        if (!torn_seen)
            err = flash_span_equal(flash, upload->addr + off, running->start + off, n, FLASH_SKIP_NONE, &same, NULL);
        if (err == FLASH_OK && !same)
            err = flash_span_erased(flash, upload->addr + off, n, &erased);
        if (err != FLASH_OK)
            return err;
        if (same)
            continue;
        if (off == 0)
            return FLASH_OK; /* the header page differs: another image */
        if (torn_seen && !erased)
            return FLASH_OK;
        torn_seen = true;
    }
    *leftover = true;
    *image_bytes = installed.total_size;
    return FLASH_OK;
}

enum mb_bl_rule check_running_copy(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    bool leftover;
    if (running_copy_leftover(c->env->flash, &c->running, &c->upload, &leftover, &v->upload_bytes) != FLASH_OK)
        return verdict_fault(v, MB_BL_E_DEVICE, "comparing the upload with the running slot failed");
    if (!leftover)
        return RULE_PASSED;
    v->version = v->running_version;
    return verdict_say(v, MB_BL_RUNNING,
                       "bootloader update: S%u already runs this image (version %" PRIu32
                       "); erase its leftover in the upload slot",
                       c->running.index, v->running_version);
}

enum mb_bl_rule check_target_copy(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    const struct flash_dev *flash = c->env->flash;
    const uint32_t len = copy_length(flash, v->image.total_size);
    const struct flash_skip valid_word = {v->fw_info_address - c->target.start + FW_INFO_VALID_OFFSET, 4};

    bool same = false, same_but_valid = false;
    int err = flash_span_equal(flash, c->target.start, c->upload.addr, len, FLASH_SKIP_NONE, &same, NULL);
    if (err == FLASH_OK && !same)
        err = flash_span_equal(flash, c->target.start, c->upload.addr, len, valid_word, &same_but_valid, NULL);
    if (err != FLASH_OK)
        return verdict_fault(v, MB_BL_E_DEVICE, "comparing the upload with the target slot failed");
    if (same)
        return verdict_say(v, MB_BL_ALREADY_INSTALLED,
                           "bootloader update: S%u already holds this image (version %" PRIu32
                           "); erase the upload slot and reboot",
                           c->target.index, v->version);
    if (same_but_valid) /* differs in the valid word alone: b0 gave this copy up after failed starts */
        return verdict_refuse(v, MB_BL_E_INVALIDATED_COPY,
                              "S%u holds this image (version %" PRIu32
                              ") invalidated by b0 after failed starts; fix it and raise the version to %" PRIu32,
                              c->target.index, v->version, v->version + 1);
    return RULE_PASSED;
}
