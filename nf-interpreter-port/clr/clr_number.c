/*
 * Numbers to text as .NET (Core 3.0 and later) prints them with the invariant culture.
 *
 * Floating point gives the shortest digits that read back to the same value, closest to it (Steele &
 * White / Burger & Dybvig free-format generation with exact big integers: no tables, no heap, about
 * 0.9 KiB of stack), laid out as .NET's "R" does: scientific ("1E+17", "1.5E-05") when the decimal
 * exponent is at least 17 (double) or 9 (float), or below -4; plain digits otherwise.
 */
#include "clr_internal.h"

/* ---- integers ---- */

size_t clr_format_uint64(uint64_t value, char *out)
{
    char rev[20];
    size_t n = 0;
    do {
        rev[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (size_t i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
    return n;
}

size_t clr_format_int64(int64_t value, char *out)
{
    if (value >= 0)
        return clr_format_uint64((uint64_t)value, out);
    out[0] = '-';
    return 1 + clr_format_uint64(0 - (uint64_t)value, out + 1);
}

/* ---- big integers: enough bits for 2 * 10^324 and 2^1077 times 10 ---- */

#define BIG_WORDS 40

struct big {
    uint32_t n; /* words in use; w[n - 1] != 0 unless n == 0 */
    uint32_t w[BIG_WORDS];
};

static void big_set(struct big *b, uint64_t v)
{
    b->w[0] = (uint32_t)v;
    b->w[1] = (uint32_t)(v >> 32);
    b->n = b->w[1] != 0 ? 2 : b->w[0] != 0 ? 1 : 0;
}

/* b *= 2^bits */
static void big_shl(struct big *b, unsigned bits)
{
    const unsigned words = bits / 32, rest = bits % 32;
    if (b->n == 0 || b->n + words + 1 > BIG_WORDS)
        return; /* never with the operands of this file */
    if (rest == 0) {
        for (uint32_t i = b->n; i-- > 0;)
            b->w[i + words] = b->w[i];
    } else {
        b->w[b->n + words] = b->w[b->n - 1] >> (32 - rest);
        for (uint32_t i = b->n - 1; i > 0; i--)
            b->w[i + words] = b->w[i] << rest | b->w[i - 1] >> (32 - rest);
        b->w[words] = b->w[0] << rest;
    }
    for (unsigned i = 0; i < words; i++)
        b->w[i] = 0;
    b->n += words + (rest != 0 && b->w[b->n + words] != 0 ? 1 : 0);
}

static void big_mul_small(struct big *b, uint32_t m)
{
    uint64_t carry = 0;
    for (uint32_t i = 0; i < b->n; i++) {
        const uint64_t t = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry != 0 && b->n < BIG_WORDS)
        b->w[b->n++] = (uint32_t)carry;
}

static void big_mul_pow10(struct big *b, unsigned k)
{
    static const uint32_t pow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    for (; k >= 9; k -= 9)
        big_mul_small(b, 1000000000u);
    if (k > 0)
        big_mul_small(b, pow10[k]);
}

static int big_cmp(const struct big *a, const struct big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (uint32_t i = a->n; i-- > 0;)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* r = a + b (r may be a or b) */
static void big_add(struct big *r, const struct big *a, const struct big *b)
{
    const struct big *longer = a->n >= b->n ? a : b, *shorter = a->n >= b->n ? b : a;
    const uint32_t n = longer->n, m = shorter->n;
    uint64_t carry = 0;
    for (uint32_t i = 0; i < n; i++) {
        const uint64_t t = (uint64_t)longer->w[i] + (i < m ? shorter->w[i] : 0) + carry;
        r->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    r->n = n;
    if (carry != 0 && n < BIG_WORDS)
        r->w[r->n++] = 1;
}

/* a -= b, with a >= b */
static void big_sub(struct big *a, const struct big *b)
{
    int64_t borrow = 0;
    for (uint32_t i = 0; i < a->n; i++) {
        const int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        a->w[i] = (uint32_t)t;
        borrow = t < 0;
    }
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

static unsigned bit_length(uint64_t v)
{
    unsigned n = 0;
    for (; v != 0; v >>= 1)
        n++;
    return n;
}

static int floor_div(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/*
 * The shortest digits that identify f * 2^e (f > 0) among its neighbours: writes them to digits and
 * returns their count; *point gets the decimal point's place (value = 0.DIGITS * 10^point).
 * unequal: the gap below the value is half the gap above (f is a power of two above the smallest
 * exponent). even: f is even, so a value exactly halfway reads back as this one (round-half-even).
 */
static unsigned shortest_digits(uint64_t f, int e, bool unequal, bool even, char *digits, int *point)
{
    struct big r, s, mp, mm, t;
    if (e >= 0) {
        big_set(&r, f);
        big_shl(&r, (unsigned)e + (unequal ? 2u : 1u));
        big_set(&s, unequal ? 4 : 2);
        big_set(&mp, 1);
        big_shl(&mp, (unsigned)e + (unequal ? 1u : 0u));
        big_set(&mm, 1);
        big_shl(&mm, (unsigned)e);
    } else {
        big_set(&r, f);
        big_shl(&r, unequal ? 2u : 1u);
        big_set(&s, 1);
        big_shl(&s, (unsigned)((unequal ? 2 : 1) - e));
        big_set(&mp, unequal ? 2 : 1);
        big_set(&mm, 1);
    }
    /* r/s is the value, mp/s and mm/s the half-gaps to its neighbours. Estimate k = ceil(log10(value)). */
    int k = floor_div((e + (int)bit_length(f) - 1) * 315653, 1 << 20) + 1; /* 315653 / 2^20 ~ log10(2) */
    if (k >= 0) {
        big_mul_pow10(&s, (unsigned)k);
    } else {
        big_mul_pow10(&r, (unsigned)-k);
        big_mul_pow10(&mp, (unsigned)-k);
        big_mul_pow10(&mm, (unsigned)-k);
    }
    /* Fix the estimate so that (value + high gap) < 10^k <= 10 * (value + high gap). */
    for (;;) {
        big_add(&t, &r, &mp);
        const int c = big_cmp(&t, &s);
        if (even ? c < 0 : c <= 0)
            break;
        big_mul_small(&s, 10);
        k++;
    }
    for (;;) {
        big_add(&t, &r, &mp);
        big_mul_small(&t, 10);
        const int c = big_cmp(&t, &s);
        if (even ? c >= 0 : c > 0)
            break;
        big_mul_small(&r, 10);
        big_mul_small(&mp, 10);
        big_mul_small(&mm, 10);
        k--;
    }
    unsigned n = 0;
    for (;;) {
        big_mul_small(&r, 10);
        big_mul_small(&mp, 10);
        big_mul_small(&mm, 10);
        unsigned d = 0;
        while (big_cmp(&r, &s) >= 0) {
            big_sub(&r, &s);
            d++;
        }
        const int cl = big_cmp(&r, &mm);
        big_add(&t, &r, &mp);
        const int ch = big_cmp(&t, &s);
        const bool low = even ? cl <= 0 : cl < 0;   /* stopping here stays above the low neighbour's reach */
        bool high = even ? ch >= 0 : ch > 0;        /* rounding up stays below the high neighbour's reach */
        if (!low && !high && n < 24) {
            digits[n++] = (char)('0' + d);
            continue;
        }
        if (low && high) {
            /* Both digits identify the value: take the closer one, the even one on a tie (as .NET). */
            big_add(&t, &r, &r);
            const int c = big_cmp(&t, &s);
            high = c > 0 || (c == 0 && d % 2 != 0);
        }
        digits[n++] = (char)('0' + d + (high ? 1 : 0));
        break;
    }
    *point = k;
    return n;
}

/* .NET's layout of the digits; max_plain is 17 for double, 9 for float. */
static size_t layout(bool negative, const char *digits, unsigned n, int point, int max_plain, char *out)
{
    size_t len = 0;
    if (negative)
        out[len++] = '-';
    if (point > max_plain || point < -3) {
        out[len++] = digits[0];
        if (n > 1) {
            out[len++] = '.';
            memcpy(out + len, digits + 1, n - 1);
            len += n - 1;
        }
        int exp = point - 1;
        out[len++] = 'E';
        out[len++] = exp < 0 ? '-' : '+';
        if (exp < 0)
            exp = -exp;
        if (exp >= 100)
            out[len++] = (char)('0' + exp / 100);
        out[len++] = (char)('0' + exp / 10 % 10);
        out[len++] = (char)('0' + exp % 10);
    } else if (point <= 0) {
        out[len++] = '0';
        out[len++] = '.';
        for (int i = point; i < 0; i++)
            out[len++] = '0';
        memcpy(out + len, digits, n);
        len += n;
    } else if ((int)n <= point) {
        memcpy(out + len, digits, n);
        len += n;
        for (int i = (int)n; i < point; i++)
            out[len++] = '0';
    } else {
        memcpy(out + len, digits, (size_t)point);
        len += (size_t)point;
        out[len++] = '.';
        memcpy(out + len, digits + point, n - (size_t)point);
        len += n - (size_t)point;
    }
    out[len] = '\0';
    return len;
}

static size_t special(const char *text, char *out)
{
    const size_t n = strlen(text);
    memcpy(out, text, n + 1);
    return n;
}

/*
 * mantissa_bits and exponent_bits describe the IEEE format; bits is the value's encoding.
 */
static size_t format_ieee(uint64_t bits, unsigned mantissa_bits, unsigned exponent_bits, int max_plain, char *out)
{
    const bool negative = (bits >> (mantissa_bits + exponent_bits)) & 1;
    const uint64_t mantissa = bits & (((uint64_t)1 << mantissa_bits) - 1);
    const uint32_t exp_max = (1u << exponent_bits) - 1;
    const uint32_t exponent = (uint32_t)(bits >> mantissa_bits) & exp_max;
    const int bias = (int)(exp_max >> 1) + (int)mantissa_bits;
    if (exponent == exp_max)
        return special(mantissa != 0 ? "NaN" : negative ? "-Infinity" : "Infinity", out);
    if (exponent == 0 && mantissa == 0)
        return special(negative ? "-0" : "0", out);
    uint64_t f;
    int e;
    if (exponent == 0) {
        f = mantissa;
        e = 1 - bias;
    } else {
        f = mantissa | (uint64_t)1 << mantissa_bits;
        e = (int)exponent - bias;
    }
    const bool unequal = mantissa == 0 && exponent > 1;
    char digits[26];
    int point;
    const unsigned n = shortest_digits(f, e, unequal, f % 2 == 0, digits, &point);
    return layout(negative, digits, n, point, max_plain, out);
}

size_t clr_format_double(double value, char *out)
{
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return format_ieee(bits, 52, 11, 17, out);
}

size_t clr_format_single(float value, char *out)
{
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    return format_ieee(bits, 23, 8, 9, out);
}
