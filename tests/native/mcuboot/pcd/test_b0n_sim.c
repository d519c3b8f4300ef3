/*
 * End to end over files: this test is the app core (its flash file, the pcd_sram file, the host
 * app port), and the net core is the b0n_sim executable the port starts as a separate process.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "mb_pcd_board.h"
#include "rig.h"

struct files {
    const char *app, *net, *pcd;
    struct staged image;
};

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    CHECK_EQ(fwrite(data, 1, len, f), len);
    CHECK_EQ(fclose(f), 0);
}

static void read_whole(const char *path, void *data, size_t len)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    CHECK_EQ(fread(data, 1, len, f), len);
    fclose(f);
}

/* An app flash file with the v2 net image in the upload slot; no net flash or pcd_sram file yet. */
static void make_device(struct files *f)
{
    f->app = test_temp_path("app_flash.bin");
    f->net = test_temp_path("net_flash.bin");
    f->pcd = test_temp_path("pcd_sram.bin");
    file_read(&f->image.file, IMAGE("pcd_net_v2"));
    static uint8_t flash[MEM_FLASH_SIZE];
    memset(flash, 0xFF, sizeof flash);
    memcpy(flash + PM_MCUBOOT_SECONDARY_ADDRESS, f->image.file.data, f->image.file.len);
    write_file(f->app, flash, sizeof flash);
    f->image.payload_address = PM_MCUBOOT_SECONDARY_ADDRESS + 0x200u;
    f->image.payload = f->image.file.data + 0x200u;
    memcpy(&f->image.payload_len, f->image.file.data + 12, sizeof f->image.payload_len);
}

#define CHECK_OUTPUT(out, text) CHECK_CONTAINS((out), (text))

static enum mb_pcd_status update_through_process(const struct files *f, const char *cut_at, int *net_exit)
{
    char *argv[] = {B0N_SIM_PATH, "--net-flash", (char *)f->net, "--app-flash", (char *)f->app,
                    "--pcd", (char *)f->pcd, "--provision", NULL, NULL, NULL, NULL, NULL};
    if (cut_at != NULL) {
        argv[8] = "--cut-at";
        argv[9] = (char *)cut_at;
        argv[10] = "--seed";
        argv[11] = "9";
    }
    struct mb_pcd_host_app app;
    char err[MB_PCD_HOST_ERROR_LEN];
    CHECK_EQ(mb_pcd_host_app_open(&app, f->pcd, argv, err, sizeof err), 0);
    struct mb_pcd_app_config cfg = mb_pcd_board_app_config();
    cfg.timeout_ms = 5000; /* a dead net process answers never: keep the test short */
    struct mb_pcd_app_port port = mb_pcd_host_app_port(&app);
    struct mb_pcd_result res;
    enum mb_pcd_status st = mb_pcd_update(&cfg, &port, f->image.payload_address, f->image.payload_len, &res);
    CHECK_EQ(app.releases, 1);
    mb_pcd_host_app_close(&app);
    *net_exit = app.last_exit;
    return st;
}

static void check_net_app(const struct files *f)
{
    static uint8_t net[MEM_NET_FLASH_SIZE];
    read_whole(f->net, net, sizeof net);
    CHECK_MEM_EQ(net + (PM_NET_APP_ADDRESS - MEM_NET_FLASH_BASE), f->image.payload, f->image.payload_len);
}

TEST(help_names_every_option_and_exits_0)
{
    char out[4096];
    CHECK_EQ(test_run(B0N_SIM_PATH " --help", out, sizeof out), 0);
    CHECK_OUTPUT(out, "--net-flash");
    CHECK_OUTPUT(out, "--app-flash");
    CHECK_OUTPUT(out, "--pcd");
    CHECK_OUTPUT(out, "--cut-at");
    CHECK_OUTPUT(out, "3 power lost");
}

TEST(missing_files_or_bad_options_exit_2)
{
    char out[4096];
    CHECK_EQ(test_run(B0N_SIM_PATH " --net-flash x.bin", out, sizeof out), 2);
    CHECK_OUTPUT(out, "--net-flash, --app-flash and --pcd are required");
    CHECK_EQ(test_run(B0N_SIM_PATH " --net-flash a --app-flash b --pcd c --cut-at many", out, sizeof out), 2);
    char command[1024];
    snprintf(command, sizeof command, "%s --net-flash %s --app-flash %s --pcd %s", B0N_SIM_PATH,
             test_temp_path("n.bin"), test_temp_path("missing_app.bin"), test_temp_path("p.bin"));
    CHECK_EQ(test_run(command, out, sizeof out), 2);
    CHECK_OUTPUT(out, "cannot open app flash");
}

TEST(an_update_through_the_b0n_sim_process_ends_done_and_the_net_core_then_boots_it)
{
    struct files f;
    make_device(&f);
    static uint8_t app_before[MEM_FLASH_SIZE], app_after[MEM_FLASH_SIZE];
    read_whole(f.app, app_before, sizeof app_before);
    int net_exit;
    CHECK_EQ(update_through_process(&f, NULL, &net_exit), MB_PCD_DONE);
    CHECK_EQ(net_exit, 0);
    check_net_app(&f);
    read_whole(f.app, app_after, sizeof app_after);
    CHECK_MEM_EQ(app_after, app_before, sizeof app_before); /* the net core only read it */

    /* The runtime's later release: pcd_sram says DONE, so b0n boots the new net_app. */
    char command[2048], out[8192];
    snprintf(command, sizeof command, "%s --net-flash %s --app-flash %s --pcd %s", B0N_SIM_PATH, f.net, f.app, f.pcd);
    CHECK_EQ(test_run(command, out, sizeof out), 0);
    CHECK_OUTPUT(out, "Booting net_app version 2: vector table 0x01008800.");
    CHECK_OUTPUT(out, "Jumping to net_app 0x01008800: MSP 0x21010000");
}

TEST(a_power_cut_inside_b0n_sim_then_a_reissue_ends_done)
{
    struct files f;
    make_device(&f);
    int net_exit;
    CHECK_EQ(update_through_process(&f, "9", &net_exit), MB_PCD_E_TIMEOUT);
    CHECK_EQ(net_exit, 3); /* b0n_sim: power lost, nothing answered */
    CHECK_EQ(update_through_process(&f, NULL, &net_exit), MB_PCD_DONE);
    CHECK_EQ(net_exit, 0);
    check_net_app(&f);
}

TEST(a_failed_copy_through_the_process_exits_1_with_the_reason_in_pcd_sram)
{
    struct files f;
    make_device(&f);
    f.image.payload_len -= 8; /* cuts off the validation block */
    int net_exit;
    CHECK_EQ(update_through_process(&f, NULL, &net_exit), MB_PCD_E_FAILED);
    CHECK_EQ(net_exit, 1);
    struct mb_pcd_detail d;
    uint8_t area[64];
    read_whole(f.pcd, area, sizeof area);
    memcpy(&d, area + MB_PCD_DETAIL_OFFSET, sizeof d);
    CHECK_EQ(d.tag, MB_PCD_DETAIL_TAG);
    CHECK_EQ(d.reason, MB_PCD_R_INVALID_IMAGE);
}
