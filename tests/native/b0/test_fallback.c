/*
 * A new second stage that never confirms a healthy start: after max_unconfirmed_starts starts b0
 * returns to the other valid slot and invalidates the new one. The count lives in retained RAM.
 */
#include "b0_counter.h"
#include "rig.h"

/* S0 = NCS v2 committed (counter holds 2), S1 = v3 just installed by the second stage. */
static void device_with_update(struct rig *r)
{
    rig_open(r);
    rig_load_otp_file(r, VECTOR("provision_otp.bin"));
    rig_load_file(r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    rig_load_file(r, S1_IMAGE, VARIANT("s1_v3_key0"));
    struct b0_provision prov;
    CHECK_EQ(b0_provision_read(&r->cfg, &r->port, &prov), B0_OK);
    CHECK_EQ(b0_counter_set(&r->port, &prov.counter, b0_counter_value(2, 0)), B0_OK);
}

/* Boots `times` times without confirmation; each must start S1 as its n-th unconfirmed start. */
static void unconfirmed_starts_of_s1(struct rig *r, unsigned first, unsigned times)
{
    for (unsigned n = first; n < first + times; n++) {
        struct b0_decision d;
        CHECK_EQ(rig_boot(r, &d), B0_OK);
        CHECK_EQ(d.slot, 1);
        CHECK_EQ(d.starts, n);
    }
}

TEST(broken_new_stage_gets_three_starts_then_b0_returns_to_the_old_one)
{
    struct rig r;
    device_with_update(&r);
    unconfirmed_starts_of_s1(&r, 1, 3);
    CHECK_LOGGED(&r, "Slot 1 (version 3) is new: unconfirmed start 3 of 3.");
    CHECK_EQ(rig_valid_word(&r, S1_IMAGE), FW_INFO_VALID);

    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(r.booted_vector, S0_IMAGE);
    CHECK_EQ(d.starts, 0);
    CHECK_EQ(d.slot_status[1], B0_E_INVALIDATED);
    CHECK_LOGGED(&r, "Slot 1 (version 3) started 3 times without confirmation from the second stage.");
    CHECK_LOGGED(&r, "Falling back to slot 0; permanently invalidating slot 1.");
    CHECK_EQ(rig_valid_word(&r, S1_IMAGE), FW_INFO_INVALIDATED);
    CHECK_EQ(rig_counter(&r, NULL), b0_counter_value(2, 0)); /* never committed */

    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.slot_status[1], B0_E_INVALIDATED);
    CHECK_LOGGED(&r, "Firmware has been invalidated: 0x00000000.");
    rig_close(&r);
}

TEST(new_stage_confirmed_on_its_second_start_is_committed)
{
    struct rig r;
    device_with_update(&r);
    unconfirmed_starts_of_s1(&r, 1, 2);
    rig_confirm(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.starts, 0);
    CHECK_EQ(rig_counter(&r, NULL), b0_counter_value(3, 1));
    for (int i = 0; i < 5; i++) {
        CHECK_EQ(rig_boot(&r, &d), B0_OK); /* committed: no more counting */
        CHECK_EQ(d.slot, 1);
    }
    rig_close(&r);
}

TEST(confirmation_resets_the_count_while_the_counter_cannot_rise)
{
    struct rig r;
    device_with_update(&r);
    /* Fill the other 19 slots with a lower value (as torn writes would): the counter is full at 2. */
    for (uint32_t addr = 0xFF8166; addr < 0xFF818C; addr += 2) {
        uint32_t shift = 8 * (addr & 2u);
        CHECK_EQ(otp_write_word(r.port.otp, addr & ~3u, ~(0xFFFFu << shift) | 0xFFFEu << shift), OTP_OK);
    }
    uint16_t used;
    CHECK_EQ(rig_counter(&r, &used), b0_counter_value(2, 0));
    CHECK_EQ(used, 20);
    struct b0_decision d;
    for (int i = 0; i < 6; i++) {
        CHECK_EQ(rig_boot(&r, &d), B0_OK);
        CHECK_EQ(d.slot, 1);
        CHECK_EQ(d.starts, 1);
        rig_confirm(&r);
    }
    CHECK_LOGGED(&r, "Monotonic counter slots exhausted");
    rig_close(&r);
}

TEST(without_another_valid_slot_the_new_stage_keeps_being_started)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    rig_load_file(&r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    struct b0_decision d;
    for (unsigned n = 1; n <= 5; n++) {
        CHECK_EQ(rig_boot(&r, &d), B0_OK);
        CHECK_EQ(d.slot, 0);
        CHECK_EQ(d.starts, n);
    }
    CHECK_LOGGED(&r, "No other bootable slot: starting slot 0 again.");
    CHECK_EQ(rig_valid_word(&r, S0_IMAGE), FW_INFO_VALID);
    rig_close(&r);
}

TEST(power_cycle_loses_the_count_and_the_new_stage_gets_fresh_starts)
{
    struct rig r;
    device_with_update(&r);
    unconfirmed_starts_of_s1(&r, 1, 2);
    rig_power_cycle(&r);
    unconfirmed_starts_of_s1(&r, 1, 3);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 0);
    rig_close(&r);
}

TEST(zero_max_unconfirmed_starts_disables_the_fallback)
{
    struct rig r;
    device_with_update(&r);
    r.cfg.max_unconfirmed_starts = 0;
    unconfirmed_starts_of_s1(&r, 1, 10);
    CHECK_EQ(rig_valid_word(&r, S1_IMAGE), FW_INFO_VALID);
    rig_close(&r);
}

TEST(record_of_another_image_or_a_damaged_record_does_not_count)
{
    struct rig r;
    device_with_update(&r);
    unconfirmed_starts_of_s1(&r, 1, 3);

    struct b0_boot_record other = r.record;
    other.address += 4; /* same slot and version, another vector table: another build */
    b0_boot_record_seal(&other);
    r.record = other;
    unconfirmed_starts_of_s1(&r, 1, 3);

    r.record.starts = 200; /* not resealed: CRC mismatch */
    unconfirmed_starts_of_s1(&r, 1, 1);
    rig_close(&r);
}

TEST(confirmation_of_another_slot_commits_nothing)
{
    struct rig r;
    device_with_update(&r);
    struct b0_boot_record s0_confirmed = {
        .slot = 0, .starts = 1, .version = 2, .address = S0_IMAGE, .confirmed = B0_BOOT_RECORD_CONFIRMED};
    b0_boot_record_seal(&s0_confirmed);
    r.record = s0_confirmed;
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(d.slot, 1);
    CHECK_EQ(d.starts, 1);
    CHECK_NOT_LOGGED(&r, "Setting monotonic counter");
    rig_close(&r);
}

TEST(record_tells_the_second_stage_what_b0_started)
{
    struct rig r;
    device_with_update(&r);
    struct b0_decision d;
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK(b0_boot_record_valid(&r.record));
    CHECK_EQ(r.record.slot, 1);
    CHECK_EQ(r.record.version, 3);
    CHECK_EQ(r.record.address, S1_IMAGE);
    CHECK_EQ(r.record.starts, 1);
    CHECK_EQ(r.record.confirmed, 0);
    rig_close(&r);
}
