#include <inttypes.h>

#include "b0_counter.h"
#include "b0_log.h"
#include "otp_cells.h"

enum b0_status b0_counter_read(const struct b0_port *port, const struct b0_counter *counter, uint16_t *value,
                               uint16_t *used)
{
    *value = 0;
    *used = 0;
    for (uint16_t i = 0; i < counter->num_slots; i++) {
        uint32_t addr = counter->slots_address + 2u * i;
        uint16_t cell;
        int err = otp_read_cell(port->otp, addr, &cell);
        if (err != OTP_OK) {
            b0_log(port, "Failed to read the monotonic counter! Slot %u at 0x%08" PRIx32 ": %s.", i, addr,
                   otp_strerror(err));
            return b0_otp_status(err);
        }
        if (cell == OTP_CELL_BLANK)
            break;
        uint16_t slot_value = (uint16_t)~cell;
        if (slot_value > *value)
            *value = slot_value;
        *used = (uint16_t)(i + 1);
    }
    return B0_OK;
}

enum b0_status b0_counter_set(const struct b0_port *port, const struct b0_counter *counter, uint16_t value)
{
    if (counter->num_slots == 0) {
        b0_log(port, "Monotonic version counter is disabled: the provisioning data has no firmware-version counter.");
        return B0_E_COUNTER_ABSENT;
    }
    uint16_t current, used;
    enum b0_status st = b0_counter_read(port, counter, &current, &used);
    if (st != B0_OK)
        return st;
    if (value <= current) {
        b0_log(port, "Monotonic counter can only increase: 0x%04x (version %" PRIu32 ") requested, 0x%04x stored.",
               value, b0_counter_version(value), current);
        return B0_E_COUNTER_NOT_HIGHER;
    }
    if (used == counter->num_slots) {
        b0_log(port,
               "Monotonic counter slots exhausted: all %u used; cannot raise it from version %" PRIu32
               " to %" PRIu32 ".",
               used, b0_counter_version(current), b0_counter_version(value));
        return B0_E_COUNTER_FULL;
    }
    uint32_t addr = counter->slots_address + 2u * used;
    int err = otp_write_cell(port->otp, addr, (uint16_t)~value);
    if (err != OTP_OK) {
        b0_log(port, "Failed to write monotonic counter slot %u at 0x%08" PRIx32 ": %s.", used, addr,
               otp_strerror(err));
        return b0_otp_status(err);
    }
    return B0_OK;
}
