/*
 * The two TLV areas after the payload, and a walk over their TLVs (protected ones first).
 * Every TLV is bounds-checked against the area it sits in, also the ones nobody asks for.
 */
#ifndef MB_IMAGE_TLV_H
#define MB_IMAGE_TLV_H

#include <stdbool.h>
#include <stdint.h>

#include "image_area.h"

#define MB_TLV_INFO_SIZE 4u
#define MB_TLV_HEADER_SIZE 4u

/* Area offsets, each at most area size once mb_tlv_layout accepted them. */
struct mb_tlv_layout {
    uint64_t prot_info; /* hdr_size + img_size: where the protected TLV info would be */
    uint64_t info;      /* prot_info + protect_tlv_size: the unprotected TLV info; end of the hashed bytes */
    uint64_t end;       /* info + it_tlv_tot: end of the image */
};

/* Checks both TLV info headers (TLV_INFO) and that the image ends inside the area (TOO_BIG). */
enum mb_image_status mb_tlv_layout(const struct image_area *area, const struct mb_image_header *hdr,
                                   struct mb_tlv_layout *layout);

struct mb_tlv {
    uint16_t type;
    uint16_t len;
    uint64_t value; /* area offset of the value */
    bool is_protected;
};

struct mb_tlv_iter {
    const struct image_area *area;
    struct mb_tlv_layout layout;
    uint64_t next;
};

void mb_tlv_begin(struct mb_tlv_iter *it, const struct image_area *area, const struct mb_tlv_layout *layout);

/* OK with *found = true and *tlv filled, OK with *found = false after the last; TLV_FORMAT or FLASH. */
enum mb_image_status mb_tlv_next(struct mb_tlv_iter *it, struct mb_tlv *tlv, bool *found);

#endif /* MB_IMAGE_TLV_H */
