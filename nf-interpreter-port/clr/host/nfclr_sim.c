/*
 * The runtime on the host: runs a deployment image as the device would, so that its output can be
 * compared with `dotnet run` byte for byte.
 *
 *   nfclr_sim [options] IMAGE          the deployment image from byte 0 (assemblies back to back)
 *   nfclr_sim [options] --flash FILE   the managed_deploy partition of a simulated app-core flash file
 *                                      (host-sim's layout: the file is the flash from address 0), after
 *                                      its 0x200-byte MCUboot header
 * Options: --ram BYTES (runtime RAM: tables, call stack, heap; default 64 MiB), --max-depth N (frames,
 * default 10000), --stack-slots N (default 1048576), --stats (memory use and collector statistics on
 * stderr), --gc-stress (collect before every allocation and verify the heap after each collection), --events N
 * (posts N native events before Main runs: source k, data k*2 and k*3, as a board's interrupts would),
 * --settings FILE (a simulated app-core flash file whose settings_storage partition SettingsStore uses),
 * --test (run the app's unit tests instead of Main: one line per test, then "N passed, N failed").
 * The settings store and the upload slot are the --flash file's partitions, else --settings's, else empty ones
 * in RAM.
 * The simulated DK (sim_board.h), files shared with b0_sim and mcuboot_sim: --otp FILE (b0's provisioning and
 * counter, for the upload check), --retained FILE (ram_retained: b0's record and the second stage's boot info),
 * --key DER (the MCUboot public key uploads are checked with; default: the one built in), --smp-udp PORT and
 * --smp-serial PORT (SMP over UDP on 127.0.0.1:PORT, and a TCP listen socket on 127.0.0.1:PORT standing for the
 * UART with mcumgr's serial framing). With an SMP port the runtime runs on real time. System.Device.Gpio drives
 * a stand-in that logs each pin change on stderr ("gpio: P0.28 -> 0").
 *
 * stdout carries the program's output only; diagnostics go to stderr.
 * Exit: 0 Main returned (--test: no test failed), 1 nothing ran (bad arguments, unreadable file, image refused,
 * no Main), 2 unhandled exception, 3 deadlock (every thread blocked for ever), 4 (--test) some tests failed,
 * 8 the app asked for a reset (Power.RebootDevice): start the boot chain (b0_sim) again.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board_partitions.h"
#include "clr.h"
#include "sim_board.h"

#define MCUBOOT_MAGIC 0x96F3B83Du
#define MCUBOOT_HEADER_SIZE 0x200u

static void console_write(void *ctx, const char *utf8, size_t len)
{
    (void)ctx;
    fwrite(utf8, 1, len, stdout);
}

static void log_line(void *ctx, const char *line)
{
    (void)ctx;
    fflush(stdout); /* keep the order of program output and diagnostics on a shared terminal */
    fprintf(stderr, "%s\n", line);
}

static void usage(FILE *out)
{
    fprintf(out, "usage: nfclr_sim [--ram BYTES] [--max-depth N] [--stack-slots N] [--events N] [--settings FILE] "
                 "[--stats] [--gc-stress] [--test]\n"
                 "                 [--otp FILE] [--retained FILE] [--key DER] [--smp-udp PORT] [--smp-serial PORT] "
                 "(IMAGE | --flash FILE)\n"
                 "exit: 0 Main returned or no test failed, 1 nothing ran (arguments, file or image refused, no Main), "
                 "2 unhandled exception, 3 deadlock, 4 some tests failed, 8 the app asked for a reset (run b0_sim "
                 "again)\n");
}

static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "nfclr_sim: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap == 0 ? 1u << 16 : cap * 2;
            unsigned char *grown = realloc(data, cap);
            if (grown == NULL) {
                fprintf(stderr, "nfclr_sim: %s is too large to read\n", path);
                free(data);
                fclose(f);
                return NULL;
            }
            data = grown;
        }
        const size_t n = fread(data + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    const int failed = ferror(f);
    fclose(f);
    if (failed) {
        fprintf(stderr, "nfclr_sim: cannot read %s\n", path);
        free(data);
        return NULL;
    }
    *size = len;
    return data;
}

static int parse_size(const char *text, unsigned long long *value)
{
    char *end;
    errno = 0;
    *value = strtoull(text, &end, 0);
    return errno == 0 && end != text && *end == '\0';
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int main(int argc, char **argv)
{
    const char *image_path = NULL;
    struct sim_board_options board = {0};
    unsigned long long ram_size = 64ull << 20, max_depth = 10000, stack_slots = 1u << 20, events = 0, udp = 0,
                       serial = 0;
    int stats = 0, tests = 0, gc_stress = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        int *flag = strcmp(arg, "--stats") == 0       ? &stats
                    : strcmp(arg, "--gc-stress") == 0 ? &gc_stress
                    : strcmp(arg, "--test") == 0      ? &tests
                                                      : NULL;
        if (flag != NULL) {
            *flag = 1;
            continue;
        }
        if (arg[0] != '-' && image_path == NULL && board.flash == NULL) {
            image_path = arg;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "nfclr_sim: %s needs a value\n", arg);
            usage(stderr);
            return 1;
        }
        const char *value = argv[++i];
        unsigned long long *number = strcmp(arg, "--ram") == 0           ? &ram_size
                                     : strcmp(arg, "--max-depth") == 0   ? &max_depth
                                     : strcmp(arg, "--stack-slots") == 0 ? &stack_slots
                                     : strcmp(arg, "--events") == 0      ? &events
                                     : strcmp(arg, "--smp-udp") == 0     ? &udp
                                     : strcmp(arg, "--smp-serial") == 0  ? &serial
                                                                         : NULL;
        const unsigned long long limit = number == &udp || number == &serial ? 65535 : 1ull << 32;
        const char **path = strcmp(arg, "--flash") == 0      ? (image_path == NULL ? &board.flash : NULL)
                            : strcmp(arg, "--settings") == 0 ? &board.settings
                            : strcmp(arg, "--otp") == 0      ? &board.otp
                            : strcmp(arg, "--retained") == 0 ? &board.retained
                            : strcmp(arg, "--key") == 0      ? &board.key
                                                             : NULL;
        if (path != NULL && *path == NULL) {
            *path = value;
        } else if (number != NULL && parse_size(value, number) && *number > 0 && *number <= limit) {
            continue;
        } else {
            fprintf(stderr, "nfclr_sim: unexpected argument %s %s\n", arg, value);
            usage(stderr);
            return 1;
        }
    }
    if (image_path == NULL && board.flash == NULL) {
        usage(stderr);
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0); /* a runner waits for lines such as the app's "ready" */
    const char *flash_path = board.flash;
    board.smp_udp = (unsigned long)udp;
    board.smp_serial = (unsigned long)serial;
    size_t file_size = 0;
    unsigned char *file = read_file(image_path != NULL ? image_path : flash_path, &file_size);
    if (file == NULL)
        return 1;
    const unsigned char *image = file;
    size_t image_size = file_size;
    if (flash_path != NULL) {
        const size_t partition = PM_MANAGED_DEPLOY_ADDRESS - MEM_FLASH_BASE;
        if (file_size < partition + PM_MANAGED_DEPLOY_SIZE) {
            fprintf(stderr, "nfclr_sim: %s has %zu bytes but the managed_deploy partition ends at 0x%x: not an "
                            "app-core flash file\n",
                    flash_path, file_size, (unsigned)(PM_MANAGED_DEPLOY_END_ADDRESS - MEM_FLASH_BASE));
            free(file);
            return 1;
        }
        const uint32_t magic = rd32(file + partition);
        const uint32_t header_size = (uint32_t)file[partition + 8] | (uint32_t)file[partition + 9] << 8;
        if (magic != MCUBOOT_MAGIC || header_size != MCUBOOT_HEADER_SIZE) {
            fprintf(stderr, "nfclr_sim: the managed_deploy partition at 0x%x holds no MCUboot image header (magic "
                            "0x%08x, header size 0x%x; expected 0x%08x and 0x%x): write the signed deployment (image 3) "
                            "there first\n",
                    (unsigned)PM_MANAGED_DEPLOY_ADDRESS, (unsigned)magic, (unsigned)header_size, MCUBOOT_MAGIC,
                    MCUBOOT_HEADER_SIZE);
            free(file);
            return 1;
        }
        image = file + partition + MCUBOOT_HEADER_SIZE;
        image_size = PM_MANAGED_DEPLOY_SIZE - MCUBOOT_HEADER_SIZE;
    }
    if (sim_board_open(&board) != 0) {
        free(file);
        return 1;
    }
    void *ram = malloc((size_t)ram_size);
    if (ram == NULL) {
        fprintf(stderr, "nfclr_sim: cannot allocate %llu bytes of runtime RAM\n", ram_size);
        sim_board_close();
        free(file);
        return 1;
    }
    struct clr_config cfg = {
        .image = image,
        .image_size = image_size,
        .ram = ram,
        .ram_size = (size_t)ram_size,
        .max_call_depth = (uint32_t)max_depth,
        .stack_slots = (uint32_t)stack_slots,
        .hal = {.console_write = console_write, .log_line = log_line, .ctx = NULL},
        .gc_stress = (uint8_t)gc_stress,
        .natives = sim_board_natives,
        .native_count = sizeof sim_board_natives / sizeof sim_board_natives[0],
    };
    sim_board_hal(&cfg.hal);
    struct clr_runtime *rt;
    enum clr_result result = clr_load(&cfg, &rt);
    for (unsigned long long k = 0; result == CLR_OK && k < events; k++)
        clr_post_event(rt, (uint32_t)k, (uint32_t)k * 2u, (uint32_t)k * 3u);
    if (result == CLR_OK)
        result = tests ? clr_run_tests(rt, NULL) : clr_run(rt);
    fflush(stdout);
    if (stats && rt != NULL) {
        const struct clr_memory_use use = clr_memory_use(rt);
        fprintf(stderr, "nfclr_sim: state %zu bytes, tables %zu bytes, stack %zu bytes, heap %zu of %zu bytes used\n",
                use.state, use.tables, use.stack, use.heap_used, use.heap_size);
        fprintf(stderr, "nfclr_sim: tables:");
        for (unsigned k = 0; k < CLR_TABLE_KINDS; k++)
            fprintf(stderr, "%s %s %zu", k > 0 ? "," : "", clr_table_kind_name((enum clr_table_kind)k), use.table_kind[k]);
        fprintf(stderr, "\n");
        fprintf(stderr, "nfclr_sim: gc %u collections, %llu bytes freed, %zu bytes live after the last\n",
                (unsigned)use.collections, (unsigned long long)use.bytes_freed, use.live_bytes);
    }
    free(ram);
    sim_board_close();
    free(file);
    return result == CLR_OK                    ? 0
           : result == CLR_UNHANDLED_EXCEPTION ? 2
           : result == CLR_DEADLOCK            ? 3
           : result == CLR_TESTS_FAILED        ? 4
                                               : 1;
}
