/*
 * Ed25519 verification: RFC 8032 section 7.1 test vectors and imgtool's ED25519 TLV (a signature over
 * the 32-byte SHA256 TLV digest). Every valid case is also checked with one flipped bit in message,
 * key and signature.
 */
#include <string.h>

#include "bl_ed25519.h"
#include "bl_sha256.h"
#include "harness.h"
#include "vectors.h"

struct ed_case {
    uint8_t key[32];
    uint8_t sig[64];
    uint8_t msg[64];
    size_t msg_len;
};

static int verify(const struct ed_case *c)
{
    return bl_ed25519_verify(c->sig, c->msg, c->msg_len, c->key);
}

static void check_one_bit_flips_are_rejected(const struct ed_case *valid)
{
    static const size_t bits[] = {0, 100, 255};
    struct ed_case c;
    for (size_t i = 0; i < 3; i++) {
        c = *valid;
        flip_bit(c.key, bits[i]);
        CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
        c = *valid;
        flip_bit(c.sig, bits[i]); /* R */
        CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
        c = *valid;
        flip_bit(c.sig + 32, bits[i]); /* S */
        CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
        if (valid->msg_len > 0) {
            c = *valid;
            flip_bit(c.msg, bits[i] % (8 * valid->msg_len));
            CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
        }
    }
}

static void rfc8032_case(struct ed_case *c, const char *key, const char *msg, const char *sig)
{
    memset(c, 0, sizeof *c);
    hex_to_bytes(key, c->key, 32);
    c->msg_len = strlen(msg) / 2;
    hex_to_bytes(msg, c->msg, c->msg_len);
    hex_to_bytes(sig, c->sig, 64);
}

TEST(ed25519_rfc8032_test1_empty_message)
{
    struct ed_case c;
    rfc8032_case(&c, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                 "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    CHECK_EQ(bl_ed25519_verify(c.sig, NULL, 0, c.key), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
    /* One byte more than was signed. */
    c.msg_len = 1;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
}

TEST(ed25519_rfc8032_test2_one_byte)
{
    struct ed_case c;
    rfc8032_case(&c, "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                 "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ed25519_rfc8032_test3_two_bytes)
{
    struct ed_case c;
    rfc8032_case(&c, "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                 "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ed25519_rfc8032_test_sha_abc)
{
    struct ed_case c;
    rfc8032_case(&c, "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
                 "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                 "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                 "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704");
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ed25519_imgtool_image_signature_over_its_digest_verifies)
{
    static uint8_t image[8192];
    uint8_t der[64], digest[32];
    struct ed_case c;
    size_t digest_len, sig_len, len = read_vector("imgtool/ed25519-basic.bin", image, sizeof image);
    const uint8_t *tlv_digest = mcuboot_tlv(image, len, MCUBOOT_TLV_SHA256, &digest_len);
    const uint8_t *sig = mcuboot_tlv(image, len, MCUBOOT_TLV_ED25519, &sig_len);
    /* SubjectPublicKeyInfo for Ed25519: a 12-byte prefix, then the 32-byte key. */
    size_t der_len = read_pem_der("imgtool/ed25519.pub.pem", der, sizeof der);
    CHECK_EQ(der_len, 44);
    CHECK_EQ(digest_len, 32);
    CHECK_EQ(sig_len, 64);

    CHECK_EQ(bl_sha256(image, mcuboot_hashed_len(image, len), digest), BL_CRYPTO_OK);
    CHECK_MEM_EQ(digest, tlv_digest, 32);
    memset(&c, 0, sizeof c);
    memcpy(c.key, der + 12, 32);
    memcpy(c.sig, sig, 64);
    memcpy(c.msg, digest, 32);
    c.msg_len = 32;
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

/* RFC 8032 5.1.7: S must be below the group order L; S + L would otherwise verify too. */
TEST(ed25519_non_canonical_s_is_rejected)
{
    static const uint8_t order_l[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                        0xa2, 0xde, 0xf9, 0xde, 0x14, [31] = 0x10}; /* little-endian */
    struct ed_case c;
    rfc8032_case(&c, "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                 "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    unsigned carry = 0;
    for (size_t i = 0; i < 32; i++) {
        unsigned sum = c.sig[32 + i] + order_l[i] + carry;
        c.sig[32 + i] = (uint8_t)sum;
        carry = sum >> 8;
    }
    CHECK_EQ(carry, 0);
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
}

/* The neutral element as key (small order) and an all-zero signature are refused. */
TEST(ed25519_small_order_key_and_zero_signature_are_rejected)
{
    struct ed_case c;
    rfc8032_case(&c, "0100000000000000000000000000000000000000000000000000000000000000", "72",
                 "0100000000000000000000000000000000000000000000000000000000000000"
                 "0000000000000000000000000000000000000000000000000000000000000000");
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
    memset(c.sig, 0, sizeof c.sig);
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
}

TEST(ed25519_invalid_arguments_are_rejected)
{
    uint8_t key[32] = {0}, sig[64] = {0}, msg[1] = {0};
    CHECK_EQ(bl_ed25519_verify(NULL, msg, 1, key), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ed25519_verify(sig, NULL, 1, key), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ed25519_verify(sig, msg, 1, NULL), BL_CRYPTO_ERR_INVALID_ARG);
}
