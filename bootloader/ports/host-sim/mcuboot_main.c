/*
 * The second stage on the host simulator, started by b0_sim in place of the S0/S1 image. It opens
 * the same flash, OTP and retained-RAM files, runs the loader, and then starts the app's host
 * executable (or reports the reset the loader asked for).
 *
 *   mcuboot_sim --flash FILE --otp FILE --retained FILE --key DER [--pcd FILE [--net-core CMD...] --]
 *               [--reset-reason HEX] [-- APP [ARG...]]
 *
 * --key is the MCUboot public key as DER SubjectPublicKeyInfo (`openssl pkey -pubout -outform DER`).
 * --pcd is the file standing for pcd_sram; --net-core names the net core's executable (b0n_sim with
 * its own options), started when the loader releases the net core; its arguments end at "--".
 * Exit codes: 0 the app was started (or would be), 1 halted (nothing valid to start), 2 bad
 * arguments or files, 3 the loader asks for a reset (a bootloader copy is staged: run b0_sim again),
 * 4 power lost, 127 the app could not be started.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backing_file.h"
#include "board_partitions.h"
#include "flash_sim.h"
#include "mb_loader.h"
#include "mb_pcd_host.h"
#include "otp_sim.h"

_Static_assert(MB_BOOT_INFO_OFFSET + sizeof(struct mb_boot_info) <= PM_RAM_RETAINED_SIZE, "boot info fits ram_retained");

struct options {
    const char *flash, *otp, *retained, *key, *pcd;
    char **net_core; /* NULL-terminated in place (its "--" replaced) */
    unsigned long reset_reason;
    char **app;
};

static void usage(FILE *out)
{
    fprintf(out, "usage: mcuboot_sim --flash FILE --otp FILE --retained FILE --key DER\n"
                 "                   [--pcd FILE [--net-core CMD [ARG...] --]] [--reset-reason HEX] [-- APP [ARG...]]\n"
                 "exit: 0 app started, 1 halted, 2 bad arguments, 3 reset requested, 4 power lost\n");
}

static bool parse_args(int argc, char **argv, struct options *opt)
{
    *opt = (struct options){0};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            opt->app = i + 1 < argc ? &argv[i + 1] : NULL;
            break;
        }
        if (strcmp(arg, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        if (strcmp(arg, "--net-core") == 0) {
            opt->net_core = &argv[i + 1];
            while (i + 1 < argc && strcmp(argv[i + 1], "--") != 0)
                i++;
            if (i + 1 >= argc) {
                fprintf(stderr, "mcuboot_sim: --net-core's command must end with --\n");
                return false;
            }
            argv[++i] = NULL;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "mcuboot_sim: %s needs a value\n", arg);
            return false;
        }
        const char *value = argv[++i];
        if (strcmp(arg, "--flash") == 0) {
            opt->flash = value;
        } else if (strcmp(arg, "--otp") == 0) {
            opt->otp = value;
        } else if (strcmp(arg, "--retained") == 0) {
            opt->retained = value;
        } else if (strcmp(arg, "--key") == 0) {
            opt->key = value;
        } else if (strcmp(arg, "--pcd") == 0) {
            opt->pcd = value;
        } else if (strcmp(arg, "--reset-reason") == 0) {
            char *end;
            opt->reset_reason = strtoul(value, &end, 16);
            if (*end != '\0' || end == value) {
                fprintf(stderr, "mcuboot_sim: --reset-reason takes a hex number, not \"%s\"\n", value);
                return false;
            }
        } else {
            fprintf(stderr, "mcuboot_sim: unknown option %s\n", arg);
            return false;
        }
    }
    if (opt->flash == NULL || opt->otp == NULL || opt->retained == NULL || opt->key == NULL) {
        fprintf(stderr, "mcuboot_sim: --flash, --otp, --retained and --key are required\n");
        return false;
    }
    return true;
}

static bool read_key(const char *path, uint8_t *der, size_t cap, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "mcuboot_sim: cannot open the key %s: %s\n", path, strerror(errno));
        return false;
    }
    *len = fread(der, 1, cap, f);
    bool longer = fgetc(f) != EOF;
    fclose(f);
    if (*len == 0 || longer) {
        fprintf(stderr, "mcuboot_sim: %s is not a DER public key\n", path);
        return false;
    }
    return true;
}

static void host_log(void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    vprintf(fmt, args);
    putchar('\n');
}

static int host_lock(void *ctx, uint32_t addr, uint32_t len)
{
    return flash_sim_lock(ctx, addr, len);
}

int main(int argc, char **argv)
{
    struct options opt;
    if (!parse_args(argc, argv, &opt)) {
        usage(stderr);
        return 2;
    }
    static uint8_t der[256];
    size_t der_len;
    if (!read_key(opt.key, der, sizeof der, &der_len))
        return 2;
#ifdef MB_SIGNATURE_ED25519
    const struct mb_key key = {MB_KEY_ED25519, der, der_len};
#else
    const struct mb_key key = {MB_KEY_ECDSA_P256, der, der_len};
#endif
    const struct mb_keyring keyring = {&key, 1};

    char err[FLASH_SIM_ERROR_LEN > OTP_SIM_ERROR_LEN ? FLASH_SIM_ERROR_LEN : OTP_SIM_ERROR_LEN] = "";
    struct flash_sim_config flash_cfg = flash_sim_nrf5340_app;
    flash_cfg.backing_file = opt.flash;
    struct flash_sim *flash = flash_sim_open(&flash_cfg, err, sizeof err);
    struct otp_sim_config otp_cfg = otp_sim_nrf5340_app;
    otp_cfg.backing_file = opt.otp;
    struct otp_sim *otp = flash != NULL ? otp_sim_open(&otp_cfg, err, sizeof err) : NULL;
    struct backing_file retained = {0};
    bool created;
    if (otp == NULL ||
        backing_file_open(&retained, opt.retained, PM_RAM_RETAINED_SIZE, 0x00, &created, err, sizeof err) != 0) {
        fprintf(stderr, "mcuboot_sim: %s\n", err);
        otp_sim_close(otp);
        flash_sim_close(flash);
        return 2;
    }
    struct mb_pcd_host_app net = {0};
    struct mb_pcd_app_port pcd;
    if (opt.pcd != NULL) {
        if (mb_pcd_host_app_open(&net, opt.pcd, opt.net_core, err, sizeof err) != 0) {
            fprintf(stderr, "mcuboot_sim: %s\n", err);
            return 2;
        }
        pcd = mb_pcd_host_app_port(&net);
    }

    const struct mb_loader_port port = {
        .flash = flash_sim_dev(flash),
        .otp = otp_sim_dev(otp),
        .b0_record = (struct b0_boot_record *)retained.data,
        .info = (struct mb_boot_info *)(retained.data + MB_BOOT_INFO_OFFSET),
        .reset_reason = (uint32_t)opt.reset_reason,
        .pcd = opt.pcd != NULL ? &pcd : NULL,
        .lock = host_lock,
        .log = host_log,
        .ctx = flash,
    };
    uint32_t vector = 0;
    enum mb_loader_result res = mb_loader_run(&port, &keyring, &vector);
    if (opt.pcd != NULL)
        mb_pcd_host_app_close(&net);
    backing_file_close(&retained);
    otp_sim_close(otp);
    flash_sim_close(flash);
    switch (res) {
    case MB_LOADER_BOOT:
        printf("Jumping to the app at 0x%08lx.\n", (unsigned long)vector);
        if (opt.app == NULL)
            return 0;
        fflush(stdout);
        execvp(opt.app[0], opt.app);
        fprintf(stderr, "mcuboot_sim: cannot start the app %s: %s\n", opt.app[0], strerror(errno));
        return 127;
    case MB_LOADER_REBOOT:
        printf("Reset requested: %s.\n", mb_loader_result_text(res));
        return 3;
    case MB_LOADER_HALT:
        return 1;
    case MB_LOADER_POWER_LOST:
        return 4;
    }
    return 1;
}
