/* Which slot b0 starts: version order, tie to S0, fallback on a bad image, halt when none is good. */
#include "b0_counter.h"
#include "rig.h"

static void ncs_device(struct rig *r)
{
    rig_open(r);
    rig_load_otp_file(r, VECTOR("provision_otp.bin"));
    rig_load_vector_images(r);
}

static void corrupt_and_load(struct rig *r, uint32_t addr, const char *path)
{
    struct image img;
    image_read(&img, path);
    img.data[0x260] ^= 0x80; /* one byte of the signed region */
    rig_load(r, addr, &img);
}

TEST(both_ncs_images_validate_with_key_0)
{
    struct rig r;
    ncs_device(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.key_index, 0);
    rig_close(&r);

    /* S1 on its own: with S0 empty it is the only candidate. */
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_file(&r, S1_IMAGE, VECTOR("signed_by_b0_s1_image.bin"));
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.key_index, 0);
    CHECK_EQ(d.vector_table, S1_IMAGE);
    CHECK_EQ(d.slot_status[0], B0_NOT_CHECKED); /* S1 came first and booted */
    rig_close(&r);
}

TEST(version_tie_boots_s0_and_never_looks_at_s1)
{
    struct rig r;
    ncs_device(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.version, 2);
    CHECK_EQ(d.vector_table, S0_IMAGE);
    CHECK_EQ(d.slot_status[1], B0_NOT_CHECKED);
    CHECK_EQ(r.boots, 1);
    CHECK_EQ(r.booted_vector, S0_IMAGE);
    CHECK_LOGGED(&r, "Attempting to boot slot 0.");
    CHECK_NOT_LOGGED(&r, "Attempting to boot slot 1.");
    CHECK_LOGGED(&r, "Booting slot 0: vector table 0x00008200.");
    rig_close(&r);
}

TEST(strictly_higher_s1_boots_s1)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    rig_load_file(&r, S1_IMAGE, VARIANT("s1_v3_key0"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.version, 3);
    CHECK_EQ(r.booted_vector, S1_IMAGE);
    CHECK_EQ(d.slot_status[0], B0_NOT_CHECKED);
    CHECK_LOGGED(&r, "Attempting to boot slot 1.\nAttempting to boot from address 0x18200.");
    CHECK_LOGGED(&r, "Firmware version 3");
    rig_close(&r);
}

TEST(higher_s0_boots_s0)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_file(&r, S0_IMAGE, VARIANT("s0_v3_key0"));
    rig_load_file(&r, S1_IMAGE, VECTOR("signed_by_b0_s1_image.bin"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.version, 3);
    rig_close(&r);
}

TEST(corrupt_s1_falls_back_to_s0_and_is_invalidated_for_good)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    corrupt_and_load(&r, S1_IMAGE, VARIANT("s1_v3_key0"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.slot_status[1], B0_E_HASH);
    CHECK_EQ(d.slot_status[0], B0_OK);
    CHECK_LOGGED(&r, "Attempting to boot slot 1.");
    CHECK_LOGGED(&r, "Failed to validate, permanently invalidating!\nAttempting to boot slot 0.");
    CHECK_EQ(rig_valid_word(&r, S1_IMAGE), FW_INFO_INVALIDATED);

    /* Next boot: S1 is refused at once by its valid word, without hashing. */
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.slot_status[1], B0_E_INVALIDATED);
    CHECK_LOGGED(&r, "Firmware has been invalidated: 0x00000000.");
    rig_close(&r);
}

TEST(both_corrupt_halts_with_no_bootable_image)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    corrupt_and_load(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    corrupt_and_load(&r, S1_IMAGE, VECTOR("signed_by_b0_s1_image.bin"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_NO_BOOTABLE_IMAGE);
    CHECK_EQ(d.slot, B0_NO_SLOT);
    CHECK_EQ(d.slot_status[0], B0_E_HASH);
    CHECK_EQ(d.slot_status[1], B0_E_HASH);
    CHECK_EQ(r.boots, 0);
    CHECK_LOGGED(&r, "No bootable image found. Aborting boot.");
    CHECK_EQ(rig_valid_word(&r, S0_IMAGE), FW_INFO_INVALIDATED);
    CHECK_EQ(rig_valid_word(&r, S1_IMAGE), FW_INFO_INVALIDATED);
    rig_close(&r);
}

TEST(empty_slots_halt)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_NO_BOOTABLE_IMAGE);
    CHECK_EQ(flash_sim_calls(r.flash), 0);
    rig_close(&r);
}

TEST(image_for_s1_copied_into_s0_is_refused_there)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s1_image.bin"));
    rig_load_file(&r, S1_IMAGE, VECTOR("signed_by_b0_s1_image.bin"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot_status[0], B0_E_ADDRESS);
    CHECK_EQ(d.slot, 1);
    rig_close(&r);
}

TEST(unknown_key_in_the_newer_slot_falls_back_to_the_older)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin")); /* key0 and key1: key2 is unknown */
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    rig_load_file(&r, S1_IMAGE, VARIANT("s1_v3_key2"));
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.slot_status[1], B0_E_KEY_UNKNOWN);
    CHECK_LOGGED(&r, "matches none of the 2 provisioned keys.");
    CHECK_EQ(rig_valid_word(&r, S1_IMAGE), FW_INFO_INVALIDATED);
    rig_close(&r);
}

TEST(image_below_the_counter_is_refused)
{
    struct rig r;
    ncs_device(&r);
    struct b0_provision prov;
    CHECK_EQ(b0_provision_read(&r.cfg, &r.port, &prov), B0_OK);
    CHECK_EQ(b0_counter_set(&r.port, &prov.counter, b0_counter_value(3, 1)), B0_OK);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_NO_BOOTABLE_IMAGE);
    CHECK_EQ(d.slot_status[0], B0_E_ROLLBACK);
    CHECK_EQ(d.slot_status[1], B0_E_ROLLBACK);
    CHECK_LOGGED(&r, "Firmware version (2) is smaller than monotonic counter (3).");
    CHECK_LOGGED(&r, "Monotonic counter: version 3, 1 of 20 slots used.");
    rig_close(&r);
}

TEST(image_equal_to_the_counter_boots)
{
    struct rig r;
    ncs_device(&r);
    struct b0_provision prov;
    CHECK_EQ(b0_provision_read(&r.cfg, &r.port, &prov), B0_OK);
    CHECK_EQ(b0_counter_set(&r.port, &prov.counter, b0_counter_value(2, 0)), B0_OK);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.starts, 0); /* committed already: nothing new */
    rig_close(&r);
}

TEST(provisioning_problems_stop_before_any_image_is_touched)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_legacy_otp.bin"));
    rig_load_vector_images(&r);
    uint64_t flash_writes = flash_sim_calls(r.flash);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_PROVISION_LEGACY);
    CHECK_EQ(r.boots, 0);
    CHECK_EQ(flash_sim_calls(r.flash), flash_writes);
    CHECK_EQ(rig_valid_word(&r, S0_IMAGE), FW_INFO_VALID);
    CHECK_EQ(d.slot_status[0], B0_NOT_CHECKED);
    rig_close(&r);
}

TEST(b0_locks_itself_before_anything_else)
{
    struct rig r;
    ncs_device(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    uint32_t word = 0;
    CHECK_EQ(flash_write(r.port.flash, PM_B0_ADDRESS + 0x100, &word, sizeof word), FLASH_E_LOCKED);
    CHECK_EQ(flash_write(r.port.flash, PM_B0_ADDRESS + PM_B0_SIZE + 0x100, &word, sizeof word), FLASH_OK);
    rig_close(&r);
}

static int refuse_lock(void *ctx, uint32_t addr, uint32_t len)
{
    (void)ctx, (void)addr, (void)len;
    return FLASH_E_ALIGN;
}

TEST(b0_that_cannot_lock_itself_does_not_start)
{
    struct rig r;
    ncs_device(&r);
    r.port.lock = refuse_lock;
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_E_LOCK);
    CHECK_EQ(r.boots, 0);
    CHECK_LOGGED(&r, "Failed to protect B0 flash, cancel startup.");
    rig_close(&r);
}
