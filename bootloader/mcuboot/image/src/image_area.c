#include "image_area.h"

enum mb_image_status mb_area_read(const struct image_area *area, uint64_t off, void *buf, uint32_t len)
{
    /* Callers check bounds with the rule they enforce; this is the backstop, so it is a flash fault. */
    if (off > area->size || len > area->size - off)
        return MB_IMAGE_E_FLASH;
    return flash_read(area->flash, area->addr + (uint32_t)off, buf, len) == FLASH_OK ? MB_IMAGE_OK
                                                                                     : MB_IMAGE_E_FLASH;
}

enum mb_image_status mb_area_sha256(const struct image_area *area, uint64_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    bl_sha256_ctx ctx;
    if (bl_sha256_init(&ctx) != BL_CRYPTO_OK)
        return MB_IMAGE_E_CRYPTO;
    uint8_t chunk[MB_READ_CHUNK];
    for (uint64_t done = 0; done < len;) {
        uint32_t n = len - done < MB_READ_CHUNK ? (uint32_t)(len - done) : MB_READ_CHUNK;
        enum mb_image_status st = mb_area_read(area, done, chunk, n);
        if (st == MB_IMAGE_OK && bl_sha256_update(&ctx, chunk, n) != BL_CRYPTO_OK)
            st = MB_IMAGE_E_CRYPTO;
        if (st != MB_IMAGE_OK) {
            bl_sha256_abort(&ctx);
            return st;
        }
        done += n;
    }
    return bl_sha256_finish(&ctx, digest) == BL_CRYPTO_OK ? MB_IMAGE_OK : MB_IMAGE_E_CRYPTO;
}
