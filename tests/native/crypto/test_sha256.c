/* SHA-256 against FIPS 180-2 / NIST example values and the hashes in the b0 and imgtool vectors. */
#include <string.h>

#include "bl_sha256.h"
#include "harness.h"
#include "vectors.h"

static void check_one_shot(const char *msg, const char *expected_hex)
{
    uint8_t expected[32], digest[32];
    hex_to_bytes(expected_hex, expected, 32);
    CHECK_EQ(bl_sha256(msg, strlen(msg), digest), BL_CRYPTO_OK);
    CHECK_MEM_EQ(digest, expected, 32);
}

TEST(sha256_abc)
{
    check_one_shot("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(sha256_empty_message)
{
    check_one_shot("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    uint8_t digest[32], expected[32];
    hex_to_bytes("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", expected, 32);
    CHECK_EQ(bl_sha256(NULL, 0, digest), BL_CRYPTO_OK);
    CHECK_MEM_EQ(digest, expected, 32);
}

TEST(sha256_448_bit_message)
{
    check_one_shot("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(sha256_million_a_through_update)
{
    uint8_t chunk[1000], digest[32], expected[32];
    bl_sha256_ctx ctx;
    memset(chunk, 'a', sizeof chunk);
    hex_to_bytes("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", expected, 32);
    CHECK_EQ(bl_sha256_init(&ctx), BL_CRYPTO_OK);
    for (int i = 0; i < 1000; i++)
        CHECK_EQ(bl_sha256_update(&ctx, chunk, sizeof chunk), BL_CRYPTO_OK);
    CHECK_EQ(bl_sha256_finish(&ctx, digest), BL_CRYPTO_OK);
    CHECK_MEM_EQ(digest, expected, 32);
}

/* Splits that straddle the 64-byte block boundary give the same digest as one call. */
TEST(sha256_update_split_anywhere_matches_nist_value)
{
    const char *msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    size_t len = strlen(msg);
    uint8_t digest[32], expected[32];
    hex_to_bytes("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", expected, 32);
    for (size_t split = 0; split <= len; split++) {
        bl_sha256_ctx ctx;
        CHECK_EQ(bl_sha256_init(&ctx), BL_CRYPTO_OK);
        CHECK_EQ(bl_sha256_update(&ctx, msg, split), BL_CRYPTO_OK);
        CHECK_EQ(bl_sha256_update(&ctx, msg + split, len - split), BL_CRYPTO_OK);
        CHECK_EQ(bl_sha256_update(&ctx, NULL, 0), BL_CRYPTO_OK);
        CHECK_EQ(bl_sha256_finish(&ctx, digest), BL_CRYPTO_OK);
        CHECK_MEM_EQ(digest, expected, 32);
    }
}

TEST(sha256_one_flipped_input_bit_changes_the_digest)
{
    uint8_t msg[3] = {'a', 'b', 'c'}, digest[32], expected[32];
    hex_to_bytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", expected, 32);
    flip_bit(msg, 23);
    CHECK_EQ(bl_sha256(msg, sizeof msg, digest), BL_CRYPTO_OK);
    CHECK(memcmp(digest, expected, 32) != 0);
}

/* b0's validation block holds SHA-256 of the image that precedes it (vectors/b0/README.md). */
TEST(sha256_of_b0_image_matches_its_validation_block)
{
    static uint8_t image[2048];
    uint8_t digest[32], hash_file[64];
    size_t len = read_vector("b0/signed_by_b0_s0_image.bin", image, sizeof image);
    CHECK_EQ(len, 0x4b0);
    CHECK_EQ(bl_sha256(image, 0x400, digest), BL_CRYPTO_OK);
    CHECK_MEM_EQ(digest, image + 0x400 + 16, 32);
    CHECK_EQ(read_vector("b0/s0_firmware.sha256", hash_file, sizeof hash_file), 32);
    CHECK_MEM_EQ(digest, hash_file, 32);
}

TEST(sha256_of_imgtool_image_matches_its_sha256_tlv)
{
    static uint8_t image[8192];
    uint8_t digest[32], expected[32];
    size_t tlv_len, len = read_vector("imgtool/p256-basic.bin", image, sizeof image);
    const uint8_t *tlv = mcuboot_tlv(image, len, MCUBOOT_TLV_SHA256, &tlv_len);
    hex_to_bytes("0fb85f97aba4e2db8277d6950cf4e08fdb941ff98291416e907de850b1da92b9", expected, 32);
    CHECK_EQ(tlv_len, 32);
    CHECK_MEM_EQ(tlv, expected, 32);
    CHECK_EQ(bl_sha256(image, mcuboot_hashed_len(image, len), digest), BL_CRYPTO_OK);
    CHECK_MEM_EQ(digest, expected, 32);
}

TEST(sha256_rejects_null_arguments)
{
    bl_sha256_ctx ctx;
    uint8_t digest[32];
    CHECK_EQ(bl_sha256(NULL, 1, digest), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_sha256("abc", 3, NULL), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_sha256_init(NULL), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_sha256_init(&ctx), BL_CRYPTO_OK);
    CHECK_EQ(bl_sha256_update(&ctx, NULL, 1), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_sha256_update(NULL, "abc", 3), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_sha256_finish(&ctx, NULL), BL_CRYPTO_ERR_INVALID_ARG);
    bl_sha256_abort(&ctx);
    bl_sha256_abort(NULL);
}
