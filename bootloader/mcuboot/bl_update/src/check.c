/*
 * mb_bl_update_check: every rule, cheapest and most explanatory first (header fields, slots and
 * versions before any signature), none of them writing. README.md lists them with their lines.
 */
#include <inttypes.h>
#include <stdio.h>

#include "check.h"

int mb_bl_update_is_bootloader_image(uint32_t reset_vector)
{
    const uint32_t handler = reset_vector & ~1u; /* the Thumb bit is not part of the address */
    for (unsigned i = 0; i < 2; i++) {
        const struct bl_slot s = bl_slot(i);
        if (handler >= s.image_start && handler - s.image_start < s.image_size)
            return (int)i;
    }
    return MB_BL_NO_SLOT;
}

/* What to change for each MCUboot refusal. */
static const char *mcuboot_fix(enum mb_image_status st)
{
    switch (st) {
    case MB_IMAGE_E_HASH: return "the upload is corrupt: upload it again";
    case MB_IMAGE_E_NO_SIGNATURE:
    case MB_IMAGE_E_KEY_UNKNOWN:
    case MB_IMAGE_E_SIGNATURE: return "sign with the key this bootloader was built with";
    case MB_IMAGE_E_FLAGS: return "sign it without those flags";
    default: return "sign it again with imgtool or ImageTool";
    }
}

static enum mb_bl_rule mcuboot_refusal(struct mb_bl_verdict *v, enum mb_image_status st)
{
    v->image_status = st;
    if (st == MB_IMAGE_E_FLASH || st == MB_IMAGE_E_CRYPTO)
        return verdict_fault(v, MB_BL_E_DEVICE, mb_image_status_text(st));
    return verdict_refuse(v, MB_BL_E_MCUBOOT_INVALID, "MCUboot image invalid: %s; %s", mb_image_status_text(st),
                          mcuboot_fix(st));
}

static uint32_t min_u32(uint64_t a, uint32_t b)
{
    return a < b ? (uint32_t)a : b;
}

/* The header, the slot its reset vector names, and the running slot from b0's record. */
static enum mb_bl_rule route(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    const struct mb_image_header *h = &v->image.hdr;
    enum mb_image_status st = mb_image_read_header(c->env->flash, c->upload.addr, c->upload.image_room, &v->image);
    if (st == MB_IMAGE_E_ERASED)
        return verdict_say(v, MB_BL_NO_IMAGE, "bootloader update: no image in the upload slot at 0x%08" PRIx32,
                           c->upload.addr);
    if (h->magic == MB_IMAGE_MAGIC) /* the header's own claim, until the TLVs are read: what refuse erases */
        v->upload_bytes = min_u32((uint64_t)h->hdr_size + h->img_size + h->protect_tlv_size, c->upload.image_room);
    if (st != MB_IMAGE_OK)
        return mcuboot_refusal(v, st);

    v->target_slot = mb_bl_update_is_bootloader_image(v->image.reset_vector);
    if (v->target_slot == MB_BL_NO_SLOT) {
        const struct bl_slot s0 = bl_slot(0), s1 = bl_slot(1);
        return verdict_refuse(v, MB_BL_E_NOT_BOOTLOADER,
                              "reset vector 0x%08" PRIx32 " is outside S0 0x%08" PRIx32 " and S1 0x%08" PRIx32
                              " (0x%" PRIx32 " each); upload the S0 or S1 variant",
                              v->image.reset_vector, s0.image_start, s1.image_start, s0.image_size);
    }

    const struct b0_boot_record *record = c->env->record;
    if (record == NULL || !b0_boot_record_valid(record) || record->slot > 1)
        return verdict_say(v, MB_BL_E_BOOT_RECORD,
                           "bootloader update not checked: running S slot unknown (b0 boot record invalid); "
                           "reset the device so b0 writes it");
    v->running_slot = record->slot;
    v->running_version = record->version;
    c->target = bl_slot((unsigned)v->target_slot);
    c->running = bl_slot(record->slot);
    return RULE_PASSED;
}

/* Header size and code size against the S slot, from the header alone. */
static enum mb_bl_rule fit(struct check *c)
{
    const struct mb_image_header *h = &c->v->image.hdr;
    const struct bl_slot *t = &c->target;
    if (h->hdr_size != t->pad_size)
        return verdict_refuse(c->v, MB_BL_E_HEADER_SIZE,
                              "MCUboot header size 0x%x, but the S%u pad holds 0x%" PRIx32
                              "; sign with imgtool --header-size 0x%" PRIx32,
                              h->hdr_size, t->index, t->pad_size, t->pad_size);
    if (h->img_size > t->image_size)
        return verdict_refuse(c->v, MB_BL_E_TOO_BIG,
                              "image of 0x%" PRIx32 " bytes does not fit S%u's 0x%" PRIx32
                              " bytes; make the bootloader smaller",
                              h->img_size, t->index, t->image_size);
    return RULE_PASSED;
}

/* An image linked for the running slot is either what is left of the update that put it there, or wrong. */
static enum mb_bl_rule not_running(struct check *c)
{
    if (c->target.index != c->running.index)
        return RULE_PASSED;
    enum mb_bl_rule rule = check_running_copy(c);
    if (rule != RULE_PASSED)
        return rule;
    return verdict_refuse(c->v, MB_BL_E_RUNNING_SLOT, "image is linked for S%u but S%u is running; upload the S%u variant",
                          c->target.index, c->running.index, 1u - c->running.index);
}

/* MCUboot's downgrade rule: the header version may not go below the running copy's (equal passes). */
static enum mb_bl_rule header_version(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    struct mb_image_info installed;
    enum mb_image_status st = mb_image_read_header(c->env->flash, c->running.start, c->running.size, &installed);
    if (st == MB_IMAGE_E_FLASH)
        return verdict_fault(v, MB_BL_E_DEVICE, "reading the running slot's MCUboot header failed");
    if (st != MB_IMAGE_OK)
        return RULE_PASSED; /* a factory copy without a header: nothing to compare with, as MCUboot */
    v->running_header_present = true;
    v->running_header = installed.hdr.version;
    if (mb_version_cmp(&v->image.hdr.version, &v->running_header, false) >= 0)
        return RULE_PASSED;
    char have[MB_VERSION_TEXT_SIZE], running[MB_VERSION_TEXT_SIZE];
    mb_version_format(&v->image.hdr.version, have, sizeof have);
    mb_version_format(&v->running_header, running, sizeof running);
    return verdict_refuse(v, MB_BL_E_HEADER_DOWNGRADE,
                          "MCUboot header version %s below running %s; sign it with version %u.%u.%u or higher", have,
                          running, v->running_header.major, v->running_header.minor, v->running_header.revision);
}

/* TLVs, hash, MCUboot key and signature; then the full size, now that the TLVs are known. */
static enum mb_bl_rule mcuboot_signature(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    enum mb_image_status st =
        mb_image_validate(c->env->flash, c->upload.addr, c->upload.image_room, c->env->keyring, &v->image);
    if (v->image.total_size != 0)
        v->upload_bytes = v->image.total_size;
    if (st != MB_IMAGE_OK)
        return mcuboot_refusal(v, st);
    if (v->image.total_size > c->target.size)
        return verdict_refuse(v, MB_BL_E_TOO_BIG,
                              "image with its TLVs takes 0x%" PRIx32 " bytes, S%u holds 0x%" PRIx32
                              "; make the bootloader smaller",
                              v->image.total_size, c->target.index, c->target.size);
    return RULE_PASSED;
}

static enum mb_bl_rule accept(struct check *c)
{
    struct mb_bl_verdict *v = c->v;
    char header[MB_VERSION_TEXT_SIZE];
    mb_version_format(&v->image.hdr.version, header, sizeof header);
    return verdict_say(v, MB_BL_INSTALL,
                       "bootloader update accepted: S%u version %" PRIu32 " (header %s) replaces S%u version %" PRIu32,
                       c->target.index, v->version, header, c->running.index, v->running_version);
}

enum mb_bl_rule mb_bl_update_check(const struct mb_bl_env *env, uint32_t secondary_addr, struct mb_bl_verdict *v)
{
    struct check c = {.env = env, .v = v, .upload = bl_upload(secondary_addr, env->flash->page_size)};
    verdict_init(v);
    b0_access_init(&c.b0, env, v->b0_line, sizeof v->b0_line);

    enum mb_bl_rule rule = route(&c);
    if (rule == RULE_PASSED)
        rule = fit(&c);
    if (rule == RULE_PASSED)
        rule = not_running(&c);
    if (rule == RULE_PASSED)
        rule = check_b0_facts(&c);
    if (rule == RULE_PASSED)
        rule = header_version(&c);
    if (rule == RULE_PASSED)
        rule = mcuboot_signature(&c);
    if (rule == RULE_PASSED)
        rule = check_b0_validation(&c);
    if (rule == RULE_PASSED)
        rule = check_target_copy(&c);
    if (rule == RULE_PASSED)
        rule = accept(&c);
    return rule;
}
