/*
 * Arithmetic, logic, shift and comparison opcodes with ECMA-335 operand rules and .NET's results.
 * Values marked (.NET) were printed by .NET 10 on this machine running the same opcode in a
 * DynamicMethod; the others follow from two's complement or IEEE 754 arithmetic.
 */
#include <math.h>

#include "arith_case.h"
#include "harness.h"

#define MIN32 INT32_MIN
#define MAX32 INT32_MAX

TEST(int32_add_sub_mul_wrap)
{
    CHECK_BINARY(CEE_ADD, I4(MAX32), I4(1), V_I4, "-2147483648");
    CHECK_BINARY(CEE_ADD, I4(-5), I4(3), V_I4, "-2");
    CHECK_BINARY(CEE_SUB, I4(MIN32), I4(1), V_I4, "2147483647");
    CHECK_BINARY(CEE_MUL, I4(65536), I4(65536), V_I4, "0");
    CHECK_BINARY(CEE_MUL, I4(123456789), I4(1000), V_I4, "-1097262584");
    CHECK_BINARY(CEE_MUL, I4(-3), I4(7), V_I4, "-21");
}

TEST(int32_division_and_remainder)
{
    CHECK_BINARY(CEE_DIV, I4(-7), I4(2), V_I4, "-3"); /* (.NET) */
    CHECK_BINARY(CEE_DIV, I4(7), I4(-2), V_I4, "-3");
    CHECK_BINARY(CEE_DIV, I4(-8), I4(-1), V_I4, "8"); /* (.NET) */
    CHECK_BINARY(CEE_DIV, I4(7), I4(0), V_I4, "System.DivideByZeroException");
    CHECK_BINARY(CEE_DIV, I4(MIN32), I4(-1), V_I4, "System.OverflowException"); /* (.NET) */
    CHECK_BINARY(CEE_REM, I4(-7), I4(2), V_I4, "-1");                          /* (.NET) */
    CHECK_BINARY(CEE_REM, I4(7), I4(-2), V_I4, "1");
    CHECK_BINARY(CEE_REM, I4(7), I4(0), V_I4, "System.DivideByZeroException");
    CHECK_BINARY(CEE_REM, I4(MIN32), I4(-1), V_I4, "System.OverflowException"); /* (.NET) */
    CHECK_BINARY(CEE_DIV_UN, I4(-7), I4(2), V_I4, "2147483644");                /* (.NET) */
    CHECK_BINARY(CEE_DIV_UN, I4(MIN32), I4(-1), V_I4, "0");                     /* (.NET) */
    CHECK_BINARY(CEE_DIV_UN, I4(7), I4(0), V_I4, "System.DivideByZeroException");
    CHECK_BINARY(CEE_REM_UN, I4(-7), I4(2), V_I4, "1");            /* (.NET) */
    CHECK_BINARY(CEE_REM_UN, I4(MIN32), I4(-1), V_I4, "-2147483648"); /* (.NET) */
    CHECK_BINARY(CEE_REM_UN, I4(-8), I4(-1), V_I4, "-8");          /* (.NET) 0xFFFFFFF8 */
}

TEST(int32_logic_and_shifts_mask_the_count)
{
    CHECK_BINARY(CEE_AND, I4(0xF0F0), I4(0xFF00), V_I4, "61440");
    CHECK_BINARY(CEE_OR, I4(0xF0F0), I4(0x0F00), V_I4, "65520");
    CHECK_BINARY(CEE_XOR, I4(-1), I4(0x0F), V_I4, "-16");
    CHECK_UNARY(CEE_NOT, I4(0), V_I4, "-1");
    CHECK_UNARY(CEE_NEG, I4(MIN32), V_I4, "-2147483648");
    CHECK_UNARY(CEE_NEG, I4(5), V_I4, "-5");
    CHECK_BINARY(CEE_SHL, I4(1), I4(33), V_I4, "2");      /* (.NET): count & 31 */
    CHECK_BINARY(CEE_SHL, I4(1), I4(32), V_I4, "1");      /* (.NET) */
    CHECK_BINARY(CEE_SHL, I4(-7), I4(2), V_I4, "-28");    /* (.NET) */
    CHECK_BINARY(CEE_SHL, I4(MIN32), I4(-1), V_I4, "0");  /* (.NET) */
    CHECK_BINARY(CEE_SHR, I4(MIN32), I4(-1), V_I4, "-1"); /* (.NET) */
    CHECK_BINARY(CEE_SHR, I4(-7), I4(2), V_I4, "-2");     /* (.NET) */
    CHECK_BINARY(CEE_SHR, I4(1), I4(33), V_I4, "0");      /* (.NET) */
    CHECK_BINARY(CEE_SHR, I4(1), I4(32), V_I4, "1");      /* (.NET) */
    CHECK_BINARY(CEE_SHR_UN, I4(MIN32), I4(-1), V_I4, "1");      /* (.NET) */
    CHECK_BINARY(CEE_SHR_UN, I4(-7), I4(2), V_I4, "1073741822"); /* (.NET) */
    CHECK_BINARY(CEE_SHR_UN, I4(-8), I4(-1), V_I4, "1");         /* (.NET) */
}

TEST(int32_overflow_checked_forms)
{
    CHECK_BINARY(CEE_ADD_OVF, I4(MIN32), I4(-1), V_I4, "System.OverflowException"); /* (.NET) */
    CHECK_BINARY(CEE_ADD_OVF, I4(1), I4(33), V_I4, "34");
    CHECK_BINARY(CEE_ADD_OVF_UN, I4(-1), I4(1), V_I4, "System.OverflowException");
    CHECK_BINARY(CEE_ADD_OVF_UN, I4(MAX32), I4(1), V_I4, "-2147483648");
    CHECK_BINARY(CEE_SUB_OVF, I4(MIN32), I4(1), V_I4, "System.OverflowException");
    CHECK_BINARY(CEE_SUB_OVF, I4(-5), I4(5), V_I4, "-10");
    CHECK_BINARY(CEE_SUB_OVF_UN, I4(0), I4(1), V_I4, "System.OverflowException");
    CHECK_BINARY(CEE_SUB_OVF_UN, I4(5), I4(3), V_I4, "2");
    CHECK_BINARY(CEE_MUL_OVF, I4(65536), I4(65536), V_I4, "System.OverflowException");
    CHECK_BINARY(CEE_MUL_OVF, I4(-46341), I4(46341), V_I4, "System.OverflowException");
    CHECK_BINARY(CEE_MUL_OVF, I4(46340), I4(-46340), V_I4, "-2147395600");
    CHECK_BINARY(CEE_MUL_OVF_UN, I4(-7), I4(2), V_I4, "System.OverflowException"); /* (.NET) */
    CHECK_BINARY(CEE_MUL_OVF_UN, I4(1), I4(33), V_I4, "33");                       /* (.NET) */
}

TEST(int64_arithmetic)
{
    CHECK_BINARY(CEE_ADD, I8(INT64_MAX), I8(1), V_I8, "-9223372036854775808");
    CHECK_BINARY(CEE_MUL, I8(4294967296LL), I8(4294967296LL), V_I8, "0");
    CHECK_BINARY(CEE_MUL, I8(-3037000500LL), I8(3037000500LL), V_I8, "9223372036709301616"); /* wraps past MinValue */
    CHECK_BINARY(CEE_DIV, I8(INT64_MIN), I8(-1), V_I8, "System.OverflowException"); /* (.NET) */
    CHECK_BINARY(CEE_REM, I8(INT64_MIN), I8(-1), V_I8, "System.OverflowException"); /* (.NET) */
    CHECK_BINARY(CEE_DIV, I8(7), I8(0), V_I8, "System.DivideByZeroException");      /* (.NET) */
    CHECK_BINARY(CEE_DIV, I8(-9000000000LL), I8(7), V_I8, "-1285714285");
    CHECK_BINARY(CEE_REM, I8(-9000000000LL), I8(7), V_I8, "-5");
    CHECK_BINARY(CEE_DIV_UN, I8(INT64_MIN), I8(-1), V_I8, "0");                       /* (.NET) */
    CHECK_BINARY(CEE_REM_UN, I8(INT64_MIN), I8(-1), V_I8, "-9223372036854775808");    /* (.NET) */
    CHECK_BINARY(CEE_REM_UN, I8(7), I8(0), V_I8, "System.DivideByZeroException");
    CHECK_BINARY(CEE_SHL, I8(1), I4(65), V_I8, "2");                                  /* (.NET) */
    CHECK_BINARY(CEE_SHL, I8(1), I4(64), V_I8, "1");                                  /* (.NET) */
    CHECK_BINARY(CEE_SHR, I8(-8), I4(-1), V_I8, "-1");                                /* (.NET) */
    CHECK_BINARY(CEE_SHR_UN, I8(-8), I4(-1), V_I8, "1");                              /* (.NET) */
    CHECK_BINARY(CEE_SHR, I8(1), I4(65), V_I8, "0");                                  /* (.NET) */
    CHECK_BINARY(CEE_ADD_OVF, I8(INT64_MIN), I8(-1), V_I8, "System.OverflowException"); /* (.NET) */
    CHECK_BINARY(CEE_MUL_OVF_UN, I8(INT64_MIN), I8(-1), V_I8, "System.OverflowException");
    CHECK_BINARY(CEE_SUB_OVF_UN, I8(1), I8(2), V_I8, "System.OverflowException");
    CHECK_UNARY(CEE_NEG, I8(INT64_MIN), V_I8, "-9223372036854775808");
    CHECK_UNARY(CEE_NOT, I8(0), V_I8, "-1");
    CHECK_BINARY(CEE_AND, I8(0x7FFFFFFF00000000LL), I8(-1), V_I8, "9223372032559808512");
}

TEST(native_int_mixes_with_int32)
{
    CHECK_BINARY(CEE_ADD, I4(5), NI(-7), V_I, "-2");
    CHECK_BINARY(CEE_ADD, NI(INT64_MAX), I4(1), V_I, "-9223372036854775808"); /* 64-bit native int on the host */
    CHECK_BINARY(CEE_MUL, NI(3000000000LL), I4(3), V_I, "9000000000");
    CHECK_BINARY(CEE_SHL, NI(1), I4(40), V_I, "1099511627776");
    CHECK_BINARY(CEE_DIV, NI(INT64_MIN), I4(-1), V_I, "System.OverflowException");
}

TEST(mixing_int32_and_int64_is_invalid_il)
{
    CHECK_BINARY(CEE_ADD, I4(1), I8(1), V_I8, "System.InvalidProgramException");
    CHECK_BINARY(CEE_ADD, I4(1), R8(1), V_R8, "System.InvalidProgramException");
    CHECK_BINARY(CEE_AND, R8(1), R8(1), V_R8, "System.InvalidProgramException");
    CHECK_BINARY(CEE_ADD, STR, I4(1), V_I4, "System.InvalidProgramException");
    CHECK_BINARY(CEE_SHL, I4(1), I8(1), V_I4, "System.InvalidProgramException");
    CHECK_UNARY(CEE_NOT, R8(1), V_R8, "System.InvalidProgramException");
    /* The message names the instruction, the method and the operand types. */
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    push_val(p, il, I4(1));
    push_val(p, il, I8(2));
    il_op(il, CEE_ADD);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.InvalidProgramException: Common Language Runtime detected an "
                         "invalid program. IL_000a add in App.Program::Main: int32 and int64.\n"
                         "   at App.Program.Main() IL_000a\n");
}

TEST(float64_arithmetic)
{
    CHECK_BINARY(CEE_ADD, R8(0.1), R8(0.2), V_R8, "0.30000000000000004");
    CHECK_BINARY(CEE_DIV, R8(1), R8(0), V_R8, "Infinity");   /* (.NET) */
    CHECK_BINARY(CEE_DIV, R8(-1), R8(0), V_R8, "-Infinity"); /* (.NET) */
    CHECK_BINARY(CEE_DIV, R8(0), R8(0), V_R8, "NaN");        /* (.NET) */
    CHECK_BINARY(CEE_REM, R8(5.5), R8(0), V_R8, "NaN");      /* (.NET) */
    CHECK_BINARY(CEE_REM, R8(-5.5), R8(2), V_R8, "-1.5");    /* (.NET) */
    CHECK_BINARY(CEE_REM, R8(5.5), R8(-2), V_R8, "1.5");     /* (.NET) */
    CHECK_BINARY(CEE_REM, R8(INFINITY), R8(2), V_R8, "NaN"); /* (.NET) */
    CHECK_BINARY(CEE_REM, R8(5), R8(INFINITY), V_R8, "5");   /* (.NET) */
    CHECK_BINARY(CEE_SUB, R8(INFINITY), R8(INFINITY), V_R8, "NaN");
    CHECK_BINARY(CEE_MUL, R8(1e308), R8(10), V_R8, "Infinity");
    CHECK_BINARY(CEE_MUL, R8(-1e-300), R8(1e-300), V_R8, "-0");
    CHECK_UNARY(CEE_NEG, R8(0), V_R8, "-0"); /* (.NET) */
    CHECK_UNARY(CEE_NEG, R8(-2.5), V_R8, "2.5");
}

TEST(float32_operands_compute_in_single_precision)
{
    CHECK_BINARY(CEE_DIV, R4(1), R4(3), V_R4, "0.33333334");
    CHECK_BINARY(CEE_DIV, R4(1), R4(3), V_R8, "0.3333333432674408"); /* the float32 quotient, widened (.NET) */
    CHECK_BINARY(CEE_ADD, R4(16777216), R4(1), V_R8, "16777216");    /* rounded to float32 */
    CHECK_BINARY(CEE_ADD, R4(0.1f), R4(0.2f), V_R4, "0.3");
    CHECK_BINARY(CEE_ADD, R4(0.1f), R8(0.2), V_R8, "0.30000000149011613"); /* one float64 operand: float64 */
    CHECK_BINARY(CEE_REM, R4(-5.5f), R4(2), V_R4, "-1.5");
    CHECK_BINARY(CEE_DIV, R4(1), R4(0), V_R4, "Infinity");
    CHECK_UNARY(CEE_NEG, R4(0), V_R4, "-0");
}

TEST(comparisons)
{
    CHECK_BINARY(CEE_CEQ, I4(1), I4(1), V_I4, "1");
    CHECK_BINARY(CEE_CEQ, I4(1), I4(2), V_I4, "0");
    CHECK_BINARY(CEE_CGT, I4(-1), I4(1), V_I4, "0");
    CHECK_BINARY(CEE_CGT_UN, I4(-1), I4(1), V_I4, "1");
    CHECK_BINARY(CEE_CLT, I4(-1), I4(1), V_I4, "1");
    CHECK_BINARY(CEE_CLT_UN, I4(-1), I4(1), V_I4, "0");
    CHECK_BINARY(CEE_CGT, I8(-1), I8(INT64_MIN), V_I4, "1");
    CHECK_BINARY(CEE_CLT_UN, I8(-1), I8(INT64_MIN), V_I4, "0");
    CHECK_BINARY(CEE_CEQ, I4(-1), NI(-1), V_I4, "1");
    CHECK_BINARY(CEE_CEQ, R8(NAN), R8(NAN), V_I4, "0");
    CHECK_BINARY(CEE_CGT, R8(NAN), R8(1), V_I4, "0");
    CHECK_BINARY(CEE_CGT_UN, R8(NAN), R8(1), V_I4, "1");
    CHECK_BINARY(CEE_CLT, R8(NAN), R8(1), V_I4, "0");
    CHECK_BINARY(CEE_CLT_UN, R8(1), R8(NAN), V_I4, "1");
    CHECK_BINARY(CEE_CEQ, R8(-0.0), R8(0.0), V_I4, "1");
    CHECK_BINARY(CEE_CLT, R4(0.1f), R8(0.1), V_I4, "0"); /* 0.1f is 0.100000001490116... > 0.1 */
    CHECK_BINARY(CEE_CGT, R4(0.1f), R8(0.1), V_I4, "1");
    CHECK_BINARY(CEE_CEQ, NUL, NUL, V_I4, "1");
    CHECK_BINARY(CEE_CGT_UN, STR, NUL, V_I4, "1"); /* "x != null" */
    CHECK_BINARY(CEE_CEQ, STR, NUL, V_I4, "0");
    CHECK_BINARY(CEE_CEQ, I4(1), I8(1), V_I4, "System.InvalidProgramException");
    CHECK_BINARY(CEE_CGT, STR, NUL, V_I4, "System.InvalidProgramException");
    CHECK_BINARY(CEE_CEQ, STR, I4(0), V_I4, "System.InvalidProgramException");
}
