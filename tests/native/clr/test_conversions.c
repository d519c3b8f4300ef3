/*
 * conv.* and conv.ovf.*: every float-to-integer conversion against the table .NET 10 produced on this
 * machine (conv_vectors.h), then integer sources, float targets and the conv.r.un + conv.r4 fusion, each
 * case against what .NET 10 printed for the same opcode.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "arith_case.h"
#include "clr_opcodes.h"
#include "harness.h"

#include "conv_vectors.h"

static enum val_kind result_kind(unsigned op)
{
    switch (op) {
    case CEE_CONV_I8: case CEE_CONV_U8: case CEE_CONV_OVF_I8: case CEE_CONV_OVF_U8: case CEE_CONV_OVF_I8_UN:
    case CEE_CONV_OVF_U8_UN:
        return V_I8;
    case CEE_CONV_I: case CEE_CONV_U: case CEE_CONV_OVF_I: case CEE_CONV_OVF_U: case CEE_CONV_OVF_I_UN:
    case CEE_CONV_OVF_U_UN:
        return V_I;
    default:
        return V_I4;
    }
}

TEST(float_to_integer_conversions_match_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof conv_vectors / sizeof conv_vectors[0]; i++) {
        const struct conv_vector *v = &conv_vectors[i];
        double input;
        memcpy(&input, &v->input, sizeof input);
        const enum val_kind kind = result_kind(v->opcode);
        char expected[48];
        if (v->result == CONV_OVERFLOW)
            strcpy(expected, "System.OverflowException");
        else if (kind == V_I4)
            snprintf(expected, sizeof expected, "%" PRId32, (int32_t)(uint32_t)v->result);
        else
            snprintf(expected, sizeof expected, "%" PRId64, (int64_t)v->result);

        struct prog *p = prog_new();
        struct il *il = prog_main(p);
        push_val(p, il, v->is_float32 ? R4(input) : R8(input));
        il_op(il, v->opcode);
        print_val(p, il, kind);
        il_op(il, CEE_RET);
        const struct run *r = prog_run(p);
        const bool ok = v->result == CONV_OVERFLOW
                            ? r->result == CLR_UNHANDLED_EXCEPTION &&
                                  strncmp(r->log, "Unhandled exception: System.OverflowException: Arithmetic operation "
                                                  "resulted in an overflow.\n", 86) == 0
                            : r->result == CLR_OK && strcmp(r->out, expected) == 0;
        if (!ok && bad++ < 10)
            fprintf(stderr, "%s of %s %.17g: expected %s, got \"%s\" / %s", clr_opcode_name(v->opcode),
                    v->is_float32 ? "float32" : "float64", input, expected, r->out, r->log);
    }
    CHECK_EQ(bad, 0);
}

TEST(integer_conversions_match_dotnet)
{
    /* All (.NET), printed as the program would: 32-bit results as int32, 64-bit as int64. */
    CHECK_UNARY(CEE_CONV_U8, I4(-1), V_I8, "4294967295"); /* zero-extends */
    CHECK_UNARY(CEE_CONV_I8, I4(-1), V_I8, "-1");
    CHECK_UNARY(CEE_CONV_U, I4(-1), V_I, "4294967295");
    CHECK_UNARY(CEE_CONV_I, I4(-1), V_I, "-1");
    CHECK_UNARY(CEE_CONV_I1, I4(200), V_I4, "-56");
    CHECK_UNARY(CEE_CONV_U1, I4(-1), V_I4, "255");
    CHECK_UNARY(CEE_CONV_I2, I4(40000), V_I4, "-25536");
    CHECK_UNARY(CEE_CONV_U2, I8(-1), V_I4, "65535");
    CHECK_UNARY(CEE_CONV_I4, I8(0x123456789LL), V_I4, "591751049");
    CHECK_UNARY(CEE_CONV_U4, I8(-2), V_I4, "-2");
    CHECK_UNARY(CEE_CONV_OVF_U4, I4(-1), V_I4, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_I4_UN, I4(-1), V_I4, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_U8, I4(-1), V_I8, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_U8_UN, I4(-1), V_I8, "4294967295");
    CHECK_UNARY(CEE_CONV_OVF_I8_UN, I8(-1), V_I8, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_U1_UN, I8(255), V_I4, "255");
    CHECK_UNARY(CEE_CONV_OVF_U1_UN, I8(256), V_I4, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_I1, I8(128), V_I4, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_I1, I8(-128), V_I4, "-128");
    CHECK_UNARY(CEE_CONV_OVF_I2, I4(-32769), V_I4, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_U2, I4(65535), V_I4, "65535");
    CHECK_UNARY(CEE_CONV_OVF_I4, I8(2147483648LL), V_I4, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_U4_UN, I8(4294967295LL), V_I4, "-1");
    CHECK_UNARY(CEE_CONV_OVF_I, I8(INT64_MIN), V_I, "-9223372036854775808");
    CHECK_UNARY(CEE_CONV_OVF_U, NI(-1), V_I, "System.OverflowException");
    CHECK_UNARY(CEE_CONV_OVF_U_UN, NI(-1), V_I, "-1");
}

TEST(conversions_to_floating_point_match_dotnet)
{
    CHECK_UNARY(CEE_CONV_R_UN, I4(-1), V_R8, "4294967295");               /* (.NET) */
    CHECK_UNARY(CEE_CONV_R_UN, I8(INT64_MIN), V_R8, "9.223372036854776E+18"); /* (.NET) */
    CHECK_UNARY(CEE_CONV_R4, I4(16777217), V_R4, "16777216");             /* (.NET) */
    CHECK_UNARY(CEE_CONV_R8, I8(INT64_MAX), V_R8, "9.223372036854776E+18"); /* (.NET) */
    CHECK_UNARY(CEE_CONV_R8, R4(0.1f), V_R8, "0.10000000149011612");      /* (.NET) */
    CHECK_UNARY(CEE_CONV_R4, R8(0.1), V_R4, "0.1");
    CHECK_UNARY(CEE_CONV_R4, R8(1e300), V_R4, "Infinity");
    CHECK_UNARY(CEE_CONV_R8, STR, V_R8, "System.InvalidProgramException");
    /* int64 to float32 rounds once (.NET gives bits 0x5E800001, i.e. 4.611686568183202E+18 widened). */
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_ldc_i8(il, 0x4000004000000001LL);
    il_op(il, CEE_CONV_R4);
    il_op(il, CEE_CONV_R8);
    prog_print_r8(p, il);
    il_op(il, CEE_RET);
    CHECK_STR_EQ(prog_run(p)->out, "4.611686568183202E+18");
}

TEST(conv_r_un_then_conv_r4_rounds_once_as_dotnet)
{
    /* (float)ulong: .NET 10 gives 0x5F000001 for 0x8000008000000001 (through double it would be 0x5F000000),
     * and 1.8446744E+19 for ulong.MaxValue. */
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_ldc_i8(il, (int64_t)0x8000008000000001ULL);
    il_op(il, CEE_CONV_R_UN);
    il_op(il, CEE_CONV_R4);
    il_op(il, CEE_CONV_R8);
    prog_print_r8(p, il);
    il_ldc_i8(il, -1);
    il_op(il, CEE_CONV_R_UN);
    il_op(il, CEE_CONV_R4);
    prog_print_r4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "9.223373136366404E+181.8446744E+19");
}
