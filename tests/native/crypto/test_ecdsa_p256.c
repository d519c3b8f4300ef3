/*
 * ECDSA P-256 verification: RFC 6979 A.2.5 (P-256, SHA-256), NCS b0 signed images (raw key and r||s over
 * SHA-256(SHA-256(image))) and an imgtool image (DER key and signature over the SHA256 TLV digest).
 * Every valid case is also checked with one flipped bit in digest, key and signature.
 */
#include <string.h>

#include "bl_ecdsa_p256.h"
#include "bl_sha256.h"
#include "harness.h"
#include "vectors.h"

#define RAW BL_ECDSA_P256_RAW
#define DER BL_ECDSA_P256_DER

/* RFC 6979 A.2.5: the key and "sample" are in vectors.h; this is the signature of "test". */
#define SAMPLE_SIG RFC6979_SAMPLE_SIG
#define TEST_SIG "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367" \
                 "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"
/* The same signatures as DER (r and s with a 0x00 prefix where their top bit is set). */
#define SAMPLE_SIG_DER "3046" "022100efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716" \
                       "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"
#define TEST_SIG_DER "3045" "022100f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367" \
                     "0220019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"
/* Order n of the P-256 base point (SEC 2 / FIPS 186-4). */
#define ORDER_N "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"

struct p256_case {
    uint8_t key[128];
    size_t key_len;
    enum bl_ecdsa_p256_encoding key_enc;
    uint8_t digest[32];
    uint8_t sig[80];
    size_t sig_len;
    enum bl_ecdsa_p256_encoding sig_enc;
};

static int verify(const struct p256_case *c)
{
    return bl_ecdsa_p256_verify(c->key, c->key_len, c->key_enc, c->digest, c->sig, c->sig_len, c->sig_enc);
}

/* A few bit positions per field: first, middle and last bits of the coordinates and of r and s. */
static void check_one_bit_flips_are_rejected(const struct p256_case *valid)
{
    static const size_t coordinate_bits[] = {0, 131, 255, 256, 300, 511};
    struct p256_case c;

    for (size_t i = 0; i < 3; i++) {
        c = *valid;
        flip_bit(c.digest, coordinate_bits[i]);
        CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
    }
    /* X||Y are the last 64 bytes of both key encodings. */
    for (size_t i = 0; i < sizeof coordinate_bits / sizeof *coordinate_bits; i++) {
        c = *valid;
        flip_bit(c.key + c.key_len - 64, coordinate_bits[i]);
        CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_KEY);
    }
    if (valid->sig_enc == RAW) {
        for (size_t i = 0; i < sizeof coordinate_bits / sizeof *coordinate_bits; i++) {
            c = *valid;
            flip_bit(c.sig, coordinate_bits[i]);
            CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
        }
    } else {
        /* 30 L 02 Lr r 02 Ls s: flip the last bit of r, of s, and one in the middle of r. */
        size_t r_end = 4 + valid->sig[3];
        size_t bits[] = {8 * r_end - 1, 8 * valid->sig_len - 1, 8 * (r_end - 16) + 3};
        for (size_t i = 0; i < 3; i++) {
            c = *valid;
            flip_bit(c.sig, bits[i]);
            CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
        }
    }
}

static void rfc6979_case(struct p256_case *c, const char *msg, const char *sig_hex, size_t sig_len,
                         enum bl_ecdsa_p256_encoding sig_enc)
{
    memset(c, 0, sizeof *c);
    hex_to_bytes(RFC6979_KEY, c->key, 64);
    c->key_len = 64;
    c->key_enc = RAW;
    CHECK_EQ(bl_sha256(msg, strlen(msg), c->digest), BL_CRYPTO_OK);
    hex_to_bytes(sig_hex, c->sig, sig_len);
    c->sig_len = sig_len;
    c->sig_enc = sig_enc;
}

TEST(ecdsa_rfc6979_sample_and_test_verify_with_raw_signature)
{
    struct p256_case c;
    uint8_t sample_digest[32];
    hex_to_bytes(RFC6979_SAMPLE_DIGEST, sample_digest, 32);

    rfc6979_case(&c, "sample", SAMPLE_SIG, 64, RAW);
    CHECK_MEM_EQ(c.digest, sample_digest, 32);
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);

    rfc6979_case(&c, "test", TEST_SIG, 64, RAW);
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ecdsa_rfc6979_sample_and_test_verify_with_der_signature)
{
    struct p256_case c;
    rfc6979_case(&c, "sample", SAMPLE_SIG_DER, 72, DER);
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);

    rfc6979_case(&c, "test", TEST_SIG_DER, 71, DER);
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ecdsa_signature_of_one_message_does_not_verify_another)
{
    struct p256_case c;
    rfc6979_case(&c, "test", SAMPLE_SIG, 64, RAW);
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
}

/* ECDSA accepts both s and n - s; signers in the field (imgtool, b0's do_sign.py) do not normalise s. */
TEST(ecdsa_high_and_low_s_both_verify)
{
    struct p256_case c;
    uint8_t n[32];
    rfc6979_case(&c, "sample", SAMPLE_SIG, 64, RAW);
    hex_to_bytes(ORDER_N, n, 32);
    unsigned borrow = 0;
    for (int i = 31; i >= 0; i--) {
        unsigned d = (unsigned)n[i] - c.sig[32 + i] - borrow;
        c.sig[32 + i] = (uint8_t)d;
        borrow = (d >> 8) & 1;
    }
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
}

/* b0: validation block at 0x400 = magic(12) address(4) hash(32) key X||Y(64) signature r||s(64). */
static void b0_case(struct p256_case *c, const char *image_path)
{
    static uint8_t image[2048];
    uint8_t hash[32];
    memset(c, 0, sizeof *c);
    CHECK_EQ(read_vector(image_path, image, sizeof image), 0x4b0);
    CHECK_EQ(bl_sha256(image, 0x400, hash), BL_CRYPTO_OK);
    CHECK_EQ(bl_sha256(hash, sizeof hash, c->digest), BL_CRYPTO_OK);
    memcpy(c->key, image + 0x400 + 48, 64);
    c->key_len = 64;
    c->key_enc = RAW;
    memcpy(c->sig, image + 0x400 + 112, 64);
    c->sig_len = 64;
    c->sig_enc = RAW;
}

TEST(ecdsa_b0_s0_and_s1_images_verify_with_raw_key)
{
    struct p256_case c;
    uint8_t expected_digest[32];
    b0_case(&c, "b0/signed_by_b0_s0_image.bin");
    hex_to_bytes("3f445910f4275820f87c31bd82ae6911dc981fb0bb470d627bd72ff4738d648b", expected_digest, 32);
    CHECK_MEM_EQ(c.digest, expected_digest, 32);
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);

    b0_case(&c, "b0/signed_by_b0_s1_image.bin");
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ecdsa_b0_image_verifies_with_key0_pem_as_der)
{
    struct p256_case c;
    uint8_t raw_key[64];
    b0_case(&c, "b0/signed_by_b0_s0_image.bin");
    memcpy(raw_key, c.key, 64);
    c.key_len = read_pem_der("b0/key0_pub.pem", c.key, sizeof c.key);
    c.key_enc = DER;
    CHECK_EQ(c.key_len, 91);
    CHECK_MEM_EQ(c.key + c.key_len - 64, raw_key, 64);
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);

    /* key1 is provisioned too but signs nothing. */
    c.key_len = read_pem_der("b0/key1_pub.pem", c.key, sizeof c.key);
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
}

static void imgtool_case(struct p256_case *c)
{
    static uint8_t image[8192];
    size_t digest_len, sig_len, len = read_vector("imgtool/p256-basic.bin", image, sizeof image);
    const uint8_t *digest = mcuboot_tlv(image, len, MCUBOOT_TLV_SHA256, &digest_len);
    const uint8_t *sig = mcuboot_tlv(image, len, MCUBOOT_TLV_ECDSA_SIG, &sig_len);
    memset(c, 0, sizeof *c);
    CHECK_EQ(digest_len, 32);
    CHECK(sig_len <= sizeof c->sig);
    memcpy(c->digest, digest, 32);
    memcpy(c->sig, sig, sig_len);
    c->sig_len = sig_len;
    c->sig_enc = DER;
    c->key_len = read_pem_der("imgtool/ecdsa-p256.pub.pem", c->key, sizeof c->key);
    c->key_enc = DER;
}

TEST(ecdsa_imgtool_image_verifies_with_der_key_and_der_signature)
{
    struct p256_case c;
    imgtool_case(&c);
    CHECK_EQ(c.sig_len, 0x46);
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ecdsa_imgtool_image_verifies_with_raw_key_and_der_signature)
{
    struct p256_case c;
    imgtool_case(&c);
    memmove(c.key, c.key + c.key_len - 64, 64);
    c.key_len = 64;
    c.key_enc = RAW;
    CHECK_EQ(verify(&c), BL_CRYPTO_OK);
    check_one_bit_flips_are_rejected(&c);
}

TEST(ecdsa_r_or_s_zero_or_not_below_n_is_rejected)
{
    static const char *bad_values[] = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        ORDER_N,
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    };
    struct p256_case c;
    for (size_t i = 0; i < 3; i++) {
        for (size_t half = 0; half < 2; half++) {
            rfc6979_case(&c, "sample", SAMPLE_SIG, 64, RAW);
            hex_to_bytes(bad_values[i], c.sig + 32 * half, 32);
            CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
        }
    }
}

TEST(ecdsa_der_signature_out_of_range_is_rejected)
{
    static const char *cases[] = {
        /* r = 0 */
        "3026" "020100" "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8",
        /* r = n */
        "3046" "022100" ORDER_N "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8",
        /* r has 33 significant bytes */
        "3046" "022101efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
        "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8",
    };
    struct p256_case c;
    for (size_t i = 0; i < 3; i++) {
        size_t len = strlen(cases[i]) / 2;
        rfc6979_case(&c, "sample", cases[i], len, DER);
        CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_SIGNATURE);
    }
}

TEST(ecdsa_malformed_der_signature_is_rejected)
{
    static const char *cases[] = {
        "",                                      /* empty */
        "30",                                    /* no length */
        "3000",                                  /* no integers */
        "3003020101",                            /* s missing */
        "30450220efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
        "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8", /* negative r */
        "30070202000102010f",                    /* r with a superfluous leading zero */
        "3006020101030101",                      /* s is not an INTEGER */
        "3006020101020100" "00",                 /* byte after the SEQUENCE */
        "3009020101020101020101",                /* third INTEGER inside the SEQUENCE */
        "3106020101020101",                      /* not a SEQUENCE */
        "3006020001020101",                      /* zero-length INTEGER */
    };
    struct p256_case c;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = strlen(cases[i]) / 2;
        rfc6979_case(&c, "sample", cases[i], len, DER);
        if (verify(&c) != BL_CRYPTO_ERR_MALFORMED)
            test_fail(__FILE__, __LINE__, "case %zu (%s): got %d, expected BL_CRYPTO_ERR_MALFORMED", i, cases[i],
                      verify(&c));
    }
    /* The valid signature cut short by one byte. */
    rfc6979_case(&c, "sample", SAMPLE_SIG_DER, 72, DER);
    c.sig_len = 71;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);
}

TEST(ecdsa_point_not_on_the_curve_is_rejected)
{
    static const char *keys[] = {
        /* Uy + 1 */
        "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
        "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462300",
        /* (0, 0) */
        "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000",
        /* x = p, the field prime: not a field element */
        "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"
        "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    };
    struct p256_case c;
    for (size_t i = 0; i < 4; i++) {
        rfc6979_case(&c, "sample", SAMPLE_SIG, 64, RAW);
        hex_to_bytes(keys[i], c.key, 64);
        CHECK_EQ(verify(&c), BL_CRYPTO_ERR_BAD_KEY);
    }
}

TEST(ecdsa_malformed_der_key_is_rejected)
{
    struct p256_case valid, c;
    imgtool_case(&valid);
    CHECK_EQ(valid.key_len, 91);

    c = valid; /* truncated */
    c.key_len = 90;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);
    c.key_len = 0;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);

    c = valid; /* trailing byte */
    c.key_len = 92;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);

    c = valid; /* 30 59 30 13 06 07 <id-ecPublicKey> 06 08 <prime256v1> 03 42 00 04 X Y: change the curve */
    CHECK_EQ(c.key[22], 0x07);
    c.key[22] = 0x08;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);

    c = valid; /* change the algorithm */
    CHECK_EQ(c.key[12], 0x01);
    c.key[12] = 0x02;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);

    c = valid; /* unused bits in the BIT STRING */
    CHECK_EQ(c.key[25], 0x00);
    c.key[25] = 0x01;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);

    c = valid; /* compressed point 02||X */
    uint8_t compressed[] = {0x30, 0x39, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
                            0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x22, 0x00, 0x02};
    memcpy(c.key, compressed, sizeof compressed);
    memcpy(c.key + sizeof compressed, valid.key + 27, 32);
    c.key_len = sizeof compressed + 32;
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);

    c = valid; /* an Ed25519 key */
    c.key_len = read_pem_der("imgtool/ed25519.pub.pem", c.key, sizeof c.key);
    CHECK_EQ(verify(&c), BL_CRYPTO_ERR_MALFORMED);
}

TEST(ecdsa_invalid_arguments_are_rejected)
{
    struct p256_case c;
    rfc6979_case(&c, "sample", SAMPLE_SIG, 64, RAW);
    CHECK_EQ(bl_ecdsa_p256_verify(NULL, 64, RAW, c.digest, c.sig, 64, RAW), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 64, RAW, NULL, c.sig, 64, RAW), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 64, RAW, c.digest, NULL, 64, RAW), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 63, RAW, c.digest, c.sig, 64, RAW), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 65, RAW, c.digest, c.sig, 64, RAW), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 64, RAW, c.digest, c.sig, 63, RAW), BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 64, (enum bl_ecdsa_p256_encoding)7, c.digest, c.sig, 64, RAW),
             BL_CRYPTO_ERR_INVALID_ARG);
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 64, RAW, c.digest, c.sig, 64, (enum bl_ecdsa_p256_encoding)7),
             BL_CRYPTO_ERR_INVALID_ARG);
    /* The arguments were only rejected, not spoiled: the same call verifies. */
    CHECK_EQ(bl_ecdsa_p256_verify(c.key, 64, RAW, c.digest, c.sig, 64, RAW), BL_CRYPTO_OK);
}
