/*
 * b0 on the host simulator. Flash, OTP and the retained RAM are files; the jump replaces this
 * process with the next stage's host executable (execvp), which opens the same files. So the
 * stages share only what they share on the chip.
 *
 *   b0_sim --flash FILE --otp FILE [--retained FILE] [--max-unconfirmed-starts N] [-- NEXT_STAGE [ARG...]]
 *
 * Without --retained the record lives in this process only, as after a power-on: no start is
 * counted and nothing gets confirmed. Without a next stage, b0_sim prints its decision and exits 0.
 * Exit codes: 0 booted (or decided), 1 nothing bootable / refused, 2 bad arguments or files,
 * 127 the next stage could not be started.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "b0.h"
#include "backing_file.h"
#include "board_partitions.h"
#include "flash_sim.h"
#include "otp_sim.h"

_Static_assert(PM_S0_SIZE == PM_S1_SIZE, "b0 gives S0 and S1 one slot size");
_Static_assert(sizeof(struct b0_boot_record) <= PM_RAM_RETAINED_SIZE, "the record fits ram_retained");

#define DEFAULT_MAX_UNCONFIRMED_STARTS 3

struct options {
    const char *flash, *otp, *retained;
    unsigned long max_unconfirmed_starts;
    char **next_stage; /* NULL: decide only */
};

struct host {
    struct flash_sim *flash;
    struct otp_sim *otp;
    struct backing_file retained; /* ram_retained, PM_RAM_RETAINED_SIZE bytes */
    struct b0_boot_record ram_only_record;
    char **next_stage;
    int exit_code; /* set by host_boot */
};

static void usage(FILE *out)
{
    fprintf(out, "usage: b0_sim --flash FILE --otp FILE [--retained FILE] [--max-unconfirmed-starts N]"
                 " [-- NEXT_STAGE [ARG...]]\n"
                 "  --flash     app-core flash image (0x%x bytes; created erased if missing)\n"
                 "  --otp       UICR OTP image from 0x%08x (0x%x bytes; created blank if missing)\n"
                 "  --retained  ram_retained partition (0x%x bytes; created zeroed if missing)\n"
                 "  --max-unconfirmed-starts  starts a new second stage gets before b0 falls back\n"
                 "            (default %d, 0 = never)\n"
                 "  NEXT_STAGE  host executable run in place of b0 when it boots a slot\n",
            MEM_FLASH_SIZE, MEM_OTP_BASE, MEM_OTP_SIZE, PM_RAM_RETAINED_SIZE, DEFAULT_MAX_UNCONFIRMED_STARTS);
}

static bool parse_args(int argc, char **argv, struct options *opt)
{
    *opt = (struct options){.max_unconfirmed_starts = DEFAULT_MAX_UNCONFIRMED_STARTS};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            if (i + 1 < argc)
                opt->next_stage = &argv[i + 1];
            break;
        }
        if (strcmp(arg, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "b0_sim: %s needs a value\n", arg);
            return false;
        }
        const char *value = argv[++i];
        if (strcmp(arg, "--flash") == 0) {
            opt->flash = value;
        } else if (strcmp(arg, "--otp") == 0) {
            opt->otp = value;
        } else if (strcmp(arg, "--retained") == 0) {
            opt->retained = value;
        } else if (strcmp(arg, "--max-unconfirmed-starts") == 0) {
            char *end;
            errno = 0;
            opt->max_unconfirmed_starts = strtoul(value, &end, 10);
            if (errno != 0 || *end != '\0' || end == value || opt->max_unconfirmed_starts > UINT8_MAX) {
                fprintf(stderr, "b0_sim: --max-unconfirmed-starts takes 0..%d, not \"%s\"\n", UINT8_MAX, value);
                return false;
            }
        } else {
            fprintf(stderr, "b0_sim: unknown option %s\n", arg);
            return false;
        }
    }
    if (opt->flash == NULL || opt->otp == NULL) {
        fprintf(stderr, "b0_sim: --flash and --otp are required\n");
        return false;
    }
    return true;
}

static void close_devices(struct host *h)
{
    flash_sim_close(h->flash);
    otp_sim_close(h->otp);
    backing_file_close(&h->retained);
    h->flash = NULL;
    h->otp = NULL;
}

static bool open_devices(const struct options *opt, struct host *h)
{
    char err[FLASH_SIM_ERROR_LEN > OTP_SIM_ERROR_LEN ? FLASH_SIM_ERROR_LEN : OTP_SIM_ERROR_LEN] = "";
    struct flash_sim_config flash_cfg = flash_sim_nrf5340_app;
    flash_cfg.backing_file = opt->flash;
    h->flash = flash_sim_open(&flash_cfg, err, sizeof err);
    if (h->flash == NULL) {
        fprintf(stderr, "b0_sim: %s\n", err);
        return false;
    }
    struct otp_sim_config otp_cfg = otp_sim_nrf5340_app;
    otp_cfg.backing_file = opt->otp;
    h->otp = otp_sim_open(&otp_cfg, err, sizeof err);
    if (h->otp == NULL) {
        fprintf(stderr, "b0_sim: %s\n", err);
        close_devices(h);
        return false;
    }
    if (opt->retained != NULL) {
        bool created;
        int rc = backing_file_open(&h->retained, opt->retained, PM_RAM_RETAINED_SIZE, 0x00, &created, err, sizeof err);
        if (rc != 0) {
            fprintf(stderr, "b0_sim: %s\n", err);
            close_devices(h);
            return false;
        }
    }
    return true;
}

static int host_lock(void *ctx, uint32_t addr, uint32_t len)
{
    struct host *h = ctx;
    return flash_sim_lock(h->flash, addr, len);
}

static void host_log(void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    vprintf(fmt, args);
    putchar('\n');
}

/* The jump: what the CPU would load, then the next stage in place of this process. */
static void host_boot(void *ctx, uint32_t vector_table)
{
    struct host *h = ctx;
    uint32_t vectors[2] = {0, 0};
    int err = flash_read(flash_sim_dev(h->flash), vector_table, vectors, sizeof vectors);
    if (err != FLASH_OK) {
        fprintf(stderr, "b0_sim: cannot read the vector table at 0x%08" PRIx32 ": %s\n", vector_table,
                flash_strerror(err));
        h->exit_code = 1;
        return;
    }
    printf("Jumping to 0x%08" PRIx32 ": MSP 0x%08" PRIx32 ", reset handler 0x%08" PRIx32 ".\n", vector_table,
           vectors[0], vectors[1]);
    if (h->next_stage == NULL) {
        printf("No next stage given: stopping here.\n");
        return;
    }
    printf("Starting the next stage: %s\n", h->next_stage[0]);
    fflush(stdout);
    close_devices(h); /* every change is already in the files (shared mappings) */
    execvp(h->next_stage[0], h->next_stage);
    fprintf(stderr, "b0_sim: cannot start the next stage %s: %s\n", h->next_stage[0], strerror(errno));
    h->exit_code = 127;
}

int main(int argc, char **argv)
{
    struct options opt;
    if (!parse_args(argc, argv, &opt)) {
        usage(stderr);
        return 2;
    }
    struct host h = {.next_stage = opt.next_stage};
    if (!open_devices(&opt, &h))
        return 2;

    const struct b0_config cfg = {
        .b0_address = PM_B0_ADDRESS,
        .b0_size = PM_B0_SIZE,
        .provision_address = PM_PROVISION_ADDRESS,
        .provision_size = PM_PROVISION_SIZE,
        .slot_size = PM_S0_SIZE,
        .max_unconfirmed_starts = (uint8_t)opt.max_unconfirmed_starts,
    };
    const struct b0_port port = {
        .flash = flash_sim_dev(h.flash),
        .otp = otp_sim_dev(h.otp),
        .record = opt.retained != NULL ? (struct b0_boot_record *)h.retained.data : &h.ram_only_record,
        .lock = host_lock,
        .log = host_log,
        .boot = host_boot,
        .ctx = &h,
    };
    struct b0_decision decision;
    enum b0_status st = b0_run(&cfg, &port, &decision);
    if (st != B0_OK) {
        printf("b0 halted: %s.\n", b0_status_text(st));
        close_devices(&h);
        return 1;
    }
    close_devices(&h);
    return h.exit_code;
}
