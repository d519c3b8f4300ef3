/*
 * Minimal test harness for the native (host) tests.
 *
 *   TEST(erase_then_read_gives_ff) { CHECK_EQ(flash_erase(dev, 0, 4096), FLASH_OK); ... }
 *
 * Tests register themselves; harness.c supplies main(), which runs every test (or those whose name
 * contains argv[1]; `--list` prints the names) and ends with "<exe>: N passed, M failed".
 * A failing CHECK prints file:line and ends the current test at once (longjmp), so it also works
 * inside helper functions. Each test should be independent of the others.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdbool.h>
#include <stddef.h>

typedef void (*test_fn)(void);

void test_register(const char *name, test_fn fn);

/* Reports a failure and leaves the running test. */
_Noreturn void test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

void test_check_eq(const char *file, int line, const char *actual_expr, const char *expected_expr,
                   long long actual, long long expected);
void test_check_mem_eq(const char *file, int line, const char *actual_expr, const char *expected_expr,
                       const void *actual, const void *expected, size_t len);
void test_check_str_eq(const char *file, int line, const char *actual_expr, const char *expected_expr,
                       const char *actual, const char *expected);

void test_check_contains(const char *file, int line, const char *text_expr, const char *text, const char *part,
                         bool want);

/* Runs a shell command line; returns its exit code, its stdout + stderr in out (cut to out_len - 1). */
int test_run(const char *command, char *out, size_t out_len);

/*
 * A path inside a fresh per-run temporary directory, unique to the running test and `name`.
 * The string stays valid until the test ends; the directory and its files are removed at exit.
 */
const char *test_temp_path(const char *name);

/* Name of the running test (for messages). */
const char *test_current_name(void);

#define TEST(name)                                                                                 \
    static void name(void);                                                                        \
    __attribute__((constructor)) static void name##_register(void) { test_register(#name, name); } \
    static void name(void)

#define CHECK(cond)                                                     \
    do {                                                                \
        if (!(cond))                                                    \
            test_fail(__FILE__, __LINE__, "CHECK(%s) failed", #cond);   \
    } while (0)

/* Integer comparison; both values are printed on failure. */
#define CHECK_EQ(actual, expected) \
    test_check_eq(__FILE__, __LINE__, #actual, #expected, (long long)(actual), (long long)(expected))

/* Byte comparison; the first differing offset is printed on failure. */
#define CHECK_MEM_EQ(actual, expected, len) \
    test_check_mem_eq(__FILE__, __LINE__, #actual, #expected, (actual), (expected), (len))

#define CHECK_STR_EQ(actual, expected) \
    test_check_str_eq(__FILE__, __LINE__, #actual, #expected, (actual), (expected))

/* Substring checks of logs and messages; the whole text is printed on failure. */
#define CHECK_CONTAINS(text, part) test_check_contains(__FILE__, __LINE__, #text, (text), (part), true)
#define CHECK_NOT_CONTAINS(text, part) test_check_contains(__FILE__, __LINE__, #text, (text), (part), false)

#endif /* HARNESS_H */
