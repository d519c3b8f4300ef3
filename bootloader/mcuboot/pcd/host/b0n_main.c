/*
 * b0n on the host simulator: one start of the net core. The app core's second stage (or a test)
 * "releases the net core" by running this; it shares with the app core only what the chip shares:
 * pcd_sram (a file both map) and the app flash file (read here, never written).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flash_sim.h"
#include "mb_pcd_board.h"
#include "mb_pcd_host.h"

enum exit_code { EXIT_DONE_OR_BOOTED = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, EXIT_POWER_LOST = 3 };

struct options {
    const char *net_flash, *app_flash, *pcd;
    bool provision;
    unsigned long cut_at;
    unsigned long long seed;
};

struct net_host {
    struct flash_sim *net;
    struct mb_pcd_host_acl_flash acl;
    struct mb_pcd_host_ro_flash app;
    struct mb_pcd_host_area area;
};

static void usage(FILE *out)
{
    fprintf(out,
            "usage: b0n_sim --net-flash FILE --app-flash FILE --pcd FILE [--provision] [--cut-at N [--seed S]]\n"
            "One start of the nRF5340 net core's first stage (NCS b0n) on the simulator.\n"
            "  --net-flash  net-core flash image (0x%x bytes from 0x%08x; created erased if missing)\n"
            "  --app-flash  app-core flash image (0x%x bytes), read only: where PCD copies from\n"
            "  --pcd        pcd_sram, the RAM shared with the app core (0x%x bytes; created zeroed)\n"
            "  --provision  if net_provision is blank, program S0 = net_app 0x%08x as NCS's\n"
            "               provision.py does for the net core\n"
            "  --cut-at N   lose power at the N-th changing net-flash call (erase or write);\n"
            "  --seed S     seed for the damage a cut leaves (default 1)\n"
            "With a PCD COPY command: validate, copy into net_app, answer DONE or FAIL. With\n"
            "READ_VERSION: answer net_app's fw_info version. Otherwise: boot net_app (logged).\n"
            "Exit codes: 0 done or booted, 1 failed or nothing to boot, 2 bad arguments or files,\n"
            "3 power lost (nothing answered).\n",
            MEM_NET_FLASH_SIZE, MEM_NET_FLASH_BASE, MEM_FLASH_SIZE, PM_PCD_SRAM_SIZE, PM_NET_APP_ADDRESS);
}

static bool number(const char *text, unsigned long long max, unsigned long long *out)
{
    char *end;
    errno = 0;
    *out = strtoull(text, &end, 0);
    return errno == 0 && end != text && *end == '\0' && *out <= max;
}

static bool parse_args(int argc, char **argv, struct options *opt)
{
    *opt = (struct options){.seed = 1};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0) {
            usage(stdout);
            exit(EXIT_DONE_OR_BOOTED);
        }
        if (strcmp(arg, "--provision") == 0) {
            opt->provision = true;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "b0n_sim: %s needs a value\n", arg);
            return false;
        }
        const char *value = argv[++i];
        unsigned long long n;
        if (strcmp(arg, "--net-flash") == 0) {
            opt->net_flash = value;
        } else if (strcmp(arg, "--app-flash") == 0) {
            opt->app_flash = value;
        } else if (strcmp(arg, "--pcd") == 0) {
            opt->pcd = value;
        } else if (strcmp(arg, "--cut-at") == 0 && number(value, UINT32_MAX, &n)) {
            opt->cut_at = (unsigned long)n;
        } else if (strcmp(arg, "--seed") == 0 && number(value, UINT64_MAX, &n)) {
            opt->seed = n;
        } else {
            fprintf(stderr, "b0n_sim: unknown option or bad value: %s %s\n", arg, value);
            return false;
        }
    }
    if (opt->net_flash == NULL || opt->app_flash == NULL || opt->pcd == NULL) {
        fprintf(stderr, "b0n_sim: --net-flash, --app-flash and --pcd are required\n");
        return false;
    }
    return true;
}

static void close_all(struct net_host *h)
{
    flash_sim_close(h->net);
    mb_pcd_host_ro_flash_close(&h->app);
    mb_pcd_host_area_close(&h->area);
}

static bool open_all(const struct options *opt, struct net_host *h)
{
    char err[FLASH_SIM_ERROR_LEN];
    struct flash_sim_config cfg = flash_sim_nrf5340_net;
    cfg.backing_file = opt->net_flash;
    h->net = flash_sim_open(&cfg, err, sizeof err);
    if (h->net != NULL &&
        mb_pcd_host_ro_flash_open(&h->app, opt->app_flash, MEM_FLASH_BASE, MEM_FLASH_SIZE, MEM_FLASH_PAGE_SIZE, err,
                                  sizeof err) == 0 &&
        mb_pcd_host_area_open(&h->area, opt->pcd, PM_PCD_SRAM_SIZE, err, sizeof err) == 0)
        return true;
    fprintf(stderr, "b0n_sim: %s\n", err);
    close_all(h);
    return false;
}

/* What the factory programs into a blank net_provision: S0 only (provision.py --s0-addr for CPUNET). */
static bool provision_if_blank(struct net_host *h)
{
    const struct flash_dev *net = flash_sim_dev(h->net);
    const uint32_t at = PM_NET_PROVISION_ADDRESS + MB_PCD_PROVISION_S0_OFFSET, s0 = PM_NET_APP_ADDRESS;
    uint32_t word;
    if (flash_read(net, at, &word, sizeof word) != FLASH_OK)
        return false;
    if (word != UINT32_MAX)
        return true;
    printf("Provisioning net_provision: S0 0x%08" PRIx32 ".\n", s0);
    return flash_write(net, at, &s0, sizeof s0) == FLASH_OK;
}

static void net_read(void *ctx, uint32_t offset, void *buf, size_t len)
{
    mb_pcd_host_area_read(&((struct net_host *)ctx)->area, offset, buf, len);
}

static void net_write(void *ctx, uint32_t offset, const void *buf, size_t len)
{
    mb_pcd_host_area_write(&((struct net_host *)ctx)->area, offset, buf, len);
}

static int net_protect(void *ctx, uint32_t addr, uint32_t len)
{
    return mb_pcd_host_acl_lock(&((struct net_host *)ctx)->acl, addr, len);
}

static void net_boot(void *ctx, uint32_t vector_table)
{
    struct net_host *h = ctx;
    uint32_t vectors[2] = {0, 0};
    flash_read(&h->acl.dev, vector_table, vectors, sizeof vectors);
    printf("Jumping to net_app 0x%08" PRIx32 ": MSP 0x%08" PRIx32 ", reset handler 0x%08" PRIx32
           " (the simulator stops here).\n",
           vector_table, vectors[0], vectors[1]);
}

static void net_log(void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    vprintf(fmt, args);
    putchar('\n');
}

int main(int argc, char **argv)
{
    struct options opt;
    if (!parse_args(argc, argv, &opt)) {
        usage(stderr);
        return EXIT_USAGE;
    }
    struct net_host h = {0};
    if (!open_all(&opt, &h))
        return EXIT_USAGE;
    if (opt.provision && !provision_if_blank(&h)) {
        fprintf(stderr, "b0n_sim: cannot provision net_provision\n");
        close_all(&h);
        return EXIT_USAGE;
    }
    if (opt.cut_at != 0)
        flash_sim_cut_power_at(h.net, (uint32_t)opt.cut_at, opt.seed);
    mb_pcd_host_acl_flash_init(&h.acl, flash_sim_dev(h.net));

    const struct mb_pcd_net_config cfg = mb_pcd_board_net_config();
    const struct mb_pcd_net_port port = {
        .net_flash = &h.acl.dev,
        .app_flash = &h.app.dev,
        .area_read = net_read,
        .area_write = net_write,
        .protect = net_protect,
        .boot = net_boot,
        .log = net_log,
        .ctx = &h,
    };
    enum mb_pcd_net_outcome outcome = mb_pcd_net_run(&cfg, &port);
    printf("b0n: %s.\n", mb_pcd_net_outcome_text(outcome));
    close_all(&h);
    switch (outcome) {
    case MB_PCD_NET_BOOTED:
    case MB_PCD_NET_DONE: return EXIT_DONE_OR_BOOTED;
    case MB_PCD_NET_POWER_LOST: return EXIT_POWER_LOST;
    default: return EXIT_FAILED;
    }
}
