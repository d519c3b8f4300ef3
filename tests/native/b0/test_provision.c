/* Provisioning data: NCS's current layout read field by field, the legacy layout refused, bad data. */
#include <string.h>

#include "rig.h"

static enum b0_status read_provision(struct rig *r, struct b0_provision *prov)
{
    r->log_len = 0;
    r->log[0] = '\0';
    return b0_provision_read(&r->cfg, &r->port, prov);
}

static struct provision_spec one_key_spec(void)
{
    struct provision_spec spec = provision_spec_default();
    spec.num_keys = 1;
    memset(spec.hash[0], 0x5B, B0_KEY_HASH_SIZE);
    return spec;
}

TEST(ncs_provision_otp_reads_as_provision_py_wrote_it)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_OK);
    CHECK_EQ(prov.slot_address[0], 0x8000);
    CHECK_EQ(prov.slot_address[1], 0x18000);
    CHECK_EQ(prov.num_keys, 2);
    CHECK_EQ(prov.lcs, B0_LCS_ASSEMBLY);
    uint8_t blank_id[32];
    memset(blank_id, 0xFF, sizeof blank_id);
    CHECK_MEM_EQ(prov.implementation_id, blank_id, sizeof blank_id);

    /* key 0 is the hash of the key that signed the NCS images */
    struct image s0;
    image_read(&s0, VECTOR("signed_by_b0_s0_image.bin"));
    uint8_t key0[B0_KEY_HASH_SIZE];
    image_key_hash(&s0, key0);
    CHECK_MEM_EQ(prov.keys[0].hash, key0, B0_KEY_HASH_SIZE);
    CHECK(memcmp(prov.keys[1].hash, key0, B0_KEY_HASH_SIZE) != 0);
    CHECK(prov.keys[0].valid);
    CHECK(prov.keys[1].valid);
    CHECK_EQ(prov.keys[0].token_address, 0xFF8134);
    CHECK_EQ(prov.keys[1].token_address, 0xFF8148);
    CHECK_EQ(rig_otp_word(&r, 0xFF8148), B0_KEY_TOKEN(1));
    CHECK_EQ(B0_KEY_TOKEN(1), 0x51FAFFFFu);

    CHECK_EQ(prov.counter.num_slots, 20);
    CHECK_EQ(prov.counter.slots_address, 0xFF8164);
    CHECK_LOGGED(&r, "Provisioned: S0 0x00008000, S1 0x00018000, 2 keys, 20 counter slots, lifecycle assembly.");
    rig_close(&r);
}

TEST(legacy_layout_is_refused_with_what_was_found_and_what_to_do)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_legacy_otp.bin"));
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_E_PROVISION_LEGACY);
    CHECK_LOGGED(&r, "Provisioning data at 0x00ff8100 is in the legacy NCS layout (S0 0x8000, S1 0x18000, 2 keys, "
                     "no lifecycle state or counters); this b0 reads only the current layout: erase the chip");
    rig_close(&r);
}

TEST(blank_otp_is_not_provisioned)
{
    struct rig r;
    rig_open(&r);
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_E_NOT_PROVISIONED);
    CHECK_LOGGED(&r, "Device is not provisioned");
    rig_close(&r);
}

TEST(key_hash_with_an_unprogrammed_cell_is_refused)
{
    struct rig r;
    rig_open(&r);
    struct provision_spec spec = one_key_spec();
    spec.num_keys = 2;
    memset(spec.hash[1], 0x22, B0_KEY_HASH_SIZE);
    spec.hash[1][6] = 0xFF;
    spec.hash[1][7] = 0xFF;
    rig_provision(&r, &spec);
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_E_KEY_HASH_FFFF);
    CHECK_LOGGED(&r, "A public key contains 0xFFFF, which is unsupported: "
                     "key 1 hash 222222222222ffff2222222222222222.");
    rig_close(&r);
}

TEST(ff_bytes_across_two_cells_are_fine)
{
    struct rig r;
    rig_open(&r);
    struct provision_spec spec = one_key_spec();
    spec.hash[0][1] = 0xFF;
    spec.hash[0][2] = 0xFF;
    rig_provision(&r, &spec);
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_OK);
    rig_close(&r);
}

struct bad_case {
    const char *name;
    uint32_t s0, s1, num_keys;
    const char *log;
};

TEST(out_of_range_fields_are_refused_naming_the_field)
{
    const struct bad_case cases[] = {
        {"s0 unaligned", 0x8002, 0x18000, 1, "Provisioned S0 address 0x00008002 is not a word-aligned start"},
        {"s1 past flash", 0x8000, 0xF8000, 1,
         "Provisioned S1 address 0x000f8000 is not a word-aligned start of a 0x10000-byte slot in flash "
         "0x00000000..0x00100000."},
        {"slots overlap", 0x8000, 0x10000, 1,
         "Provisioned slots S0 0x00008000 and S1 0x00010000 (0x10000 bytes each) overlap"},
        {"slot over b0", 0x4000, 0x18000, 1, "overlap each other or b0 (0x00000000, 0x8000 bytes)"},
        {"no keys", 0x8000, 0x18000, 0, "Provisioned num_public_keys 0 is out of range"},
        {"too many keys", 0x8000, 0x18000, 17, "Provisioned num_public_keys 17 is out of range: 1..16 keys"},
        {"keys past the area", 0x8000, 0x18000, 16, "Provisioned num_public_keys 16 is out of range"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rig r;
        rig_open(&r);
        /* Only the header words: the checks fail before any key is read. */
        CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x28, cases[i].s0), OTP_OK);
        CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x2C, cases[i].s1), OTP_OK);
        CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x30, cases[i].num_keys), OTP_OK);
        r.cfg.provision_size = cases[i].num_keys == 16 ? 0x100 : PM_PROVISION_SIZE;
        struct b0_provision prov;
        enum b0_status st = read_provision(&r, &prov);
        if (st != B0_E_PROVISION_FORMAT)
            test_fail(__FILE__, __LINE__, "%s: got %s; log:\n%s", cases[i].name, b0_status_text(st), r.log);
        CHECK_LOGGED(&r, cases[i].log);
        rig_close(&r);
    }
}

TEST(bad_provisioning_area_configuration_is_refused)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    struct b0_provision prov;
    r.cfg.provision_size = 0x10;
    CHECK_EQ(read_provision(&r, &prov), B0_E_PROVISION_FORMAT);
    CHECK_LOGGED(&r, "Provisioning area 0x00ff8100 (0x10 bytes) is not word-aligned with 0x48..0x300 bytes.");
    r.cfg.provision_size = 0x280;
    r.cfg.provision_address = PM_PROVISION_ADDRESS + 2;
    CHECK_EQ(read_provision(&r, &prov), B0_E_PROVISION_FORMAT);
    rig_close(&r);
}

TEST(counter_collection_of_another_type_is_refused)
{
    struct rig r;
    rig_open(&r);
    struct provision_spec spec = one_key_spec();
    spec.counter_slots = 0;
    rig_provision(&r, &spec);
    CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x48, 2u | 1u << 16), OTP_OK);
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_E_PROVISION_FORMAT);
    CHECK_LOGGED(&r, "Provisioned counter collection at offset 0x48 has type 2 and 1 counters; expected type 1.");
    rig_close(&r);
}

TEST(counter_longer_than_the_area_is_refused)
{
    struct rig r;
    rig_open(&r);
    struct provision_spec spec = one_key_spec();
    spec.counter_slots = 300;
    rig_provision(&r, &spec);
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_E_PROVISION_FORMAT);
    CHECK_LOGGED(&r, "Provisioned counter 0 at offset 0x4c does not fit the 0x280-byte provisioning area (300 slots).");
    rig_close(&r);
}

TEST(firmware_version_counter_is_found_after_other_counters)
{
    struct rig r;
    rig_open(&r);
    struct provision_spec spec = one_key_spec();
    spec.counter_slots = 0;
    rig_provision(&r, &spec);
    const uint32_t c = PM_PROVISION_ADDRESS + 0x48;
    CHECK_EQ(otp_write_word(r.port.otp, c, 1u | 2u << 16), OTP_OK);      /* type 1, two counters */
    CHECK_EQ(otp_write_word(r.port.otp, c + 4, 2u | 4u << 16), OTP_OK);  /* MCUboot's: 4 slots */
    CHECK_EQ(otp_write_word(r.port.otp, c + 16, 1u | 6u << 16), OTP_OK); /* firmware version: 6 slots */
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_OK);
    CHECK_EQ(prov.counter.num_slots, 6);
    CHECK_EQ(prov.counter.slots_address, c + 20);
    rig_close(&r);
}

TEST(missing_or_unrelated_counters_leave_no_counter)
{
    struct rig r;
    rig_open(&r);
    struct provision_spec spec = one_key_spec();
    spec.counter_slots = 0;
    rig_provision(&r, &spec);
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_OK);
    CHECK_EQ(prov.counter.num_slots, 0);
    CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x48, 1u | 1u << 16), OTP_OK);
    CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x4C, 2u | 4u << 16), OTP_OK);
    CHECK_EQ(read_provision(&r, &prov), B0_OK);
    CHECK_EQ(prov.counter.num_slots, 0);
    rig_close(&r);
}

TEST(lifecycle_state_follows_the_entered_cells)
{
    const struct {
        uint32_t word0, word1;
        enum b0_lcs lcs;
    } cases[] = {
        {0xFFFFFFFFu, 0xFFFFFFFFu, B0_LCS_ASSEMBLY},
        {0xFFFF0000u, 0xFFFFFFFFu, B0_LCS_PROVISIONING},
        {0x00000000u, 0xFFFFFFFFu, B0_LCS_SECURED},
        {0x00000000u, 0x0000FFFFu, B0_LCS_DECOMMISSIONED},
        {0x0000FFFFu, 0xFFFFFFFFu, B0_LCS_UNKNOWN}, /* secure without provisioning */
        {0xFFFF1234u, 0xFFFFFFFFu, B0_LCS_UNKNOWN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rig r;
        rig_open(&r);
        rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
        CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS, cases[i].word0), OTP_OK);
        CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 4, cases[i].word1), OTP_OK);
        struct b0_provision prov;
        CHECK_EQ(read_provision(&r, &prov), B0_OK); /* reported, not enforced */
        CHECK_EQ(prov.lcs, cases[i].lcs);
        rig_close(&r);
    }
    CHECK_STR_EQ(b0_lcs_text(B0_LCS_DECOMMISSIONED), "decommissioned");
}

TEST(revoking_a_key_programs_the_low_cell_of_its_token_once)
{
    struct rig r;
    rig_open(&r);
    rig_load_otp_file(&r, VECTOR("provision_otp.bin"));
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_OK);
    CHECK_EQ(b0_key_revoke(&r.port, &prov, 0), B0_OK);
    CHECK(!prov.keys[0].valid);
    CHECK_EQ(rig_otp_word(&r, 0xFF8134), 0x50FA0000u);
    uint64_t writes = otp_sim_calls(r.otp);
    CHECK_EQ(b0_key_revoke(&r.port, &prov, 0), B0_OK);
    CHECK_EQ(otp_sim_calls(r.otp), writes);

    struct b0_provision again;
    CHECK_EQ(read_provision(&r, &again), B0_OK);
    CHECK(!again.keys[0].valid);
    CHECK(again.keys[1].valid);
    rig_close(&r);
}

TEST(any_token_other_than_the_valid_one_means_revoked)
{
    const uint32_t tokens[] = {
        B0_KEY_TOKEN(0),
        B0_KEY_TOKEN(0),          /* key 1 with key 0's token */
        0x52FA7FFFu,              /* key 2's low cell torn by a power cut during revocation */
        B0_KEY_TOKEN(3) & 0xFFFF0000u, /* revoked */
        0xFFFFFFFFu,              /* legacy "valid" */
    };
    const uint32_t n = sizeof tokens / sizeof tokens[0];
    struct rig r;
    rig_open(&r);
    CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x28, PM_S0_ADDRESS), OTP_OK);
    CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x2C, PM_S1_ADDRESS), OTP_OK);
    CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x30, n), OTP_OK);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t entry = PM_PROVISION_ADDRESS + 0x34 + 20 * i;
        CHECK_EQ(otp_write_word(r.port.otp, entry, tokens[i]), OTP_OK);
        for (uint32_t w = 1; w <= 4; w++)
            CHECK_EQ(otp_write_word(r.port.otp, entry + 4 * w, 0x01010101u * (i + 1)), OTP_OK);
    }
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_OK);
    CHECK(prov.keys[0].valid);
    for (uint32_t i = 1; i < n; i++)
        CHECK(!prov.keys[i].valid);
    rig_close(&r);
}

TEST(otp_read_failure_stops_the_read)
{
    struct rig r;
    rig_open(&r);
    otp_sim_cut_power_at(r.otp, 1, 1);
    CHECK_EQ(otp_write_word(r.port.otp, PM_PROVISION_ADDRESS + 0x28, 0x8000), OTP_E_POWER_LOST);
    struct b0_provision prov;
    CHECK_EQ(read_provision(&r, &prov), B0_E_POWER_LOST);
    CHECK_LOGGED(&r, "Cannot read provisioning data at 0x00ff8100");
    rig_close(&r);
}
