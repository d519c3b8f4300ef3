/*
 * Number to text as .NET 10 prints it (invariant culture): the formatter against the texts .NET 10
 * produced on this machine (number_vectors.h), the internal calls end to end, and the firmware's
 * internal-call list and checksum.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arith_case.h"
#include "clr_internal.h"
#include "harness.h"

#include "number_vectors.h"

TEST(double_to_string_matches_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof double_vectors / sizeof double_vectors[0]; i++) {
        double d;
        memcpy(&d, &double_vectors[i].bits, sizeof d);
        char text[CLR_NUMBER_TEXT_MAX];
        const size_t n = clr_format_double(d, text);
        if (strcmp(text, double_vectors[i].text) != 0 || n != strlen(text)) {
            if (bad++ < 10)
                fprintf(stderr, "0x%016llx: got %s, .NET prints %s\n", (unsigned long long)double_vectors[i].bits,
                        text, double_vectors[i].text);
        }
    }
    CHECK_EQ(bad, 0);
}

TEST(single_to_string_matches_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof single_vectors / sizeof single_vectors[0]; i++) {
        float f;
        memcpy(&f, &single_vectors[i].bits, sizeof f);
        char text[CLR_NUMBER_TEXT_MAX];
        clr_format_single(f, text);
        if (strcmp(text, single_vectors[i].text) != 0 && bad++ < 10)
            fprintf(stderr, "0x%08x: got %s, .NET prints %s\n", (unsigned)single_vectors[i].bits, text,
                    single_vectors[i].text);
    }
    CHECK_EQ(bad, 0);
}

TEST(integer_to_string)
{
    char text[CLR_NUMBER_TEXT_MAX];
    clr_format_int64(INT64_MIN, text);
    CHECK_STR_EQ(text, "-9223372036854775808");
    clr_format_int64(INT64_MAX, text);
    CHECK_STR_EQ(text, "9223372036854775807");
    clr_format_int64(0, text);
    CHECK_STR_EQ(text, "0");
    clr_format_int64(-1, text);
    CHECK_STR_EQ(text, "-1");
    clr_format_uint64(UINT64_MAX, text);
    CHECK_STR_EQ(text, "18446744073709551615");
}

TEST(number_internal_calls_end_to_end)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    const struct {
        struct val v;
        uint32_t to_string;
    } cases[] = {
        {I4(INT32_MIN), p->i4_to_s},  {I4(-1), p->u4_to_s},        {I8(INT64_MIN), p->i8_to_s},
        {I8(-1), p->u8_to_s},         {R8(0.1), p->r8_to_s},       {R8(1e16), p->r8_to_s},
        {R8(1e17), p->r8_to_s},       {R8(1e-5), p->r8_to_s},      {R8(-0.0), p->r8_to_s},
        {R8(NAN), p->r8_to_s},        {R8(-INFINITY), p->r8_to_s}, {R4(1.0f / 3), p->r4_to_s},
        {R4(1e9f), p->r4_to_s},       {R4(1e8f), p->r4_to_s},      {R8(1.0 / 3), p->r8_to_s},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        push_val(p, il, cases[i].v);
        il_tok(il, CEE_CALL, cases[i].to_string);
        prog_print_str(p, il);
        prog_print_text(p, il, " ");
    }
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "-2147483648 4294967295 -9223372036854775808 18446744073709551615 0.1 10000000000000000 "
                         "1E+17 1E-05 -0 NaN -Infinity 0.33333334 1E+09 100000000 0.3333333333333333 ");
}

TEST(format_internal_calls_end_to_end)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_ldc_r8(il, 2.5);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "F0")));
    il_tok(il, CEE_CALL, p->format_double);
    prog_print_str(p, il);
    il_ldc_r4(il, 0.1f);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "E3")));
    il_tok(il, CEE_CALL, p->format_single);
    prog_print_str(p, il);
    il_ldc_i8(il, -1);
    il_ldc_i4(il, 8);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "X")));
    il_tok(il, CEE_CALL, p->format_integer);
    prog_print_str(p, il);
    il_ldc_i8(il, 5);
    il_ldc_i4(il, 32);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "#,##0.00;(0)")));
    il_tok(il, CEE_CALL, p->format_integer);
    prog_print_str(p, il);
    il_ldc_i8(il, 5);
    il_ldc_i4(il, 32);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "Z"))); /* an unknown format: null */
    il_tok(il, CEE_CALL, p->format_integer);
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_CEQ);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "21.000E-001FF5.001");
}

TEST(parse_without_an_out_argument_is_an_invalid_program)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "12")));
    il_ldc_i4(il, 7);
    il_ldc_i4(il, 32);
    il_ldc_i8(il, 0);
    il_tok(il, CEE_CALL, p->parse_integer);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_CONTAINS(r->log, "InvalidProgramException");
    CHECK_STR_EQ(r->out, "");
}

TEST(format_slice_cuts_and_refuses_ranges_outside_the_string)
{
    const int32_t ranges[][2] = {{1, 3}, {0, 0}, {5, 0}, {-1, 2}, {4, 2}, {0, 6}, {2, -1}};
    const char *const expected[] = {"ell", "", "", "IndexOutOfRangeException", "IndexOutOfRangeException",
                                    "IndexOutOfRangeException", "IndexOutOfRangeException"};
    for (unsigned i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        struct prog *p = prog_new();
        struct il *il = prog_main(p);
        il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "hello")));
        il_ldc_i4(il, ranges[i][0]);
        il_ldc_i4(il, ranges[i][1]);
        il_tok(il, CEE_CALL, p->format_slice);
        prog_print_str(p, il);
        il_op(il, CEE_RET);
        const struct run *r = prog_run(p);
        if (strstr(expected[i], "Exception") != NULL)
            CHECK_CONTAINS(r->log, expected[i]);
        else
            CHECK_STR_EQ(r->out, expected[i]);
    }
}

/* Convert.Base64 of `count` bytes 0xFB, 0xFF, 0xBF, 1, 2... (elem: the array's element type token name). */
static const struct run *base64_of(const char *elem, int32_t count)
{
    struct prog *p = prog_new();
    ib_type_def(p->corlib, "System", elem, 0x109, 0);
    const uint32_t elem_type = TOK_TYPE_REF(ib_type_ref(p->app, p->corlib_ref, "System", elem));
    struct il *il = prog_main(p);
    il_ldc_i4(il, count);
    il_tok(il, CEE_NEWARR, elem_type);
    static const int32_t bytes[] = {0xFB, 0xFF, 0xBF, 1, 2};
    for (int32_t i = 0; i < count && i < 5; i++) {
        il_op(il, CEE_DUP);
        il_ldc_i4(il, i);
        il_ldc_i4(il, bytes[i]);
        il_op(il, 0x9E); /* stelem.i4 */
    }
    il_tok(il, CEE_CALL, p->base64);
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    return prog_run(p);
}

TEST(base64_of_byte_arrays_and_refusals)
{
    CHECK_STR_EQ(base64_of("Byte", 0)->out, "");
    CHECK_STR_EQ(base64_of("Byte", 1)->out, "+w==");
    CHECK_STR_EQ(base64_of("Byte", 2)->out, "+/8=");
    CHECK_STR_EQ(base64_of("Byte", 3)->out, "+/+/");
    CHECK_STR_EQ(base64_of("Byte", 5)->out, "+/+/AQI=");
    CHECK_CONTAINS(base64_of("Int32", 2)->log, "InvalidProgramException");
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALL, p->base64);
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    CHECK_CONTAINS(prog_run(p)->log, "NullReferenceException");
}

TEST(firmware_internal_calls_are_sorted_and_checksummed_from_their_names)
{
    const struct clr_native_assembly *n = &clr_native_mscorlib;
    CHECK_STR_EQ(n->name, "mscorlib");
    CHECK(n->count >= 13);
    uint32_t crc = 0;
    for (uint32_t i = 0; i < n->count; i++) {
        if (i > 0)
            CHECK(strcmp(n->methods[i - 1].canonical_name, n->methods[i].canonical_name) < 0);
        crc = ib_crc32(crc, n->methods[i].canonical_name, strlen(n->methods[i].canonical_name));
        crc = ib_crc32(crc, "\n", 1);
    }
    CHECK_EQ(clr_native_checksum(n), crc);
    CHECK_STR_EQ(n->methods[0].canonical_name, "System.Array::GetValue(System.Int32)");
}
