/* The 32-byte header and the rules that need nothing but it and the area size. */
#include <string.h>

#include "image_area.h"

#define UNSUPPORTED_FLAGS                                                                                  \
    (MB_IMAGE_F_PIC | MB_IMAGE_F_ENCRYPTED_AES128 | MB_IMAGE_F_ENCRYPTED_AES256 | MB_IMAGE_F_NON_BOOTABLE | \
     MB_IMAGE_F_RAM_LOAD)
#define ERASED_WORD 0xffffffffu
#define TLV_INFO_SIZE 4u

static void decode(const uint8_t raw[MB_IMAGE_HEADER_SIZE], struct mb_image_header *h)
{
    h->magic = mb_le32(raw);
    h->load_addr = mb_le32(raw + 4);
    h->hdr_size = mb_le16(raw + 8);
    h->protect_tlv_size = mb_le16(raw + 10);
    h->img_size = mb_le32(raw + 12);
    h->flags = mb_le32(raw + 16);
    h->version.major = raw[20];
    h->version.minor = raw[21];
    h->version.revision = mb_le16(raw + 22);
    h->version.build_num = mb_le32(raw + 24);
}

enum mb_image_status mb_image_read_header(const struct flash_dev *flash, uint32_t area_addr, uint32_t area_size,
                                          struct mb_image_info *out)
{
    memset(out, 0, sizeof *out);
    out->key_index = -1;
    if ((uint64_t)area_addr + area_size > (uint64_t)UINT32_MAX + 1)
        return MB_IMAGE_E_FLASH; /* no device has such an area: a caller's mistake, not the image's */
    if (area_size < MB_IMAGE_HEADER_SIZE)
        return MB_IMAGE_E_TOO_BIG;

    const struct image_area area = {flash, area_addr, area_size};
    uint8_t raw[MB_IMAGE_HEADER_SIZE];
    enum mb_image_status st = mb_area_read(&area, 0, raw, sizeof raw);
    if (st != MB_IMAGE_OK)
        return st;
    struct mb_image_header *h = &out->hdr;
    decode(raw, h);

    if (h->magic == ERASED_WORD)
        return MB_IMAGE_E_ERASED;
    if (h->magic != MB_IMAGE_MAGIC)
        return MB_IMAGE_E_MAGIC;
    if (h->flags & UNSUPPORTED_FLAGS)
        return MB_IMAGE_E_FLAGS;
    if (h->hdr_size < MB_IMAGE_HEADER_SIZE || h->hdr_size % 4 != 0)
        return MB_IMAGE_E_HEADER_SIZE;
    /* At least the (unprotected) TLV info must follow what the hash covers. */
    if ((uint64_t)h->hdr_size + h->img_size + h->protect_tlv_size + TLV_INFO_SIZE > area_size)
        return MB_IMAGE_E_TOO_BIG;

    if (h->img_size >= 8) {
        uint8_t word[4];
        st = mb_area_read(&area, (uint64_t)h->hdr_size + 4, word, sizeof word);
        if (st != MB_IMAGE_OK)
            return st;
        out->reset_vector = mb_le32(word);
    }
    return MB_IMAGE_OK;
}
