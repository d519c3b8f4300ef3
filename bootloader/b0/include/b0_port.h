/*
 * What b0's portable core needs from a board port: the devices, the retained record, write
 * protection, a log and the jump. The host simulator (ports/host-sim/b0_main.c), the QEMU and the
 * nRF5340 ports each fill one.
 */
#ifndef B0_PORT_H
#define B0_PORT_H

#include <stdarg.h>
#include <stdint.h>

#include "b0_boot_record.h"
#include "flash_dev.h"
#include "otp_dev.h"

struct b0_port {
    const struct flash_dev *flash; /* app-core flash: b0, S0, S1 */
    const struct otp_dev *otp;     /* provisioning data and counters */
    struct b0_boot_record *record; /* at the start of ram_retained */

    /*
     * Write-protects [addr, addr + len) until the next reset (SPU region lock). Returns a
     * flash_err code.
     */
    int (*lock)(void *ctx, uint32_t addr, uint32_t len);

    /* Writes one log line; fmt has no trailing newline. */
    void (*log)(void *ctx, const char *fmt, va_list args);

    /*
     * Starts the next stage whose vector table is at vector_table. Never returns on silicon; a
     * simulator returns when it only records the decision or could not start the next stage.
     */
    void (*boot)(void *ctx, uint32_t vector_table);

    void *ctx; /* passed to the functions above */
};

#endif /* B0_PORT_H */
