/*
 * Text to numbers as .NET's Parse(string, NumberStyles) does with the invariant culture: white space
 * (U+0009-U+000D, U+0020), signs, parentheses, '¤', ',' groups, '.', exponent and hex or binary digits as
 * the styles allow, trailing NULs ignored. Integers: out of range (or a non-zero fraction) is overflow.
 * Floating point is correctly rounded (half to even): an estimate from the first 19 digits, then exact
 * comparisons of the text's digits with the decimal expansion of the midpoints between neighbours.
 */
#include "clr_number.h"

/* System.Globalization.NumberStyles */
enum {
    ALLOW_LEADING_WHITE = 0x1,
    ALLOW_TRAILING_WHITE = 0x2,
    ALLOW_LEADING_SIGN = 0x4,
    ALLOW_TRAILING_SIGN = 0x8,
    ALLOW_PARENTHESES = 0x10,
    ALLOW_DECIMAL_POINT = 0x20,
    ALLOW_THOUSANDS = 0x40,
    ALLOW_EXPONENT = 0x80,
    ALLOW_CURRENCY_SYMBOL = 0x100,
    ALLOW_HEX_SPECIFIER = 0x200,
    ALLOW_BINARY_SPECIFIER = 0x400,
};

#define CURRENCY_SIGN 0xA4u /* the invariant culture's '¤' */

/* The digits of a text: 0.DIGITS * 10^point, leading and trailing zeros dropped. */
struct scan {
    bool negative;
    bool sticky; /* non-zero digits past the kept ones */
    int point;
    unsigned n;
    char digits[CLR_DECIMAL_DIGITS];
};

struct text {
    const uint16_t *c;
    int32_t len, i;
};

static bool is_white(uint16_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

static bool is_digit(uint16_t c)
{
    return c >= '0' && c <= '9';
}

static bool at(const struct text *t, uint16_t c)
{
    return t->i < t->len && t->c[t->i] == c;
}

static void skip_white(struct text *t, unsigned styles, unsigned flag)
{
    if (styles & flag)
        while (t->i < t->len && is_white(t->c[t->i]))
            t->i++;
}

static void add_digit(struct scan *sc, uint16_t c, bool after_point)
{
    if (sc->n == 0 && c == '0') {
        if (after_point)
            sc->point--;
        return;
    }
    if (sc->n < CLR_DECIMAL_DIGITS)
        sc->digits[sc->n++] = (char)c;
    else if (c != '0')
        sc->sticky = true;
    if (!after_point && sc->point < 100000)
        sc->point++;
}

/* [white][sign|(][¤]digits[,digits][.digits][e[sign]digits][sign|)][white]; false for anything else. */
static bool scan_decimal(struct text *t, unsigned styles, struct scan *sc)
{
    bool sign = false, paren = false, currency = false, any = false, after_point = false;
    for (;;) {
        if ((!sign || currency) && (styles & ALLOW_LEADING_WHITE) && t->i < t->len && is_white(t->c[t->i])) {
            /* white space before the sign, or after the currency symbol */
        } else if (!sign && (styles & ALLOW_LEADING_SIGN) && (at(t, '+') || at(t, '-'))) {
            sc->negative = at(t, '-');
            sign = true;
        } else if (!sign && (styles & ALLOW_PARENTHESES) && at(t, '(')) {
            sc->negative = sign = paren = true;
        } else if (!currency && (styles & ALLOW_CURRENCY_SYMBOL) && at(t, CURRENCY_SIGN)) {
            currency = true;
        } else {
            break;
        }
        t->i++;
    }
    for (; t->i < t->len; t->i++) {
        const uint16_t c = t->c[t->i];
        if (is_digit(c)) {
            any = true;
            add_digit(sc, c, after_point);
        } else if (c == '.' && (styles & ALLOW_DECIMAL_POINT) && !after_point) {
            after_point = true;
        } else if (!(c == ',' && (styles & ALLOW_THOUSANDS) && any && !after_point)) {
            break;
        }
    }
    if (!any)
        return false;
    if ((styles & ALLOW_EXPONENT) && (at(t, 'e') || at(t, 'E'))) {
        struct text e = *t;
        e.i++;
        const bool down = at(&e, '-');
        if (down || at(&e, '+'))
            e.i++;
        if (e.i < e.len && is_digit(e.c[e.i])) {
            int exponent = 0;
            for (; e.i < e.len && is_digit(e.c[e.i]); e.i++)
                if (exponent < 100000)
                    exponent = exponent * 10 + (e.c[e.i] - '0');
            sc->point += down ? -exponent : exponent;
            *t = e;
        }
    }
    for (;;) {
        skip_white(t, styles, ALLOW_TRAILING_WHITE);
        if (!sign && (styles & ALLOW_TRAILING_SIGN) && (at(t, '+') || at(t, '-'))) {
            sc->negative = at(t, '-');
            sign = true;
        } else if (paren && at(t, ')')) {
            paren = false;
        } else if (!currency && (styles & ALLOW_CURRENCY_SYMBOL) && at(t, CURRENCY_SIGN)) {
            currency = true;
        } else {
            break;
        }
        t->i++;
    }
    while (sc->n > 0 && sc->digits[sc->n - 1] == '0')
        sc->n--;
    return !paren && t->i == t->len;
}

/* ---- integers ---- */

static int range_check(uint64_t magnitude, bool negative, unsigned type, int64_t *out)
{
    const unsigned bits = type & 0xFF;
    const bool is_unsigned = (type & CLR_NUMBER_UNSIGNED) != 0;
    const uint64_t top = (uint64_t)1 << (bits - 1);
    const uint64_t limit = is_unsigned ? top - 1 + top : negative ? top : top - 1;
    if (magnitude > limit || (is_unsigned && negative && magnitude != 0))
        return CLR_PARSE_OVERFLOW;
    *out = negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
    return CLR_PARSE_OK;
}

static int scan_to_integer(const struct scan *sc, unsigned type, int64_t *out)
{
    if (sc->n == 0)
        return range_check(0, false, type, out);
    if (sc->sticky || sc->point > 20 || (int)sc->n > sc->point)
        return CLR_PARSE_OVERFLOW; /* a non-zero fraction counts as out of range, as on .NET */
    uint64_t v = 0;
    for (int i = 0; i < sc->point; i++) {
        const unsigned d = i < (int)sc->n ? (unsigned)(sc->digits[i] - '0') : 0;
        if (v > (UINT64_MAX - d) / 10)
            return CLR_PARSE_OVERFLOW;
        v = v * 10 + d;
    }
    return range_check(v, sc->negative, type, out);
}

/* [white]digits[white] in base 16 or 2: the bits of the value, sign-extended from the type's width. */
static int parse_radix(struct text *t, unsigned styles, unsigned type, int64_t *out)
{
    const unsigned shift = (styles & ALLOW_HEX_SPECIFIER) ? 4 : 1, bits = type & 0xFF;
    skip_white(t, styles, ALLOW_LEADING_WHITE);
    uint64_t v = 0;
    bool any = false, overflow = false;
    for (; t->i < t->len; t->i++) {
        const uint16_t c = t->c[t->i];
        unsigned d = is_digit(c) ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= (1u << shift))
            break;
        any = true;
        if (bits < 64 ? (v >> (bits - shift)) != 0 : (v >> (64 - shift)) != 0)
            overflow = true;
        v = v << shift | d;
    }
    skip_white(t, styles, ALLOW_TRAILING_WHITE);
    if (!any || t->i != t->len)
        return CLR_PARSE_FORMAT;
    if (overflow)
        return CLR_PARSE_OVERFLOW;
    if (!(type & CLR_NUMBER_UNSIGNED) && bits < 64 && (v >> (bits - 1)) != 0)
        v |= ~(uint64_t)0 << bits;
    *out = (int64_t)v;
    return CLR_PARSE_OK;
}

/* ---- floating point ---- */

/* The text's value compared with g * 2^h (g > 0). */
static int compare_exact(const struct scan *sc, uint64_t g, int h)
{
    struct clr_exact x;
    clr_exact_start(&x, g, h);
    if (sc->point != x.point)
        return sc->point < x.point ? -1 : 1;
    for (unsigned i = 0; i < sc->n; i++) {
        if (clr_exact_done(&x))
            return 1;
        const unsigned d = clr_exact_next(&x), mine = (unsigned)(sc->digits[i] - '0');
        if (mine != d)
            return mine < d ? -1 : 1;
    }
    if (sc->sticky)
        return 1;
    return clr_exact_done(&x) ? 0 : -1;
}

struct ieee_format {
    unsigned mantissa_bits, exponent_bits;
};

/* The text compared with the midpoint between the positive values of encodings b and b + 1. */
static int compare_midpoint(const struct scan *sc, const struct ieee_format *fmt, uint64_t b)
{
    struct clr_ieee v;
    clr_ieee_decode(b, fmt->mantissa_bits, fmt->exponent_bits, &v);
    return compare_exact(sc, 2 * v.f + 1, v.e - 1);
}

static double scale10(double v, int e)
{
    static const double powers[] = {1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256};
    const bool down = e < 0;
    unsigned u = down ? (unsigned)-e : (unsigned)e;
    for (unsigned i = 0; i < 9 && u != 0; i++, u >>= 1)
        if (u & 1)
            v = down ? v / powers[i] : v * powers[i];
    return v;
}

/* The encoding of the magnitude closest to the text's (ties to even), infinity when beyond. */
static uint64_t scan_to_ieee(const struct scan *sc, const struct ieee_format *fmt)
{
    const uint64_t infinity = (((uint64_t)1 << fmt->exponent_bits) - 1) << fmt->mantissa_bits;
    if (sc->n == 0 || sc->point < -330)
        return 0;
    if (sc->point > 310)
        return infinity;
    uint64_t m = 0;
    unsigned used = 0;
    for (; used < sc->n && used < 19; used++)
        m = m * 10 + (unsigned)(sc->digits[used] - '0');
    const double estimate = scale10((double)m, sc->point - (int)used);
    uint64_t b;
    if (fmt->mantissa_bits == 52) {
        memcpy(&b, &estimate, sizeof b);
    } else {
        const float narrow = (float)estimate;
        uint32_t b32;
        memcpy(&b32, &narrow, sizeof b32);
        b = b32;
    }
    if (b > infinity)
        b = infinity;
    /* The estimate is within a few units of the last place: step to the closest. */
    for (int c; b < infinity && ((c = compare_midpoint(sc, fmt, b)) > 0 || (c == 0 && b % 2 != 0));)
        b++;
    for (int c; b > 0 && ((c = compare_midpoint(sc, fmt, b - 1)) < 0 || (c == 0 && b % 2 != 0));)
        b--;
    return b;
}

static bool equals_ignoring_case(const struct text *t, int32_t from, int32_t to, const char *word)
{
    for (; from < to && *word != '\0'; from++, word++)
        if ((t->c[from] | 0x20) != (*word | 0x20))
            return false;
    return from == to && *word == '\0';
}

/* "NaN", "Infinity", "-Infinity" (any case, signs allowed on NaN too), with the white space the styles allow. */
static bool parse_special(struct text *t, unsigned styles, const struct ieee_format *fmt, uint64_t *bits)
{
    t->i = 0;
    skip_white(t, styles, ALLOW_LEADING_WHITE);
    int32_t end = t->len;
    if (styles & ALLOW_TRAILING_WHITE)
        while (end > t->i && is_white(t->c[end - 1]))
            end--;
    int32_t from = t->i;
    const bool negative = at(t, '-');
    if (negative || at(t, '+'))
        from++;
    const uint64_t sign_bit = (uint64_t)1 << (fmt->mantissa_bits + fmt->exponent_bits);
    const uint64_t infinity = (((uint64_t)1 << fmt->exponent_bits) - 1) << fmt->mantissa_bits;
    if (equals_ignoring_case(t, from, end, "NaN")) { /* .NET's NaN, whatever the sign: negative, quiet */
        *bits = sign_bit | infinity | (uint64_t)1 << (fmt->mantissa_bits - 1);
        return true;
    }
    if (equals_ignoring_case(t, from, end, "Infinity")) {
        *bits = (negative ? sign_bit : 0) | infinity;
        return true;
    }
    return false;
}

/* ---- internal calls ---- */

/* The managed `out` argument: a local, argument, static or field slot, or an array element. */
static void store_out(const struct clr_slot *ref, const struct clr_slot *value)
{
    struct clr_slot converted;
    if (ref->ref_elem != 0) {
        if (clr_store_convert(ref->ref_elem, &converted, value))
            clr_raw_write(ref->ref_elem, ref->v.raw, &converted);
    } else {
        clr_store_convert(ref->v.ref->elem, ref->v.ref, value);
    }
}

static void status_result(struct clr_slot *result, int status)
{
    result->kind = CLR_K_I4;
    result->v.i4 = status;
}

static struct text text_of(const struct clr_slot *s)
{
    const struct clr_string *str = (const struct clr_string *)s->v.o;
    struct text t = {str != NULL ? str->chars : NULL, str != NULL ? str->length : 0, 0};
    while (t.len > 0 && t.c[t.len - 1] == 0) /* trailing NULs are ignored, as on .NET */
        t.len--;
    return t;
}

static bool check_out(struct clr_runtime *rt, const struct clr_slot *ref, enum clr_exception *exc)
{
    if (ref->kind == CLR_K_REF)
        return true;
    *exc = clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Number parsing needs an out argument.");
    return false;
}

enum clr_exception clr_native_parse_integer(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc = CLR_EXC_NONE;
    if (!check_out(rt, &args[3], &exc))
        return exc;
    struct text t = text_of(&args[0]);
    const unsigned styles = (unsigned)args[1].v.i4, type = (unsigned)args[2].v.i4 & 0x1FF;
    int64_t value = 0;
    int status;
    if (styles & (ALLOW_HEX_SPECIFIER | ALLOW_BINARY_SPECIFIER)) {
        status = parse_radix(&t, styles, type, &value);
    } else {
        struct scan sc = {0};
        status = scan_decimal(&t, styles, &sc) ? scan_to_integer(&sc, type, &value) : CLR_PARSE_FORMAT;
    }
    if (status == CLR_PARSE_OK)
        store_out(&args[3], &(struct clr_slot){.kind = CLR_K_I8, .v.i8 = value});
    status_result(result, status);
    return CLR_EXC_NONE;
}

enum clr_exception clr_native_parse_floating(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc = CLR_EXC_NONE;
    if (!check_out(rt, &args[3], &exc))
        return exc;
    struct text t = text_of(&args[0]);
    const unsigned styles = (unsigned)args[1].v.i4;
    const bool single = ((unsigned)args[2].v.i4 & 0xFF) == 32;
    const struct ieee_format fmt = single ? (struct ieee_format){23, 8} : (struct ieee_format){52, 11};
    struct scan sc = {0};
    uint64_t bits;
    if (scan_decimal(&t, styles, &sc))
        bits = scan_to_ieee(&sc, &fmt) | (uint64_t)sc.negative << (fmt.mantissa_bits + fmt.exponent_bits);
    else if (!parse_special(&t, styles, &fmt, &bits)) {
        status_result(result, CLR_PARSE_FORMAT);
        return CLR_EXC_NONE;
    }
    struct clr_slot value = {.kind = CLR_K_R8};
    if (single) {
        const uint32_t b32 = (uint32_t)bits;
        float f;
        memcpy(&f, &b32, sizeof f);
        value.v.r8 = f;
    } else {
        memcpy(&value.v.r8, &bits, sizeof bits);
    }
    store_out(&args[3], &value);
    status_result(result, CLR_PARSE_OK);
    return CLR_EXC_NONE;
}
