/*
 * The rules b0 will apply after the reboot, judged now on the upload through a slot_view, so that a
 * copy b0 would refuse or not choose is never made: provisioning, fw_info and link address,
 * version, counter room, then b0's own validation.
 */
#include <inttypes.h>
#include <stdio.h>

#include "b0_counter.h"
#include "b0_validation.h"
#include "check.h"

static bool is_device_fault(enum b0_status st)
{
    return st == B0_E_FLASH || st == B0_E_OTP || st == B0_E_CRYPTO || st == B0_E_POWER_LOST;
}

static enum mb_bl_rule b0_fault(struct mb_bl_verdict *v, const char *during, enum b0_status st)
{
    char what[96];
    snprintf(what, sizeof what, "%s: %s", during, b0_status_text(st));
    return verdict_fault(v, MB_BL_E_DEVICE, what);
}

static enum mb_bl_rule provisioning(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    uint16_t used = 0;
    enum b0_status st = b0_access_read(&c->b0, &c->prov, &c->counter_value, &used);
    if (is_device_fault(st))
        return b0_fault(v, "reading b0's provisioning", st);
    if (st != B0_OK)
        return verdict_say(v, MB_BL_E_PROVISION, "bootloader update not checked: b0 provisioning unusable (%s); %s",
                           b0_status_text(st), "provision the device again");
    for (unsigned i = 0; i < 2; i++) {
        if (c->prov.slot_address[i] != bl_slot(i).start)
            return verdict_say(v, MB_BL_E_PROVISION,
                               "bootloader update not checked: b0 is provisioned with S%u at 0x%08" PRIx32
                               ", the board has 0x%08" PRIx32 "; build for this board's partitions",
                               i, c->prov.slot_address[i], bl_slot(i).start);
    }
    v->counter_used = used;
    v->counter_slots = c->prov.counter.num_slots;
    return RULE_PASSED;
}

/* The fw_info b0 will find in the target slot must link the image at that slot's s0_image/s1_image. */
static enum mb_bl_rule link_address(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    const struct bl_slot *t = &c->target;
    slot_view_init(&c->view, c->env->flash, t->start, t->size, c->upload.addr);
    enum b0_status st = fw_info_find(&c->view.dev, t->start, &c->found);
    if (is_device_fault(st))
        return b0_fault(v, "reading the image's fw_info", st);
    if (st == B0_E_FWINFO_NOT_FOUND)
        return verdict_refuse(v, MB_BL_E_FW_INFO,
                              "no fw_info in the S%u copy (0x%08" PRIx32
                              " + 0x0..0x1000): not a b0 image; build it with NCS's fw_info",
                              t->index, t->start);
    if (st == B0_E_FWINFO_COMPAT)
        return verdict_refuse(v, MB_BL_E_FW_INFO,
                              "fw_info at 0x%08" PRIx32 " has compatibility word 0x%08" PRIx32
                              ", b0 needs 0x%08x; build it for the nRF5340",
                              c->found.address, c->found.info.magic[2], FW_INFO_MAGIC_COMPAT);
    v->fw_info_address = c->found.address;
    v->link_address = c->found.info.address;
    v->version = c->found.info.version;
    if (v->link_address != t->image_start)
        return verdict_refuse(v, MB_BL_E_FW_INFO,
                              "fw_info at 0x%08" PRIx32 " links the image at 0x%08" PRIx32 ", not S%u's 0x%08" PRIx32
                              "; rebuild the S%u variant",
                              v->fw_info_address, v->link_address, t->index, t->image_start, t->index);
    return RULE_PASSED;
}

/* b0 boots the higher fw_info version (a tie goes to S0) and records it in a 15-bit counter. */
static enum mb_bl_rule version(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    const unsigned running = c->running.index;
    if (v->version > B0_VERSION_MAX)
        return verdict_refuse(v, MB_BL_E_VERSION_RANGE,
                              "fw_info version %" PRIu32 " is above %u, the most b0's counter records; use %" PRIu32
                              "..%u",
                              v->version, B0_VERSION_MAX, v->running_version + 1, B0_VERSION_MAX);
    if (v->version == v->running_version && running == 0)
        return verdict_refuse(v, MB_BL_E_VERSION_NOT_HIGHER,
                              "equal fw_info version %" PRIu32 ": b0 would keep booting S0; raise the bootloader "
                              "version to %" PRIu32,
                              v->version, v->version + 1);
    if (v->version == v->running_version) /* b0's tie rule would pick S0, but an update must be newer */
        return verdict_refuse(v, MB_BL_E_VERSION_NOT_HIGHER,
                              "equal fw_info version %" PRIu32 ": b0 needs a higher one to take it as an update; "
                              "raise the bootloader version to %" PRIu32,
                              v->version, v->version + 1);
    if (v->version < v->running_version)
        return verdict_refuse(v, MB_BL_E_VERSION_NOT_HIGHER,
                              "fw_info version %" PRIu32 " below running %" PRIu32
                              ": b0 would keep booting S%u; raise the bootloader version to %" PRIu32,
                              v->version, v->running_version, running, v->running_version + 1);
    return RULE_PASSED;
}

/* Committing the new version takes one counter slot; without one it could never be committed. */
static enum mb_bl_rule counter_room(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    if (v->counter_slots != 0 && v->counter_used >= v->counter_slots)
        return verdict_refuse(v, MB_BL_E_COUNTER_FULL,
                              "all %u counter slots used: this device cannot take another bootloader update",
                              v->counter_slots);
    return RULE_PASSED;
}

enum mb_bl_rule check_b0_facts(struct check *c)
{
    enum mb_bl_rule rule = provisioning(c);
    if (rule == RULE_PASSED)
        rule = link_address(c);
    if (rule == RULE_PASSED)
        rule = version(c);
    if (rule == RULE_PASSED)
        rule = counter_room(c);
    return rule;
}

static const char *b0_fix(enum b0_status st)
{
    switch (st) {
    case B0_E_KEY_UNKNOWN:
    case B0_E_KEY_REVOKED: return "sign with a provisioned b0 key";
    case B0_E_NO_VALIDATION_INFO:
    case B0_E_VALIDATION_ADDRESS:
    case B0_E_HASH:
    case B0_E_SIGNATURE: return "sign it again with b0's key (validation block)";
    case B0_E_ROLLBACK: return "raise the bootloader version above the counter";
    default: return "rebuild the S0/S1 variant";
    }
}

enum mb_bl_rule check_b0_validation(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    const struct b0_port port = b0_access_port_on(&c->b0, &c->view.dev);
    uint32_t key = 0;
    v->b0_line[0] = '\0';
    v->b0_status = b0_validate(&c->b0.cfg, &port, &c->prov, b0_counter_version(c->counter_value), c->target.index,
                               &c->found, &key);
    if (is_device_fault(v->b0_status))
        return b0_fault(v, "b0 validation", v->b0_status);
    if (v->b0_status != B0_OK)
        return verdict_refuse(v, MB_BL_E_B0_INVALID, "b0 would reject the S%u copy: %s; %s", c->target.index,
                              b0_status_text(v->b0_status), b0_fix(v->b0_status));
    v->b0_key_index = key;
    return RULE_PASSED;
}
