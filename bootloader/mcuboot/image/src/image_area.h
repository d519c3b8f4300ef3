/*
 * The flash area an image lives in. Every read of the library goes through mb_area_read, which refuses
 * anything outside [addr, addr + size): header garbage can make offsets large, never reads stray.
 * Offsets are 64-bit so that sums of header fields cannot wrap.
 */
#ifndef MB_IMAGE_AREA_H
#define MB_IMAGE_AREA_H

#include <stdint.h>

#include "bl_sha256.h"
#include "mb_image.h"

/* Bytes read from flash at a time: the only image-sized work is done in chunks of this. */
#define MB_READ_CHUNK 256u

struct image_area {
    const struct flash_dev *flash;
    uint32_t addr;
    uint32_t size;
};

enum mb_image_status mb_area_read(const struct image_area *area, uint64_t off, void *buf, uint32_t len);

/* SHA-256 of the area's bytes [0, len). */
enum mb_image_status mb_area_sha256(const struct image_area *area, uint64_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE]);

static inline uint16_t mb_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t mb_le32(const uint8_t *p)
{
    return (uint32_t)mb_le16(p) | ((uint32_t)mb_le16(p + 2) << 16);
}

#endif /* MB_IMAGE_AREA_H */
