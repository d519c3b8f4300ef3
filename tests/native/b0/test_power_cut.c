/*
 * Power cuts at every flash and OTP write b0 makes (invalidation, counter, key revocation, the
 * fallback's invalidation), with several damage patterns each: after power returns b0 still starts
 * a valid image, and once the second stage confirms, the state ends where a clean run would.
 */
#include <string.h>

#include "b0_counter.h"
#include "rig.h"

#define SEEDS 4

enum device { FLASH, OTP };

struct scenario {
    const char *name;
    void (*setup)(struct rig *r);
    unsigned flash_writes, otp_writes; /* what a clean run writes */
    void (*check_settled)(struct rig *r);
};

/* key 0 = NCS's key0, key 1 = the test key2. */
static void provision_two_keys(struct rig *r)
{
    struct image key0_image, key2_image;
    image_read(&key0_image, VECTOR("signed_by_b0_s0_image.bin"));
    image_read(&key2_image, VARIANT("s0_v2_key2"));
    struct provision_spec spec = provision_spec_default();
    spec.num_keys = 2;
    image_key_hash(&key0_image, spec.hash[0]);
    image_key_hash(&key2_image, spec.hash[1]);
    rig_provision(r, &spec);
}

static void set_record(struct rig *r, uint8_t slot, uint32_t version, uint32_t address, uint8_t starts,
                       bool confirmed)
{
    r->record = (struct b0_boot_record){.slot = slot, .starts = starts, .version = version, .address = address,
                                        .confirmed = confirmed ? B0_BOOT_RECORD_CONFIRMED : 0};
    b0_boot_record_seal(&r->record);
}

/*
 * One boot writes three times: S1 (v3, corrupt) is invalidated; S0 (v2, key 1), confirmed by the
 * second stage last time, is committed: counter := 2, key 0 revoked.
 */
static void setup_commit(struct rig *r)
{
    provision_two_keys(r);
    rig_load_file(r, S0_IMAGE, VARIANT("s0_v2_key2"));
    struct image s1;
    image_read(&s1, VARIANT("s1_v3_key0"));
    s1.data[0x260] ^= 0x40;
    rig_load(r, S1_IMAGE, &s1);
    set_record(r, 0, 2, S0_IMAGE, 1, true);
}

static void check_commit_settled(struct rig *r)
{
    CHECK_EQ(b0_counter_version(rig_counter(r, NULL)), 2);
    CHECK(rig_otp_word(r, PM_PROVISION_ADDRESS + 0x34) != B0_KEY_TOKEN(0));
    CHECK_EQ(rig_otp_word(r, PM_PROVISION_ADDRESS + 0x48), B0_KEY_TOKEN(1));
}

/* S1 (v3) started three times unconfirmed: b0 invalidates it and returns to the committed S0 (v2). */
static void setup_fallback(struct rig *r)
{
    rig_load_otp_file(r, VECTOR("provision_otp.bin"));
    rig_load_file(r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    rig_load_file(r, S1_IMAGE, VARIANT("s1_v3_key0"));
    struct b0_provision prov;
    CHECK_EQ(b0_provision_read(&r->cfg, &r->port, &prov), B0_OK);
    CHECK_EQ(b0_counter_set(&r->port, &prov.counter, b0_counter_value(2, 0)), B0_OK);
    set_record(r, 1, 3, S1_IMAGE, 3, false);
}

static void check_fallback_settled(struct rig *r)
{
    /* Either outcome is sound: S1 invalidated, or (record lost with the power) S1 on trial again. */
    const uint32_t valid = rig_valid_word(r, S1_IMAGE);
    if (valid == FW_INFO_VALID)
        CHECK_EQ(b0_counter_version(rig_counter(r, NULL)), 3); /* confirmed below, so committed */
    else
        CHECK_EQ(b0_counter_version(rig_counter(r, NULL)), 2);
}

static const struct scenario scenarios[] = {
    {"commit", setup_commit, 1, 2, check_commit_settled},
    {"fallback", setup_fallback, 1, 0, check_fallback_settled},
};

static void fresh(struct rig *r, const struct scenario *s)
{
    rig_open(r);
    s->setup(r);
    rig_reset(r);
}

TEST(clean_runs_make_exactly_the_writes_the_scenarios_expect)
{
    for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
        const struct scenario *s = &scenarios[i];
        struct rig r;
        fresh(&r, s);
        uint64_t flash_before = flash_sim_calls(r.flash), otp_before = otp_sim_calls(r.otp);
        struct b0_decision d;
        CHECK_EQ(rig_run(&r, &d), B0_OK);
        CHECK_EQ(d.slot, 0);
        CHECK_EQ(flash_sim_calls(r.flash) - flash_before, s->flash_writes);
        CHECK_EQ(otp_sim_calls(r.otp) - otp_before, s->otp_writes);
        CHECK(rig_valid_word(&r, S1_IMAGE) != FW_INFO_VALID);
        s->check_settled(&r);
        rig_close(&r);
    }
}

/* Cuts the n-th write to `device`, then restores power and checks b0 recovers. */
static void cut_and_recover(const struct scenario *s, enum device device, unsigned n, uint64_t seed)
{
    struct rig r;
    fresh(&r, s);
    if (device == FLASH)
        flash_sim_cut_power_at(r.flash, n, seed);
    else
        otp_sim_cut_power_at(r.otp, n, seed);
    struct b0_decision d;
    enum b0_status st = rig_run(&r, &d);
    bool lost = device == FLASH ? flash_sim_power_lost(r.flash) : otp_sim_power_lost(r.otp);
    if (!lost || st != B0_E_POWER_LOST)
        test_fail(__FILE__, __LINE__, "%s: cut %u of %s did not stop b0 (%s); log:\n%s", s->name, n,
                  device == FLASH ? "flash" : "OTP", b0_status_text(st), r.log);
    CHECK_EQ(r.boots, 0);

    rig_power_cycle(&r);
    st = rig_run(&r, &d);
    if (st != B0_OK)
        test_fail(__FILE__, __LINE__, "%s: after cut %u of %s (seed %llu) b0 said %s; log:\n%s", s->name, n,
                  device == FLASH ? "flash" : "OTP", (unsigned long long)seed, b0_status_text(st), r.log);
    CHECK_EQ(r.boots, 1);
    CHECK_EQ(d.slot_status[d.slot], B0_OK);
    if (d.slot == 1)
        CHECK_EQ(rig_valid_word(&r, S1_IMAGE), FW_INFO_VALID);

    /* The started stage confirms; the next boots finish what the cut interrupted. */
    rig_confirm(&r);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    CHECK_EQ(rig_boot(&r, &d), B0_OK);
    s->check_settled(&r);
    rig_close(&r);
}

TEST(power_cut_at_every_write_b0_makes_still_boots_a_valid_image)
{
    unsigned cuts = 0, expected = 0;
    for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
        const struct scenario *s = &scenarios[i];
        for (uint64_t seed = 1; seed <= SEEDS; seed++) {
            for (unsigned n = 1; n <= s->flash_writes; n++, cuts++)
                cut_and_recover(s, FLASH, n, seed);
            for (unsigned n = 1; n <= s->otp_writes; n++, cuts++)
                cut_and_recover(s, OTP, n, seed);
        }
        expected += SEEDS * (s->flash_writes + s->otp_writes);
    }
    CHECK_EQ(expected, 16);
    CHECK_EQ(cuts, expected);
}
