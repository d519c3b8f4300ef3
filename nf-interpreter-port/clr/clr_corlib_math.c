/*
 * System.Math over the C library's libm (on the host the same glibc functions .NET calls on Linux, so the
 * printed results match), and BitConverter's reinterpretation of float bits as integers.
 */
#include <math.h>

#include "clr_corlib.h"

static enum clr_exception r8_result(struct clr_slot *result, double value)
{
    result->kind = CLR_K_R8;
    result->v.r8 = value;
    return CLR_EXC_NONE;
}

#define MATH_1(fn_name, libm)                                                                               \
    enum clr_exception fn_name(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)     \
    {                                                                                                       \
        (void)rt;                                                                                           \
        return r8_result(result, libm(args[0].v.r8));                                                      \
    }

#define MATH_2(fn_name, libm)                                                                               \
    enum clr_exception fn_name(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)     \
    {                                                                                                       \
        (void)rt;                                                                                           \
        return r8_result(result, libm(args[0].v.r8, args[1].v.r8));                                        \
    }

MATH_1(clr_math_acos, acos)
MATH_1(clr_math_asin, asin)
MATH_1(clr_math_atan, atan)
MATH_2(clr_math_atan2, atan2)
MATH_1(clr_math_ceiling, ceil)
MATH_1(clr_math_cos, cos)
MATH_1(clr_math_exp, exp)
MATH_1(clr_math_floor, floor)
MATH_1(clr_math_log, log)
MATH_1(clr_math_log10, log10)
MATH_2(clr_math_pow, pow)
MATH_1(clr_math_round, nearbyint) /* the default rounding mode: halves to even, as Math.Round(double) */
MATH_1(clr_math_sin, sin)
MATH_1(clr_math_sqrt, sqrt)
MATH_1(clr_math_tan, tan)
MATH_1(clr_math_truncate, trunc)

enum clr_exception clr_bits_double_to_int64(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    result->kind = CLR_K_I8;
    memcpy(&result->v.i8, &args[0].v.r8, sizeof(double));
    return CLR_EXC_NONE;
}

enum clr_exception clr_bits_int64_to_double(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    result->kind = CLR_K_R8;
    memcpy(&result->v.r8, &args[0].v.i8, sizeof(double));
    return CLR_EXC_NONE;
}

enum clr_exception clr_bits_single_to_int32(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    result->kind = CLR_K_I4;
    memcpy(&result->v.i4, &args[0].v.r4, sizeof(float));
    return CLR_EXC_NONE;
}

enum clr_exception clr_bits_int32_to_single(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    result->kind = CLR_K_R4;
    memcpy(&result->v.r4, &args[0].v.i4, sizeof(float));
    return CLR_EXC_NONE;
}
