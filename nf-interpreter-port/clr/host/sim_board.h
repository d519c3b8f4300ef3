/*
 * The simulated DK board behind nfclr_sim: the app-core flash (settings store and upload slot), OTP and retained
 * RAM in the same files b0_sim and mcuboot_sim use, the MCUboot key the upload check trusts, SMP transports, the
 * device clock, System.Device.Gpio's logging stand-in (gpio_log_port.h), and the reset (exit code SIM_BOARD_EXIT_RESET: the runner starts b0_sim again).
 */
#ifndef SIM_BOARD_H
#define SIM_BOARD_H

#include "clr.h"

#define SIM_BOARD_EXIT_RESET 8

struct sim_board_options {
    const char *flash;    /* app-core flash file (--flash), or NULL */
    const char *settings; /* --settings: a flash file used only for its settings partition */
    const char *otp;      /* --otp: b0's provisioning and counter */
    const char *retained; /* --retained: b0's record and the second stage's boot info */
    const char *key;      /* --key: MCUboot public key DER; NULL: the one built in (mb_signing_key) */
    unsigned long smp_udp, smp_serial; /* ports, 0: none */
};

/* Opens everything and binds the natives. 0, or -1 after printing why on stderr. */
int sim_board_open(const struct sim_board_options *opt);
void sim_board_close(void);

/* The natives to put in clr_config, and the HAL parts the board supplies (clock; real time while SMP serves). */
extern const struct clr_native_assembly *const sim_board_natives[2];
void sim_board_hal(struct clr_hal *hal);

#endif /* SIM_BOARD_H */
