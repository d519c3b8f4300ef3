#include <inttypes.h>
#include <string.h>

#include "b0.h"
#include "b0_log.h"
#include "b0_provision.h"
#include "otp_cells.h"

#define OFF_LCS_LOW 0x00u  /* provisioning | secure << 16 */
#define OFF_LCS_HIGH 0x04u /* reserved | decommissioned << 16 */
#define OFF_IMPLEMENTATION_ID 0x08u
#define OFF_S0 0x28u
#define OFF_S1 0x2Cu
#define OFF_NUM_KEYS 0x30u
#define KEY_ENTRY_SIZE 20u /* u32 token + 16-byte hash */

/* The whole UICR OTP is 0x300 bytes: no provisioning area is larger. */
#define PROVISION_MAX_SIZE 0x300u

#define LCS_ENTERED 0x0000u
#define LCS_NOT_ENTERED 0xFFFFu

/* The provisioning area, copied from OTP once. */
struct area {
    uint32_t base, size;
    uint32_t words[PROVISION_MAX_SIZE / 4];
};

static uint32_t word_at(const struct area *a, uint32_t off)
{
    return a->words[off / 4];
}

static uint16_t cell_at(const struct area *a, uint32_t off)
{
    return (uint16_t)(a->words[off / 4] >> (8 * (off & 2u)));
}

static const uint8_t *bytes_at(const struct area *a, uint32_t off)
{
    return (const uint8_t *)a->words + off;
}

const char *b0_lcs_text(enum b0_lcs lcs)
{
    switch (lcs) {
    case B0_LCS_ASSEMBLY: return "assembly";
    case B0_LCS_PROVISIONING: return "provisioning";
    case B0_LCS_SECURED: return "secured";
    case B0_LCS_DECOMMISSIONED: return "decommissioned";
    case B0_LCS_UNKNOWN: break;
    }
    return "unknown";
}

/* Each state is entered by programming its cell to 0x0000, in order (NCS bl_storage.h). */
static enum b0_lcs lcs_from_cells(uint16_t provisioning, uint16_t secure, uint16_t decommissioned)
{
    const uint16_t cells[3] = {provisioning, secure, decommissioned};
    unsigned entered = 0;
    while (entered < 3 && cells[entered] == LCS_ENTERED)
        entered++;
    for (unsigned i = entered; i < 3; i++) {
        if (cells[i] != LCS_NOT_ENTERED)
            return B0_LCS_UNKNOWN;
    }
    return (enum b0_lcs)entered;
}

static bool slot_fits(const struct b0_config *cfg, const struct flash_dev *flash, uint32_t addr)
{
    return addr % 4 == 0 && addr >= flash->base &&
           (uint64_t)addr + cfg->slot_size <= (uint64_t)flash->base + flash->size;
}

static bool spans_overlap(uint32_t a, uint32_t a_size, uint32_t b, uint32_t b_size)
{
    return (uint64_t)a < (uint64_t)b + b_size && (uint64_t)b < (uint64_t)a + a_size;
}

static bool is_blank(const struct area *a)
{
    return word_at(a, OFF_LCS_LOW) == 0xFFFFFFFFu && word_at(a, OFF_S0) == 0xFFFFFFFFu &&
           word_at(a, OFF_S1) == 0xFFFFFFFFu && word_at(a, OFF_NUM_KEYS) == 0xFFFFFFFFu;
}

/*
 * The old provision.py wrote {s0, s1, num_public_keys, {valid = 0xFFFFFFFF, hash}...} from offset 0.
 * Its first word is a flash address, which is never a lifecycle-state combination.
 */
static bool is_legacy(const struct b0_config *cfg, const struct b0_port *port, const struct area *a)
{
    uint32_t s0 = word_at(a, 0x0), s1 = word_at(a, 0x4), keys = word_at(a, 0x8);
    return lcs_from_cells(cell_at(a, 0x0), cell_at(a, 0x2), cell_at(a, 0x6)) == B0_LCS_UNKNOWN &&
           slot_fits(cfg, port->flash, s0) && slot_fits(cfg, port->flash, s1) && keys >= 1 &&
           keys <= B0_MAX_KEYS && word_at(a, 0xC) == 0xFFFFFFFFu;
}

static bool hash_has_blank_cell(const uint8_t *hash)
{
    for (unsigned i = 0; i < B0_KEY_HASH_SIZE; i += 2) {
        if (hash[i] == 0xFF && hash[i + 1] == 0xFF)
            return true;
    }
    return false;
}

static enum b0_status read_slots(const struct b0_config *cfg, const struct b0_port *port, const struct area *a,
                                 struct b0_provision *out)
{
    out->slot_address[0] = word_at(a, OFF_S0);
    out->slot_address[1] = word_at(a, OFF_S1);
    for (unsigned slot = 0; slot < 2; slot++) {
        if (!slot_fits(cfg, port->flash, out->slot_address[slot])) {
            b0_log(port,
                   "Provisioned S%u address 0x%08" PRIx32 " is not a word-aligned start of a 0x%" PRIx32
                   "-byte slot in flash 0x%08" PRIx32 "..0x%08" PRIx32 ".",
                   slot, out->slot_address[slot], cfg->slot_size, port->flash->base,
                   port->flash->base + port->flash->size);
            return B0_E_PROVISION_FORMAT;
        }
    }
    uint32_t s0 = out->slot_address[0], s1 = out->slot_address[1];
    if (spans_overlap(s0, cfg->slot_size, s1, cfg->slot_size) ||
        spans_overlap(s0, cfg->slot_size, cfg->b0_address, cfg->b0_size) ||
        spans_overlap(s1, cfg->slot_size, cfg->b0_address, cfg->b0_size)) {
        b0_log(port,
               "Provisioned slots S0 0x%08" PRIx32 " and S1 0x%08" PRIx32 " (0x%" PRIx32
               " bytes each) overlap each other or b0 (0x%08" PRIx32 ", 0x%" PRIx32 " bytes).",
               s0, s1, cfg->slot_size, cfg->b0_address, cfg->b0_size);
        return B0_E_PROVISION_FORMAT;
    }
    return B0_OK;
}

static enum b0_status read_keys(const struct b0_port *port, const struct area *a, struct b0_provision *out)
{
    uint32_t n = word_at(a, OFF_NUM_KEYS);
    if (n == 0 || n > B0_MAX_KEYS || B0_PROVISION_LAYOUT_SIZE + n * KEY_ENTRY_SIZE > a->size) {
        b0_log(port,
               "Provisioned num_public_keys %" PRIu32 " is out of range: 1..%u keys, within the 0x%" PRIx32
               "-byte provisioning area.",
               n, B0_MAX_KEYS, a->size);
        return B0_E_PROVISION_FORMAT;
    }
    out->num_keys = n;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t off = B0_PROVISION_LAYOUT_SIZE + i * KEY_ENTRY_SIZE;
        struct b0_key *key = &out->keys[i];
        memcpy(key->hash, bytes_at(a, off + 4), B0_KEY_HASH_SIZE);
        /* An unprogrammed cell could still be programmed by anyone, to match their own key. */
        if (hash_has_blank_cell(key->hash)) {
            char hex[2 * B0_KEY_HASH_SIZE + 1];
            b0_hex(hex, key->hash, B0_KEY_HASH_SIZE);
            b0_log(port, "A public key contains 0xFFFF, which is unsupported: key %" PRIu32 " hash %s.", i, hex);
            return B0_E_KEY_HASH_FFFF;
        }
        key->token_address = a->base + off;
        key->valid = word_at(a, off) == B0_KEY_TOKEN(i);
    }
    return B0_OK;
}

/* Finds the firmware-version counter; a missing collection leaves out->counter empty. */
static enum b0_status read_counter(const struct b0_port *port, const struct area *a, struct b0_provision *out)
{
    uint32_t off = B0_PROVISION_LAYOUT_SIZE + out->num_keys * KEY_ENTRY_SIZE;
    if (off + 4 > a->size || cell_at(a, off) == OTP_CELL_BLANK)
        return B0_OK;
    uint16_t type = cell_at(a, off), count = cell_at(a, off + 2);
    if (type != B0_COUNTER_TYPE_MONOTONIC || count == OTP_CELL_BLANK) {
        b0_log(port,
               "Provisioned counter collection at offset 0x%" PRIx32 " has type %u and %u counters; expected type %u.",
               off, type, count, B0_COUNTER_TYPE_MONOTONIC);
        return B0_E_PROVISION_FORMAT;
    }
    off += 4;
    for (uint16_t i = 0; i < count; i++) {
        uint16_t description = off + 4 <= a->size ? cell_at(a, off) : OTP_CELL_BLANK;
        uint16_t slots = off + 4 <= a->size ? cell_at(a, off + 2) : OTP_CELL_BLANK;
        if (slots == OTP_CELL_BLANK || off + 4 + 2u * slots > a->size) {
            b0_log(port,
                   "Provisioned counter %u at offset 0x%" PRIx32 " does not fit the 0x%" PRIx32
                   "-byte provisioning area (%u slots).",
                   i, off, a->size, slots);
            return B0_E_PROVISION_FORMAT;
        }
        if (description == B0_COUNTER_DESC_FIRMWARE_VERSION) {
            out->counter = (struct b0_counter){.slots_address = a->base + off + 4, .num_slots = slots};
            return B0_OK;
        }
        off += 4 + 2u * slots;
    }
    return B0_OK;
}

enum b0_status b0_provision_read(const struct b0_config *cfg, const struct b0_port *port, struct b0_provision *out)
{
    static struct area a; /* static: keeps 0x300 bytes off b0's small stack (not re-entrant) */
    memset(out, 0, sizeof *out);
    a.base = cfg->provision_address;
    a.size = cfg->provision_size;
    if (a.size < B0_PROVISION_LAYOUT_SIZE + KEY_ENTRY_SIZE || a.size > PROVISION_MAX_SIZE || a.size % 4 != 0 ||
        a.base % 4 != 0) {
        b0_log(port,
               "Provisioning area 0x%08" PRIx32 " (0x%" PRIx32 " bytes) is not word-aligned with 0x%x..0x%x bytes.",
               a.base, a.size, B0_PROVISION_LAYOUT_SIZE + KEY_ENTRY_SIZE, PROVISION_MAX_SIZE);
        return B0_E_PROVISION_FORMAT;
    }
    for (uint32_t off = 0; off < a.size; off += 4) {
        int err = otp_read_word(port->otp, a.base + off, &a.words[off / 4]);
        if (err != OTP_OK) {
            b0_log(port, "Cannot read provisioning data at 0x%08" PRIx32 ": %s.", a.base + off, otp_strerror(err));
            return b0_otp_status(err);
        }
    }

    if (is_blank(&a)) {
        b0_log(port, "Device is not provisioned: no slot addresses or keys at 0x%08" PRIx32 ".", a.base);
        return B0_E_NOT_PROVISIONED;
    }
    if (is_legacy(cfg, port, &a)) {
        b0_log(port,
               "Provisioning data at 0x%08" PRIx32 " is in the legacy NCS layout (S0 0x%" PRIx32 ", S1 0x%" PRIx32
               ", %" PRIu32 " keys, no lifecycle state or counters); this b0 reads only the current layout: "
               "erase the chip (ERASEALL clears OTP) and provision again.",
               a.base, word_at(&a, 0x0), word_at(&a, 0x4), word_at(&a, 0x8));
        return B0_E_PROVISION_LEGACY;
    }

    enum b0_status st = read_slots(cfg, port, &a, out);
    if (st == B0_OK)
        st = read_keys(port, &a, out);
    if (st == B0_OK)
        st = read_counter(port, &a, out);
    if (st != B0_OK)
        return st;

    out->lcs = lcs_from_cells(cell_at(&a, OFF_LCS_LOW), cell_at(&a, OFF_LCS_LOW + 2), cell_at(&a, OFF_LCS_HIGH + 2));
    memcpy(out->implementation_id, bytes_at(&a, OFF_IMPLEMENTATION_ID), sizeof out->implementation_id);
    b0_log(port,
           "Provisioned: S0 0x%08" PRIx32 ", S1 0x%08" PRIx32 ", %" PRIu32 " keys, %u counter slots, lifecycle %s.",
           out->slot_address[0], out->slot_address[1], out->num_keys, out->counter.num_slots, b0_lcs_text(out->lcs));
    return B0_OK;
}

enum b0_status b0_key_revoke(const struct b0_port *port, struct b0_provision *prov, uint32_t index)
{
    if (index >= prov->num_keys || !prov->keys[index].valid)
        return B0_OK;
    int err = otp_write_word(port->otp, prov->keys[index].token_address, B0_KEY_REVOKED_WRITE);
    if (err != OTP_OK) {
        b0_log(port, "Could not invalidate key %" PRIu32 " at 0x%08" PRIx32 ": %s.", index,
               prov->keys[index].token_address, otp_strerror(err));
        return b0_otp_status(err);
    }
    prov->keys[index].valid = false;
    return B0_OK;
}
