/*
 * The images MCUboot's imgtool 2.4.0 made (../shared/vectors/imgtool, digests from its README and
 * dumpinfo): each validates with the matching key and reports imgtool's version, digest and counter;
 * an image of the other signature type carries no signature this build accepts.
 */
#include <stdio.h>
#include <string.h>

#include "rig.h"

enum sig { SIG_P256, SIG_ED25519, SIG_NONE };

#ifdef MB_SIGNATURE_ED25519
#define OUR_SIG SIG_ED25519
#else
#define OUR_SIG SIG_P256
#endif

struct reference {
    const char *file;
    enum sig sig;
    uint32_t area_addr, area_size;
    struct mb_version version;
    const char *digest;
    bool has_counter;
    uint32_t counter;
};

static const struct reference references[] = {
    {IMGTOOL("p256-basic.bin"), SIG_P256, SLOT, SLOT_SIZE, {1, 2, 3, 4},
     "0fb85f97aba4e2db8277d6950cf4e08fdb941ff98291416e907de850b1da92b9", false, 0},
    /* slot-sized with its trailer: validated in a 0x60000 area, as imgtool made it */
    {IMGTOOL("p256-pad-confirm.bin"), SIG_P256, PM_MCUBOOT_PRIMARY_ADDRESS, 0x60000, {1, 2, 3, 4},
     "0fb85f97aba4e2db8277d6950cf4e08fdb941ff98291416e907de850b1da92b9", false, 0},
    {IMGTOOL("p256-seccnt7.bin"), SIG_P256, SLOT, SLOT_SIZE, {1, 2, 3, 4},
     "553934f9650b4f681f227dc62dd1ccf7fa7a3f6bcfb88e16c995aadaf349b596", true, 7},
    {IMGTOOL("ed25519-basic.bin"), SIG_ED25519, SLOT, SLOT_SIZE, {2, 0, 0, 0},
     "044de9d2743c96dba85783783f253f7a893c302477ac611965f281b00e0d87f5", false, 0},
    {IMGTOOL("unsigned-hash-only.bin"), SIG_NONE, SLOT, SLOT_SIZE, {3, 1, 0, 0},
     "133f3e607275470e5d10b3a07f627ce592b34cb06978f24ee5d6e70332420d63", false, 0},
};

static void hex_decode(const char *hex, uint8_t *out, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1)
            test_fail(__FILE__, __LINE__, "bad hex %s", hex);
        out[i] = (uint8_t)byte;
    }
}

static void check_fields(const struct reference *ref, const struct image *img, const struct mb_image_info *info)
{
    uint8_t digest[32];
    hex_decode(ref->digest, digest, sizeof digest);
    CHECK_MEM_EQ(info->hash, digest, sizeof digest);
    CHECK_EQ(mb_version_cmp(&info->hdr.version, &ref->version, true), 0);
    CHECK_EQ(info->has_security_counter, ref->has_counter);
    CHECK_EQ(info->security_counter, ref->counter);
    CHECK_EQ(info->dependency_count, 0);
    CHECK_EQ(info->hdr.hdr_size, 0x200);
    CHECK_EQ(info->hdr.img_size, 4000);
    CHECK_EQ(info->reset_vector, get32(img->data + 0x204));
    const size_t tlv = image_tlv_offset(img);
    CHECK_EQ(info->total_size, tlv + get16(img->data + tlv + 2));
}

TEST(reference_images_validate_with_the_matching_key)
{
    static struct image img;
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    for (size_t i = 0; i < sizeof references / sizeof references[0]; i++) {
        const struct reference *ref = &references[i];
        struct rig r;
        rig_open(&r);
        image_read(&img, ref->file);
        rig_load_image(&r, ref->area_addr, &img);

        struct mb_image_info info;
        enum mb_image_status st = rig_validate(&r, ref->area_addr, ref->area_size, &keyring, &info);
        if (ref->sig == OUR_SIG) {
            if (st != MB_IMAGE_OK)
                test_fail(__FILE__, __LINE__, "%s: %s", ref->file, mb_image_status_text(st));
            CHECK_EQ(info.key_index, 0);
        } else {
            if (st != MB_IMAGE_E_NO_SIGNATURE)
                test_fail(__FILE__, __LINE__, "%s: %s, expected no signature", ref->file, mb_image_status_text(st));
            CHECK_EQ(info.key_index, -1);
        }
        check_fields(ref, &img, &info);
        rig_close(&r);
    }
}

TEST(reference_images_validate_hash_only_without_keys)
{
    static struct image img;
    const struct mb_keyring empty = {NULL, 0};
    for (size_t i = 0; i < sizeof references / sizeof references[0]; i++) {
        const struct reference *ref = &references[i];
        struct rig r;
        rig_open(&r);
        image_read(&img, ref->file);
        rig_load_image(&r, ref->area_addr, &img);
        struct mb_image_info info;
        CHECK_STATUS(rig_validate(&r, ref->area_addr, ref->area_size, &empty, &info), MB_IMAGE_OK);
        check_fields(ref, &img, &info);
        CHECK_STATUS(rig_validate(&r, ref->area_addr, ref->area_size, NULL, &info), MB_IMAGE_OK);
        CHECK_EQ(info.key_index, -1);
        rig_close(&r);
    }
}

TEST(read_header_decodes_the_reference_header)
{
    static struct image img;
    struct rig r;
    rig_open(&r);
    image_read(&img, IMGTOOL("p256-seccnt7.bin"));
    rig_load_image(&r, SLOT, &img);
    struct mb_image_info info;
    CHECK_STATUS(mb_image_read_header(&r.guard.dev, SLOT, SLOT_SIZE, &info), MB_IMAGE_OK);
    CHECK_EQ(info.hdr.magic, MB_IMAGE_MAGIC);
    CHECK_EQ(info.hdr.load_addr, 0);
    CHECK_EQ(info.hdr.hdr_size, 0x200);
    CHECK_EQ(info.hdr.protect_tlv_size, 0xc);
    CHECK_EQ(info.hdr.img_size, 0xfa0);
    CHECK_EQ(info.hdr.flags, 0);
    char text[MB_VERSION_TEXT_SIZE];
    mb_version_format(&info.hdr.version, text, sizeof text);
    CHECK_STR_EQ(text, "1.2.3+4");
    CHECK_EQ(info.reset_vector, get32(img.data + 0x204));
    CHECK_EQ(info.total_size, 0); /* only mb_image_validate reads the TLV area */
    CHECK_EQ(info.key_index, -1);
    rig_close(&r);
}

TEST(the_key_is_found_among_several_and_keys_of_the_other_type_are_skipped)
{
    static struct image img;
    struct rig r;
    rig_open(&r);
    image_read(&img, OUR_SIG == SIG_P256 ? IMGTOOL("p256-basic.bin") : IMGTOOL("ed25519-basic.bin"));
    rig_load_image(&r, SLOT, &img);
    const struct mb_key ours = reference_key();
    /* The reference key's bytes under the other type come first: never selected. */
    const struct mb_key keys[] = {
        {OUR_SIG == SIG_P256 ? MB_KEY_ED25519 : MB_KEY_ECDSA_P256, ours.der, ours.der_len},
        test_key(MB_KEY_ECDSA_P256, "other-p256"),
        ours,
    };
    const struct mb_keyring keyring = {keys, 3};
    struct mb_image_info info;
    CHECK_STATUS(rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info), MB_IMAGE_OK);
    CHECK_EQ(info.key_index, 2);
    const struct mb_keyring wrong_type_only = {keys, 1};
    CHECK_STATUS(rig_validate(&r, SLOT, SLOT_SIZE, &wrong_type_only, &info), MB_IMAGE_E_KEY_UNKNOWN);
    rig_close(&r);
}
