/*
 * .NET's standard numeric format strings with the invariant culture: D, X, B (integers), F, N, P, E, G,
 * R, C, each with an optional precision of up to nine digits ("F2", "X8"); other strings are custom
 * formats (clr_number_custom.c). Floating point digits are the exact binary value rounded half to even
 * at the precision (as .NET Core 3.0 and later; "F0" of 2.5 is "2", of 0.5 is "0"), integers round half
 * up ("E1" of 125 is "1.3E+002"). An unknown letter or a precision above 999,999,999 is refused: the
 * caller throws FormatException.
 */
#include "clr_number.h"

#define NO_PRECISION (-1)
#define MAX_PRECISION 999999999L

struct spec {
    char kind;  /* the letter, upper case */
    bool lower; /* 'x', 'e', 'g': lower-case hex digits and exponent sign */
    long precision;
};

enum spec_kind { SPEC_INVALID, SPEC_STANDARD, SPEC_CUSTOM };

/* A letter and digits (at most 999,999,999) is a standard format; null or empty is "G"; anything else custom. */
static enum spec_kind parse_spec(const struct clr_string *format, struct spec *sp)
{
    sp->kind = 'G';
    sp->lower = false;
    sp->precision = NO_PRECISION;
    if (format == NULL || format->length == 0)
        return SPEC_STANDARD;
    const uint16_t c = format->chars[0];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return SPEC_CUSTOM;
    for (int32_t i = 1; i < format->length; i++)
        if (format->chars[i] < '0' || format->chars[i] > '9')
            return SPEC_CUSTOM;
    sp->lower = c >= 'a';
    sp->kind = (char)(sp->lower ? c - 'a' + 'A' : c);
    if (format->length > 1)
        sp->precision = 0;
    for (int32_t i = 1; i < format->length && sp->precision <= MAX_PRECISION; i++) /* long is 32 bits on the device */
        sp->precision = sp->precision <= (MAX_PRECISION - 9) / 10 ? sp->precision * 10 + (format->chars[i] - '0')
                                                                  : MAX_PRECISION + 1;
    return sp->precision <= MAX_PRECISION ? SPEC_STANDARD : SPEC_INVALID;
}

/* ---- output: counted always, stored while there is room ---- */

void clr_sink_put(struct clr_sink *o, unsigned c)
{
    if (o->len < o->cap) {
        if (o->wide != NULL)
            o->wide[o->len] = (uint16_t)c;
        else
            o->narrow[o->len] = (char)c;
    }
    o->len++;
}

static void put_text(struct clr_sink *o, const char *text)
{
    while (*text != '\0')
        clr_sink_put(o, (uint8_t)*text++);
}

static void put_repeat(struct clr_sink *o, unsigned c, long count)
{
    long i = 0;
    for (; i < count && o->len < o->cap; i++)
        clr_sink_put(o, c);
    if (i < count)
        o->len += (size_t)(count - i); /* past the room only the length counts: "F999999999" takes no billion steps */
}
/* ---- digits ---- */

static void trim_zeros(struct clr_decimal *d)
{
    while (d->n > 0 && d->digits[d->n - 1] == '0')
        d->n--;
}

/* Adds one unit of the last of the first n digits (999 becomes 1000: one digit, point + 1). */
static void round_up(struct clr_decimal *d, unsigned n)
{
    while (n > 0 && d->digits[n - 1] == '9')
        n--;
    if (n == 0) {
        d->digits[0] = '1';
        d->n = 1;
        d->point++;
        return;
    }
    d->digits[n - 1]++;
    d->n = n;
}

/*
 * The exact value f * 2^e (f > 0) times 10^shift, rounded half to even to `count` significant digits,
 * or with fixed set to `count` digits after the point.
 */
static void exact_digits(uint64_t f, int e, bool fixed, long count, int shift, struct clr_decimal *d)
{
    struct clr_exact x;
    clr_exact_start(&x, f, e);
    d->point = x.point + shift;
    if (fixed)
        count += d->point;
    unsigned n = 0;
    while ((long)n < count && n < CLR_DECIMAL_DIGITS && !clr_exact_done(&x))
        d->digits[n++] = (char)('0' + clr_exact_next(&x));
    d->n = n;
    if (count >= 0 && (long)n == count && !clr_exact_done(&x)) {
        const int half = clr_exact_rest_vs_half(&x);
        const unsigned last = n > 0 ? (unsigned)(d->digits[n - 1] - '0') : 0;
        if (half > 0 || (half == 0 && last % 2 != 0))
            round_up(d, n);
    }
    if (count < 0)
        d->n = 0; /* below half a unit of the last place */
    trim_zeros(d);
}

static void integer_digits(uint64_t magnitude, struct clr_decimal *d)
{
    d->n = (unsigned)clr_format_uint64(magnitude, d->digits);
    d->point = (int)d->n;
    trim_zeros(d);
}

void clr_decimal_round_half_up(struct clr_decimal *d, long count)
{
    if ((long)d->n <= count)
        return;
    if (count >= 0 && d->digits[count] >= '5')
        round_up(d, (unsigned)count);
    else
        d->n = count > 0 ? (unsigned)count : 0;
    trim_zeros(d);
}

/* ---- layouts ---- */

static unsigned digit_at(const struct clr_decimal *d, long i)
{
    return i >= 0 && i < (long)d->n ? (unsigned)d->digits[i] : '0';
}

/* "1234.50", or with group "1,234.50". */
static void put_fixed(struct clr_sink *o, const struct clr_decimal *d, long decimals, bool group)
{
    const long point = d->n > 0 ? d->point : 0;
    if (point <= 0)
        clr_sink_put(o, '0');
    for (long i = 0; i < point; i++) {
        clr_sink_put(o, digit_at(d, i));
        if (group && i + 1 < point && (point - i - 1) % 3 == 0)
            clr_sink_put(o, ',');
    }
    if (decimals > 0)
        clr_sink_put(o, '.');
    long i = 0;
    for (; i < decimals && point + i < (long)d->n; i++)
        clr_sink_put(o, digit_at(d, point + i));
    put_repeat(o, '0', decimals - i);
}

/* "1.2345E+003"; decimals NO_PRECISION: the significant digits. */
static void put_scientific(struct clr_sink *o, const struct clr_decimal *d, long decimals, bool lower,
                           unsigned exponent_digits)
{
    if (decimals == NO_PRECISION)
        decimals = d->n > 1 ? (long)d->n - 1 : 0;
    clr_sink_put(o, digit_at(d, 0));
    if (decimals > 0)
        clr_sink_put(o, '.');
    long i = 1;
    for (; i <= decimals && i < (long)d->n; i++)
        clr_sink_put(o, digit_at(d, i));
    put_repeat(o, '0', decimals - i + 1);
    int exponent = d->n > 0 ? d->point - 1 : 0;
    clr_sink_put(o, lower ? 'e' : 'E');
    clr_sink_put(o, exponent < 0 ? '-' : '+');
    if (exponent < 0)
        exponent = -exponent;
    char text[12];
    const size_t len = clr_format_uint64((uint64_t)exponent, text);
    put_repeat(o, '0', (long)exponent_digits - (long)len);
    put_text(o, text);
}

/* The digits as they are, scientific when the point is past `plain_max` digits or before 0.0001. */
static void put_general(struct clr_sink *o, const struct clr_decimal *d, long plain_max, bool lower)
{
    if (d->n > 0 && (d->point > plain_max || d->point < -3))
        put_scientific(o, d, NO_PRECISION, lower, 2);
    else
        put_fixed(o, d, d->n > 0 && (long)d->n > d->point ? (long)d->n - d->point : 0, false);
}

/* precision is the spec's, already defaulted; plain_max for G and R. */
static void put_number(struct clr_sink *o, const struct clr_decimal *d, const struct spec *sp, long plain_max)
{
    if (d->negative && sp->kind != 'C')
        clr_sink_put(o, '-');
    switch (sp->kind) {
    case 'C':
        /* Invariant currency: "¤1,234.57", negative "(¤1,234.57)". */
        if (d->negative)
            clr_sink_put(o, '(');
        clr_sink_put(o, 0xA4);
        put_fixed(o, d, sp->precision, true);
        if (d->negative)
            clr_sink_put(o, ')');
        break;
    case 'F':
        put_fixed(o, d, sp->precision, false);
        break;
    case 'N':
        put_fixed(o, d, sp->precision, true);
        break;
    case 'P':
        put_fixed(o, d, sp->precision, true);
        put_text(o, " %");
        break;
    case 'E':
        put_scientific(o, d, sp->precision, sp->lower, 3);
        break;
    default: /* G, R */
        put_general(o, d, plain_max, sp->lower);
        break;
    }
}

static long default_precision(char kind)
{
    return kind == 'E' ? 6 : 2; /* F, N, P, C: NumberDecimalDigits and friends of the invariant culture */
}

static bool is_layout_kind(char kind)
{
    return kind == 'C' || kind == 'F' || kind == 'N' || kind == 'P' || kind == 'E' || kind == 'G' || kind == 'R';
}

/* ---- integers: type is the bit width, | CLR_NUMBER_UNSIGNED ---- */

static void put_radix(struct clr_sink *o, uint64_t v, unsigned shift, long min_digits, bool lower)
{
    unsigned n = 1;
    while (n < 64 / shift && (v >> (n * shift)) != 0)
        n++;
    put_repeat(o, '0', min_digits - (long)n);
    const char *alphabet = lower ? "0123456789abcdef" : "0123456789ABCDEF";
    while (n-- > 0)
        clr_sink_put(o, (uint8_t)alphabet[(v >> (n * shift)) & ((1u << shift) - 1)]);
}

static bool format_integer(int64_t value, unsigned type, struct spec *sp, struct clr_sink *o)
{
    const unsigned bits = type & 0xFF;
    const bool is_unsigned = (type & CLR_NUMBER_UNSIGNED) != 0;
    const bool negative = !is_unsigned && value < 0;
    const uint64_t magnitude = negative ? 0 - (uint64_t)value : (uint64_t)value;
    switch (sp->kind) {
    case 'D':
        if (negative)
            clr_sink_put(o, '-');
        char text[CLR_NUMBER_TEXT_MAX];
        const size_t len = clr_format_uint64(magnitude, text);
        put_repeat(o, '0', sp->precision - (long)len);
        put_text(o, text);
        return true;
    case 'X':
    case 'B': {
        const uint64_t mask = bits == 64 ? ~(uint64_t)0 : ((uint64_t)1 << bits) - 1;
        put_radix(o, (uint64_t)value & mask, sp->kind == 'X' ? 4 : 1, sp->precision, sp->lower);
        return true;
    }
    default:
        break;
    }
    if (!is_layout_kind(sp->kind))
        return false;
    struct clr_decimal d;
    d.negative = negative;
    integer_digits(magnitude, &d);
    long plain_max = INT32_MAX;
    if (sp->kind == 'R')
        sp->precision = NO_PRECISION;
    if (sp->kind == 'G' || sp->kind == 'R') {
        if (sp->precision > 0) {
            clr_decimal_round_half_up(&d, sp->precision);
            plain_max = sp->precision;
        }
    } else if (sp->precision == NO_PRECISION) {
        sp->precision = default_precision(sp->kind);
    }
    if (sp->kind == 'E')
        clr_decimal_round_half_up(&d, sp->precision + 1);
    if (sp->kind == 'P' && d.n > 0)
        d.point += 2;
    put_number(o, &d, sp, plain_max);
    return true;
}

/* ---- floating point ---- */

static bool format_ieee(uint64_t bits, unsigned mantissa_bits, unsigned exponent_bits, long shortest_plain_max,
                        struct spec *sp, struct clr_sink *o)
{
    if (!is_layout_kind(sp->kind))
        return false;
    struct clr_ieee v;
    clr_ieee_decode(bits, mantissa_bits, exponent_bits, &v);
    if (v.nan || v.infinite) {
        put_text(o, v.nan ? "NaN" : v.negative ? "-Infinity" : "Infinity");
        return true;
    }
    struct clr_decimal d;
    d.negative = v.negative;
    long plain_max = shortest_plain_max;
    const bool shortest = sp->kind == 'R' || (sp->kind == 'G' && sp->precision <= 0);
    if (!shortest && sp->kind != 'G' && sp->precision == NO_PRECISION)
        sp->precision = default_precision(sp->kind);
    if (v.f == 0) {
        d.n = 0;
        d.point = 0;
    } else if (shortest) {
        clr_shortest_digits(v.f, v.e, v.unequal, &d);
    } else if (sp->kind == 'G') {
        exact_digits(v.f, v.e, false, sp->precision, 0, &d);
        plain_max = sp->precision;
    } else if (sp->kind == 'E') {
        exact_digits(v.f, v.e, false, sp->precision + 1, 0, &d);
    } else {
        exact_digits(v.f, v.e, true, sp->precision, sp->kind == 'P' ? 2 : 0, &d);
    }
    put_number(o, &d, sp, plain_max);
    return true;
}

static bool format_value(const struct clr_slot *value, unsigned type, struct spec *sp, struct clr_sink *o)
{
    uint64_t bits = 0;
    switch (type) {
    case CLR_NUMBER_DOUBLE:
        memcpy(&bits, &value->v.r8, sizeof value->v.r8);
        return format_ieee(bits, 52, 11, 17, sp, o);
    case CLR_NUMBER_SINGLE:
        memcpy(&bits, &value->v.r4, sizeof value->v.r4);
        return format_ieee(bits, 23, 8, 9, sp, o);
    default:
        return format_integer(value->v.i8, type, sp, o);
    }
}

/* ToString(): "R", into a char buffer of CLR_NUMBER_TEXT_MAX. */
static size_t shortest_text(const struct clr_slot *value, unsigned type, char *out)
{
    struct spec sp = {'R', false, NO_PRECISION};
    struct clr_sink o = {NULL, out, 0, CLR_NUMBER_TEXT_MAX - 1};
    format_value(value, type, &sp, &o);
    out[o.len] = '\0';
    return o.len;
}

size_t clr_format_double(double value, char *out)
{
    return shortest_text(&(struct clr_slot){.v.r8 = value}, CLR_NUMBER_DOUBLE, out);
}

size_t clr_format_single(float value, char *out)
{
    return shortest_text(&(struct clr_slot){.v.r4 = value}, CLR_NUMBER_SINGLE, out);
}

/* The digits custom formats start from: integers exact, floating point to 15 (double) or 7 (float) digits. */
static bool custom_digits(const struct clr_slot *value, unsigned type, struct clr_decimal *d, struct clr_sink *o)
{
    if (!(type & CLR_NUMBER_FLOAT)) {
        const bool negative = !(type & CLR_NUMBER_UNSIGNED) && value->v.i8 < 0;
        d->negative = negative;
        integer_digits(negative ? 0 - (uint64_t)value->v.i8 : (uint64_t)value->v.i8, d);
        return true;
    }
    const bool single = type == CLR_NUMBER_SINGLE;
    uint64_t bits = 0;
    if (single)
        memcpy(&bits, &value->v.r4, sizeof value->v.r4);
    else
        memcpy(&bits, &value->v.r8, sizeof value->v.r8);
    struct clr_ieee v;
    clr_ieee_decode(bits, single ? 23 : 52, single ? 8 : 11, &v);
    if (v.nan || v.infinite) {
        put_text(o, v.nan ? "NaN" : v.negative ? "-Infinity" : "Infinity");
        return false;
    }
    d->negative = v.negative;
    d->n = 0;
    d->point = 0;
    if (v.f != 0)
        exact_digits(v.f, v.e, false, single ? 7 : 15, 0, d);
    return true;
}

size_t clr_number_format_units(const struct clr_slot *value, unsigned type, const struct clr_string *format,
                               uint16_t *out, size_t cap)
{
    struct spec sp;
    struct clr_sink o = {out, NULL, 0, cap};
    switch (parse_spec(format, &sp)) {
    case SPEC_STANDARD:
        return format_value(value, type, &sp, &o) ? o.len : CLR_NUMBER_REFUSED;
    case SPEC_CUSTOM: {
        struct clr_decimal d;
        if (custom_digits(value, type, &d, &o))
            clr_format_custom(&o, &d, (type & CLR_NUMBER_FLOAT) != 0, format->chars, format->length);
        return o.len;
    }
    default:
        return CLR_NUMBER_REFUSED;
    }
}

/* Number.Format*(value, [type,] format): the text, or null for a format string the type refuses. */
static enum clr_exception format_native(struct clr_runtime *rt, const struct clr_slot *value, unsigned type,
                                        const struct clr_slot *format, struct clr_slot *result)
{
    const struct clr_string *f = (const struct clr_string *)format->v.o;
    result->kind = CLR_K_O;
    result->v.o = NULL;
    /* Short texts are made once; longer ones are measured, then made in the string. */
    uint16_t units[48];
    const size_t len = clr_number_format_units(value, type, f, units, sizeof units / sizeof units[0]);
    if (len == CLR_NUMBER_REFUSED)
        return CLR_EXC_NONE;
    struct clr_string *s = len <= 0x3FFFFFFF ? clr_string_new(rt, (int32_t)len) : NULL;
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    if (len <= sizeof units / sizeof units[0])
        memcpy(s->chars, units, 2 * len);
    else
        clr_number_format_units(value, type, f, s->chars, len);
    result->v.o = &s->block;
    return CLR_EXC_NONE;
}

enum clr_exception clr_native_format_integer(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return format_native(rt, &args[0], (unsigned)args[1].v.i4 & 0x1FF, &args[2], result);
}

enum clr_exception clr_native_format_double(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return format_native(rt, &args[0], CLR_NUMBER_DOUBLE, &args[1], result);
}

enum clr_exception clr_native_format_single(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return format_native(rt, &args[0], CLR_NUMBER_SINGLE, &args[1], result);
}
