/*
 * mb_bl_update_apply and mb_bl_update_refuse: the only writers. Each writes after a full check and
 * leaves its outcome line in the verdict and the retained outcome record.
 */
#include <inttypes.h>
#include <stdio.h>

#include "check.h"
#include "flash_steps.h"
#include "outcome.h"

static enum mb_bl_result finish(const struct mb_bl_env *env, struct mb_bl_verdict *v, enum mb_bl_result result)
{
    outcome_record(env, v->rule, result, v->line);
    return result;
}

static const char *fault_text(const struct flash_fault *f)
{
    return f->err == FLASH_OK ? "contents differ" : flash_strerror(f->err);
}

static enum mb_bl_result copy_failed(const struct mb_bl_env *env, struct mb_bl_verdict *v, const struct bl_slot *t,
                                     const struct flash_fault *f)
{
    snprintf(v->line, sizeof v->line,
             "bootloader update failed: %s 0x%08" PRIx32 " (copy into S%u): %s; S%d still boots, the copy is redone at "
             "the next boot",
             f->doing, f->addr, t->index, fault_text(f), v->running_slot);
    return finish(env, v, MB_BL_FAILED);
}

enum mb_bl_result mb_bl_update_apply(const struct mb_bl_env *env, uint32_t secondary_addr, struct mb_bl_verdict *v)
{
    const enum mb_bl_rule rule = mb_bl_update_check(env, secondary_addr, v);
    if (rule == MB_BL_NO_IMAGE)
        return MB_BL_NOTHING;
    if (mb_bl_rule_is_refusal(rule))
        return MB_BL_REFUSED; /* nothing written: the caller reports it and calls mb_bl_update_refuse */
    if (rule != MB_BL_INSTALL && rule != MB_BL_ALREADY_INSTALLED && rule != MB_BL_RUNNING)
        return finish(env, v, MB_BL_FAILED);

    const struct bl_upload upload = bl_upload(secondary_addr, env->flash->page_size);
    const struct bl_slot slot = bl_slot((unsigned)v->target_slot);
    struct flash_fault fault;
    char header[MB_VERSION_TEXT_SIZE];
    mb_version_format(&v->image.hdr.version, header, sizeof header);

    if (rule == MB_BL_INSTALL &&
        !slot_copy(env, &slot, upload.addr, copy_length(env->flash, v->image.total_size),
                   v->fw_info_address - slot.start, &fault))
        return copy_failed(env, v, &slot, &fault);

    const bool erased = upload_erase(env, &upload, v->upload_bytes, &fault);
    if (rule == MB_BL_RUNNING) {
        if (!erased) {
            snprintf(v->line, sizeof v->line,
                     "bootloader update: erasing the leftover upload failed at 0x%08" PRIx32 ": %s; redone at the "
                     "next boot",
                     fault.addr, fault_text(&fault));
            return finish(env, v, MB_BL_FAILED);
        }
        snprintf(v->line, sizeof v->line,
                 "bootloader update: S%u runs version %" PRIu32 " (header %s); its leftover upload is erased",
                 slot.index, v->version, header);
        return finish(env, v, MB_BL_CLEANED);
    }
    /* The copy is complete either way: b0 starts it at the reset, which then finishes any clean-up. */
    if (!erased)
        snprintf(v->line, sizeof v->line,
                 "bootloader update: S%u holds version %" PRIu32 ", erasing the upload failed at 0x%08" PRIx32
                 " (%s); reboot, S%u finishes it",
                 slot.index, v->version, fault.addr, fault_text(&fault), slot.index);
    else
        snprintf(v->line, sizeof v->line,
                 "bootloader update: S%u %s version %" PRIu32 " (header %s), upload erased; reboot so b0 starts S%u",
                 slot.index, rule == MB_BL_INSTALL ? "now holds" : "already held", v->version, header, slot.index);
    return finish(env, v, MB_BL_REBOOT);
}

enum mb_bl_result mb_bl_update_refuse(const struct mb_bl_env *env, uint32_t secondary_addr,
                                      const struct mb_bl_verdict *v)
{
    if (!mb_bl_rule_is_refusal(v->rule))
        return MB_BL_NOTHING;
    const struct bl_upload upload = bl_upload(secondary_addr, env->flash->page_size);
    struct flash_fault fault;
    const enum mb_bl_result result = upload_erase(env, &upload, v->upload_bytes, &fault) ? MB_BL_REFUSED : MB_BL_FAILED;
    outcome_record(env, v->rule, result, v->line);
    return result;
}
