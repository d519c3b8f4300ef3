/*
 * One boot: slot choice, fallback, commit of confirmed images, retained record, jump.
 * The rules are described in README.md.
 */
#include <inttypes.h>

#include "b0.h"
#include "b0_counter.h"
#include "b0_log.h"
#include "b0_provision.h"
#include "b0_validation.h"
#include "fw_info.h"

struct boot {
    const struct b0_config *cfg;
    const struct b0_port *port;
    struct b0_decision *out;
    struct b0_provision prov;
    uint16_t counter_value;
    struct b0_boot_record previous; /* what the last boot left in retained RAM */
    bool previous_valid;
    enum b0_status find_status[2];
    struct fw_info_found found[2];
    uint32_t key_index[2];
};

static uint32_t counter_version(const struct boot *b)
{
    return b0_counter_version(b->counter_value);
}

/* Clears the valid word. Only a power cut stops the boot; other failures are logged. */
static enum b0_status invalidate(struct boot *b, unsigned slot)
{
    struct fw_info_found *found = &b->found[slot];
    if (found->info.valid != FW_INFO_VALID)
        return B0_OK;
    const uint32_t addr = found->address + FW_INFO_VALID_OFFSET, value = FW_INFO_INVALIDATED;
    int err = flash_write(b->port->flash, addr, &value, sizeof value);
    if (err != FLASH_OK) {
        b0_log(b->port, "Could not invalidate slot %u at 0x%08" PRIx32 ": %s.", slot, addr, flash_strerror(err));
        return err == FLASH_E_POWER_LOST ? B0_E_POWER_LOST : B0_OK;
    }
    found->info.valid = value;
    return B0_OK;
}

static enum b0_status try_slot(struct boot *b, unsigned slot)
{
    const struct b0_port *port = b->port;
    const struct fw_info_found *found = &b->found[slot];
    b0_log(port, "Attempting to boot slot %u.", slot);
    enum b0_status st = b->find_status[slot];
    if (st == B0_E_FWINFO_NOT_FOUND) {
        b0_log(port, "No fw_info struct found in slot %u (0x%08" PRIx32 " + 0x0, 0x200, 0x400, 0x800 or 0x1000).", slot,
               b->prov.slot_address[slot]);
    } else if (st == B0_E_FWINFO_COMPAT) {
        b0_log(port,
               "fw_info at 0x%08" PRIx32 " has compatibility word 0x%08" PRIx32
               ", expected 0x%08x: built for other hardware or another fw_info version.",
               found->address, found->info.magic[2], FW_INFO_MAGIC_COMPAT);
    } else if (st == B0_OK) {
        b0_log(port, "Attempting to boot from address 0x%" PRIx32 ".", found->info.address);
        st = b0_validate(b->cfg, port, &b->prov, counter_version(b), slot, found, &b->key_index[slot]);
    }
    b->out->slot_status[slot] = st;
    if (st == B0_OK) {
        b0_log(port, "Firmware version %" PRIu32, found->info.version);
        return B0_OK;
    }
    if (b0_status_is_image_fault(st)) {
        b0_log(port, "Failed to validate, permanently invalidating!");
        enum b0_status written = invalidate(b, slot);
        if (written != B0_OK)
            return written;
    }
    return st;
}

/* New: booting it for good would raise the counter or revoke keys, which cannot be undone. */
static bool is_new(const struct boot *b, unsigned slot)
{
    if (b->found[slot].info.version > counter_version(b))
        return true;
    for (uint32_t i = 0; i < b->key_index[slot]; i++) {
        if (b->prov.keys[i].valid)
            return true;
    }
    return false;
}

/* True when the last boot started this very image (slot, version, vector table). */
static bool previous_boot_was(const struct boot *b, unsigned slot)
{
    const struct fw_info *info = &b->found[slot].info;
    return b->previous_valid && b->previous.slot == slot && b->previous.version == info->version &&
           b->previous.address == info->boot_address;
}

static bool previous_boot_confirmed(const struct boot *b, unsigned slot)
{
    return previous_boot_was(b, slot) && b->previous.confirmed == B0_BOOT_RECORD_CONFIRMED;
}

static bool starts_exhausted(const struct boot *b, unsigned slot)
{
    return b->cfg->max_unconfirmed_starts != 0 && is_new(b, slot) && previous_boot_was(b, slot) &&
           !previous_boot_confirmed(b, slot) && b->previous.starts >= b->cfg->max_unconfirmed_starts;
}

/* Validates in preference order; abandons a new image that never got confirmed if the other slot boots. */
static enum b0_status choose_slot(struct boot *b, unsigned *chosen)
{
    const unsigned first = b->find_status[1] == B0_OK &&
                                   (b->find_status[0] != B0_OK ||
                                    b->found[1].info.version > b->found[0].info.version)
                               ? 1
                               : 0;
    const unsigned other = 1 - first;

    enum b0_status st = try_slot(b, first);
    if (st == B0_E_POWER_LOST)
        return st;
    if (st != B0_OK) {
        st = try_slot(b, other);
        if (st == B0_E_POWER_LOST)
            return st;
        if (st != B0_OK) {
            b0_log(b->port, "No bootable image found. Aborting boot.");
            return B0_E_NO_BOOTABLE_IMAGE;
        }
        *chosen = other;
        return B0_OK;
    }

    *chosen = first;
    if (!starts_exhausted(b, first))
        return B0_OK;
    b0_log(b->port, "Slot %u (version %" PRIu32 ") started %u times without confirmation from the second stage.", first,
           b->found[first].info.version, b->previous.starts);
    st = try_slot(b, other);
    if (st == B0_E_POWER_LOST)
        return st;
    if (st != B0_OK) {
        b0_log(b->port, "No other bootable slot: starting slot %u again.", first);
        return B0_OK;
    }
    b0_log(b->port, "Falling back to slot %u; permanently invalidating slot %u.", other, first);
    st = invalidate(b, first);
    if (st != B0_OK)
        return st;
    b->out->slot_status[first] = B0_E_INVALIDATED;
    *chosen = other;
    return B0_OK;
}

/* The second stage confirmed this image: make it permanent (counter, then key revocation). */
static enum b0_status commit(struct boot *b, unsigned slot)
{
    const struct b0_port *port = b->port;
    const uint32_t version = b->found[slot].info.version;
    if (version > counter_version(b) && b->prov.counter.num_slots != 0) {
        b0_log(port, "Setting monotonic counter (version: %" PRIu32 ", slot: %u)", version, slot);
        const uint16_t value = b0_counter_value(version, slot);
        enum b0_status st = b0_counter_set(port, &b->prov.counter, value);
        if (st == B0_E_POWER_LOST)
            return st;
        if (st == B0_OK)
            b->counter_value = value;
    }
    for (uint32_t i = 0; i < b->key_index[slot]; i++) {
        if (!b->prov.keys[i].valid)
            continue;
        b0_log(port, "Invalidating key %" PRIu32 ".", i);
        enum b0_status st = b0_key_revoke(port, &b->prov, i);
        if (st == B0_E_POWER_LOST)
            return st;
    }
    return B0_OK;
}

enum b0_status b0_run(const struct b0_config *cfg, const struct b0_port *port, struct b0_decision *out)
{
    struct boot b = {.cfg = cfg, .port = port, .out = out};
    *out = (struct b0_decision){.slot = B0_NO_SLOT, .slot_status = {B0_NOT_CHECKED, B0_NOT_CHECKED}};

    int err = port->lock(port->ctx, cfg->b0_address, cfg->b0_size);
    if (err != FLASH_OK) {
        b0_log(port, "Failed to protect B0 flash, cancel startup. (0x%08" PRIx32 ", 0x%" PRIx32 " bytes: %s)",
               cfg->b0_address, cfg->b0_size, flash_strerror(err));
        return err == FLASH_E_POWER_LOST ? B0_E_POWER_LOST : B0_E_LOCK;
    }
    enum b0_status st = b0_provision_read(cfg, port, &b.prov);
    if (st != B0_OK)
        return st;
    uint16_t used;
    st = b0_counter_read(port, &b.prov.counter, &b.counter_value, &used);
    if (st != B0_OK)
        return st;
    if (b.prov.counter.num_slots == 0)
        b0_log(port, "Monotonic version counter is disabled.");
    else
        b0_log(port, "Monotonic counter: version %" PRIu32 ", %u of %u slots used.", counter_version(&b), used,
               b.prov.counter.num_slots);

    for (unsigned slot = 0; slot < 2; slot++) {
        b.find_status[slot] = fw_info_find(port->flash, b.prov.slot_address[slot], &b.found[slot]);
        if (b.find_status[slot] == B0_E_POWER_LOST)
            return B0_E_POWER_LOST;
    }
    b.previous = *port->record;
    b.previous_valid = b0_boot_record_valid(&b.previous);

    unsigned chosen;
    st = choose_slot(&b, &chosen);
    if (st != B0_OK)
        return st;
    const struct fw_info *info = &b.found[chosen].info;
    const bool confirmed = previous_boot_confirmed(&b, chosen);
    if (confirmed) {
        st = commit(&b, chosen);
        if (st != B0_OK)
            return st;
    }
    uint8_t starts = 0;
    if (is_new(&b, chosen)) {
        starts = 1;
        if (previous_boot_was(&b, chosen) && !confirmed)
            starts = b.previous.starts == UINT8_MAX ? UINT8_MAX : (uint8_t)(b.previous.starts + 1);
        b0_log(port, "Slot %u (version %" PRIu32 ") is new: unconfirmed start %u of %u.", chosen, info->version, starts,
               cfg->max_unconfirmed_starts);
    }

    struct b0_boot_record record = {
        .slot = (uint8_t)chosen, .starts = starts, .version = info->version, .address = info->boot_address};
    b0_boot_record_seal(&record);
    *port->record = record;

    out->slot = (uint8_t)chosen;
    out->vector_table = info->boot_address;
    out->version = info->version;
    out->key_index = b.key_index[chosen];
    out->starts = starts;
    b0_log(port, "Booting slot %u: vector table 0x%08" PRIx32 ".", chosen, info->boot_address);
    port->boot(port->ctx, info->boot_address);
    return B0_OK;
}
