/*
 * The library's one flash reader (src/image_area.h): the backstop behind "no read leaves the area",
 * which the rules already ensure, so only a direct test can show that it holds on its own.
 */
#include "image_area.h"
#include "rig.h"

TEST(area_reads_outside_the_area_are_refused_without_touching_flash)
{
    struct rig r;
    rig_open(&r);
    const struct image_area area = {&r.guard.dev, SLOT, 0x1000};
    uint8_t buf[16];
    r.guard.reads = 0;
    CHECK_STATUS(mb_area_read(&area, 0, buf, sizeof buf), MB_IMAGE_OK);
    CHECK_STATUS(mb_area_read(&area, 0x1000 - 16, buf, 16), MB_IMAGE_OK);
    CHECK_STATUS(mb_area_read(&area, 0x1000, buf, 0), MB_IMAGE_OK);
    CHECK_EQ(r.guard.reads, 3);
    CHECK_STATUS(mb_area_read(&area, 0x1000 - 15, buf, 16), MB_IMAGE_E_FLASH);
    CHECK_STATUS(mb_area_read(&area, 0x1001, buf, 0), MB_IMAGE_E_FLASH);
    CHECK_STATUS(mb_area_read(&area, 0xffffffffffffffffull, buf, 2), MB_IMAGE_E_FLASH);
    CHECK_STATUS(mb_area_read(&area, 0, buf, 0xffffffffu), MB_IMAGE_E_FLASH);
    CHECK_EQ(r.guard.reads, 3);
    rig_close(&r);
}

TEST(area_sha256_of_nothing_and_of_a_chunk_boundary)
{
    struct rig r;
    rig_open(&r);
    static uint8_t data[MB_READ_CHUNK + 1];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)i;
    rig_load(&r, SLOT, data, sizeof data);
    const struct image_area area = {&r.guard.dev, SLOT, sizeof data};
    uint8_t got[32], expected[32];
    for (size_t len = MB_READ_CHUNK - 1; len <= sizeof data; len++) {
        CHECK_STATUS(mb_area_sha256(&area, len, got), MB_IMAGE_OK);
        CHECK_EQ(bl_sha256(data, len, expected), BL_CRYPTO_OK);
        CHECK_MEM_EQ(got, expected, 32);
    }
    CHECK_STATUS(mb_area_sha256(&area, 0, got), MB_IMAGE_OK);
    CHECK_EQ(bl_sha256(data, 0, expected), BL_CRYPTO_OK);
    CHECK_MEM_EQ(got, expected, 32);
    CHECK_STATUS(mb_area_sha256(&area, sizeof data + 1, got), MB_IMAGE_E_FLASH);
    rig_close(&r);
}
