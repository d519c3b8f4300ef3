/*
 * Each validation rule, broken one at a time in a copy of NCS's S0 image: its own status, its own
 * log line, and the valid word cleared for image faults ("permanently invalidating").
 */
#include <string.h>

#include "b0_validation.h"
#include "rig.h"

/* Offsets inside signed_by_b0_s0_image.bin */
#define RESET_VECTOR 0x004u
#define FW_MAGIC_COMPAT (FW_INFO_IN_IMAGE + 8)
#define FW_TOTAL_SIZE (FW_INFO_IN_IMAGE + 12)
#define FW_SIZE (FW_INFO_IN_IMAGE + 16)
#define FW_VERSION (FW_INFO_IN_IMAGE + 20)
#define FW_ADDRESS (FW_INFO_IN_IMAGE + 24)
#define FW_BOOT_ADDRESS (FW_INFO_IN_IMAGE + 28)
#define FW_VALID (FW_INFO_IN_IMAGE + 32)
#define VI_MAGIC_TYPE (VALIDATION_IN_IMAGE + 4)
#define VI_ADDRESS (VALIDATION_IN_IMAGE + 12)
#define CODE_TAG 0x260u
#define VI_SIGNATURE (VALIDATION_IN_IMAGE + 112)

enum patch_kind { SET_WORD, FLIP_BYTE };

struct rule_case {
    const char *name;
    enum patch_kind kind;
    uint32_t offset, value;
    enum b0_status expected;
    const char *log;
};

static const struct rule_case cases[] = {
    {"no fw_info", SET_WORD, FW_INFO_IN_IMAGE, 0, B0_E_FWINFO_NOT_FOUND,
     "No fw_info struct found in slot 0 (0x00008000 + 0x0, 0x200, 0x400, 0x800 or 0x1000)."},
    {"other hardware", SET_WORD, FW_MAGIC_COMPAT, 0x00003402, B0_E_FWINFO_COMPAT,
     "fw_info at 0x00008400 has compatibility word 0x00003402, expected 0x00003502"},
    {"total_size too small", SET_WORD, FW_TOTAL_SIZE, 56, B0_E_FWINFO_FORMAT,
     "Invalid firmware info format at 0x00008400: total_size 56"},
    {"linked for S1", SET_WORD, FW_ADDRESS, 0x18200, B0_E_ADDRESS,
     "The firmware doesn't belong at destination addr: fw_info at 0x00008400 gives address 0x00018200, "
     "expected slot 0 start 0x00008000 up to the fw_info."},
    {"address after fw_info", SET_WORD, FW_ADDRESS, 0x8500, B0_E_ADDRESS,
     "gives address 0x00008500"},
    {"fw_info not reachable from address", SET_WORD, FW_ADDRESS, 0x8100, B0_E_FWINFO_SELF,
     "Firmware info doesn't point to itself: fw_info at 0x00008400, but none is found from its address 0x00008100."},
    {"invalidated", SET_WORD, FW_VALID, 0x12345678, B0_E_INVALIDATED, "Firmware has been invalidated: 0x12345678."},
    {"version too large", SET_WORD, FW_VERSION, 40000, B0_E_VERSION_RANGE,
     "Firmware version 40000 is above 32766, the largest the monotonic counter can record."},
    {"size above slot", SET_WORD, FW_SIZE, 0x10001, B0_E_SIZE,
     "Invalid size or total_size in firmware info: size 0x10001, total_size 60; the image and its 176-byte "
     "validation block must fit slot 0 (0x00008000, 0x10000 bytes)."},
    {"size zero", SET_WORD, FW_SIZE, 0, B0_E_SIZE, "Invalid size or total_size in firmware info: size 0x0"},
    {"block past slot end", SET_WORD, FW_SIZE, 0xFE00, B0_E_SIZE, "size 0xfe00"},
    {"total_size above size", SET_WORD, FW_TOTAL_SIZE, 0x404, B0_E_SIZE, "size 0x400, total_size 1028"},
    {"fw_info outside signed region", SET_WORD, FW_SIZE, 0x210, B0_E_FWINFO_OUTSIDE,
     "Firmware info is not within signed region: 0x00008400..0x0000843c outside 0x00008200..0x00008410."},
    {"boot address outside", SET_WORD, FW_BOOT_ADDRESS, 0x9000, B0_E_BOOT_ADDRESS,
     "Boot address is not within signed region: vector table 0x00009000 (8 bytes, word aligned) outside "
     "0x00008200..0x00008600."},
    {"boot address unaligned", SET_WORD, FW_BOOT_ADDRESS, 0x8202, B0_E_BOOT_ADDRESS, "vector table 0x00008202"},
    {"reset handler outside", SET_WORD, RESET_VECTOR, 0x1001, B0_E_RESET_VECTOR,
     "Reset handler is not within signed region: 0x00001001 outside 0x00008200..0x00008600."},
    {"no validation block", SET_WORD, VI_MAGIC_TYPE, 0, B0_E_NO_VALIDATION_INFO,
     "Could not find valid firmware validation info at 0x00008600: magic 281ee6de 00000000 00013502, expected "
     "281ee6de 86518483 00013502."},
    {"validation block for another address", SET_WORD, VI_ADDRESS, 0x8204, B0_E_VALIDATION_ADDRESS,
     "Validation info doesn't belong to this firmware: it is for 0x00008204, the image is at 0x00008200."},
    {"one code byte changed", FLIP_BYTE, CODE_TAG, 0x01, B0_E_HASH,
     "Firmware hash mismatch: SHA-256 of 0x00008200..0x00008600 is "},
    {"one signature byte changed", FLIP_BYTE, VI_SIGNATURE, 0x01, B0_E_SIGNATURE,
     "Failed to validate signature with key 0 (status"},
};

static void patch(struct image *img, const struct rule_case *c)
{
    if (c->kind == SET_WORD)
        image_set_word(img, c->offset, c->value);
    else
        img->data[c->offset] ^= (uint8_t)c->value;
}

TEST(every_rule_has_its_own_status_log_line_and_invalidation)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct rule_case *c = &cases[i];
        struct rig r;
        rig_open(&r);
        rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
        struct image img;
        image_read(&img, VECTOR("signed_by_b0_s0_image.bin"));
        patch(&img, c);
        rig_load(&r, S0_IMAGE, &img);
        const uint32_t valid_before = rig_valid_word(&r, S0_IMAGE);
        const uint64_t flash_writes = flash_sim_calls(r.flash);

        struct b0_decision d;
        enum b0_status st = rig_boot(&r, &d);
        if (d.slot_status[0] != c->expected)
            test_fail(__FILE__, __LINE__, "%s: slot 0 got \"%s\", expected \"%s\"; log:\n%s", c->name,
                      b0_status_text(d.slot_status[0]), b0_status_text(c->expected), r.log);
        CHECK_EQ(st, B0_E_NO_BOOTABLE_IMAGE);
        CHECK_EQ(d.slot, B0_NO_SLOT);
        CHECK_EQ(r.boots, 0);
        CHECK_LOGGED(&r, c->log);
        CHECK_LOGGED(&r, "No bootable image found. Aborting boot.");

        if (b0_status_is_image_fault(c->expected)) {
            CHECK_LOGGED(&r, "Failed to validate, permanently invalidating!");
            CHECK_EQ(rig_valid_word(&r, S0_IMAGE), valid_before == FW_INFO_VALID ? FW_INFO_INVALIDATED : valid_before);
        } else {
            CHECK_NOT_LOGGED(&r, "permanently invalidating");
            CHECK_EQ(flash_sim_calls(r.flash), flash_writes);
        }
        rig_close(&r);
    }
}

TEST(each_rule_status_is_distinct_and_named)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK(strcmp(b0_status_text(cases[i].expected), "unknown b0 status") != 0);
        for (size_t j = 0; j < i; j++) {
            if (cases[j].expected != cases[i].expected)
                CHECK(strcmp(b0_status_text(cases[i].expected), b0_status_text(cases[j].expected)) != 0);
        }
    }
    for (int s = 0; s < B0_STATUS_COUNT; s++) {
        for (int t = 0; t < s; t++)
            CHECK(strcmp(b0_status_text((enum b0_status)s), b0_status_text((enum b0_status)t)) != 0);
    }
    CHECK_STR_EQ(b0_status_text(B0_STATUS_COUNT), "unknown b0 status");
}

TEST(unmodified_ncs_image_passes_every_rule)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_vector_images(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot_status[0], B0_OK);
    CHECK_LOGGED(&r, "Attempting to boot from address 0x8200.");
    CHECK_LOGGED(&r, "Verifying signature against key 0.");
    CHECK_LOGGED(&r, "Firmware signature verified.");
    CHECK_LOGGED(&r, "Firmware version 2");
    rig_close(&r);
}

/* Provisioning with the S0 image's key hash, revoked or not, behind a different key. */
static void provision_key0_as(struct rig *r, bool known, bool revoked)
{
    struct image img;
    image_read(&img, VECTOR("signed_by_b0_s0_image.bin"));
    struct provision_spec spec = provision_spec_default();
    spec.num_keys = 2;
    memset(spec.hash[0], 0x3C, B0_KEY_HASH_SIZE);
    if (known)
        image_key_hash(&img, spec.hash[1]);
    else
        memset(spec.hash[1], 0x4D, B0_KEY_HASH_SIZE);
    spec.revoked[1] = revoked;
    rig_provision(r, &spec);
    rig_load(r, S0_IMAGE, &img);
}

TEST(image_signed_with_an_unprovisioned_key_is_refused)
{
    struct rig r;
    rig_open(&r);
    provision_key0_as(&r, false, false);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_NO_BOOTABLE_IMAGE);
    CHECK_EQ(d.slot_status[0], B0_E_KEY_UNKNOWN);
    /* the hash b0 computes is the one expected.json gives for key0 */
    CHECK_LOGGED(&r, "Public key hash 5bda1f923b77b203062661208abcd6d6 matches none of the 2 provisioned keys.");
    CHECK_EQ(rig_valid_word(&r, S0_IMAGE), FW_INFO_INVALIDATED);
    rig_close(&r);
}

TEST(image_signed_with_a_revoked_key_is_refused)
{
    struct rig r;
    rig_open(&r);
    provision_key0_as(&r, true, true);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_NO_BOOTABLE_IMAGE);
    CHECK_EQ(d.slot_status[0], B0_E_KEY_REVOKED);
    CHECK_LOGGED(&r, "Key 1 has been invalidated: the image is signed with a revoked key (hash 5bda1f92");
    rig_close(&r);
}

TEST(image_is_verified_with_the_key_at_its_index)
{
    struct rig r;
    rig_open(&r);
    provision_key0_as(&r, true, false);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.key_index, 1);
    CHECK_LOGGED(&r, "Verifying signature against key 1.");
    rig_close(&r);
}

TEST(fw_info_whose_address_leads_to_another_fw_info_is_refused)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    /* Slot search from 0x8000 finds 0x9000; the search from its address 0x8C00 meets 0x8E00 first. */
    struct fw_info info = {
        .magic = {FW_INFO_MAGIC_COMMON, FW_INFO_MAGIC_FIRMWARE_INFO, FW_INFO_MAGIC_COMPAT},
        .total_size = 60, .size = 0x800, .version = 2, .address = 0x8C00, .boot_address = 0x8C00,
        .valid = FW_INFO_VALID,
    };
    CHECK_EQ(flash_write(r.port.flash, 0x9000, &info, sizeof info), FLASH_OK);
    CHECK_EQ(flash_write(r.port.flash, 0x8E00, &info, sizeof info), FLASH_OK);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_NO_BOOTABLE_IMAGE);
    CHECK_EQ(d.slot_status[0], B0_E_FWINFO_SELF);
    CHECK_LOGGED(&r, "Firmware info doesn't point to itself: fw_info at 0x00009000, "
                     "but its address 0x00008c00 leads to 0x00008e00.");
    rig_close(&r);
}
