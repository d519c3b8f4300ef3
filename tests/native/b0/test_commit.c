/*
 * Irreversible steps happen only for an image the second stage confirmed: raising the monotonic
 * counter, and revoking the keys before the one that verified it.
 */
#include <string.h>

#include "b0_counter.h"
#include "rig.h"

/* Keys: 0 = NCS's key0 (signs the NCS images), 1 = the test key2 (signs the *_key2 variants). */
static void two_key_device(struct rig *r, uint16_t counter_slots)
{
    rig_open(r);
    struct image key0_image, key2_image;
    image_read(&key0_image, VECTOR("signed_by_b0_s0_image.bin"));
    image_read(&key2_image, VARIANT("s1_v3_key2"));
    struct provision_spec spec = provision_spec_default();
    spec.num_keys = 2;
    image_key_hash(&key0_image, spec.hash[0]);
    image_key_hash(&key2_image, spec.hash[1]);
    spec.counter_slots = counter_slots;
    rig_provision(r, &spec);
}

TEST(counter_is_set_after_the_second_stage_confirms_not_before)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_vector_images(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.starts, 1);
    CHECK_LOGGED(&r, "Slot 0 (version 2) is new: unconfirmed start 1 of 3.");
    CHECK_NOT_LOGGED(&r, "Setting monotonic counter");
    uint16_t used;
    CHECK_EQ(rig_counter(&r, &used), 0);
    CHECK_EQ(used, 0);

    rig_confirm(&r);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.starts, 0);
    CHECK_LOGGED(&r, "Setting monotonic counter (version: 2, slot: 0)");
    CHECK_EQ(rig_counter(&r, &used), b0_counter_value(2, 0));
    CHECK_EQ(used, 1);
    CHECK_EQ(rig_otp_word(&r, 0xFF8164) & 0xFFFF, (uint16_t)~b0_counter_value(2, 0));

    /* Committed: later boots write nothing more. */
    uint64_t otp_writes = otp_sim_calls(r.otp);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(otp_sim_calls(r.otp), otp_writes);
    CHECK_NOT_LOGGED(&r, "is new");
    rig_close(&r);
}

TEST(update_to_s1_raises_the_counter_with_s1s_slot_bit_and_retires_s0)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    rig_confirm(&r);
    CHECK_EQ(rig_boot(&r, &d), B0_OK); /* counter := 2 (S0) */

    rig_load_file(&r, S1_IMAGE, VARIANT("s1_v3_key0")); /* the second stage installed an update */
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.starts, 1);
    rig_confirm(&r);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_LOGGED(&r, "Setting monotonic counter (version: 3, slot: 1)");
    uint16_t used;
    CHECK_EQ(rig_counter(&r, &used), b0_counter_value(3, 1));
    CHECK_EQ(used, 2);

    /* The old S0 is now below the counter: with S1 gone it cannot come back. */
    struct image blank;
    memset(blank.data, 0x00, sizeof blank.data);
    blank.len = 64;
    rig_load(&r, S1_IMAGE + FW_INFO_IN_IMAGE, &blank); /* clear S1's fw_info magic */
    CHECK_EQ(rig_boot(&r, &d), B0_E_NO_BOOTABLE_IMAGE);
    CHECK_EQ(d.slot_status[0], B0_E_ROLLBACK);
    rig_close(&r);
}

TEST(key_revocation_follows_a_confirmed_boot_with_key_1)
{
    struct rig r;
    two_key_device(&r, 20);
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin")); /* v2, key 0 */
    rig_load_file(&r, S1_IMAGE, VARIANT("s1_v3_key2"));               /* v3, key 1 */
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.key_index, 1);
    CHECK_EQ(d.starts, 1);
    CHECK_NOT_LOGGED(&r, "Invalidating key");
    CHECK_EQ(rig_otp_word(&r, 0xFF8134), B0_KEY_TOKEN(0)); /* key 0 untouched while S1 is on trial */

    rig_confirm(&r);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.starts, 0);
    CHECK_LOGGED(&r, "Setting monotonic counter (version: 3, slot: 1)");
    CHECK_LOGGED(&r, "Invalidating key 0.");
    CHECK_EQ(rig_otp_word(&r, 0xFF8134), 0x50FA0000u);
    CHECK_EQ(rig_otp_word(&r, 0xFF8148), B0_KEY_TOKEN(1));

    /* An S0 of the same version signed with key 0 is now refused for its key. */
    const uint32_t pages = (PM_S0_SIZE + MEM_FLASH_PAGE_SIZE - 1) / MEM_FLASH_PAGE_SIZE;
    CHECK_EQ(flash_erase(r.port.flash, PM_S0_ADDRESS, pages * MEM_FLASH_PAGE_SIZE), FLASH_OK);
    rig_load_file(&r, S0_IMAGE, VARIANT("s0_v3_key0"));
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.slot_status[0], B0_E_KEY_REVOKED);
    CHECK_LOGGED(&r, "Key 0 has been invalidated: the image is signed with a revoked key");
    rig_close(&r);
}

TEST(key_1_image_may_boot_with_key_0_still_valid_only_on_trial)
{
    /* Same version as the counter, but it would revoke key 0: still new, still counted. */
    struct rig r;
    two_key_device(&r, 20);
    rig_load_file(&r, S0_IMAGE, VARIANT("s0_v2_key2"));
    struct b0_provision prov;
    CHECK_EQ(b0_provision_read(&r.cfg, &r.port, &prov), B0_OK);
    CHECK_EQ(b0_counter_set(&r.port, &prov.counter, b0_counter_value(2, 0)), B0_OK);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.starts, 1);
    rig_confirm(&r);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.starts, 0);
    CHECK_LOGGED(&r, "Invalidating key 0.");
    CHECK_NOT_LOGGED(&r, "Setting monotonic counter");
    rig_close(&r);
}

TEST(exhausted_counter_still_boots_and_says_why_it_cannot_rise)
{
    struct rig r;
    two_key_device(&r, 2);
    struct b0_provision prov;
    CHECK_EQ(b0_provision_read(&r.cfg, &r.port, &prov), B0_OK);
    CHECK_EQ(b0_counter_set(&r.port, &prov.counter, b0_counter_value(1, 0)), B0_OK);
    CHECK_EQ(b0_counter_set(&r.port, &prov.counter, b0_counter_value(2, 0)), B0_OK);
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    rig_load_file(&r, S1_IMAGE, VARIANT("s1_v3_key0"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    rig_confirm(&r);
    uint64_t otp_writes = otp_sim_calls(r.otp);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(r.booted_vector, S1_IMAGE);
    CHECK_LOGGED(&r, "Setting monotonic counter (version: 3, slot: 1)");
    CHECK_LOGGED(&r, "Monotonic counter slots exhausted: all 2 used; cannot raise it from version 2 to 3.");
    CHECK_EQ(otp_sim_calls(r.otp), otp_writes);
    CHECK_EQ(rig_counter(&r, NULL), b0_counter_value(2, 0));
    CHECK_EQ(d.starts, 1); /* not committed: stays on trial, so S0 remains its fallback */
    rig_close(&r);
}

TEST(without_a_counter_images_boot_and_nothing_is_written)
{
    struct rig r;
    two_key_device(&r, 0);
    rig_load_vector_images(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_LOGGED(&r, "Monotonic version counter is disabled.");
    rig_confirm(&r);
    uint64_t otp_writes = otp_sim_calls(r.otp);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(otp_sim_calls(r.otp), otp_writes);
    rig_close(&r);
}
