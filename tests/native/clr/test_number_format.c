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
    CHECK_STR_EQ(n->methods[0].canonical_name, "System.Array::get_Length()");
}
