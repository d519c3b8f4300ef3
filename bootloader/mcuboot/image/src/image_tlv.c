#include "image_tlv.h"

static enum mb_image_status read_info(const struct image_area *area, uint64_t off, uint16_t *magic, uint16_t *total)
{
    uint8_t raw[MB_TLV_INFO_SIZE];
    enum mb_image_status st = mb_area_read(area, off, raw, sizeof raw);
    *magic = mb_le16(raw);
    *total = mb_le16(raw + 2);
    return st;
}

enum mb_image_status mb_tlv_layout(const struct image_area *area, const struct mb_image_header *hdr,
                                   struct mb_tlv_layout *layout)
{
    uint16_t magic, total;
    enum mb_image_status st;
    layout->prot_info = (uint64_t)hdr->hdr_size + hdr->img_size;
    layout->info = layout->prot_info + hdr->protect_tlv_size;
    layout->end = layout->info; /* mb_image_read_header has checked that the TLV info fits */

    if (hdr->protect_tlv_size != 0) {
        /* The header's size and the area's own total must agree: both are covered by the hash. */
        if ((st = read_info(area, layout->prot_info, &magic, &total)) != MB_IMAGE_OK)
            return st;
        if (magic != MB_TLV_PROT_INFO_MAGIC || total != hdr->protect_tlv_size || total < MB_TLV_INFO_SIZE)
            return MB_IMAGE_E_TLV_INFO;
    }
    if ((st = read_info(area, layout->info, &magic, &total)) != MB_IMAGE_OK)
        return st;
    if (magic != MB_TLV_INFO_MAGIC || total < MB_TLV_INFO_SIZE)
        return MB_IMAGE_E_TLV_INFO;
    layout->end = layout->info + total;
    return layout->end > area->size ? MB_IMAGE_E_TOO_BIG : MB_IMAGE_OK;
}

void mb_tlv_begin(struct mb_tlv_iter *it, const struct image_area *area, const struct mb_tlv_layout *layout)
{
    it->area = area;
    it->layout = *layout;
    it->next = (layout->info != layout->prot_info ? layout->prot_info : layout->info) + MB_TLV_INFO_SIZE;
}

enum mb_image_status mb_tlv_next(struct mb_tlv_iter *it, struct mb_tlv *tlv, bool *found)
{
    *found = false;
    if (it->next == it->layout.info)
        it->next += MB_TLV_INFO_SIZE; /* protected area done: step over the unprotected info */
    if (it->next >= it->layout.end)
        return MB_IMAGE_OK;

    const bool is_protected = it->next < it->layout.info;
    const uint64_t limit = is_protected ? it->layout.info : it->layout.end;
    if (it->next + MB_TLV_HEADER_SIZE > limit)
        return MB_IMAGE_E_TLV_FORMAT;
    uint8_t raw[MB_TLV_HEADER_SIZE];
    enum mb_image_status st = mb_area_read(it->area, it->next, raw, sizeof raw);
    if (st != MB_IMAGE_OK)
        return st;
    tlv->type = mb_le16(raw);
    tlv->len = mb_le16(raw + 2);
    tlv->value = it->next + MB_TLV_HEADER_SIZE;
    tlv->is_protected = is_protected;
    if (tlv->value + tlv->len > limit)
        return MB_IMAGE_E_TLV_FORMAT;
    it->next = tlv->value + tlv->len;
    *found = true;
    return MB_IMAGE_OK;
}
