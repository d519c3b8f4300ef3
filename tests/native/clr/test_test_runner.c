/*
 * The unit-test runner (clr_run_tests): the Test table run in order with Setup and Cleanup, one line per
 * test, failures confined to their test (runtime exceptions, stack overflow, exceptions inside handlers),
 * DataRow arguments and their mismatches, classes without a parameterless constructor, no tests at all,
 * the load checks of the table, and damaged tables (refused or run safely).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

static const uint8_t void_instance_sig[] = {0, CLR_SIG_HASTHIS, 0, CLR_ELEM_VOID};

struct fixture {
    struct prog *p;
    uint16_t object;                     /* TypeRef System.Object */
    uint16_t err_ctor, skip_ctor;        /* App.Err(string), nanoFramework.TestFramework.SkipTestException(string) */
};

static uint16_t method(struct prog *p, const char *name, uint16_t flags, uint32_t sig, struct il *il)
{
    il_finish(il);
    const uint16_t m = ib_method_def(p->app, name, flags, 0, sig, IB_NONE, 16);
    ib_method_body(p->app, m, il->code, il->len);
    return m;
}

static uint16_t instance_method(struct prog *p, const char *name, struct il *il)
{
    return method(p, name, 0, ib_sig(p->app, void_instance_sig, sizeof void_instance_sig), il);
}

/* A method whose body prints `text` and returns. */
static uint16_t printing(struct prog *p, const char *name, const char *text)
{
    struct il il;
    il_reset(&il);
    if (text != NULL)
        prog_print_text(p, &il, text);
    il_op(&il, CEE_RET);
    return instance_method(p, name, &il);
}

/* An empty parameterless constructor for the open type. */
static uint16_t default_ctor(struct prog *p)
{
    return printing(p, ".ctor", NULL);
}

/* class <ns>.<name> { string _message; .ctor(string m) { _message = m; } } */
static uint16_t exception_class(struct fixture *fx, const char *ns, const char *name)
{
    struct prog *p = fx->p;
    ib_type_def(p->app, ns, name, 0, TOK_TYPE_REF(fx->object));
    const uint16_t field = ib_field_def(p->app, "_message", 0, ib_sig(p->app, SIG_BYTES(1, CLR_ELEM_STRING)));
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_LDARG_0);
    il_op(&il, CEE_LDARG_1);
    il_tok(&il, CEE_STFLD, TOK_FIELD_DEF(field));
    il_op(&il, CEE_RET);
    return method(p, ".ctor", 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 1, CLR_ELEM_VOID, CLR_ELEM_STRING)), &il);
}

static struct fixture fixture(void)
{
    struct fixture fx = {.p = prog_new()};
    fx.object = ib_type_ref(fx.p->app, fx.p->corlib_ref, "System", "Object");
    fx.err_ctor = exception_class(&fx, "App", "Err");
    fx.skip_ctor = exception_class(&fx, "nanoFramework.TestFramework", "SkipTestException");
    return fx;
}

/* A body that throws new <ctor>(text). */
static void emit_throw(struct prog *p, struct il *il, uint16_t ctor, const char *text)
{
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, text)));
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(ctor));
    il_op(il, CEE_THROW);
}

static uint16_t throwing(struct fixture *fx, const char *name, uint16_t ctor, const char *text)
{
    struct il il;
    il_reset(&il);
    emit_throw(fx->p, &il, ctor, text);
    return instance_method(fx->p, name, &il);
}

/* class App.Tests with a parameterless constructor; the methods defined next belong to it. */
static uint16_t tests_class(struct fixture *fx)
{
    const uint16_t type = ib_type_def(fx->p->app, "App", "Tests", 0, TOK_TYPE_REF(fx->object));
    default_ctor(fx->p);
    return type;
}

static void test_row(struct prog *p, uint16_t type, uint16_t m, uint16_t setup, uint16_t cleanup, uint32_t args)
{
    uint8_t *row = ib_row(p->app, CLR_TBL_TEST, p->app->count[CLR_TBL_TEST]++);
    ib_put16(row + CLR_TEST_CLASS, type);
    ib_put16(row + CLR_TEST_METHOD, m);
    ib_put16(row + CLR_TEST_SETUP, setup);
    ib_put16(row + CLR_TEST_CLEANUP, cleanup);
    ib_put32(row + CLR_TEST_ARGS, args);
}

static const struct run *run_tests(struct prog *p)
{
    const struct run_options options = {.tests = true};
    return prog_run_with(p, &options);
}

TEST(pass_fail_and_skip_lines_then_the_summary)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t type = tests_class(&fx);
    const uint16_t passes = printing(p, "Passes", "in test\n");
    const uint16_t fails = throwing(&fx, "Fails", fx.err_ctor, "boom");
    const uint16_t skips = throwing(&fx, "Skips", fx.skip_ctor, "later");
    test_row(p, type, passes, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, fails, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, skips, 0xFFFF, 0xFFFF, IB_NONE);
    const struct run *r = run_tests(p);
    CHECK_STR_EQ(r->out, "in test\n"
                         "PASS App.Tests.Passes\n"
                         "FAIL App.Tests.Fails: App.Err: boom\n"
                         "SKIP App.Tests.Skips: nanoFramework.TestFramework.SkipTestException: later\n"
                         "1 passed, 1 failed, 1 skipped\n");
    CHECK_EQ(r->result, CLR_TESTS_FAILED);
    CHECK_EQ(r->summary.passed, 1u);
    CHECK_EQ(r->summary.failed, 1u);
    CHECK_EQ(r->summary.skipped, 1u);
    CHECK_STR_EQ(r->log, "");
}

TEST(setup_and_cleanup_around_each_test_and_an_exception_in_setup_fails_only_that_test)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t good = ib_type_def(p->app, "App", "Good", 0, TOK_TYPE_REF(fx.object));
    default_ctor(p);
    const uint16_t setup = printing(p, "Setup", "setup ");
    const uint16_t cleanup = printing(p, "Cleanup", "cleanup\n");
    const uint16_t one = printing(p, "One", "one ");
    const uint16_t two = printing(p, "Two", "two ");
    const uint16_t bad = ib_type_def(p->app, "App", "BadSetup", 0, TOK_TYPE_REF(fx.object));
    default_ctor(p);
    const uint16_t bad_setup = throwing(&fx, "Setup", fx.err_ctor, "no fixture");
    const uint16_t bad_cleanup = printing(p, "Cleanup", "bad cleanup ran\n");
    const uint16_t never = printing(p, "Never", "test ran\n");
    test_row(p, good, one, setup, cleanup, IB_NONE);
    test_row(p, bad, never, bad_setup, bad_cleanup, IB_NONE);
    test_row(p, good, two, setup, cleanup, IB_NONE);
    const struct run *r = run_tests(p);
    CHECK_STR_EQ(r->out, "setup one cleanup\n"
                         "PASS App.Good.One\n"
                         "FAIL App.BadSetup.Never: App.Err: no fixture\n"
                         "setup two cleanup\n"
                         "PASS App.Good.Two\n"
                         "2 passed, 1 failed\n");
}

TEST(an_exception_in_cleanup_fails_a_passing_test)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t type = tests_class(&fx);
    const uint16_t cleanup = throwing(&fx, "Cleanup", fx.err_ctor, "leak");
    const uint16_t passes = printing(p, "Passes", NULL);
    test_row(p, type, passes, 0xFFFF, cleanup, IB_NONE);
    CHECK_STR_EQ(run_tests(p)->out, "FAIL App.Tests.Passes: App.Err: leak\n0 passed, 1 failed\n");
}

/* Runtime exceptions, a stack overflow and a throw inside a catch handler leave the runtime clean. */
TEST(runtime_exceptions_fail_their_test_and_the_next_test_runs_clean)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t type = tests_class(&fx);
    struct il il;
    il_reset(&il);
    il_divide_by_zero(&il);
    il_op(&il, CEE_RET);
    const uint16_t divides = instance_method(p, "Divides", &il);
    /* Recurse(): Recurse() forever */
    const uint16_t recurse = (uint16_t)p->app->count[CLR_TBL_METHOD_DEF];
    il_reset(&il);
    il_op(&il, CEE_LDARG_0);
    il_tok(&il, CEE_CALL, TOK_METHOD_DEF(recurse));
    il_op(&il, CEE_RET);
    instance_method(p, "Recurse", &il);
    /* try { throw Err("a"); } catch (object) { throw Err("b"); } */
    il_reset(&il);
    emit_throw(p, &il, fx.err_ctor, "a");
    const uint32_t handler = il.len;
    il_op(&il, CEE_POP);
    emit_throw(p, &il, fx.err_ctor, "b");
    const uint32_t end = il.len;
    const uint16_t in_catch = instance_method(p, "ThrowsInCatch", &il);
    uint8_t *m = ib_row(p->app, CLR_TBL_METHOD_DEF, in_catch);
    ib_put16(m + CLR_METHODDEF_EH_FIRST, (uint16_t)p->app->count[CLR_TBL_EH]);
    ib_put16(m + CLR_METHODDEF_EH_COUNT, 1);
    uint8_t *c = ib_row(p->app, CLR_TBL_EH, p->app->count[CLR_TBL_EH]++);
    memset(c, 0, 24);
    ib_put32(c + 8, handler);
    ib_put32(c + 12, handler);
    ib_put32(c + 16, end);
    ib_put32(c + 20, TOK_TYPE_REF(fx.object));
    const uint16_t passes = printing(p, "Passes", "still fine ");
    test_row(p, type, divides, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, passes, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, recurse, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, passes, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, in_catch, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, passes, 0xFFFF, 0xFFFF, IB_NONE);
    const struct run_options options = {.tests = true, .max_depth = 50};
    const struct run *r = prog_run_with(p, &options);
    CHECK_STR_EQ(r->out, "FAIL App.Tests.Divides: System.DivideByZeroException: Attempted to divide by zero.\n"
                         "still fine PASS App.Tests.Passes\n"
                         "FAIL App.Tests.Recurse: System.StackOverflowException: Operation caused a stack overflow.\n"
                         "still fine PASS App.Tests.Passes\n"
                         "FAIL App.Tests.ThrowsInCatch: App.Err: b\n"
                         "still fine PASS App.Tests.Passes\n"
                         "3 passed, 3 failed\n");
}

/* A method printing the sum of its int arguments at `first` and the next one, then a space. */
static uint16_t summing(struct prog *p, const char *name, uint16_t flags, uint32_t sig, unsigned first)
{
    struct il il;
    il_reset(&il);
    il_op(&il, first);
    il_op(&il, first + 1);
    il_op(&il, CEE_ADD);
    prog_print_i4(p, &il);
    prog_print_text(p, &il, " ");
    il_op(&il, CEE_RET);
    return method(p, name, flags, sig, &il);
}

/* class App.Rows with a parameterless constructor and Add(int a, int b), which prints a + b. */
static uint16_t rows_class(struct fixture *fx, uint16_t *add)
{
    struct prog *p = fx->p;
    const uint16_t type = ib_type_def(p->app, "App", "Rows", 0, TOK_TYPE_REF(fx->object));
    default_ctor(p);
    *add = summing(p, "Add", 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 2, CLR_ELEM_VOID, CLR_ELEM_I4, CLR_ELEM_I4)),
                   CEE_LDARG_1);
    return type;
}

/* Add(int a, int b) prints a + b; Show(string, object, bool, char, double, long, string) prints its first. */
TEST(data_rows_pass_their_arguments_and_name_the_test_with_them)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    uint16_t add;
    const uint16_t type = rows_class(&fx, &add);
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_LDARG_0);
    prog_print_str(p, &il); /* the string argument arrives as a string object */
    prog_print_text(p, &il, " ");
    il_op(&il, CEE_RET);
    const uint16_t show = method(p, "Show", MA_STATIC, ib_sig(p->app, SIG_BYTES(0, 0, 7, CLR_ELEM_VOID, CLR_ELEM_STRING,
        CLR_ELEM_OBJECT, CLR_ELEM_BOOLEAN, CLR_ELEM_CHAR, CLR_ELEM_R8, CLR_ELEM_I8, CLR_ELEM_STRING)), &il);
    const uint16_t null_int = summing(p, "NullInt", MA_STATIC, ib_sig(p->app, SIG_BYTES(0, 0, 2, CLR_ELEM_VOID,
                                                                                       CLR_ELEM_I4, CLR_ELEM_I4)), CEE_LDARG_0);
    test_row(p, type, add, 0xFFFF, 0xFFFF, ib_sig(p->app, SIG_BYTES(4, 2, CLR_ELEM_I4, 1, 0, 0, 0, CLR_ELEM_I4, 0xFE, 0xFF, 0xFF, 0xFF)));
    test_row(p, type, add, 0xFFFF, 0xFFFF, ib_sig(p->app, SIG_BYTES(4, 2, CLR_ELEM_I4, 40, 0, 0, 0, CLR_ELEM_I4, 2, 0, 0, 0)));
    const uint32_t text = ib_string(p->app, "h\xC3\xA9");
    const uint32_t other = ib_string(p->app, "x");
    test_row(p, type, show, 0xFFFF, 0xFFFF,
             ib_sig(p->app, SIG_BYTES(4, 7, CLR_ELEM_STRING, SIG_TOKEN(text), CLR_ELEM_STRING, SIG_TOKEN(other), CLR_ELEM_BOOLEAN, 1,
                                      CLR_ELEM_CHAR, 0xE9, 0, CLR_ELEM_R8, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F,
                                      CLR_ELEM_I8, 0xFD, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, CLR_ELEM_OBJECT)));
    /* A string where an int goes; one argument for two parameters; null for ints gives zeros. */
    test_row(p, type, add, 0xFFFF, 0xFFFF, ib_sig(p->app, SIG_BYTES(4, 2, CLR_ELEM_STRING, SIG_TOKEN(other), CLR_ELEM_I4, 2, 0, 0, 0)));
    test_row(p, type, add, 0xFFFF, 0xFFFF, ib_sig(p->app, SIG_BYTES(4, 1, CLR_ELEM_I4, 2, 0, 0, 0)));
    test_row(p, type, add, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, null_int, 0xFFFF, 0xFFFF, ib_sig(p->app, SIG_BYTES(4, 2, CLR_ELEM_OBJECT, CLR_ELEM_I4, 5, 0, 0, 0)));
    const struct run *r = run_tests(p);
    CHECK_STR_EQ(r->out, "-1 PASS App.Rows.Add(1, -2)\n"
                         "42 PASS App.Rows.Add(40, 2)\n"
                         "h\xC3\xA9 PASS App.Rows.Show(\"h\xC3\xA9\", \"x\", True, '\xC3\xA9', 1.5, -3, null)\n"
                         "FAIL App.Rows.Add(\"x\", 2): System.ArgumentException: DataRow argument 1 (System.String) "
                         "does not fit the parameter's type.\n"
                         "FAIL App.Rows.Add(2): System.Reflection.TargetParameterCountException: Parameter count "
                         "mismatch.\n"
                         "FAIL App.Rows.Add: System.Reflection.TargetParameterCountException: Parameter count mismatch.\n"
                         "5 PASS App.Rows.NullInt(null, 5)\n"
                         "4 passed, 3 failed\n");
}

/* Fills(): new object[1] until the heap is full, to the last few bytes: no room for the message either. */
TEST(a_full_heap_fails_the_test_and_the_next_test_still_runs)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t type = tests_class(&fx);
    struct il il;
    il_reset(&il);
    const uint32_t loop = il_label(&il);
    il_mark(&il, loop);
    il_ldc_i4(&il, 1);
    il_tok(&il, CEE_NEWARR, TOK_TYPE_REF(fx.object));
    il_op(&il, CEE_POP);
    il_branch(&il, CEE_BR_S, loop);
    const uint16_t fills = instance_method(p, "Fills", &il);
    const uint16_t passes = printing(p, "Passes", NULL);
    test_row(p, type, fills, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, passes, 0xFFFF, 0xFFFF, IB_NONE);
    const struct run_options options = {.tests = true, .ram = 256 * 1024};
    CHECK_STR_EQ(prog_run_with(p, &options)->out,
                 "FAIL App.Tests.Fills: System.OutOfMemoryException: (no message: the heap is full)\n"
                 "PASS App.Tests.Passes\n"
                 "1 passed, 1 failed\n");
}

TEST(a_class_without_a_parameterless_constructor_fails_its_instance_tests)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t type = ib_type_def(p->app, "App", "NoCtor", 0, TOK_TYPE_REF(fx.object));
    method(p, ".ctor", 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 1, CLR_ELEM_VOID, CLR_ELEM_I4)),
           &(struct il){.code = {CEE_RET}, .len = 1});
    const uint16_t instance = printing(p, "Instance", "ran\n");
    struct il il;
    il_reset(&il);
    prog_print_text(p, &il, "static ran ");
    il_op(&il, CEE_RET);
    const uint16_t stat = method(p, "Static", MA_STATIC, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), &il);
    il_reset(&il);
    prog_print_text(p, &il, "static setup ");
    il_op(&il, CEE_RET);
    const uint16_t setup = method(p, "Setup", MA_STATIC, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), &il);
    test_row(p, type, instance, setup, 0xFFFF, IB_NONE);
    test_row(p, type, stat, setup, 0xFFFF, IB_NONE);
    CHECK_STR_EQ(run_tests(p)->out, "FAIL App.NoCtor.Instance: System.MissingMethodException: No parameterless "
                                    "constructor defined for type 'App.NoCtor'.\n"
                                    "static setup static ran PASS App.NoCtor.Static\n"
                                    "1 passed, 1 failed\n");
}

TEST(a_constructor_that_throws_fails_the_test)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t type = ib_type_def(p->app, "App", "Tests", 0, TOK_TYPE_REF(fx.object));
    throwing(&fx, ".ctor", fx.err_ctor, "ctor");
    const uint16_t t = printing(p, "T", "ran\n");
    test_row(p, type, t, 0xFFFF, 0xFFFF, IB_NONE);
    test_row(p, type, t, 0xFFFF, 0xFFFF, IB_NONE);
    CHECK_STR_EQ(run_tests(p)->out, "FAIL App.Tests.T: App.Err: ctor\nFAIL App.Tests.T: App.Err: ctor\n0 passed, 2 failed\n");
}

TEST(no_tests_at_all)
{
    struct prog *p = prog_new();
    const struct run *r = run_tests(p);
    CHECK_STR_EQ(r->out, "0 passed, 0 failed\n");
    CHECK_EQ(r->result, CLR_OK);
}

TEST(a_test_assembly_without_main_loads_and_clr_run_refuses_it)
{
    struct prog *p = prog_new();
    p->app->flags = CLR_ASSEMBLY_IS_APP;
    p->app->entry_point = IB_NONE;
    const struct run *r = prog_run(p);
    CHECK_EQ(r->load, CLR_OK);
    CHECK_EQ(r->result, CLR_NO_ENTRY_POINT);
    CHECK_STR_EQ(r->log, "assembly App has no entry point (Main), only tests: run them with clr_run_tests "
                         "(nfclr_sim --test)\n");
    CHECK_STR_EQ(run_tests(p)->out, "0 passed, 0 failed\n");
}

static void check_refused(struct prog *p, const char *expected)
{
    const struct run *r = run_tests(p);
    CHECK_EQ(r->load, CLR_REFUSED);
    CHECK_STR_EQ(r->out, "");
    CHECK_STR_EQ(r->log, expected);
}

TEST(the_load_refuses_malformed_test_rows)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    const uint16_t type = ib_type_def(p->app, "App", "Tests", 0, TOK_TYPE_REF(fx.object));
    const uint16_t t = printing(p, "T", NULL);
    test_row(p, (uint16_t)(type + 1), t, 0xFFFF, 0xFFFF, IB_NONE);
    check_refused(p, "assembly App: test 0: its class is not a TypeDef: the deployment image is corrupt; deploy it again\n");

    p->app->count[CLR_TBL_TEST] = 0;
    test_row(p, type, p->main, 0xFFFF, 0xFFFF, IB_NONE);
    check_refused(p, "assembly App: test 0: its method is not a MethodDef of its class: the deployment image is corrupt; "
                     "deploy it again\n");

    p->app->count[CLR_TBL_TEST] = 0;
    test_row(p, type, t, fx.err_ctor, 0xFFFF, IB_NONE);
    check_refused(p, "assembly App: test 0: its Setup or Cleanup is not a parameterless method of its class: the "
                     "deployment image is corrupt; deploy it again\n");

    p->app->count[CLR_TBL_TEST] = 0;
    test_row(p, type, t, 0xFFFF, 0xFFFF, ib_sig(p->app, SIG_BYTES(3, 0)));
    check_refused(p, "assembly App: test 0: its DataRow list is not a kind 4 blob: the deployment image is corrupt; "
                     "deploy it again\n");

    static const uint8_t bad_lists[][6] = {
        {4, 1, CLR_ELEM_CLASS, 0, 0, 0},           /* not a constant */
        {4, 1, CLR_ELEM_STRING, 0xF0, 0xFF, 0x7F}, /* string offset outside the table */
        {4, 2, CLR_ELEM_I4, 1, 0, 0},              /* past the end of the blob */
    };
    for (unsigned i = 0; i < sizeof bad_lists / sizeof bad_lists[0]; i++) {
        p->app->count[CLR_TBL_TEST] = 0;
        const uint32_t at = p->app->blob_len;
        test_row(p, type, t, 0xFFFF, 0xFFFF, ib_sig(p->app, bad_lists[i], i == 2 ? 6 : sizeof bad_lists[i]));
        check_refused(p, "assembly App: test 0: an argument of its DataRow list is malformed: the deployment image is "
                         "corrupt; deploy it again\n");
        p->app->blob_len = at;
    }
}

static void discard_console(void *ctx, const char *utf8, size_t len)
{
    (void)ctx;
    (void)utf8;
    (void)len;
}

/* Random bit flips in the Test table and the blob (DataRow lists) of an image: refused at load, or run to the
 * summary line without a crash (ASan and UBSan watch). */
TEST(damaged_test_tables_are_refused_or_run_safely)
{
    struct fixture fx = fixture();
    struct prog *p = fx.p;
    uint16_t add;
    const uint16_t type = rows_class(&fx, &add);
    const uint16_t setup = printing(p, "Setup", NULL);
    const uint32_t text = ib_string(p->app, "x");
    test_row(p, type, add, setup, 0xFFFF, ib_sig(p->app, SIG_BYTES(4, 2, CLR_ELEM_I4, 1, 0, 0, 0, CLR_ELEM_I4, 2, 0, 0, 0)));
    test_row(p, type, add, 0xFFFF, setup, ib_sig(p->app, SIG_BYTES(4, 2, CLR_ELEM_STRING, SIG_TOKEN(text), CLR_ELEM_OBJECT)));
    test_row(p, type, setup, 0xFFFF, 0xFFFF, IB_NONE);
    static uint8_t image[64 * 1024], damaged[64 * 1024];
    const size_t n = prog_image(p, image, sizeof image);
    const uint32_t app = ib_get32(image + 8);
    const uint32_t tests = app + ib_get32(image + app + 40 + 8 * CLR_TBL_TEST);
    const uint32_t blob = app + ib_get32(image + app + 40 + 8 * CLR_TBL_BLOB);
    const uint32_t blob_size = ib_get32(image + app + 44 + 8 * CLR_TBL_BLOB);
    void *ram = malloc(1u << 20);
    CHECK(ram != NULL);
    unsigned ran = 0, refused = 0;
    srand(7);
    for (int i = 0; i < 3000; i++) {
        memcpy(damaged, image, n);
        for (unsigned k = 0; k < 1u + (unsigned)rand() % 2; k++) {
            /* The rows, or the blob's last 24 bytes: the two DataRow lists (20 bytes) and a signature's end. */
            const size_t at = rand() % 2 ? tests + (size_t)rand() % 36 : blob + blob_size - 1 - (size_t)rand() % 24;
            damaged[at] ^= (uint8_t)(1u << (rand() % 8));
        }
        ib_fix_crc(damaged + app);
        const struct clr_config cfg = {.image = damaged, .image_size = n, .ram = ram, .ram_size = 1u << 20,
                                       .hal = {.console_write = discard_console}};
        struct clr_runtime *rt;
        if (clr_load(&cfg, &rt) != CLR_OK) {
            refused++;
            continue;
        }
        struct clr_test_summary summary;
        const enum clr_result result = clr_run_tests(rt, &summary);
        CHECK(result == CLR_OK || result == CLR_TESTS_FAILED);
        CHECK_EQ(summary.passed + summary.failed + summary.skipped, 3u);
        ran++;
    }
    free(ram);
    fprintf(stderr, "damaged test tables: %u ran, %u refused\n", ran, refused);
    CHECK(ran > 100 && refused > 100); /* both ends were exercised */
}

