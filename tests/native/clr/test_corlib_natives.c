/*
 * mscorlib's natives outside clr_corlib.c: String's constructors and copies (clr_corlib_text.c),
 * System.Math over libm and BitConverter's bit casts (clr_corlib_math.c). The constructors check their
 * arguments as .NET does; the copies' managed callers check theirs, the natives refuse bad ranges safely.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

#define CTOR_RANGE "System.String::.ctor(System.Char[],System.Int32,System.Int32)"
#define CTOR_CHARS "System.String::.ctor(System.Char[])"
#define CTOR_REPEAT "System.String::.ctor(System.Char,System.Int32)"
#define SUBSTRING "System.String::SubstringUnchecked(System.Int32,System.Int32)"
#define COPY_CHARS "System.String::CopyChars(System.Int32,System.Char[],System.Int32,System.Int32)"

/* Main gets one local: an array of three elements 'a', 'b', 'c' (a char[], or another type's array). */
static struct il *main_with_chars(struct prog *p, const char *elem_name, uint8_t elem)
{
    const uint8_t sig[] = {CLR_SIG_LOCALS, 1, CLR_ELEM_SZARRAY, elem};
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20, ib_sig(p->app, sig, sizeof sig));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 1;
    const uint32_t type = TOK_TYPE_REF(ib_type_ref(p->app, p->corlib_ref, "System", elem_name));
    ib_type_def(p->corlib, "System", elem_name, 0x109, 0); /* not in the fixture's corlib: make it */
    struct il *il = prog_main(p);
    il_ldc_i4(il, 3);
    il_tok(il, CEE_NEWARR, type);
    il_op(il, CEE_STLOC_0);
    for (int i = 0; i < 3; i++) {
        il_op(il, CEE_LDLOC_0);
        il_ldc_i4(il, i);
        il_ldc_i4(il, 'a' + i);
        il_op(il, elem == CLR_ELEM_CHAR ? 0x9D /* stelem.i2 */ : 0x9E /* stelem.i4 */);
    }
    return il;
}

/* new string(local 0, start, count) */
static void new_from_chars(struct prog *p, struct il *il, int32_t start, int32_t count)
{
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, start);
    il_ldc_i4(il, count);
    il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, CTOR_RANGE));
}

static const struct run *run_main(struct prog *p, struct il *il)
{
    il_op(il, CEE_RET);
    return prog_run(p);
}

TEST(string_constructors_copy_char_arrays_and_repeat_chars)
{
    struct prog *p = prog_new();
    struct il *il = main_with_chars(p, "Char", CLR_ELEM_CHAR);
    new_from_chars(p, il, 1, 2);
    prog_print_str(p, il);
    new_from_chars(p, il, 3, 0);
    prog_print_str(p, il);
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, CTOR_CHARS));
    prog_print_str(p, il);
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, CTOR_CHARS)); /* null: "" as .NET */
    il_tok(il, CEE_CALL, p->get_length);
    prog_print_i4(p, il);
    il_ldc_i4(il, '*');
    il_ldc_i4(il, 3);
    il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, CTOR_REPEAT));
    prog_print_str(p, il);
    const struct run *r = run_main(p, il);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "bcabc0***");
}

TEST(string_constructors_refuse_bad_arguments_with_dotnets_exceptions)
{
    static const struct {
        int32_t start, count;
        const char *message;
    } cases[] = {
        {2, 2, "System.ArgumentOutOfRangeException: startIndex ('2') must be less than or equal to '1'. (Parameter "
               "'startIndex')\nActual value was 2."},
        {-1, 1, "System.ArgumentOutOfRangeException: startIndex ('-1') must be a non-negative value. (Parameter "
                "'startIndex')\nActual value was -1."},
        {0, -1, "System.ArgumentOutOfRangeException: length ('-1') must be a non-negative value. (Parameter "
                "'length')\nActual value was -1."},
        {0x7FFFFFFF, 2, "startIndex ('2147483647') must be less than or equal to '1'."},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct prog *p = prog_new();
        struct il *il = main_with_chars(p, "Char", CLR_ELEM_CHAR);
        new_from_chars(p, il, cases[i].start, cases[i].count);
        prog_print_str(p, il);
        const struct run *r = run_main(p, il);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, cases[i].message);
        CHECK_STR_EQ(r->out, "");
    }

    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_op(il, CEE_LDNULL);
    il_ldc_i4(il, 0);
    il_ldc_i4(il, 0);
    il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, CTOR_RANGE));
    const struct run *r = run_main(p, il);
    CHECK_CONTAINS(r->log, "Unhandled exception: System.ArgumentNullException: Value cannot be null. (Parameter 'value')");

    p = prog_new();
    il = prog_main(p);
    il_ldc_i4(il, 'x');
    il_ldc_i4(il, -1);
    il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, CTOR_REPEAT));
    r = run_main(p, il);
    CHECK_CONTAINS(r->log, "System.ArgumentOutOfRangeException: count ('-1') must be a non-negative value. "
                           "(Parameter 'count')\nActual value was -1.");
}

TEST(string_constructors_refuse_arrays_of_another_type)
{
    static const char *const ctors[] = {CTOR_RANGE, CTOR_CHARS};
    for (unsigned i = 0; i < 2; i++) {
        struct prog *p = prog_new();
        struct il *il = main_with_chars(p, "Int32", CLR_ELEM_I4);
        il_op(il, CEE_LDLOC_0);
        if (i == 0) {
            il_ldc_i4(il, 0);
            il_ldc_i4(il, 1);
        }
        il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, ctors[i]));
        const struct run *r = run_main(p, il);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, "invalid program. String's native received an array that is not a char[].");
    }
}

static void substring(struct prog *p, struct il *il, const char *text, int32_t start, int32_t count)
{
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, text)));
    il_ldc_i4(il, start);
    il_ldc_i4(il, count);
    il_tok(il, CEE_CALL, prog_corlib_call(p, SUBSTRING));
}

TEST(substrings_copy_their_range_and_refuse_one_outside_the_string)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    substring(p, il, "hello", 1, 3);
    prog_print_str(p, il);
    substring(p, il, "hello", 5, 0);
    prog_print_str(p, il);
    const struct run *r = run_main(p, il);
    CHECK_STR_EQ(r->out, "ell");

    static const int32_t ranges[][2] = {{4, 2}, {-1, 1}, {1, -1}, {6, 0}};
    for (unsigned i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        p = prog_new();
        il = prog_main(p);
        substring(p, il, "hello", ranges[i][0], ranges[i][1]);
        r = run_main(p, il);
        CHECK_CONTAINS(r->log, "Unhandled exception: System.IndexOutOfRangeException:");
    }

    p = prog_new();
    il = prog_main(p);
    il_op(il, CEE_LDNULL);
    il_ldc_i4(il, 0);
    il_ldc_i4(il, 0);
    il_tok(il, CEE_CALL, prog_corlib_call(p, SUBSTRING));
    r = run_main(p, il);
    CHECK_CONTAINS(r->log, "Unhandled exception: System.NullReferenceException:");
}

static void copy_chars(struct prog *p, struct il *il, int32_t source, int32_t dest, int32_t count)
{
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "xyz")));
    il_ldc_i4(il, source);
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, dest);
    il_ldc_i4(il, count);
    il_tok(il, CEE_CALL, prog_corlib_call(p, COPY_CHARS));
}

TEST(copy_chars_writes_into_the_array_and_refuses_ranges_outside_either)
{
    struct prog *p = prog_new();
    struct il *il = main_with_chars(p, "Char", CLR_ELEM_CHAR);
    copy_chars(p, il, 1, 0, 2);
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_NEWOBJ, prog_corlib_call(p, CTOR_CHARS));
    prog_print_str(p, il);
    const struct run *r = run_main(p, il);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "yzc");

    static const int32_t ranges[][3] = {{2, 0, 2}, {0, 2, 2}, {-1, 0, 1}, {0, -1, 1}, {0, 0, -1}};
    for (unsigned i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        p = prog_new();
        il = main_with_chars(p, "Char", CLR_ELEM_CHAR);
        copy_chars(p, il, ranges[i][0], ranges[i][1], ranges[i][2]);
        r = run_main(p, il);
        CHECK_CONTAINS(r->log, "Unhandled exception: System.IndexOutOfRangeException:");
    }

    p = prog_new();
    il = main_with_chars(p, "Int32", CLR_ELEM_I4);
    copy_chars(p, il, 0, 0, 1);
    r = run_main(p, il);
    CHECK_CONTAINS(r->log, "invalid program. String's native received an array that is not a char[].");
}

static void math_1(struct prog *p, struct il *il, const char *name, double x)
{
    char canonical[80];
    snprintf(canonical, sizeof canonical, "System.Math::%s(System.Double)", name);
    il_ldc_r8(il, x);
    il_tok(il, CEE_CALL, prog_corlib_call(p, canonical));
    prog_print_r8(p, il);
    prog_print_text(p, il, " ");
}

static void math_2(struct prog *p, struct il *il, const char *name, double x, double y)
{
    char canonical[80];
    snprintf(canonical, sizeof canonical, "System.Math::%s(System.Double,System.Double)", name);
    il_ldc_r8(il, x);
    il_ldc_r8(il, y);
    il_tok(il, CEE_CALL, prog_corlib_call(p, canonical));
    prog_print_r8(p, il);
    prog_print_text(p, il, " ");
}

/* The expected texts are what .NET 10 prints for the same Math calls on this machine. */
TEST(math_functions_give_dotnets_results)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    math_1(p, il, "Sqrt", 2.0);
    math_1(p, il, "Sqrt", -1.0);
    math_2(p, il, "Pow", 2.0, 10.0);
    math_2(p, il, "Pow", 0.0, -1.0);
    math_1(p, il, "Exp", 1.0);
    math_1(p, il, "Log", 10.0);
    math_1(p, il, "Log", 0.0);
    math_1(p, il, "Log10", 1000.0);
    math_1(p, il, "Sin", 1.0);
    math_1(p, il, "Cos", 1.0);
    math_1(p, il, "Tan", 1.0);
    math_1(p, il, "Asin", 1.0);
    math_1(p, il, "Acos", 0.5);
    math_1(p, il, "Atan", 1.0);
    math_2(p, il, "Atan2", -1.0, -1.0);
    math_1(p, il, "Floor", -2.5);
    math_1(p, il, "Ceiling", -2.5);
    math_1(p, il, "Truncate", -2.7);
    math_1(p, il, "Round", 2.5);
    math_1(p, il, "Round", 3.5);
    math_1(p, il, "Round", -0.5);
    const struct run *r = run_main(p, il);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "1.4142135623730951 NaN 1024 Infinity 2.718281828459045 2.302585092994046 -Infinity 3 "
                         "0.8414709848078965 0.5403023058681398 1.5574077246549023 1.5707963267948966 "
                         "1.0471975511965979 0.7853981633974483 -2.356194490192345 -3 -2 -2 2 4 -0 ");
}

TEST(bit_casts_keep_every_bit)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_ldc_r8(il, -1.5);
    il_tok(il, CEE_CALL, prog_corlib_call(p, "System.BitConverter::DoubleToInt64Bits(System.Double)"));
    il_op(il, CEE_DUP);
    prog_print_i8(p, il);
    prog_print_text(p, il, " ");
    il_tok(il, CEE_CALL, prog_corlib_call(p, "System.BitConverter::Int64BitsToDouble(System.Int64)"));
    prog_print_r8(p, il);
    prog_print_text(p, il, " ");
    il_ldc_r4(il, 1.0f);
    il_tok(il, CEE_CALL, prog_corlib_call(p, "System.BitConverter::SingleToInt32Bits(System.Single)"));
    il_op(il, CEE_DUP);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_tok(il, CEE_CALL, prog_corlib_call(p, "System.BitConverter::Int32BitsToSingle(System.Int32)"));
    prog_print_r4(p, il);
    const struct run *r = run_main(p, il);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "-4613937818241073152 -1.5 1065353216 1");
}


static int64_t clock_ticks;

static int64_t test_clock(void *ctx)
{
    (void)ctx;
    return clock_ticks;
}

static const struct run *read_clock(const struct run_options *options)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_tok(il, CEE_CALL, prog_corlib_call(p, "System.DateTime::GetUtcNowTicks()"));
    prog_print_i8(p, il);
    il_op(il, CEE_RET);
    return prog_run_with(p, options);
}

TEST(the_clock_comes_from_the_board_and_is_refused_when_missing_or_out_of_range)
{
    const struct run_options with_clock = {.utc_now_ticks = test_clock};
    clock_ticks = 638396640000000000; /* 2024-01-01 */
    const struct run *r = read_clock(&with_clock);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "638396640000000000");

    r = read_clock(NULL);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_CONTAINS(r->log, "System.NotSupportedException: DateTime.UtcNow: this board gives the runtime no clock.");

    static const int64_t bad[] = {-1, 3155378976000000000};
    for (unsigned i = 0; i < 2; i++) {
        clock_ticks = bad[i];
        r = read_clock(&with_clock);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, "outside DateTime's range.");
    }
}

/* this.<name>(needle, start, count) on "hello, hello" with a char or string needle (NULL: a null string). */
static void search(struct prog *p, struct il *il, const char *name, int needle_char, const char *needle, int32_t start,
                   int32_t count)
{
    char canonical[96];
    snprintf(canonical, sizeof canonical, "System.String::%s(System.%s,System.Int32,System.Int32)", name,
             needle_char != 0 ? "Char" : "String");
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "hello, hello")));
    if (needle_char != 0)
        il_ldc_i4(il, needle_char);
    else if (needle != NULL)
        il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, needle)));
    else
        il_op(il, CEE_LDNULL);
    il_ldc_i4(il, start);
    il_ldc_i4(il, count);
    il_tok(il, CEE_CALL, prog_corlib_call(p, canonical));
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
}

TEST(ordinal_searches_find_the_first_or_last_match_inside_their_window)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    search(p, il, "IndexOfUnchecked", 'l', NULL, 0, 12);
    search(p, il, "IndexOfUnchecked", 'l', NULL, 4, 6);
    search(p, il, "IndexOfUnchecked", 'z', NULL, 0, 12);
    search(p, il, "LastIndexOfUnchecked", 'l', NULL, 0, 12);
    search(p, il, "LastIndexOfUnchecked", 'l', NULL, 0, 10);
    search(p, il, "IndexOfUnchecked", 0, "llo", 0, 12);
    search(p, il, "IndexOfUnchecked", 0, "llo", 3, 9);
    search(p, il, "IndexOfUnchecked", 0, "llo", 9, 2); /* the window is shorter than the needle */
    search(p, il, "IndexOfUnchecked", 0, "", 5, 0);
    search(p, il, "LastIndexOfUnchecked", 0, "hello", 0, 12);
    search(p, il, "LastIndexOfUnchecked", 0, "hello", 0, 11);
    search(p, il, "LastIndexOfUnchecked", 0, "", 2, 3);
    const struct run *r = run_main(p, il);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "2 9 -1 10 9 2 9 -1 5 7 0 5 ");

    static const int32_t windows[][2] = {{-1, 1}, {0, 13}, {12, 1}, {0, -1}};
    for (unsigned i = 0; i < sizeof windows / sizeof windows[0]; i++) {
        p = prog_new();
        il = prog_main(p);
        search(p, il, i % 2 == 0 ? "IndexOfUnchecked" : "LastIndexOfUnchecked", 0, "l", windows[i][0], windows[i][1]);
        r = run_main(p, il);
        CHECK_CONTAINS(r->log, "Unhandled exception: System.IndexOutOfRangeException:");
    }

    p = prog_new();
    il = prog_main(p);
    search(p, il, "IndexOfUnchecked", 0, NULL, 0, 1);
    r = run_main(p, il);
    CHECK_CONTAINS(r->log, "Unhandled exception: System.NullReferenceException:");
}
