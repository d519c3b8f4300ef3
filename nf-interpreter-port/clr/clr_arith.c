/*
 * Numeric instructions with ECMA-335 operand rules (III.1.5, tables III.2 to III.9) and .NET's
 * observable results on x64:
 *  - int32 with int64 is invalid IL; int32 with native int gives native int; float32 with float32 is
 *    computed in single precision (as RyuJIT does), any float64 operand in double;
 *  - integer division by zero throws DivideByZeroException, MinValue / -1 and MinValue % -1 throw
 *    OverflowException; shift counts are masked to the operand width (x64 shl/sar/shr);
 *  - float to integer conversions saturate (.NET 9 and later on every platform): NaN gives 0, out of
 *    range gives the nearest bound; to 8 and 16 bits they saturate to int32 first, then truncate;
 *  - conv.ovf.* throw OverflowException for NaN and for values outside the target after truncation.
 * Every function leaves the result in *a (the lower stack slot) and never has undefined behaviour in C.
 */
#include "clr_internal.h"

#include <math.h>

#include "clr_opcodes.h"

#define NATIVE_BITS (CLR_NATIVE_INT_64 ? 64u : 32u)

static bool is_int(uint8_t k)
{
    return k == CLR_K_I4 || k == CLR_K_I8 || k == CLR_K_I;
}

static bool is_float(uint8_t k)
{
    return k == CLR_K_R4 || k == CLR_K_R8;
}

static double as_double(const struct clr_slot *s)
{
    return s->kind == CLR_K_R4 ? (double)s->v.r4 : s->v.r8;
}

const char *clr_kind_name(uint8_t kind)
{
    static const char *const names[] = {"nothing", "int32", "int64", "native int", "float32", "float64", "object", "managed pointer"};
    return kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

/* Signed value of an integer slot, sign-extended to 64 bits. */
static int64_t signed_value(const struct clr_slot *s)
{
    return s->kind == CLR_K_I4 ? (int64_t)s->v.i4 : s->v.i8;
}

/* Unsigned value of an integer slot in its own width. */
static uint64_t unsigned_value(const struct clr_slot *s)
{
    if (s->kind == CLR_K_I4)
        return (uint32_t)s->v.i4;
    if (s->kind == CLR_K_I && !CLR_NATIVE_INT_64)
        return (uint32_t)s->v.i8;
    return (uint64_t)s->v.i8;
}

/* Stores an integer result of `kind`, given as bits. */
static void set_int(struct clr_slot *s, uint8_t kind, uint64_t bits)
{
    s->kind = kind;
    if (kind == CLR_K_I4)
        s->v.i4 = (int32_t)(uint32_t)bits;
    else if (kind == CLR_K_I && !CLR_NATIVE_INT_64)
        s->v.i8 = (int32_t)(uint32_t)bits;
    else
        s->v.i8 = (int64_t)bits;
}

/* Result kind of a binary integer operation, CLR_K_NONE when invalid IL. */
static uint8_t int_result_kind(uint8_t ka, uint8_t kb)
{
    if (ka == kb)
        return ka;
    if ((ka == CLR_K_I4 && kb == CLR_K_I) || (ka == CLR_K_I && kb == CLR_K_I4))
        return CLR_K_I;
    return CLR_K_NONE;
}

static unsigned width_of(uint8_t kind)
{
    return kind == CLR_K_I4 ? 32u : kind == CLR_K_I8 ? 64u : NATIVE_BITS;
}

static enum clr_exception float_binary(unsigned op, struct clr_slot *a, const struct clr_slot *b)
{
    if (a->kind == CLR_K_R4 && b->kind == CLR_K_R4) {
        const float x = a->v.r4, y = b->v.r4;
        switch (op) {
        case CEE_ADD: a->v.r4 = x + y; return CLR_EXC_NONE;
        case CEE_SUB: a->v.r4 = x - y; return CLR_EXC_NONE;
        case CEE_MUL: a->v.r4 = x * y; return CLR_EXC_NONE;
        case CEE_DIV: a->v.r4 = x / y; return CLR_EXC_NONE;
        case CEE_REM: a->v.r4 = fmodf(x, y); return CLR_EXC_NONE;
        default: return CLR_EXC_INVALID_PROGRAM;
        }
    }
    const double x = as_double(a), y = as_double(b);
    a->kind = CLR_K_R8;
    switch (op) {
    case CEE_ADD: a->v.r8 = x + y; return CLR_EXC_NONE;
    case CEE_SUB: a->v.r8 = x - y; return CLR_EXC_NONE;
    case CEE_MUL: a->v.r8 = x * y; return CLR_EXC_NONE;
    case CEE_DIV: a->v.r8 = x / y; return CLR_EXC_NONE;
    case CEE_REM: a->v.r8 = fmod(x, y); return CLR_EXC_NONE;
    default: return CLR_EXC_INVALID_PROGRAM;
    }
}

static enum clr_exception shift(unsigned op, struct clr_slot *a, const struct clr_slot *b)
{
    if (!is_int(a->kind) || (b->kind != CLR_K_I4 && b->kind != CLR_K_I))
        return CLR_EXC_INVALID_PROGRAM;
    const unsigned width = width_of(a->kind);
    const unsigned count = (unsigned)(unsigned_value(b) & (width - 1));
    if (width == 32) {
        const uint32_t x = (uint32_t)unsigned_value(a);
        const uint32_t r = op == CEE_SHL ? x << count
                           : op == CEE_SHR_UN ? x >> count
                           : (x >> count) | ((x & 0x80000000u) && count > 0 ? ~(0xFFFFFFFFu >> count) : 0);
        set_int(a, a->kind, r);
    } else {
        const uint64_t x = unsigned_value(a);
        const uint64_t r = op == CEE_SHL ? x << count
                           : op == CEE_SHR_UN ? x >> count
                           : (x >> count) | ((x >> 63) && count > 0 ? ~(UINT64_MAX >> count) : 0);
        set_int(a, a->kind, r);
    }
    return CLR_EXC_NONE;
}

static enum clr_exception int32_binary(unsigned op, uint32_t x, uint32_t y, uint32_t *r)
{
    const int32_t sx = (int32_t)x, sy = (int32_t)y;
    int32_t s;
    uint32_t u;
    switch (op) {
    case CEE_ADD: *r = x + y; return CLR_EXC_NONE;
    case CEE_SUB: *r = x - y; return CLR_EXC_NONE;
    case CEE_MUL: *r = x * y; return CLR_EXC_NONE;
    case CEE_AND: *r = x & y; return CLR_EXC_NONE;
    case CEE_OR: *r = x | y; return CLR_EXC_NONE;
    case CEE_XOR: *r = x ^ y; return CLR_EXC_NONE;
    case CEE_DIV:
    case CEE_REM:
        if (sy == 0)
            return CLR_EXC_DIVIDE_BY_ZERO;
        if (sx == INT32_MIN && sy == -1)
            return CLR_EXC_OVERFLOW;
        *r = (uint32_t)(op == CEE_DIV ? sx / sy : sx % sy);
        return CLR_EXC_NONE;
    case CEE_DIV_UN:
    case CEE_REM_UN:
        if (y == 0)
            return CLR_EXC_DIVIDE_BY_ZERO;
        *r = op == CEE_DIV_UN ? x / y : x % y;
        return CLR_EXC_NONE;
    case CEE_ADD_OVF: if (__builtin_add_overflow(sx, sy, &s)) return CLR_EXC_OVERFLOW; *r = (uint32_t)s; return CLR_EXC_NONE;
    case CEE_SUB_OVF: if (__builtin_sub_overflow(sx, sy, &s)) return CLR_EXC_OVERFLOW; *r = (uint32_t)s; return CLR_EXC_NONE;
    case CEE_MUL_OVF: if (__builtin_mul_overflow(sx, sy, &s)) return CLR_EXC_OVERFLOW; *r = (uint32_t)s; return CLR_EXC_NONE;
    case CEE_ADD_OVF_UN: if (__builtin_add_overflow(x, y, &u)) return CLR_EXC_OVERFLOW; *r = u; return CLR_EXC_NONE;
    case CEE_SUB_OVF_UN: if (__builtin_sub_overflow(x, y, &u)) return CLR_EXC_OVERFLOW; *r = u; return CLR_EXC_NONE;
    case CEE_MUL_OVF_UN: if (__builtin_mul_overflow(x, y, &u)) return CLR_EXC_OVERFLOW; *r = u; return CLR_EXC_NONE;
    default: return CLR_EXC_INVALID_PROGRAM;
    }
}

static enum clr_exception int64_binary(unsigned op, uint64_t x, uint64_t y, uint64_t *r)
{
    const int64_t sx = (int64_t)x, sy = (int64_t)y;
    int64_t s;
    uint64_t u;
    switch (op) {
    case CEE_ADD: *r = x + y; return CLR_EXC_NONE;
    case CEE_SUB: *r = x - y; return CLR_EXC_NONE;
    case CEE_MUL: *r = x * y; return CLR_EXC_NONE;
    case CEE_AND: *r = x & y; return CLR_EXC_NONE;
    case CEE_OR: *r = x | y; return CLR_EXC_NONE;
    case CEE_XOR: *r = x ^ y; return CLR_EXC_NONE;
    case CEE_DIV:
    case CEE_REM:
        if (sy == 0)
            return CLR_EXC_DIVIDE_BY_ZERO;
        if (sx == INT64_MIN && sy == -1)
            return CLR_EXC_OVERFLOW;
        *r = (uint64_t)(op == CEE_DIV ? sx / sy : sx % sy);
        return CLR_EXC_NONE;
    case CEE_DIV_UN:
    case CEE_REM_UN:
        if (y == 0)
            return CLR_EXC_DIVIDE_BY_ZERO;
        *r = op == CEE_DIV_UN ? x / y : x % y;
        return CLR_EXC_NONE;
    case CEE_ADD_OVF: if (__builtin_add_overflow(sx, sy, &s)) return CLR_EXC_OVERFLOW; *r = (uint64_t)s; return CLR_EXC_NONE;
    case CEE_SUB_OVF: if (__builtin_sub_overflow(sx, sy, &s)) return CLR_EXC_OVERFLOW; *r = (uint64_t)s; return CLR_EXC_NONE;
    case CEE_MUL_OVF: if (__builtin_mul_overflow(sx, sy, &s)) return CLR_EXC_OVERFLOW; *r = (uint64_t)s; return CLR_EXC_NONE;
    case CEE_ADD_OVF_UN: if (__builtin_add_overflow(x, y, &u)) return CLR_EXC_OVERFLOW; *r = u; return CLR_EXC_NONE;
    case CEE_SUB_OVF_UN: if (__builtin_sub_overflow(x, y, &u)) return CLR_EXC_OVERFLOW; *r = u; return CLR_EXC_NONE;
    case CEE_MUL_OVF_UN: if (__builtin_mul_overflow(x, y, &u)) return CLR_EXC_OVERFLOW; *r = u; return CLR_EXC_NONE;
    default: return CLR_EXC_INVALID_PROGRAM;
    }
}

enum clr_exception clr_arith_binary(unsigned op, struct clr_slot *a, const struct clr_slot *b)
{
    if (op == CEE_SHL || op == CEE_SHR || op == CEE_SHR_UN)
        return shift(op, a, b);
    if (is_float(a->kind) || is_float(b->kind)) {
        if (!is_float(a->kind) || !is_float(b->kind))
            return CLR_EXC_INVALID_PROGRAM;
        return float_binary(op, a, b);
    }
    if (!is_int(a->kind) || !is_int(b->kind))
        return CLR_EXC_INVALID_PROGRAM;
    const uint8_t kind = int_result_kind(a->kind, b->kind);
    if (kind == CLR_K_NONE)
        return CLR_EXC_INVALID_PROGRAM;
    enum clr_exception exc;
    if (width_of(kind) == 32) {
        uint32_t r = 0;
        exc = int32_binary(op, (uint32_t)signed_value(a), (uint32_t)signed_value(b), &r);
        if (exc == CLR_EXC_NONE)
            set_int(a, kind, r);
    } else {
        uint64_t r = 0;
        exc = int64_binary(op, (uint64_t)signed_value(a), (uint64_t)signed_value(b), &r);
        if (exc == CLR_EXC_NONE)
            set_int(a, kind, r);
    }
    return exc;
}

enum clr_exception clr_arith_unary(unsigned op, struct clr_slot *a)
{
    if (op == CEE_NEG && a->kind == CLR_K_R4) {
        a->v.r4 = -a->v.r4;
        return CLR_EXC_NONE;
    }
    if (op == CEE_NEG && a->kind == CLR_K_R8) {
        a->v.r8 = -a->v.r8;
        return CLR_EXC_NONE;
    }
    if (!is_int(a->kind))
        return CLR_EXC_INVALID_PROGRAM;
    const uint64_t x = (uint64_t)signed_value(a);
    set_int(a, a->kind, op == CEE_NEG ? 0 - x : ~x);
    return CLR_EXC_NONE;
}

/* ---- conversions ---- */

struct target {
    uint8_t bits;      /* 8, 16, 32, 64 (native int: NATIVE_BITS) */
    bool is_signed;
    uint8_t kind;      /* stack kind of the result */
    bool checked;      /* conv.ovf.* */
    bool unsigned_src; /* conv.ovf.*.un: an integer source is read as unsigned */
};

static bool conversion_target(unsigned op, struct target *t)
{
    static const struct {
        uint16_t op;
        uint8_t bits;
        bool is_signed, checked, unsigned_src;
    } table[] = {
        {CEE_CONV_I1, 8, true, false, false},          {CEE_CONV_U1, 8, false, false, false},
        {CEE_CONV_I2, 16, true, false, false},         {CEE_CONV_U2, 16, false, false, false},
        {CEE_CONV_I4, 32, true, false, false},         {CEE_CONV_U4, 32, false, false, false},
        {CEE_CONV_I8, 64, true, false, false},         {CEE_CONV_U8, 64, false, false, false},
        {CEE_CONV_I, 0, true, false, false},           {CEE_CONV_U, 0, false, false, false},
        {CEE_CONV_OVF_I1, 8, true, true, false},       {CEE_CONV_OVF_U1, 8, false, true, false},
        {CEE_CONV_OVF_I2, 16, true, true, false},      {CEE_CONV_OVF_U2, 16, false, true, false},
        {CEE_CONV_OVF_I4, 32, true, true, false},      {CEE_CONV_OVF_U4, 32, false, true, false},
        {CEE_CONV_OVF_I8, 64, true, true, false},      {CEE_CONV_OVF_U8, 64, false, true, false},
        {CEE_CONV_OVF_I, 0, true, true, false},        {CEE_CONV_OVF_U, 0, false, true, false},
        {CEE_CONV_OVF_I1_UN, 8, true, true, true},     {CEE_CONV_OVF_U1_UN, 8, false, true, true},
        {CEE_CONV_OVF_I2_UN, 16, true, true, true},    {CEE_CONV_OVF_U2_UN, 16, false, true, true},
        {CEE_CONV_OVF_I4_UN, 32, true, true, true},    {CEE_CONV_OVF_U4_UN, 32, false, true, true},
        {CEE_CONV_OVF_I8_UN, 64, true, true, true},    {CEE_CONV_OVF_U8_UN, 64, false, true, true},
        {CEE_CONV_OVF_I_UN, 0, true, true, true},      {CEE_CONV_OVF_U_UN, 0, false, true, true},
    };
    for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].op != op)
            continue;
        const bool native = table[i].bits == 0;
        t->bits = native ? (uint8_t)NATIVE_BITS : table[i].bits;
        t->is_signed = table[i].is_signed;
        t->kind = native ? CLR_K_I : t->bits == 64 ? CLR_K_I8 : CLR_K_I4;
        t->checked = table[i].checked;
        t->unsigned_src = table[i].unsigned_src;
        return true;
    }
    return false;
}

/* Truncates bits to the target width and stores them, extended as the target's sign says. */
static void store_target(struct clr_slot *s, const struct target *t, uint64_t bits)
{
    if (t->bits < 64) {
        const uint64_t mask = ((uint64_t)1 << t->bits) - 1;
        bits &= mask;
        if (t->is_signed && (bits >> (t->bits - 1)) != 0)
            bits |= ~mask;
    }
    set_int(s, t->kind, bits);
}

/* .NET's saturating conversions (the value is not NaN). */
static int64_t saturate_signed(double d, unsigned bits)
{
    const double limit = bits == 64 ? 9223372036854775808.0 : 2147483648.0;
    if (d >= limit)
        return bits == 64 ? INT64_MAX : INT32_MAX;
    if (d <= -limit)
        return bits == 64 ? INT64_MIN : INT32_MIN;
    return (int64_t)d;
}

static uint64_t saturate_unsigned(double d, unsigned bits)
{
    const double limit = bits == 64 ? 18446744073709551616.0 : 4294967296.0;
    if (d >= limit)
        return bits == 64 ? UINT64_MAX : UINT32_MAX;
    if (d <= -1.0)
        return 0;
    return (uint64_t)d;
}

static enum clr_exception float_to_int(struct clr_slot *s, const struct target *t)
{
    const double d = as_double(s);
    if (t->checked) {
        /* In range after truncation toward zero; the .un forms read a float source as it is. */
        const double hi = t->bits == 64 ? (t->is_signed ? 9223372036854775808.0 : 18446744073709551616.0)
                                        : (double)((uint64_t)1 << (t->bits - (t->is_signed ? 1 : 0)));
        const double lo = !t->is_signed ? -1.0 : t->bits == 64 ? -9223372036854777856.0 : -hi - 1.0;
        if (isnan(d) || !(d > lo && d < hi))
            return CLR_EXC_OVERFLOW;
        store_target(s, t, t->is_signed ? (uint64_t)(int64_t)d : (uint64_t)d);
        return CLR_EXC_NONE;
    }
    if (isnan(d)) {
        store_target(s, t, 0);
    } else if (t->bits <= 16 || (t->bits == 32 && t->is_signed)) {
        store_target(s, t, (uint64_t)saturate_signed(d, 32));
    } else if (t->is_signed) {
        store_target(s, t, (uint64_t)saturate_signed(d, 64));
    } else {
        store_target(s, t, saturate_unsigned(d, t->bits));
    }
    return CLR_EXC_NONE;
}

static enum clr_exception int_to_int(struct clr_slot *s, const struct target *t)
{
    /* Widening reads the source as the target's sign says (conv.u8 of an int32 zero-extends). */
    const bool read_unsigned = t->checked ? t->unsigned_src : !t->is_signed;
    const uint64_t u = unsigned_value(s);
    const int64_t v = signed_value(s);
    if (t->checked) {
        const uint64_t max = t->bits == 64 ? (t->is_signed ? (uint64_t)INT64_MAX : UINT64_MAX)
                                           : ((uint64_t)1 << (t->bits - (t->is_signed ? 1 : 0))) - 1;
        const int64_t min = !t->is_signed ? 0 : t->bits == 64 ? INT64_MIN : -((int64_t)1 << (t->bits - 1));
        const bool fits = read_unsigned ? u <= max : (v >= min && (v < 0 || (uint64_t)v <= max));
        if (!fits)
            return CLR_EXC_OVERFLOW;
    }
    store_target(s, t, read_unsigned ? u : (uint64_t)v);
    return CLR_EXC_NONE;
}

enum clr_exception clr_arith_convert(unsigned op, struct clr_slot *s)
{
    if (op == CLR_CONV_R_UN_R4) {
        /* (float)ulong: RyuJIT fuses conv.r.un + conv.r4 into one rounding; so do we. */
        if (is_float(s->kind))
            op = CEE_CONV_R4;
        else if (!is_int(s->kind))
            return CLR_EXC_INVALID_PROGRAM;
        else {
            const uint64_t u = unsigned_value(s);
            s->kind = CLR_K_R4;
            s->v.r4 = (float)u;
            return CLR_EXC_NONE;
        }
    }
    if (op == CEE_CONV_R4 || op == CEE_CONV_R8 || op == CEE_CONV_R_UN) {
        double d;
        float f;
        if (is_float(s->kind)) {
            d = as_double(s);
            f = s->kind == CLR_K_R4 ? s->v.r4 : (float)s->v.r8;
        } else if (!is_int(s->kind)) {
            return CLR_EXC_INVALID_PROGRAM;
        } else if (op == CEE_CONV_R_UN) {
            d = (double)unsigned_value(s);
            f = (float)unsigned_value(s);
        } else {
            d = (double)signed_value(s);
            f = (float)signed_value(s); /* one rounding, as .NET: not through double */
        }
        if (op == CEE_CONV_R4) {
            s->kind = CLR_K_R4;
            s->v.r4 = f;
        } else {
            s->kind = CLR_K_R8;
            s->v.r8 = d;
        }
        return CLR_EXC_NONE;
    }
    struct target t;
    if (!conversion_target(op, &t))
        return CLR_EXC_INVALID_PROGRAM;
    if (is_float(s->kind))
        return float_to_int(s, &t);
    if (!is_int(s->kind))
        return CLR_EXC_INVALID_PROGRAM;
    return int_to_int(s, &t);
}

/* ---- comparisons ---- */

enum clr_exception clr_arith_compare(unsigned op, const struct clr_slot *a, const struct clr_slot *b, bool *result)
{
    if (is_float(a->kind) || is_float(b->kind)) {
        if (!is_float(a->kind) || !is_float(b->kind))
            return CLR_EXC_INVALID_PROGRAM;
        const double x = as_double(a), y = as_double(b);
        const bool unordered = isnan(x) || isnan(y);
        switch (op) {
        case CEE_CEQ: *result = x == y; break;
        case CEE_CGT: *result = x > y; break;
        case CEE_CGT_UN: *result = unordered || x > y; break;
        case CEE_CLT: *result = x < y; break;
        default: *result = unordered || x < y; break; /* clt.un */
        }
        return CLR_EXC_NONE;
    }
    if (a->kind == CLR_K_O || b->kind == CLR_K_O) {
        /* Only equality and the unsigned forms (x != null is "cgt.un") apply to references. */
        if (a->kind != b->kind || op == CEE_CGT || op == CEE_CLT)
            return CLR_EXC_INVALID_PROGRAM;
        const uintptr_t x = (uintptr_t)a->v.o, y = (uintptr_t)b->v.o;
        *result = op == CEE_CEQ ? x == y : op == CEE_CGT_UN ? x > y : x < y;
        return CLR_EXC_NONE;
    }
    if (!is_int(a->kind) || !is_int(b->kind))
        return CLR_EXC_INVALID_PROGRAM;
    const uint8_t kind = int_result_kind(a->kind, b->kind);
    if (kind == CLR_K_NONE)
        return CLR_EXC_INVALID_PROGRAM;
    const unsigned width = width_of(kind);
    /* Both read in the operation's width: an int32 beside a native int is sign-extended first. */
    const int64_t sx = signed_value(a), sy = signed_value(b);
    const uint64_t ux = width == 32 ? (uint32_t)sx : (uint64_t)sx, uy = width == 32 ? (uint32_t)sy : (uint64_t)sy;
    switch (op) {
    case CEE_CEQ: *result = sx == sy; break;
    case CEE_CGT: *result = sx > sy; break;
    case CEE_CGT_UN: *result = ux > uy; break;
    case CEE_CLT: *result = sx < sy; break;
    default: *result = ux < uy; break;
    }
    return CLR_EXC_NONE;
}

enum clr_exception clr_arith_truth(const struct clr_slot *a, bool *result)
{
    switch (a->kind) {
    case CLR_K_I4: *result = a->v.i4 != 0; return CLR_EXC_NONE;
    case CLR_K_I8:
    case CLR_K_I: *result = a->v.i8 != 0; return CLR_EXC_NONE;
    case CLR_K_O: *result = a->v.o != NULL; return CLR_EXC_NONE;
    default: return CLR_EXC_INVALID_PROGRAM;
    }
}
