/* The firmware-version monotonic counter in OTP: inverted 16-bit slots, highest wins, torn writes. */
#include "b0_counter.h"
#include "rig.h"

static struct b0_counter provisioned_counter(struct rig *r, uint16_t slots)
{
    rig_open(r);
    struct provision_spec spec = provision_spec_default();
    spec.num_keys = 1;
    spec.hash[0][0] = 0x11; /* any hash without a blank cell */
    spec.counter_slots = slots;
    rig_provision(r, &spec);
    struct b0_provision prov;
    CHECK_EQ(b0_provision_read(&r->cfg, &r->port, &prov), B0_OK);
    return prov.counter;
}

static uint16_t slot_cell(struct rig *r, const struct b0_counter *c, unsigned i)
{
    uint32_t addr = c->slots_address + 2 * i;
    return (uint16_t)(rig_otp_word(r, addr & ~3u) >> (8 * (addr & 2u)));
}

static void program_slot(struct rig *r, const struct b0_counter *c, unsigned i, uint16_t stored)
{
    uint32_t addr = c->slots_address + 2 * i, shift = 8 * (addr & 2u);
    CHECK_EQ(otp_write_word(r->port.otp, addr & ~3u, ~(0xFFFFu << shift) | (uint32_t)stored << shift), OTP_OK);
}

TEST(counter_value_packs_version_and_inverted_slot)
{
    CHECK_EQ(b0_counter_value(2, 0), 5);
    CHECK_EQ(b0_counter_value(2, 1), 4);
    CHECK_EQ(b0_counter_value(B0_VERSION_MAX, 0), 0xFFFD);
    CHECK_EQ(b0_counter_version(5), 2);
    CHECK_EQ(b0_counter_version(4), 2);
}

TEST(unwritten_counter_reads_zero)
{
    struct rig r;
    struct b0_counter c = provisioned_counter(&r, 20);
    uint16_t value = 1, used = 1;
    CHECK_EQ(b0_counter_read(&r.port, &c, &value, &used), B0_OK);
    CHECK_EQ(value, 0);
    CHECK_EQ(used, 0);
    rig_close(&r);
}

TEST(set_writes_the_inverted_value_into_the_next_free_slot)
{
    struct rig r;
    struct b0_counter c = provisioned_counter(&r, 20);
    CHECK_EQ(b0_counter_set(&r.port, &c, 5), B0_OK);
    CHECK_EQ(slot_cell(&r, &c, 0), 0xFFFA);
    CHECK_EQ(b0_counter_set(&r.port, &c, 6), B0_OK);
    CHECK_EQ(slot_cell(&r, &c, 1), 0xFFF9);
    CHECK_EQ(slot_cell(&r, &c, 2), 0xFFFF);
    uint16_t value, used;
    CHECK_EQ(b0_counter_read(&r.port, &c, &value, &used), B0_OK);
    CHECK_EQ(value, 6);
    CHECK_EQ(used, 2);
    rig_close(&r);
}

TEST(counter_never_goes_down_or_stays)
{
    struct rig r;
    struct b0_counter c = provisioned_counter(&r, 20);
    CHECK_EQ(b0_counter_set(&r.port, &c, 9), B0_OK);
    uint64_t writes = otp_sim_calls(r.otp);
    CHECK_EQ(b0_counter_set(&r.port, &c, 9), B0_E_COUNTER_NOT_HIGHER);
    CHECK_EQ(b0_counter_set(&r.port, &c, 3), B0_E_COUNTER_NOT_HIGHER);
    CHECK_EQ(b0_counter_set(&r.port, &c, 0), B0_E_COUNTER_NOT_HIGHER);
    CHECK_LOGGED(&r, "Monotonic counter can only increase: 0x0003 (version 1) requested, 0x0009 stored.");
    CHECK_EQ(otp_sim_calls(r.otp), writes);
    rig_close(&r);
}

TEST(full_counter_refuses_to_rise_with_a_clear_log)
{
    struct rig r;
    struct b0_counter c = provisioned_counter(&r, 2);
    CHECK_EQ(b0_counter_set(&r.port, &c, b0_counter_value(1, 0)), B0_OK);
    CHECK_EQ(b0_counter_set(&r.port, &c, b0_counter_value(2, 1)), B0_OK);
    uint64_t writes = otp_sim_calls(r.otp);
    CHECK_EQ(b0_counter_set(&r.port, &c, b0_counter_value(3, 0)), B0_E_COUNTER_FULL);
    CHECK_LOGGED(&r, "Monotonic counter slots exhausted: all 2 used; cannot raise it from version 2 to 3.");
    CHECK_EQ(otp_sim_calls(r.otp), writes);
    uint16_t value, used;
    CHECK_EQ(b0_counter_read(&r.port, &c, &value, &used), B0_OK);
    CHECK_EQ(value, b0_counter_value(2, 1));
    CHECK_EQ(used, 2);
    rig_close(&r);
}

TEST(missing_counter_reads_zero_and_refuses_to_be_set)
{
    struct rig r;
    struct b0_counter c = provisioned_counter(&r, 0);
    CHECK_EQ(c.num_slots, 0);
    uint16_t value = 7, used = 7;
    CHECK_EQ(b0_counter_read(&r.port, &c, &value, &used), B0_OK);
    CHECK_EQ(value, 0);
    CHECK_EQ(used, 0);
    CHECK_EQ(b0_counter_set(&r.port, &c, 5), B0_E_COUNTER_ABSENT);
    CHECK_LOGGED(&r, "Monotonic version counter is disabled");
    rig_close(&r);
}

TEST(a_lower_torn_slot_is_ignored_and_the_next_write_goes_after_it)
{
    struct rig r;
    struct b0_counter c = provisioned_counter(&r, 20);
    program_slot(&r, &c, 0, (uint16_t)~9u);
    program_slot(&r, &c, 1, (uint16_t)~8u); /* a torn write of 9 | 12 */
    uint16_t value, used;
    CHECK_EQ(b0_counter_read(&r.port, &c, &value, &used), B0_OK);
    CHECK_EQ(value, 9);
    CHECK_EQ(used, 2);
    CHECK_EQ(b0_counter_set(&r.port, &c, 13), B0_OK);
    CHECK_EQ(slot_cell(&r, &c, 2), (uint16_t)~13u);
    rig_close(&r);
}

TEST(power_cut_during_set_never_leaves_more_than_asked_and_a_retry_completes)
{
    unsigned untouched = 0, torn = 0;
    for (uint64_t seed = 1; seed <= 32; seed++) {
        struct rig r;
        struct b0_counter c = provisioned_counter(&r, 20);
        CHECK_EQ(b0_counter_set(&r.port, &c, 5), B0_OK);
        otp_sim_cut_power_at(r.otp, 1, seed);
        const uint16_t target = b0_counter_value(11, 1);
        CHECK_EQ(b0_counter_set(&r.port, &c, target), B0_E_POWER_LOST);
        rig_reset(&r);

        uint16_t value, used;
        CHECK_EQ(b0_counter_read(&r.port, &c, &value, &used), B0_OK);
        uint16_t left = (uint16_t)~slot_cell(&r, &c, 1);
        CHECK_EQ(left & target, left); /* only bits of the target */
        CHECK(value == 5 || value == left);
        CHECK(value <= target);
        untouched += used == 1;
        torn += used == 2 && left != target;

        if (value < target)
            CHECK_EQ(b0_counter_set(&r.port, &c, target), B0_OK);
        CHECK_EQ(b0_counter_read(&r.port, &c, &value, &used), B0_OK);
        CHECK_EQ(value, target);
        CHECK(used <= 3); /* a torn write costs at most one slot */
        rig_close(&r);
    }
    CHECK(untouched > 0);
    CHECK(torn > 0);
}
