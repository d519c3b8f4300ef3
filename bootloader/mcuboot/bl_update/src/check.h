/* What the rules of mb_bl_update_check share while they run (check.c, check_b0.c, check_copies.c). */
#ifndef CHECK_H
#define CHECK_H

#include <stdbool.h>

#include "b0_access.h"
#include "bl_layout.h"
#include "fw_info.h"
#include "slot_view.h"
#include "verdict.h"

struct check {
    const struct mb_bl_env *env;
    struct mb_bl_verdict *v;
    struct bl_upload upload;
    struct bl_slot target, running;
    struct b0_access b0;
    struct b0_provision prov;
    uint16_t counter_value;
    struct slot_view view;    /* the target slot as the copy will make it */
    struct fw_info_found found; /* the fw_info b0 will find there */
};

/* Provisioning, fw_info and link address, fw_info version, counter (cheap: no crypto). */
enum mb_bl_rule check_b0_facts(struct check *c);
/* b0_validate on the view: validation block, hash, provisioned key, signature. */
enum mb_bl_rule check_b0_validation(struct check *c);

/* The image linked for the running slot: the leftover of a finished update, or a refusal. */
enum mb_bl_rule check_running_copy(struct check *c);
/* The target slot already holding this image: complete, or invalidated by b0. */
enum mb_bl_rule check_target_copy(struct check *c);

/*
 * Whether the upload slot holds what is left of the image installed in `running`, while it is being
 * erased (upload_erase.c): its first pages equal the installed copy, then at most one page that is
 * neither, then erased pages. *leftover false also when the running slot has no valid MCUboot image.
 * When it is, *image_bytes = the installed image's size (the span to erase).
 */
int running_copy_leftover(const struct flash_dev *flash, const struct bl_slot *running, const struct bl_upload *upload,
                          bool *leftover, uint32_t *image_bytes);

/* Bytes a copy moves: the image rounded up to the write unit. */
static inline uint32_t copy_length(const struct flash_dev *flash, uint32_t total_size)
{
    return (total_size + flash->write_unit - 1) / flash->write_unit * flash->write_unit;
}

#endif /* CHECK_H */
