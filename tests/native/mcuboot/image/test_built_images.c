/*
 * Images assembled at build time by mb_test_image and signed by openssl (see CMakeLists.txt here for
 * their options): protected dependencies and counters, other keys, unsigned images, small headers.
 */
#include <stdio.h>
#include <string.h>

#include "bl_sha256.h"
#include "built.h"
#include "rig.h"

struct loaded {
    struct rig rig;
    struct image img;
    uint8_t digest[32];
};

/* Loads <path>.bin into the secondary slot; the digest mb_test_image computed is in <path>.digest. */
static struct loaded *load(const char *path)
{
    static struct loaded l;
    char file[512];
    rig_open(&l.rig);
    snprintf(file, sizeof file, "%s.bin", path);
    image_read(&l.img, file);
    snprintf(file, sizeof file, "%s.digest", path);
    file_read(file, l.digest, sizeof l.digest);
    rig_load_image(&l.rig, SLOT, &l.img);
    return &l;
}

static enum mb_image_status validate(struct loaded *l, const struct mb_key *keys, size_t n,
                                     struct mb_image_info *info)
{
    const struct mb_keyring keyring = {keys, n};
    return rig_validate(&l->rig, SLOT, SLOT_SIZE, &keyring, info);
}

static void check_version(const struct mb_version *v, uint8_t major, uint8_t minor, uint16_t rev, uint32_t build)
{
    const struct mb_version expected = {major, minor, rev, build};
    CHECK_EQ(mb_version_cmp(v, &expected, true), 0);
}

TEST(dependencies_and_counter_from_the_protected_area)
{
    struct loaded *l = load(OURS("deps"));
    const struct mb_key key = reference_key();
    struct mb_image_info info;
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_OK);
    CHECK_MEM_EQ(info.hash, l->digest, 32);
    check_version(&info.hdr.version, 2, 1, 3, 7);
    CHECK(info.has_security_counter);
    CHECK_EQ(info.security_counter, 5);
    CHECK_EQ(info.dependency_count, 2);
    CHECK_EQ(info.dependencies[0].image_id, 1);
    check_version(&info.dependencies[0].min_version, 1, 2, 3, 4);
    CHECK_EQ(info.dependencies[1].image_id, 2);
    check_version(&info.dependencies[1].min_version, 0, 9, 0, 0);
    CHECK_EQ(info.hdr.protect_tlv_size, 4 + 8 + 2 * 16);
    CHECK_EQ(info.reset_vector, 0x28201);
    CHECK_EQ(info.total_size, l->img.len);
    CHECK_EQ(info.key_index, 0);
    rig_close(&l->rig);
}

TEST(four_dependencies_are_accepted_a_fifth_is_a_format_error)
{
    struct loaded *l = load(OURS("deps_max"));
    const struct mb_key key = reference_key();
    struct mb_image_info info;
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_OK);
    CHECK_EQ(info.dependency_count, MB_MAX_DEPENDENCIES);
    CHECK_EQ(info.dependencies[3].image_id, 3);
    check_version(&info.dependencies[3].min_version, 3, 0, 0, 3);
    CHECK(!info.has_security_counter);
    rig_close(&l->rig);

    l = load(OURS("deps_over"));
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_E_TLV_FORMAT);
    CHECK_EQ(info.dependency_count, MB_MAX_DEPENDENCIES); /* filled as far as read */
    CHECK_EQ(info.dependencies[2].image_id, 2);
    CHECK_EQ(info.key_index, -1);
    rig_close(&l->rig);
}

TEST(largest_security_counter)
{
    struct loaded *l = load(OURS("seccnt_max"));
    const struct mb_key key = reference_key();
    struct mb_image_info info;
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_OK);
    CHECK(info.has_security_counter);
    CHECK_EQ(info.security_counter, 0xffffffffu);
    CHECK_EQ(info.dependency_count, 0);
    rig_close(&l->rig);
}

TEST(an_image_signed_by_another_key_is_refused_until_that_key_is_held)
{
    struct loaded *l = load(OURS("other_key"));
    const struct mb_key keys[] = {reference_key(), test_key(MB_SIGNATURE_KEY_TYPE, OTHER_KEY_NAME)};
    struct mb_image_info info;
    CHECK_STATUS(validate(l, keys, 1, &info), MB_IMAGE_E_KEY_UNKNOWN);
    CHECK_EQ(info.key_index, -1);
    CHECK_MEM_EQ(info.hash, l->digest, 32); /* hash checked before the key */
    CHECK_STATUS(validate(l, keys, 2, &info), MB_IMAGE_OK);
    CHECK_EQ(info.key_index, 1);
    CHECK_STATUS(validate(l, keys + 1, 1, &info), MB_IMAGE_OK);
    CHECK_EQ(info.key_index, 0);
    rig_close(&l->rig);
}

TEST(the_signature_must_come_from_the_key_the_keyhash_names)
{
    /* Other key's signature under the reference key's KEYHASH: the key is known, the signature fails. */
    struct loaded *l = load(OURS("other_key"));
    const struct mb_key keys[] = {reference_key(), test_key(MB_SIGNATURE_KEY_TYPE, OTHER_KEY_NAME)};
    uint8_t hash[32];
    CHECK_EQ(bl_sha256(keys[0].der, keys[0].der_len, hash), BL_CRYPTO_OK);
    image_replace_tlv(&l->img, MB_TLV_KEYHASH, MB_TLV_KEYHASH, hash, sizeof hash);
    rig_load_image(&l->rig, SLOT, &l->img);
    struct mb_image_info info;
    CHECK_STATUS(validate(l, keys, 2, &info), MB_IMAGE_E_SIGNATURE);
    CHECK_EQ(info.key_index, -1);
    rig_close(&l->rig);
}

TEST(an_unsigned_image_needs_a_hash_only_build)
{
    struct loaded *l = load(BUILT("img_unsigned"));
    const struct mb_key key = reference_key();
    struct mb_image_info info;
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_E_NO_SIGNATURE);
    CHECK_MEM_EQ(info.hash, l->digest, 32);
    CHECK_STATUS(validate(l, NULL, 0, &info), MB_IMAGE_OK);
    check_version(&info.hdr.version, 0, 0, 1, 0);
    CHECK_EQ(info.key_index, -1);
    rig_close(&l->rig);
}

TEST(an_image_of_the_other_signature_type_carries_no_signature_for_us)
{
    struct loaded *l = load(THEIRS("deps"));
    const struct mb_key key = reference_key();
    struct mb_image_info info;
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_E_NO_SIGNATURE);
    CHECK_EQ(info.security_counter, 5);
    rig_close(&l->rig);
}

TEST(the_smallest_header_size)
{
    struct loaded *l = load(OURS("hdr32"));
    const struct mb_key key = reference_key();
    struct mb_image_info info;
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_OK);
    CHECK_EQ(info.hdr.hdr_size, 32);
    CHECK_EQ(info.reset_vector, 0x28251);
    check_version(&info.hdr.version, 0, 0, 0, 1);
    rig_close(&l->rig);
}

TEST(a_padded_image_with_trailer_fills_its_slot)
{
    struct loaded *l = load(OURS("padded"));
    CHECK_EQ(l->img.len, SLOT_SIZE);
    const struct mb_key key = reference_key();
    struct mb_image_info info;
    CHECK_STATUS(validate(l, &key, 1, &info), MB_IMAGE_OK);
    CHECK_EQ(info.hdr.img_size, 5000);
    const size_t tlv = image_tlv_offset(&l->img);
    CHECK_EQ(info.total_size, tlv + get16(l->img.data + tlv + 2));
    CHECK(info.total_size < SLOT_SIZE);
    rig_close(&l->rig);
}
