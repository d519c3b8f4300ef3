/* Runner for the tests declared with TEST(); see harness.h. */
#define _GNU_SOURCE /* mkdtemp, program_invocation_short_name */
#include "harness.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TESTS 512

struct test_case {
    const char *name;
    test_fn fn;
};

static struct test_case tests[MAX_TESTS];
static size_t test_count;
static const char *current_name;
static jmp_buf current_exit;

/* Paths handed out to the running test, freed when it ends. */
static char **temp_paths;
static size_t temp_path_count;
static char temp_dir[256];

void test_register(const char *name, test_fn fn)
{
    if (test_count == MAX_TESTS) {
        fprintf(stderr, "harness: more than %d tests in one executable\n", MAX_TESTS);
        exit(2);
    }
    tests[test_count++] = (struct test_case){name, fn};
}

const char *test_current_name(void)
{
    return current_name;
}

_Noreturn void test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: %s: ", file, line, current_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    longjmp(current_exit, 1);
}

/* Decimal, plus hex for non-negative values (addresses, flash words). */
static void format_value(char *buf, size_t len, long long v)
{
    if (v < 0)
        snprintf(buf, len, "%lld", v);
    else
        snprintf(buf, len, "%lld (0x%llx)", v, (unsigned long long)v);
}

void test_check_eq(const char *file, int line, const char *actual_expr, const char *expected_expr,
                   long long actual, long long expected)
{
    if (actual == expected)
        return;
    char got[48], want[48];
    format_value(got, sizeof got, actual);
    format_value(want, sizeof want, expected);
    test_fail(file, line, "CHECK_EQ(%s, %s): got %s, expected %s", actual_expr, expected_expr, got, want);
}

void test_check_mem_eq(const char *file, int line, const char *actual_expr, const char *expected_expr,
                       const void *actual, const void *expected, size_t len)
{
    const unsigned char *a = actual, *e = expected;
    for (size_t i = 0; i < len; i++) {
        if (a[i] != e[i])
            test_fail(file, line, "CHECK_MEM_EQ(%s, %s, %zu): first difference at offset %zu: got 0x%02x, expected 0x%02x",
                      actual_expr, expected_expr, len, i, a[i], e[i]);
    }
}

void test_check_str_eq(const char *file, int line, const char *actual_expr, const char *expected_expr,
                       const char *actual, const char *expected)
{
    if (actual == NULL || expected == NULL || strcmp(actual, expected) != 0)
        test_fail(file, line, "CHECK_STR_EQ(%s, %s): got \"%s\", expected \"%s\"", actual_expr, expected_expr,
                  actual ? actual : "(null)", expected ? expected : "(null)");
}

void test_check_contains(const char *file, int line, const char *text_expr, const char *text, const char *part,
                         bool want)
{
    bool found = text != NULL && part != NULL && strstr(text, part) != NULL;
    if (found != want)
        test_fail(file, line, "%s %s \"%s\"; it was:\n%s", text_expr, want ? "lacks" : "has", part ? part : "(null)",
                  text ? text : "(null)");
}

int test_run(const char *command, char *out, size_t out_len)
{
    char line[8192];
    snprintf(line, sizeof line, "%s 2>&1", command);
    FILE *p = popen(line, "r");
    if (p == NULL)
        test_fail(__FILE__, __LINE__, "cannot run %s: %s", command, strerror(errno));
    size_t n = fread(out, 1, out_len - 1, p);
    out[n] = '\0';
    int status = pclose(p);
    if (!WIFEXITED(status))
        test_fail(__FILE__, __LINE__, "%s did not exit normally (status %d); output:\n%s", command, status, out);
    return WEXITSTATUS(status);
}

const char *test_temp_path(const char *name)
{
    if (temp_dir[0] == '\0') {
        const char *tmp = getenv("TMPDIR");
        snprintf(temp_dir, sizeof temp_dir, "%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", program_invocation_short_name);
        if (mkdtemp(temp_dir) == NULL)
            test_fail(__FILE__, __LINE__, "cannot create temporary directory %s: %s", temp_dir, strerror(errno));
    }
    size_t len = strlen(temp_dir) + strlen(current_name) + strlen(name) + 3;
    char *path = malloc(len);
    char **grown = realloc(temp_paths, (temp_path_count + 1) * sizeof *temp_paths);
    if (path == NULL || grown == NULL) {
        free(path);
        test_fail(__FILE__, __LINE__, "out of memory");
    }
    temp_paths = grown;
    snprintf(path, len, "%s/%s-%s", temp_dir, current_name, name);
    temp_paths[temp_path_count++] = path;
    return path;
}

static void free_temp_paths(void)
{
    for (size_t i = 0; i < temp_path_count; i++)
        free(temp_paths[i]);
    free(temp_paths);
    temp_paths = NULL;
    temp_path_count = 0;
}

/* Removes the temporary directory and what the tests left in it: files (sidecars too) and empty directories. */
static void remove_temp_dir(void)
{
    if (temp_dir[0] == '\0')
        return;
    DIR *dir = opendir(temp_dir);
    if (dir != NULL) {
        struct dirent *entry;
        char path[512];
        while ((entry = readdir(dir)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", temp_dir, entry->d_name);
            if (unlink(path) != 0)
                rmdir(path); /* an (empty) directory a test made */
        }
        closedir(dir);
    }
    rmdir(temp_dir);
}

int main(int argc, char **argv)
{
    /* Line-buffered, so the summary is out even if a sanitizer ends the process at exit. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    const char *filter = argc > 1 ? argv[1] : NULL;
    if (filter != NULL && strcmp(filter, "--list") == 0) {
        for (size_t i = 0; i < test_count; i++)
            puts(tests[i].name);
        return 0;
    }

    size_t passed = 0, failed = 0;
    /* Locals are not modified between setjmp and a failing CHECK's longjmp, so they stay valid. */
    for (size_t i = 0; i < test_count; i++) {
        if (filter != NULL && strstr(tests[i].name, filter) == NULL)
            continue;
        current_name = tests[i].name;
        if (setjmp(current_exit) == 0) {
            tests[i].fn();
            passed++;
        } else {
            failed++;
        }
        free_temp_paths();
    }
    remove_temp_dir();

    printf("%s: %zu passed, %zu failed\n", program_invocation_short_name, passed, failed);
    if (passed + failed == 0) {
        fprintf(stderr, "%s: no test matched\n", program_invocation_short_name);
        return 1;
    }
    return failed == 0 ? 0 : 1;
}
