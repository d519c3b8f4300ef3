/*
 * The IL runtime on a Cortex-M33 board (QEMU's mps2-an505, the nRF5340 DK): the app image (MCUboot image 0,
 * linked at mcuboot_primary + 0x200) that runs the C# deployment the build signed as MCUboot image 3 into
 * managed_deploy. The deployment is read in place after its 0x200-byte MCUboot header; the runtime gets one
 * static RAM buffer in this stage's RAM (ram_stage), program output and diagnostics go to the board's log
 * (m33_board.h) as lines. The board adds its libraries' internal calls and clock (nfclr_board.h).
 *
 * A deployed app without Main (a test assembly) runs its unit tests instead (clr_run_tests).
 *
 * Exit (QEMU: semihosting; silicon halts): 0 Main returned or no test failed, 1 nothing ran (no deployment, or the runtime refused
 * it; logged), 2 unhandled exception (logged with its stack trace), a failed test, or a CPU fault.
 */
#include <stddef.h>
#include <stdint.h>

#include "board_partitions.h"
#include "clr.h"
#include "m33_board.h"
#include "nfclr_board.h"

#define MCUBOOT_MAGIC 0x96F3B83Du
#define MCUBOOT_HEADER_SIZE 0x200u

/*
 * The main thread's call stack: 52 bytes per frame and 16 per slot, 7.6 KiB. Twice the deepest use measured with
 * nfclr_sim --max-depth/--stack-slots (bench/runtime/README.md, RAM): the SMP server conformance program 16 frames and
 * 161 slots, the default app 13 and 112, the corlib's tests 11 and 89, the other conformance programs at most 13 and
 * 139. StaticCallsAndRecursion recurses 200 deep on purpose (202 frames, 1822 slots): a host-only program.
 */
#define NFCLR_CALL_DEPTH 32u
#define NFCLR_STACK_SLOTS 384u

/* Tables, call stack and managed heap; clr_memory_use reports the split at the end. */
#define NFCLR_RAM_SIZE (256u * 1024u)
static uint8_t clr_ram[NFCLR_RAM_SIZE] __attribute__((aligned(8)));

/*
 * Console output is collected up to each '\n' and written as one log line (board_log ends lines
 * with "\r\n" for a raw terminal). A line longer than the buffer is written in pieces, one per log line.
 */
static char line[256];
static size_t line_len;

static void flush_line(void)
{
    line[line_len] = '\0';
    board_log("%s", line);
    line_len = 0;
}

static void console_write(void *ctx, const char *utf8, size_t len)
{
    (void)ctx;
    for (size_t i = 0; i < len; i++) {
        if (utf8[i] == '\n') {
            flush_line();
            continue;
        }
        if (utf8[i] == '\r')
            continue;
        line[line_len++] = utf8[i];
        if (line_len == sizeof line - 1)
            flush_line();
    }
}

static void log_line(void *ctx, const char *text)
{
    (void)ctx;
    if (line_len > 0) /* keep program output and diagnostics in order */
        flush_line();
    board_log("%s", text);
}

static uint32_t rd32(const volatile uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The runtime's RAM besides the managed heap, once loaded (the default app serves on and never reaches the end). */
static void log_load_ram(const struct clr_runtime *rt)
{
    const struct clr_memory_use use = clr_memory_use(rt);
    board_log("nfclr: loaded: state %lu, tables %lu, stack %lu bytes (%lu besides the heap).", (unsigned long)use.state,
              (unsigned long)use.tables, (unsigned long)use.stack,
              (unsigned long)(use.state + use.tables + use.stack));
    for (unsigned k = 0; k < CLR_TABLE_KINDS; k++)
        board_log("nfclr: tables: %s %lu.", clr_table_kind_name((enum clr_table_kind)k),
                  (unsigned long)use.table_kind[k]);
}

int main(void)
{
    const uint8_t *partition = (const uint8_t *)(uintptr_t)PM_MANAGED_DEPLOY_ADDRESS;
    const uint32_t magic = rd32(partition);
    const uint32_t header_size = (uint32_t)partition[8] | (uint32_t)partition[9] << 8;
    board_log("nfclr: started, C# deployment at 0x%08lx, runtime RAM %lu bytes.",
              (unsigned long)(PM_MANAGED_DEPLOY_ADDRESS + MCUBOOT_HEADER_SIZE), (unsigned long)sizeof clr_ram);
    if (magic != MCUBOOT_MAGIC || header_size != MCUBOOT_HEADER_SIZE) {
        board_log("nfclr: managed_deploy at 0x%08lx holds no MCUboot image header (magic 0x%08lx, header size 0x%lx; "
                  "expected 0x%08lx and 0x%lx): write the signed deployment (image 3) there first.",
                  (unsigned long)PM_MANAGED_DEPLOY_ADDRESS, (unsigned long)magic, (unsigned long)header_size,
                  (unsigned long)MCUBOOT_MAGIC, (unsigned long)MCUBOOT_HEADER_SIZE);
        return BOARD_EXIT_HALTED;
    }
    struct clr_config cfg = {
        .image = partition + MCUBOOT_HEADER_SIZE,
        .image_size = PM_MANAGED_DEPLOY_SIZE - MCUBOOT_HEADER_SIZE, /* the partition's end bounds the walk */
        .ram = clr_ram,
        .ram_size = sizeof clr_ram,
        .max_call_depth = NFCLR_CALL_DEPTH,
        .stack_slots = NFCLR_STACK_SLOTS,
        .hal = {.console_write = console_write, .log_line = log_line, .ctx = NULL},
    };
    nfclr_board_setup(&cfg);
    struct clr_runtime *rt = NULL;
    enum clr_result result = clr_load(&cfg, &rt);
    if (result == CLR_OK) {
        log_load_ram(rt);
        result = clr_run(rt);
    }
    if (result == CLR_NO_ENTRY_POINT) /* a test assembly: its unit tests, one line each, then the summary */
        result = clr_run_tests(rt, NULL);
    if (line_len > 0)
        flush_line();
    if (rt != NULL) {
        const struct clr_memory_use use = clr_memory_use(rt);
        board_log("nfclr: RAM %lu bytes: tables %lu, stack %lu, heap %lu of %lu used.", (unsigned long)sizeof clr_ram,
                  (unsigned long)use.tables, (unsigned long)use.stack, (unsigned long)use.heap_used,
                  (unsigned long)use.heap_size);
    }
    board_log("nfclr: ended (%s).", clr_result_text(result));
    if (result == CLR_OK)
        return BOARD_EXIT_OK;
    return result == CLR_UNHANDLED_EXCEPTION || result == CLR_TESTS_FAILED ? BOARD_EXIT_FAULT : BOARD_EXIT_HALTED;
}
