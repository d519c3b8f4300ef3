/*
 * nfclr_sim: the program's output alone on stdout, diagnostics on stderr, exit 0 / 1 / 2, and the
 * deployment read from a simulated flash file's managed_deploy partition.
 */
#include <stdio.h>
#include <string.h>

#include "board_partitions.h"
#include "clr_fixture.h"
#include "harness.h"

static uint8_t img[64 * 1024];

static const char *write_file(const char *name, const void *data, size_t len)
{
    const char *path = test_temp_path(name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    CHECK_EQ(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

/* Prints "Hello\n", then divides by zero when `fail`. */
static size_t program(bool fail)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    prog_print_text(p, il, "Hello\n");
    if (fail) {
        il_ldc_i4(il, 1);
        il_ldc_i4(il, 0);
        il_op(il, CEE_DIV);
        il_op(il, CEE_POP);
    }
    il_op(il, CEE_RET);
    const size_t n = prog_image(p, img, sizeof img);
    CHECK(n > 0);
    return n;
}

/* Runs nfclr_sim with args; out gets stdout only or stderr only. */
static int run_sim(const char *args, bool want_stderr, char *out, size_t len)
{
    char command[1024];
    /* In a subshell: test_run adds its own "2>&1" after the command. */
    snprintf(command, sizeof command, "(%s %s %s)", NFCLR_SIM_PATH, args, want_stderr ? "2>&1 >/dev/null" : "2>/dev/null");
    return test_run(command, out, len);
}

TEST(a_program_that_returns_exits_0_with_only_its_output_on_stdout)
{
    const char *path = write_file("ok.img", img, program(false));
    char out[4096], err[4096], args[600];
    snprintf(args, sizeof args, "%s", path);
    CHECK_EQ(run_sim(args, false, out, sizeof out), 0);
    CHECK_STR_EQ(out, "Hello\n");
    CHECK_EQ(run_sim(args, true, err, sizeof err), 0);
    CHECK_STR_EQ(err, "");
}

TEST(an_unhandled_exception_exits_2_with_the_report_on_stderr)
{
    const char *path = write_file("fail.img", img, program(true));
    char out[4096], err[4096];
    CHECK_EQ(run_sim(path, false, out, sizeof out), 2);
    CHECK_STR_EQ(out, "Hello\n");
    CHECK_EQ(run_sim(path, true, err, sizeof err), 2);
    CHECK_STR_EQ(err, "Unhandled exception: System.DivideByZeroException: Attempted to divide by zero.\n"
                      "   at App.Program.Main() IL_000c\n");
}

TEST(a_refused_image_exits_1_and_says_why_on_stderr)
{
    const size_t n = program(false);
    img[n - 1] ^= 0xFF; /* breaks the app's CRC */
    const char *path = write_file("bad.img", img, n);
    char out[4096], err[4096];
    CHECK_EQ(run_sim(path, false, out, sizeof out), 1);
    CHECK_STR_EQ(out, "");
    CHECK_EQ(run_sim(path, true, err, sizeof err), 1);
    CHECK_CONTAINS(err, "assembly App: CRC 0x");
    CHECK_CONTAINS(err, "the deployment image is corrupt; deploy it again\n");
}

static uint8_t flash[MEM_FLASH_SIZE];

TEST(runs_the_managed_deploy_partition_of_a_flash_file)
{
    const size_t n = program(false);
    memset(flash, 0xFF, sizeof flash);
    uint8_t *partition = flash + (PM_MANAGED_DEPLOY_ADDRESS - MEM_FLASH_BASE);
    ib_put32(partition, 0x96F3B83Du); /* MCUboot image header: magic, load address, header size 0x200 */
    ib_put32(partition + 4, 0);
    ib_put16(partition + 8, 0x200);
    memcpy(partition + 0x200, img, n); /* followed by erased flash: the list ends there */
    const char *path = write_file("flash.bin", flash, sizeof flash);
    char args[600], out[4096];
    snprintf(args, sizeof args, "--flash %s", path);
    CHECK_EQ(run_sim(args, false, out, sizeof out), 0);
    CHECK_STR_EQ(out, "Hello\n");
    /* without the MCUboot header nothing runs */
    memset(partition, 0xFF, 0x200);
    path = write_file("flash_no_header.bin", flash, sizeof flash);
    snprintf(args, sizeof args, "--flash %s", path);
    CHECK_EQ(run_sim(args, true, out, sizeof out), 1);
    CHECK_CONTAINS(out, "holds no MCUboot image header");
    /* a file too short for the partition */
    path = write_file("short.bin", flash, 4096);
    snprintf(args, sizeof args, "--flash %s", path);
    CHECK_EQ(run_sim(args, true, out, sizeof out), 1);
    CHECK_CONTAINS(out, "not an app-core flash file");
}

TEST(bad_arguments_and_missing_files_exit_1)
{
    char out[4096];
    CHECK_EQ(run_sim("", true, out, sizeof out), 1);
    CHECK_CONTAINS(out, "usage: nfclr_sim");
    CHECK_EQ(run_sim("/nonexistent/image", true, out, sizeof out), 1);
    CHECK_CONTAINS(out, "cannot open /nonexistent/image");
    CHECK_EQ(run_sim("--ram", true, out, sizeof out), 1);
    CHECK_EQ(run_sim("--ram lots x.img", true, out, sizeof out), 1);
    CHECK_EQ(run_sim("--help", false, out, sizeof out), 0);
    CHECK_CONTAINS(out, "usage: nfclr_sim");
}

TEST(options_set_the_runtime_memory)
{
    const char *path = write_file("ok.img", img, program(false));
    char args[600], out[4096];
    snprintf(args, sizeof args, "--ram 65536 --max-depth 16 --stack-slots 512 --stats %s", path);
    CHECK_EQ(run_sim(args, true, out, sizeof out), 0);
    CHECK_CONTAINS(out, "nfclr_sim: tables ");
    CHECK_CONTAINS(out, " bytes used\n");
    CHECK_CONTAINS(out, "nfclr_sim: gc 0 collections, 0 bytes freed, 0 bytes live after the last\n");
    /* Under stress every allocation collects first. */
    snprintf(args, sizeof args, "--gc-stress --stats %s", path);
    CHECK_EQ(run_sim(args, true, out, sizeof out), 0);
    CHECK_NOT_CONTAINS(out, "nfclr_sim: gc 0 collections");
    snprintf(args, sizeof args, "--ram 1024 %s", path);
    CHECK_EQ(run_sim(args, true, out, sizeof out), 1);
    CHECK_CONTAINS(out, "runtime: 1024 bytes of RAM given");
}
