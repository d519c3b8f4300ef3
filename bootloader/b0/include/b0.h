/*
 * b0, the immutable first stage: picks S0 or S1, validates it, keeps the anti-rollback state in
 * OTP, and starts it. Portable: everything board-specific comes through b0_config and b0_port.
 */
#ifndef B0_H
#define B0_H

#include <stdint.h>

#include "b0_port.h"
#include "b0_status.h"

struct b0_config {
    uint32_t b0_address, b0_size;               /* b0's own partition, locked first */
    uint32_t provision_address, provision_size; /* provisioning data in OTP */
    uint32_t slot_size;                         /* span of S0 and of S1: image + validation block fit in it */
    uint8_t max_unconfirmed_starts;             /* starts a new image gets before b0 falls back */
};

#define B0_NO_SLOT 0xFFu

struct b0_decision {
    uint8_t slot;               /* 0, 1, or B0_NO_SLOT when nothing boots */
    uint32_t vector_table;      /* fw_info.boot_address of the started image */
    uint32_t version;           /* its fw_info version */
    uint32_t key_index;         /* provisioned key that verified it */
    uint8_t starts;             /* unconfirmed starts including this one; 0 when the image is committed */
    enum b0_status slot_status[2]; /* what validation said about each slot */
};

/*
 * One boot: lock b0, read provisioning, choose and validate a slot, commit or count the start,
 * write the retained record and call port->boot(). Returns B0_OK once port->boot() returned (it
 * does not return on silicon), else why nothing was started; every refusal is logged.
 */
enum b0_status b0_run(const struct b0_config *cfg, const struct b0_port *port, struct b0_decision *out);

#endif /* B0_H */
