/*
 * nfclr_sim: the program's output alone on stdout, diagnostics on stderr, exit 0 / 1 / 2 / 3 (--test), and the
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
    if (fail)
        il_divide_by_zero(il);
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
    CHECK_CONTAINS(out, "nfclr_sim: state ");
    CHECK_CONTAINS(out, " bytes, tables ");
    CHECK_CONTAINS(out, "nfclr_sim: tables: ref targets ");
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

/* --test: App.Program.Ok passes; with `failing`, App.Program.Bad divides by zero. No Main when `tests_only`. */
static size_t test_program(bool failing, bool tests_only)
{
    struct prog *p = prog_new();
    il_op(prog_main(p), CEE_RET);
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_RET);
    const uint32_t sig = ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID));
    const uint16_t ok = prog_method(p, "Ok", sig, IB_NONE, &il);
    il_reset(&il);
    il_divide_by_zero(&il);
    il_op(&il, CEE_RET);
    const uint16_t bad = prog_method(p, "Bad", sig, IB_NONE, &il);
    const uint16_t methods[] = {ok, bad};
    for (unsigned i = 0; i < (failing ? 2u : 1u); i++) {
        uint8_t *row = ib_row(p->app, CLR_TBL_TEST, p->app->count[CLR_TBL_TEST]++);
        ib_put16(row + CLR_TEST_CLASS, p->program);
        ib_put16(row + CLR_TEST_METHOD, methods[i]);
        ib_put16(row + CLR_TEST_SETUP, CLR_NONE16);
        ib_put16(row + CLR_TEST_CLEANUP, CLR_NONE16);
        ib_put32(row + CLR_TEST_ARGS, CLR_NONE32);
    }
    if (tests_only) {
        p->app->flags = CLR_ASSEMBLY_IS_APP;
        p->app->entry_point = IB_NONE;
    }
    const size_t n = prog_image(p, img, sizeof img);
    CHECK(n > 0);
    return n;
}

TEST(test_runs_the_tests_and_exits_0_when_none_failed_4_when_some_did)
{
    char out[4096], args[600];
    snprintf(args, sizeof args, "--test %s", write_file("pass.img", img, test_program(false, true)));
    CHECK_EQ(run_sim(args, false, out, sizeof out), 0);
    CHECK_STR_EQ(out, "PASS App.Program.Ok\n1 passed, 0 failed\n");
    snprintf(args, sizeof args, "--test %s", write_file("fail.img", img, test_program(true, false)));
    CHECK_EQ(run_sim(args, false, out, sizeof out), 4);
    CHECK_STR_EQ(out, "PASS App.Program.Ok\n"
                      "FAIL App.Program.Bad: System.DivideByZeroException: Attempted to divide by zero.\n"
                      "1 passed, 1 failed\n");
}

TEST(a_test_assembly_without_main_run_without_test_exits_1)
{
    const char *path = write_file("tests.img", img, test_program(false, true));
    char err[4096];
    CHECK_EQ(run_sim(path, true, err, sizeof err), 1);
    CHECK_STR_EQ(err, "assembly App has no entry point (Main), only tests: run them with clr_run_tests "
                      "(nfclr_sim --test)\n");
}
