/*
 * TLV area rules. Most cases are hash-only images crafted here (the rules come before the signature,
 * or concern what a signing tool would never write). The unprotected-area cases edit signed reference
 * images: that area is outside the hash, so their signature still verifies, which is exactly why
 * SEC_CNT and DEPENDENCY found there must be refused.
 */
#include <string.h>

#include "bl_sha256.h"
#include "rig.h"

static struct craft c;
static const uint8_t sec_cnt[4] = {7, 0, 0, 0};
static const uint8_t dependency[12] = {1, 0, 0, 0, 1, 2, 3, 0, 4, 0, 0, 0};

static enum mb_image_status validate_image(const struct image *img, const struct mb_keyring *keyring,
                                           struct mb_image_info *info)
{
    struct rig r;
    rig_open(&r);
    rig_load_image(&r, SLOT, img);
    enum mb_image_status st = rig_validate(&r, SLOT, SLOT_SIZE, keyring, info);
    rig_close(&r);
    return st;
}

static enum mb_image_status validate_crafted(struct mb_image_info *info)
{
    return validate_image(&c.img, NULL, info);
}

static const char *reference_file(void)
{
#ifdef MB_SIGNATURE_ED25519
    return IMGTOOL("ed25519-basic.bin");
#else
    return IMGTOOL("p256-basic.bin");
#endif
}

/* Header and payload, then protected TLVs SEC_CNT and DEPENDENCY; the unprotected area is left open. */
static void craft_with_protected(void)
{
    craft_begin(&c, 0x200, 300);
    craft_prot_begin(&c);
    craft_tlv(&c, MB_TLV_SEC_CNT, sec_cnt, sizeof sec_cnt);
    craft_tlv(&c, MB_TLV_DEPENDENCY, dependency, sizeof dependency);
    craft_prot_end(&c);
    craft_info_begin(&c);
    craft_hash_tlv(&c);
}

TEST(protected_counter_and_dependency_in_a_hash_only_image)
{
    craft_with_protected();
    craft_info_end(&c);
    struct mb_image_info info;
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_OK);
    CHECK_EQ(info.security_counter, 7);
    CHECK_EQ(info.dependency_count, 1);
    CHECK_EQ(info.dependencies[0].image_id, 1);
    const struct mb_version v = {1, 2, 3, 4};
    CHECK_EQ(mb_version_cmp(&info.dependencies[0].min_version, &v, true), 0);
}

TEST(unknown_tlvs_are_skipped_in_both_areas)
{
    static const uint8_t junk[5] = {1, 2, 3, 4, 5};
    craft_begin(&c, 0x200, 300);
    craft_prot_begin(&c);
    craft_tlv(&c, 0x00a0, junk, 3);
    craft_tlv(&c, 0x0060, junk, 0); /* BOOT_RECORD: not ours to read */
    craft_tlv(&c, MB_TLV_SEC_CNT, sec_cnt, sizeof sec_cnt);
    craft_prot_end(&c);
    craft_info_begin(&c);
    craft_tlv(&c, 0x7fff, junk, 0);
    craft_hash_tlv(&c);
    craft_tlv(&c, 0xffff, junk, sizeof junk);
    craft_info_end(&c);
    struct mb_image_info info;
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_OK);
    CHECK_EQ(info.security_counter, 7);
}

TEST(an_empty_protected_area_is_accepted)
{
    craft_begin(&c, 0x200, 300);
    craft_prot_begin(&c);
    craft_prot_end(&c);
    craft_info_begin(&c);
    craft_hash_tlv(&c);
    craft_info_end(&c);
    struct mb_image_info info;
    CHECK_EQ(get16(c.img.data + 10), 4);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_OK);
}

TEST(protected_size_must_match_the_protected_info)
{
    static struct image img;
    image_read(&img, IMGTOOL("p256-seccnt7.bin")); /* prot size 12: info + SEC_CNT */
    static const uint16_t wrong[] = {0, 2, 4, 8, 11, 13, 16, 0xffff};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        put16(img.data + 10, wrong[i]);
        struct mb_image_info info;
        enum mb_image_status st = validate_image(&img, NULL, &info);
        if (st != MB_IMAGE_E_TLV_INFO)
            test_fail(__FILE__, __LINE__, "prot size %u: %s", wrong[i], mb_image_status_text(st));
    }
}

TEST(tlv_info_magics_and_totals)
{
    struct mb_image_info info;
    craft_with_protected();
    craft_info_end(&c);
    const size_t prot = get16(c.img.data + 8) + get32(c.img.data + 12), info_off = prot + get16(c.img.data + 10);

    put16(c.img.data + prot, MB_TLV_INFO_MAGIC); /* protected area with the unprotected magic */
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_INFO);
    put16(c.img.data + prot, MB_TLV_PROT_INFO_MAGIC);
    put16(c.img.data + info_off, MB_TLV_PROT_INFO_MAGIC);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_INFO);
    put16(c.img.data + info_off, MB_TLV_INFO_MAGIC);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_OK);

    const uint16_t total = get16(c.img.data + info_off + 2);
    put16(c.img.data + info_off + 2, 3); /* smaller than the info itself */
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_INFO);
    put16(c.img.data + info_off + 2, 0xffff); /* past the area */
    struct rig r;
    rig_open(&r);
    rig_load_image(&r, SLOT, &c.img);
    CHECK_STATUS(rig_validate(&r, SLOT, (uint32_t)info_off + 0xfffe, NULL, &info), MB_IMAGE_E_TOO_BIG);
    CHECK_STATUS(rig_validate(&r, SLOT, (uint32_t)info_off + 0xffff, NULL, &info), MB_IMAGE_E_TLV_FORMAT);
    rig_close(&r);
    put16(c.img.data + info_off + 2, total);
}

TEST(a_tlv_running_past_its_area_is_a_format_error)
{
    struct mb_image_info info;
    /* last unprotected TLV one byte longer than the area */
    craft_with_protected();
    craft_info_end(&c);
    size_t info_off = get16(c.img.data + 8) + get32(c.img.data + 12) + get16(c.img.data + 10);
    put16(c.img.data + info_off + 4 + 2, 33);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);
    put16(c.img.data + info_off + 4 + 2, 0xffff);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);

    /* a protected TLV that runs into the unprotected area, though those bytes exist */
    craft_with_protected();
    craft_info_end(&c);
    const size_t prot = get16(c.img.data + 8) + get32(c.img.data + 12);
    put16(c.img.data + prot + 4 + 8 + 2, 13); /* DEPENDENCY one byte into the unprotected info */
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);
    put16(c.img.data + prot + 4 + 8 + 2, 12);
    put16(c.img.data + prot + 4 + 2, 4 + 4 + 16 + 1); /* SEC_CNT over the DEPENDENCY and past */
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);

    /* a protected TLV of a type nobody reads that swallows the unprotected area, hash TLV included */
    craft_with_protected();
    craft_info_end(&c);
    put16(c.img.data + prot + 4 + 8, 0x00a0);
    put16(c.img.data + prot + 4 + 8 + 2, (uint32_t)(c.img.len - (prot + 4 + 8 + 4)));
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);

    /* bytes left over that cannot hold a TLV header, also where the area ends */
    craft_with_protected();
    craft_tlv(&c, 0x00a0, NULL, 0);
    craft_info_end(&c);
    info_off = get16(c.img.data + 8) + get32(c.img.data + 12) + get16(c.img.data + 10);
    put16(c.img.data + info_off + 2, (uint32_t)(c.img.len - info_off - 2));
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);
    struct rig r;
    rig_open(&r);
    rig_load_image(&r, SLOT, &c.img);
    CHECK_STATUS(rig_validate(&r, SLOT, (uint32_t)c.img.len - 2, NULL, &info), MB_IMAGE_E_TLV_FORMAT);
    rig_close(&r);
}

TEST(known_tlvs_with_the_wrong_length_are_format_errors)
{
    static const uint8_t zeros[128];
    static const struct {
        uint16_t type, len;
        bool is_protected;
    } cases[] = {
        {MB_TLV_SHA256, 31, false},   {MB_TLV_SHA256, 33, false},     {MB_TLV_KEYHASH, 20, false},
        {MB_TLV_KEYHASH, 0, false},   {MB_TLV_SEC_CNT, 8, true},      {MB_TLV_SEC_CNT, 0, true},
        {MB_TLV_DEPENDENCY, 8, true}, {MB_TLV_DEPENDENCY, 16, true},  {MB_TLV_SIGNATURE, 0, false},
        {MB_TLV_SIGNATURE, 7, false}, {MB_TLV_SIGNATURE, 73, false},  {MB_TLV_SIGNATURE, 128, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        craft_begin(&c, 0x200, 300);
        if (cases[i].is_protected) {
            craft_prot_begin(&c);
            craft_tlv(&c, cases[i].type, zeros, cases[i].len);
            craft_prot_end(&c);
        }
        craft_info_begin(&c);
        craft_hash_tlv(&c);
        if (!cases[i].is_protected)
            craft_tlv(&c, cases[i].type, zeros, cases[i].len);
        craft_info_end(&c);
        struct mb_image_info info;
        enum mb_image_status st = validate_crafted(&info);
        if (st != MB_IMAGE_E_TLV_FORMAT)
            test_fail(__FILE__, __LINE__, "TLV 0x%x length %u: %s", cases[i].type, cases[i].len,
                      mb_image_status_text(st));
    }
}

TEST(a_second_hash_or_counter_is_a_format_error)
{
    struct mb_image_info info;
    craft_simple(&c, 0x200, 300);
    c.section = get16(c.img.data + 8) + get32(c.img.data + 12);
    craft_hash_tlv(&c);
    craft_info_end(&c);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);

    craft_begin(&c, 0x200, 300);
    craft_prot_begin(&c);
    craft_tlv(&c, MB_TLV_SEC_CNT, sec_cnt, sizeof sec_cnt);
    craft_tlv(&c, MB_TLV_SEC_CNT, sec_cnt, sizeof sec_cnt);
    craft_prot_end(&c);
    craft_info_begin(&c);
    craft_hash_tlv(&c);
    craft_info_end(&c);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_FORMAT);
}

TEST(no_hash_tlv_and_wrong_hash)
{
    struct mb_image_info info;
    craft_begin(&c, 0x200, 300);
    craft_info_begin(&c);
    craft_info_end(&c);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_NO_HASH);

    craft_simple(&c, 0x200, 300);
    c.img.data[0x200 + 17] ^= 1;
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_HASH);
}

TEST(counter_and_dependency_outside_the_protected_area_are_refused)
{
    struct mb_image_info info;
    /* hash-only: crafted */
    craft_with_protected();
    craft_tlv(&c, MB_TLV_SEC_CNT, sec_cnt, sizeof sec_cnt);
    craft_info_end(&c);
    CHECK_STATUS(validate_crafted(&info), MB_IMAGE_E_TLV_UNPROTECTED);

    /* signed: appended to the reference image, whose signature still verifies */
    static struct image img;
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    image_read(&img, reference_file());
    image_append_tlv(&img, 0x00a0, sec_cnt, sizeof sec_cnt);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_OK); /* the edit alone is harmless */
    image_append_tlv(&img, MB_TLV_SEC_CNT, sec_cnt, sizeof sec_cnt);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_TLV_UNPROTECTED);
    CHECK(!info.has_security_counter);

    image_read(&img, reference_file());
    image_append_tlv(&img, MB_TLV_DEPENDENCY, dependency, sizeof dependency);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_TLV_UNPROTECTED);
    CHECK_EQ(info.dependency_count, 0);
    /* wrong length too: being outside is the first rule */
    image_read(&img, reference_file());
    image_append_tlv(&img, MB_TLV_SEC_CNT, dependency, 3);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_TLV_UNPROTECTED);
}

TEST(pubkey_tlv_selects_the_key_by_its_der)
{
    static struct image img;
    const struct mb_key keys[] = {test_key(MB_KEY_ECDSA_P256, "other-p256"), reference_key()};
    const struct mb_keyring keyring = {keys, 2};
    struct mb_image_info info;
    image_read(&img, reference_file());
    image_replace_tlv(&img, MB_TLV_KEYHASH, MB_TLV_PUBKEY, keys[1].der, (uint16_t)keys[1].der_len);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_OK);
    CHECK_EQ(info.key_index, 1);

    image_replace_tlv(&img, MB_TLV_PUBKEY, MB_TLV_PUBKEY, keys[1].der, (uint16_t)(keys[1].der_len - 1));
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_KEY_UNKNOWN);
    static const uint8_t long_key[200];
    image_replace_tlv(&img, MB_TLV_PUBKEY, MB_TLV_PUBKEY, long_key, sizeof long_key);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_KEY_UNKNOWN);
}

TEST(a_signature_needs_a_key_tlv_before_it)
{
    static struct image img;
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    struct mb_image_info info;
    uint8_t hash[32];
    CHECK_EQ(bl_sha256(key.der, key.der_len, hash), BL_CRYPTO_OK);

    image_read(&img, reference_file());
    image_replace_tlv(&img, MB_TLV_KEYHASH, 0x00a0, hash, sizeof hash);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_KEY_UNKNOWN);
    image_append_tlv(&img, MB_TLV_KEYHASH, hash, sizeof hash); /* after the signature: too late */
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_KEY_UNKNOWN);
}

/* The reference image's signature TLV value. */
static uint16_t reference_signature(const struct image *img, uint8_t sig[128])
{
    const size_t at = image_find_tlv(img, MB_TLV_SIGNATURE);
    const uint16_t len = get16(img->data + at + 2);
    memcpy(sig, img->data + at + 4, len);
    return len;
}

TEST(a_key_tlv_naming_no_key_of_ours_unselects_the_previous_one)
{
    static struct image img;
    static uint8_t sig[128];
    static const uint8_t long_key[200];
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    struct mb_image_info info;
    image_read(&img, reference_file());
    const uint16_t len = reference_signature(&img, sig);
    /* KEYHASH (ours), PUBKEY (no key of ours), signature */
    image_replace_tlv(&img, MB_TLV_SIGNATURE, MB_TLV_PUBKEY, long_key, sizeof long_key);
    image_append_tlv(&img, MB_TLV_SIGNATURE, sig, len);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_KEY_UNKNOWN);
    image_replace_tlv(&img, MB_TLV_PUBKEY, MB_TLV_PUBKEY, key.der, (uint16_t)key.der_len);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_OK);
}

TEST(a_failing_signature_outweighs_an_unknown_key)
{
    static struct image img;
    static uint8_t sig[128];
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    static const uint8_t unknown_hash[32] = {1};
    struct mb_image_info info;
    image_read(&img, reference_file());
    const uint16_t len = reference_signature(&img, sig);
    sig[len - 1] ^= 1;
    image_replace_tlv(&img, MB_TLV_SIGNATURE, MB_TLV_SIGNATURE, sig, len);
    image_append_tlv(&img, MB_TLV_KEYHASH, unknown_hash, sizeof unknown_hash);
    image_append_tlv(&img, MB_TLV_SIGNATURE, sig, len);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_SIGNATURE);
}

TEST(one_verifying_signature_is_enough)
{
    static struct image img;
    static uint8_t sig[128];
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    struct mb_image_info info;
    image_read(&img, reference_file());
    const size_t at = image_find_tlv(&img, MB_TLV_SIGNATURE);
    const uint16_t len = get16(img.data + at + 2);
    memcpy(sig, img.data + at + 4, len);
    sig[len - 1] ^= 1;
    image_replace_tlv(&img, MB_TLV_SIGNATURE, MB_TLV_SIGNATURE, sig, len);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_SIGNATURE);
    sig[len - 1] ^= 1;
    image_append_tlv(&img, MB_TLV_SIGNATURE, sig, len);
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_OK);
}

#ifndef MB_SIGNATURE_ED25519
TEST(ecdsa_signature_zero_padding_as_imgtool_pad_sig)
{
    static struct image img;
    static uint8_t sig[128];
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    struct mb_image_info info;
    image_read(&img, reference_file());
    const size_t at = image_find_tlv(&img, MB_TLV_ECDSA_SIG);
    const uint16_t len = get16(img.data + at + 2);
    CHECK(len <= 71);
    memcpy(sig, img.data + at + 4, len);
    image_replace_tlv(&img, MB_TLV_ECDSA_SIG, MB_TLV_ECDSA_SIG, sig, (uint16_t)(len + 1));
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_OK);
    sig[len] = 1; /* padding must be zeros */
    image_replace_tlv(&img, MB_TLV_ECDSA_SIG, MB_TLV_ECDSA_SIG, sig, (uint16_t)(len + 1));
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_SIGNATURE);
}
#endif

TEST(a_keyring_key_that_does_not_parse_verifies_nothing)
{
    static struct image img;
    const struct mb_key good = reference_key();
    static uint8_t der[128];
    memcpy(der, good.der, good.der_len);
    der[2] ^= 0x40; /* breaks the DER structure; KEYHASH below names these bytes */
    const struct mb_key bad = {good.type, der, good.der_len};
    const struct mb_keyring keyring = {&bad, 1};
    uint8_t hash[32];
    CHECK_EQ(bl_sha256(der, bad.der_len, hash), BL_CRYPTO_OK);
    image_read(&img, reference_file());
    image_replace_tlv(&img, MB_TLV_KEYHASH, MB_TLV_KEYHASH, hash, sizeof hash);
    struct mb_image_info info;
    CHECK_STATUS(validate_image(&img, &keyring, &info), MB_IMAGE_E_SIGNATURE);
}
