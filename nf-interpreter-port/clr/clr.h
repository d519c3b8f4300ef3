/*
 * The IL runtime: loads a deployment image (DEPLOYMENT_FORMAT.md) where it lies, in flash, and runs its
 * entry point with an interpreter.
 *
 *   static uint8_t ram[96 * 1024];
 *   struct clr_config cfg = {.image = deploy, .image_size = deploy_len, .ram = ram, .ram_size = sizeof ram,
 *                            .hal = {.console_write = uart_write, .log_line = uart_line}};
 *   struct clr_runtime *rt;
 *   if (clr_load(&cfg, &rt) == CLR_OK)
 *       result = clr_run(rt);
 *
 * No malloc: the runtime's state, the tables built at load, the call stack and the managed heap all live
 * in cfg.ram, which must stay valid (as must the image) until the runtime is no longer used. Not
 * thread-safe: one caller at a time per runtime. Each refusal and each unhandled exception is reported as
 * log lines through the HAL; console output of the program goes through console_write.
 */
#ifndef CLR_H
#define CLR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum clr_result {
    CLR_OK = 0,                  /* loaded / the entry point returned */
    CLR_REFUSED = 1,             /* the image failed a load check (logged); nothing runs */
    CLR_UNHANDLED_EXCEPTION = 2, /* the program stopped on an exception (logged with its stack trace) */
    CLR_NOT_LOADED = 3,          /* clr_run without a loaded runtime, or a second clr_run */
    CLR_DEADLOCK = 4,            /* every thread waits for something nothing can give (logged) */
    CLR_NO_ENTRY_POINT = 5,      /* clr_run of an app without Main (a test assembly; logged): clr_run_tests may run */
    CLR_TESTS_FAILED = 6         /* clr_run_tests: at least one test failed */
};

/* What the board gives the runtime. */
struct clr_hal {
    /* Program output (System.Console), UTF-8, not NUL-terminated. */
    void (*console_write)(void *ctx, const char *utf8, size_t len);
    /* One diagnostic line (refusals, unhandled exceptions), NUL-terminated, without a newline. */
    void (*log_line)(void *ctx, const char *line);
    /* Optional clock: the current UTC time in .NET ticks (100 ns since 0001-01-01), for DateTime.UtcNow.
     * NULL: reading the time stops the program with NotSupportedException. */
    int64_t (*utc_now_ticks)(void *ctx);
    /* Milliseconds since any fixed point (Thread.Sleep, timeouts, timers). NULL: a virtual clock that jumps
     * to the next deadline whenever every thread waits (deterministic; what tests want). */
    uint64_t (*now_ms)(void *ctx);
    /* Called when every thread waits: sleep until until_ms (CLR_HAL_FOREVER: until an interrupt) or until
     * clr_post_event is called. NULL: nothing to wait for but deadlines (see now_ms). */
    void (*idle)(void *ctx, uint64_t until_ms);
    void *ctx;
};

#define CLR_HAL_FOREVER UINT64_MAX

struct clr_native_assembly; /* clr_internal.h: an assembly's internal calls, sorted by canonical name */

struct clr_config {
    const uint8_t *image; /* the first assembly; run in place, never copied */
    size_t image_size;    /* bytes available from image (the partition's end bounds the walk) */
    void *ram;            /* runtime state + load tables + call stack + managed heap (the rest) */
    size_t ram_size;
    uint32_t max_call_depth; /* frames; deeper calls throw StackOverflowException. 0: CLR_DEFAULT_CALL_DEPTH */
    uint32_t stack_slots;    /* evaluation stack, arguments and locals, 16 bytes each. 0: CLR_DEFAULT_STACK_SLOTS */
    uint32_t thread_call_depth;  /* the same for each started thread (its stack comes from the managed heap). */
    uint32_t thread_stack_slots; /* 0: CLR_DEFAULT_THREAD_CALL_DEPTH / CLR_DEFAULT_THREAD_STACK_SLOTS */
    /* The board's libraries of internal calls (nanoFramework.Hardware.Nrf, ...), besides mscorlib's. */
    const struct clr_native_assembly *const *natives;
    uint32_t native_count;
    struct clr_hal hal;
    uint8_t gc_stress;       /* tests: collect before every allocation and verify the heap after each collection */
};

#define CLR_DEFAULT_CALL_DEPTH 64u
#define CLR_DEFAULT_STACK_SLOTS 1024u
#define CLR_DEFAULT_THREAD_CALL_DEPTH 32u
#define CLR_DEFAULT_THREAD_STACK_SLOTS 256u

struct clr_runtime;

/*
 * Walks the image, performs every check of the format's "Checks at load", resolves references and binds
 * internal calls. CLR_OK: *rt is the runtime, placed at the start of cfg->ram. CLR_REFUSED: the reason was
 * logged (one line) and *rt is NULL.
 */
enum clr_result clr_load(const struct clr_config *cfg, struct clr_runtime **rt);

/*
 * Runs the entry point (static void Main(), or static int Main() whose value is dropped) to its end.
 * Runs once per load.
 */
enum clr_result clr_run(struct clr_runtime *rt);

/*
 * Queues a native event (a GPIO edge, a BLE notification...) for the managed side, where a thread waiting
 * in NativeEventQueue.WaitForEvent gets it. Callable from one interrupt priority (or with the others
 * masked) while the runtime runs. false: the queue was full and the event is lost; the loss is counted
 * and logged by the runtime, never silent.
 */
bool clr_post_event(struct clr_runtime *rt, uint32_t source, uint32_t data0, uint32_t data1);

struct clr_test_summary {
    uint32_t passed, failed, skipped;
};

/*
 * Runs the app's unit tests (the Test table, DEPLOYMENT_FORMAT.md) instead of its entry point: per test its
 * class's Setup, the test, its Cleanup, each test (and DataRow) in table order, one console line per test
 * ("PASS App.Tests.Adds(1, 2)", "FAIL ...: <exception type>: <message>", "SKIP ...") and a closing
 * "N passed, N failed" line (", N skipped" when any). CLR_OK when none failed, CLR_TESTS_FAILED otherwise;
 * CLR_DEADLOCK when every thread blocked during a test (logged; that test fails, the rest do not run);
 * CLR_NOT_LOADED as clr_run. Runs once per load, instead of clr_run (or after it returned CLR_NO_ENTRY_POINT).
 * summary may be NULL.
 */
enum clr_result clr_run_tests(struct clr_runtime *rt, struct clr_test_summary *summary);

/* What the load-time tables in RAM hold, per kind (clr_memory_use). */
enum clr_table_kind {
    CLR_TABLE_REF_TARGETS,  /* resolved AssemblyRefs, TypeRefs, FieldRefs, MethodRefs */
    CLR_TABLE_TYPE_INFOS,   /* per TypeDef: vtable reference and size, instance field count, value kind */
    CLR_TABLE_VTABLES,      /* MethodDef handles by slot, per type that declares virtual methods */
    CLR_TABLE_METHOD_SLOTS, /* per MethodDef: its vtable slot */
    CLR_TABLE_FIELD_INFOS,  /* per FieldDef: slot, owner, element type */
    CLR_TABLE_STATICS,      /* one slot per static field with storage */
    CLR_TABLE_TYPE_INIT,    /* per TypeDef: its type initialiser's state */
    CLR_TABLE_LITERALS,     /* per distinct ldstr literal: its string once made */
    CLR_TABLE_ALIGNMENT,    /* padding between tables (each starts 8-byte aligned) */
    CLR_TABLE_KINDS
};

/* "ref targets", "type infos", ... */
const char *clr_table_kind_name(enum clr_table_kind kind);

struct clr_memory_use {
    size_t state;       /* the runtime's own state (struct clr_runtime) */
    size_t tables;      /* built at load (the sum of table_kind) */
    size_t table_kind[CLR_TABLE_KINDS]; /* bytes per kind */
    size_t stack;       /* frames and slots reserved for the call stack */
    size_t heap_size;   /* what remains for managed objects */
    size_t heap_used;   /* in blocks now (live, or dead until the next collection) */
    uint32_t collections;
    uint64_t bytes_freed; /* by all collections */
    size_t live_bytes;    /* in use after the last collection */
    uint32_t mark_rescans; /* heap walks for blocks the mark stack had no room for (deep or wide structures) */
};

struct clr_memory_use clr_memory_use(const struct clr_runtime *rt);

/* Short English text of a result, for tools. */
const char *clr_result_text(enum clr_result result);

#endif /* CLR_H */
