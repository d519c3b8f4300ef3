/*
 * mb_image linked with a crypto library whose heap is too small for a P-256 verification
 * (bl_crypto_tiny_heap): a library failure is MB_IMAGE_E_CRYPTO, never OK and never a verdict.
 */
#include "rig.h"

TEST(a_crypto_library_failure_is_reported_as_such)
{
    static struct image img;
    image_read(&img, IMGTOOL("p256-basic.bin"));
    struct rig r;
    rig_open(&r);
    rig_load_image(&r, SLOT, &img);
    const struct mb_key key = test_key(MB_KEY_ECDSA_P256, "p256");
    const struct mb_keyring keyring = {&key, 1};
    struct mb_image_info info;
    CHECK_STATUS(rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info), MB_IMAGE_E_CRYPTO);
    CHECK_EQ(info.key_index, -1);
    CHECK_STATUS(rig_validate(&r, SLOT, SLOT_SIZE, NULL, &info), MB_IMAGE_OK); /* SHA-256 needs no heap */
    rig_close(&r);
}
