/*
 * Simulated nRF5340 UICR OTP (the KMU's emulation) behind the shared otp_dev interface: 16-bit
 * write-once cells, full aligned 32-bit word accesses, erased value 0xFFFF, never erased.
 * A refused write changes nothing. With a backing file, separate executables share the OTP.
 */
#ifndef OTP_SIM_H
#define OTP_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "otp_dev.h"

#define OTP_SIM_ERROR_LEN 256

struct otp_sim_config {
    uint32_t base;            /* first address, 32-bit aligned */
    uint32_t size;            /* bytes, a non-zero multiple of 4 */
    const char *backing_file; /* NULL = RAM only */
};

/* UICR.OTP[0..191] of the app core (RAM only; copy and set backing_file to share a file). */
extern const struct otp_sim_config otp_sim_nrf5340_app;

struct otp_sim;

/* Opens a simulated OTP; a missing backing file is created blank. NULL + message in err on failure. */
struct otp_sim *otp_sim_open(const struct otp_sim_config *cfg, char *err, size_t err_len);
void otp_sim_close(struct otp_sim *sim);
const struct otp_dev *otp_sim_dev(struct otp_sim *sim);

/*
 * Arms a power cut on the n-th (1-based) write from now that programs at least one cell: each cell
 * it programs is left either untouched or with a random (seeded) subset of its bits cleared.
 * That write and every later call return OTP_E_POWER_LOST until otp_sim_reboot. n = 0 disarms.
 */
void otp_sim_cut_power_at(struct otp_sim *sim, uint32_t n, uint64_t seed);
bool otp_sim_power_lost(const struct otp_sim *sim);
void otp_sim_reboot(struct otp_sim *sim);

/* Snapshots of the contents (the config's size in bytes); restoring also reboots. */
void otp_sim_state_save(const struct otp_sim *sim, void *state);
void otp_sim_state_restore(struct otp_sim *sim, const void *state);

/* Number of writes since open that programmed (or began to program) a cell. */
uint64_t otp_sim_calls(const struct otp_sim *sim);

#endif /* OTP_SIM_H */
