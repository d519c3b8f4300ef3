/* mb_bl_update_info: what the app reports about the bootloader copies (read-only, no crypto but hashes). */
#include <string.h>

#include "check.h"

static void slot_info(const struct flash_dev *flash, const struct bl_slot *slot, struct mb_bl_slot_info *out)
{
    struct fw_info_found found;
    if (fw_info_find(flash, slot->start, &found) == B0_OK) {
        out->fw_info_present = true;
        out->fw_info_valid = found.info.valid == FW_INFO_VALID;
        out->fw_info_version = found.info.version;
    }
    struct mb_image_info header;
    if (mb_image_read_header(flash, slot->start, slot->size, &header) == MB_IMAGE_OK) {
        out->header_present = true;
        out->header_version = header.hdr.version;
    }
}

static void staged(const struct mb_bl_env *env, uint32_t secondary_addr, struct mb_bl_info *out)
{
    const struct bl_upload upload = bl_upload(secondary_addr, env->flash->page_size);
    struct mb_image_info image;
    if (mb_image_read_header(env->flash, upload.addr, upload.image_room, &image) != MB_IMAGE_OK)
        return;
    out->staged_slot = mb_bl_update_is_bootloader_image(image.reset_vector);
    if (out->staged_slot == MB_BL_NO_SLOT)
        return;
    out->staged_header = image.hdr.version;
    out->staged = true;
    if (out->staged_slot == out->active_slot) {
        const struct bl_slot running = bl_slot((unsigned)out->active_slot);
        bool leftover = false;
        uint32_t bytes;
        running_copy_leftover(env->flash, &running, &upload, &leftover, &bytes);
        out->staged = !leftover; /* what is left of the running copy is no update */
    }
}

void mb_bl_update_info(const struct mb_bl_env *env, uint32_t secondary_addr, struct mb_bl_info *out)
{
    memset(out, 0, sizeof *out);
    out->active_slot = MB_BL_NO_SLOT;
    out->staged_slot = MB_BL_NO_SLOT;
    if (env->record != NULL && b0_boot_record_valid(env->record) && env->record->slot <= 1) {
        out->active_slot = env->record->slot;
        out->active_version = env->record->version;
    }
    for (unsigned i = 0; i < 2; i++) {
        const struct bl_slot slot = bl_slot(i);
        slot_info(env->flash, &slot, &out->slot[i]);
    }

    struct b0_access b0;
    struct b0_provision prov;
    uint16_t value, used;
    b0_access_init(&b0, env, NULL, 0);
    if (b0_access_read(&b0, &prov, &value, &used) == B0_OK) {
        out->counter_known = true;
        out->counter_used = used;
        out->counter_slots = prov.counter.num_slots;
    }
    staged(env, secondary_addr, out);
    if (mb_bl_outcome_valid(env->outcome)) {
        out->last_outcome_valid = true;
        out->last_outcome = *env->outcome;
    }
}
