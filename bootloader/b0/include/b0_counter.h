/*
 * The firmware-version monotonic counter in OTP (NCS layout): a list of 16-bit slots, each written
 * once. A slot holds the counter value with its bits inverted, so an unwritten slot (0xFFFF) reads
 * as 0 and a write can only clear bits. The counter value is (version << 1) | !slot, where slot is
 * the b0 slot (0 = S0, 1 = S1) that held that version.
 *
 * Current value = the highest value in the slots before the first unwritten one; b0_counter_set
 * writes the first unwritten slot. A write torn by power loss leaves the slot either unwritten
 * (written again next time) or holding a subset of the intended value's bits: a lower value, which
 * the maximum ignores, so a torn write never raises the counter above what was asked and costs at
 * most one slot.
 */
#ifndef B0_COUNTER_H
#define B0_COUNTER_H

#include <stdint.h>

#include "b0_provision.h"
#include "b0_status.h"

struct b0_port;

/* The largest fw_info version the counter can record (version << 1 must fit 16 bits, 0xFFFF unused). */
#define B0_VERSION_MAX 32766u

static inline uint16_t b0_counter_value(uint32_t version, unsigned slot)
{
    return (uint16_t)((version << 1) | (slot == 0 ? 1u : 0u));
}

static inline uint32_t b0_counter_version(uint16_t value)
{
    return value >> 1;
}

/*
 * Reads the counter: *value = current value (0 when never set or absent), *used = slots before the
 * first unwritten one. B0_OK, B0_E_OTP or B0_E_POWER_LOST.
 */
enum b0_status b0_counter_read(const struct b0_port *port, const struct b0_counter *counter, uint16_t *value,
                               uint16_t *used);

/*
 * Raises the counter to `value` by writing the next free slot. Refusals, each logged:
 * B0_E_COUNTER_ABSENT, B0_E_COUNTER_NOT_HIGHER, B0_E_COUNTER_FULL; B0_E_OTP / B0_E_POWER_LOST.
 */
enum b0_status b0_counter_set(const struct b0_port *port, const struct b0_counter *counter, uint16_t value);

#endif /* B0_COUNTER_H */
