/* mb_image_validate: the rules in the order of enum mb_image_status. */
#include <string.h>

#include "image_signature.h"
#include "image_tlv.h"

#define SEC_CNT_LEN 4u
#define DEPENDENCY_LEN 12u /* u8 image_id, 3 bytes padding, 8-byte image_version */

static void decode_version(const uint8_t raw[8], struct mb_version *v)
{
    v->major = raw[0];
    v->minor = raw[1];
    v->revision = mb_le16(raw + 2);
    v->build_num = mb_le32(raw + 4);
}

/* One TLV's format rules; records the hash, security counter and dependencies in out. */
static enum mb_image_status collect(const struct image_area *area, const struct mb_tlv *tlv, bool *has_hash,
                                    struct mb_image_info *out)
{
    uint8_t value[DEPENDENCY_LEN];
    switch (tlv->type) {
    case MB_TLV_SHA256:
        if (tlv->len != sizeof out->hash || *has_hash)
            return MB_IMAGE_E_TLV_FORMAT; /* a second hash would leave the choice to the attacker */
        *has_hash = true;
        return mb_area_read(area, tlv->value, out->hash, tlv->len);
    case MB_TLV_KEYHASH:
        return tlv->len == BL_SHA256_DIGEST_SIZE ? MB_IMAGE_OK : MB_IMAGE_E_TLV_FORMAT;
    case MB_TLV_SIGNATURE:
        return mb_signature_len_ok(tlv->len) ? MB_IMAGE_OK : MB_IMAGE_E_TLV_FORMAT;
    case MB_TLV_SEC_CNT:
        /* Unprotected, anyone could raise the counter of a signed image and lock its owner out. */
        if (!tlv->is_protected)
            return MB_IMAGE_E_TLV_UNPROTECTED;
        if (tlv->len != SEC_CNT_LEN || out->has_security_counter)
            return MB_IMAGE_E_TLV_FORMAT;
        out->has_security_counter = true;
        if (mb_area_read(area, tlv->value, value, SEC_CNT_LEN) != MB_IMAGE_OK)
            return MB_IMAGE_E_FLASH;
        out->security_counter = mb_le32(value);
        return MB_IMAGE_OK;
    case MB_TLV_DEPENDENCY:
        if (!tlv->is_protected)
            return MB_IMAGE_E_TLV_UNPROTECTED;
        if (tlv->len != DEPENDENCY_LEN || out->dependency_count == MB_MAX_DEPENDENCIES)
            return MB_IMAGE_E_TLV_FORMAT;
        if (mb_area_read(area, tlv->value, value, DEPENDENCY_LEN) != MB_IMAGE_OK)
            return MB_IMAGE_E_FLASH;
        struct mb_dependency *dep = &out->dependencies[out->dependency_count++];
        dep->image_id = value[0];
        decode_version(value + 4, &dep->min_version);
        return MB_IMAGE_OK;
    default:
        return MB_IMAGE_OK; /* unknown types are skipped; mb_tlv_next has checked their bounds */
    }
}

enum mb_image_status mb_image_validate(const struct flash_dev *flash, uint32_t area_addr, uint32_t area_size,
                                       const struct mb_keyring *keyring, struct mb_image_info *out)
{
    enum mb_image_status st = mb_image_read_header(flash, area_addr, area_size, out);
    if (st != MB_IMAGE_OK)
        return st;
    const struct image_area area = {flash, area_addr, area_size};
    struct mb_tlv_layout layout;
    if ((st = mb_tlv_layout(&area, &out->hdr, &layout)) != MB_IMAGE_OK)
        return st;
    out->total_size = (uint32_t)layout.end; /* <= area_size */

    struct mb_tlv_iter it;
    struct mb_tlv tlv;
    bool found, has_hash = false;
    mb_tlv_begin(&it, &area, &layout);
    while ((st = mb_tlv_next(&it, &tlv, &found)) == MB_IMAGE_OK && found)
        if ((st = collect(&area, &tlv, &has_hash, out)) != MB_IMAGE_OK)
            return st;
    if (st != MB_IMAGE_OK)
        return st;
    if (!has_hash)
        return MB_IMAGE_E_NO_HASH;

    uint8_t digest[BL_SHA256_DIGEST_SIZE];
    if ((st = mb_area_sha256(&area, layout.info, digest)) != MB_IMAGE_OK)
        return st;
    if (memcmp(digest, out->hash, sizeof digest) != 0)
        return MB_IMAGE_E_HASH;

    if (keyring == NULL || keyring->count == 0)
        return MB_IMAGE_OK; /* hash-only validation */
    return mb_image_check_signature(&area, &layout, keyring, digest, out);
}
