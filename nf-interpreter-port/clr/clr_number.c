/*
 * Numbers to decimal digits, the part of .NET's formatting (Core 3.0 and later, invariant culture) that
 * needs exact arithmetic: integers, the shortest digits that read back to the same floating point value
 * (Steele & White / Burger & Dybvig free-format generation with exact big integers: no tables, no heap),
 * and the exact decimal expansion of a binary value (for precisions and for correctly rounded parsing).
 * Layout by format string: clr_number_format.c.
 */
#include "clr_number.h"

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

/* ---- big integers (CLR_BIG_WORDS words) ---- */

static void big_set(struct clr_big *b, uint64_t v)
{
    b->w[0] = (uint32_t)v;
    b->w[1] = (uint32_t)(v >> 32);
    b->n = b->w[1] != 0 ? 2 : b->w[0] != 0 ? 1 : 0;
}

/* b *= 2^bits */
static void big_shl(struct clr_big *b, unsigned bits)
{
    const unsigned words = bits / 32, rest = bits % 32;
    if (b->n == 0 || b->n + words + 1 > CLR_BIG_WORDS)
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

static void big_mul_small(struct clr_big *b, uint32_t m)
{
    uint64_t carry = 0;
    for (uint32_t i = 0; i < b->n; i++) {
        const uint64_t t = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry != 0 && b->n < CLR_BIG_WORDS)
        b->w[b->n++] = (uint32_t)carry;
}

static void big_mul_pow10(struct clr_big *b, unsigned k)
{
    static const uint32_t pow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    for (; k >= 9; k -= 9)
        big_mul_small(b, 1000000000u);
    if (k > 0)
        big_mul_small(b, pow10[k]);
}

static int big_cmp(const struct clr_big *a, const struct clr_big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (uint32_t i = a->n; i-- > 0;)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* r = a + b (r may be a or b) */
static void big_add(struct clr_big *r, const struct clr_big *a, const struct clr_big *b)
{
    const struct clr_big *longer = a->n >= b->n ? a : b, *shorter = a->n >= b->n ? b : a;
    const uint32_t n = longer->n, m = shorter->n;
    uint64_t carry = 0;
    for (uint32_t i = 0; i < n; i++) {
        const uint64_t t = (uint64_t)longer->w[i] + (i < m ? shorter->w[i] : 0) + carry;
        r->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    r->n = n;
    if (carry != 0 && n < CLR_BIG_WORDS)
        r->w[r->n++] = 1;
}

/* a -= b, with a >= b */
static void big_sub(struct clr_big *a, const struct clr_big *b)
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
 * r/s is f * 2^e; mp and mm (when not NULL) are margins over the same s. Scales them by 10^-k, where k
 * estimates ceil(log10(f * 2^e)) (it may be one off), and returns k.
 */
static int scale_estimate(uint64_t f, int e, struct clr_big *r, struct clr_big *s, struct clr_big *mp, struct clr_big *mm)
{
    const int k = floor_div((e + (int)bit_length(f) - 1) * 315653, 1 << 20) + 1; /* 315653 / 2^20 ~ log10(2) */
    if (k >= 0) {
        big_mul_pow10(s, (unsigned)k);
    } else {
        big_mul_pow10(r, (unsigned)-k);
        if (mp != NULL) {
            big_mul_pow10(mp, (unsigned)-k);
            big_mul_pow10(mm, (unsigned)-k);
        }
    }
    return k;
}

/* r = f * 2^max(e, 0) << extra, s = 2^max(-e, 0) << extra. */
static void start_ratio(uint64_t f, int e, unsigned extra, struct clr_big *r, struct clr_big *s)
{
    big_set(r, f);
    big_set(s, 1);
    big_shl(r, (unsigned)(e > 0 ? e : 0) + extra);
    big_shl(s, (unsigned)(e < 0 ? -e : 0) + extra);
}

/*
 * unequal: the gap below the value is half the gap above (f is a power of two above the smallest
 * exponent). An even f means a value exactly halfway reads back as this one (round-half-even).
 */
void clr_shortest_digits(uint64_t f, int e, bool unequal, struct clr_decimal *d)
{
    struct clr_big r, s, mp, mm, t;
    const bool even = f % 2 == 0;
    start_ratio(f, e, unequal ? 2u : 1u, &r, &s);
    /* mp/s and mm/s are the half-gaps to the neighbours. */
    big_set(&mp, unequal ? 2 : 1);
    big_set(&mm, 1);
    if (e > 0) {
        big_shl(&mp, (unsigned)e);
        big_shl(&mm, (unsigned)e);
    }
    int k = scale_estimate(f, e, &r, &s, &mp, &mm);
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
        unsigned digit = 0;
        while (big_cmp(&r, &s) >= 0) {
            big_sub(&r, &s);
            digit++;
        }
        const int cl = big_cmp(&r, &mm);
        big_add(&t, &r, &mp);
        const int ch = big_cmp(&t, &s);
        const bool low = even ? cl <= 0 : cl < 0; /* stopping here stays above the low neighbour's reach */
        bool high = even ? ch >= 0 : ch > 0;      /* rounding up stays below the high neighbour's reach */
        if (!low && !high && n < 24) {
            d->digits[n++] = (char)('0' + digit);
            continue;
        }
        if (low && high) {
            /* Both digits identify the value: take the closer one, the even one on a tie (as .NET). */
            big_add(&t, &r, &r);
            const int c = big_cmp(&t, &s);
            high = c > 0 || (c == 0 && digit % 2 != 0);
        }
        d->digits[n++] = (char)('0' + digit + (high ? 1 : 0));
        break;
    }
    d->point = k;
    d->n = n;
}

/* ---- exact expansion ---- */

void clr_exact_start(struct clr_exact *x, uint64_t f, int e)
{
    start_ratio(f, e, 0, &x->rest, &x->scale);
    int k = scale_estimate(f, e, &x->rest, &x->scale, NULL, NULL);
    while (big_cmp(&x->rest, &x->scale) >= 0) { /* value < 10^k */
        big_mul_small(&x->scale, 10);
        k++;
    }
    for (;;) { /* 10^(k-1) <= value */
        struct clr_big ten = x->rest;
        big_mul_small(&ten, 10);
        if (big_cmp(&ten, &x->scale) >= 0)
            break;
        x->rest = ten;
        k--;
    }
    x->point = k;
}

unsigned clr_exact_next(struct clr_exact *x)
{
    big_mul_small(&x->rest, 10);
    unsigned digit = 0;
    while (big_cmp(&x->rest, &x->scale) >= 0) {
        big_sub(&x->rest, &x->scale);
        digit++;
    }
    return digit;
}

bool clr_exact_done(const struct clr_exact *x)
{
    return x->rest.n == 0;
}

int clr_exact_rest_vs_half(struct clr_exact *x)
{
    struct clr_big twice;
    big_add(&twice, &x->rest, &x->rest);
    return big_cmp(&twice, &x->scale);
}

void clr_ieee_decode(uint64_t bits, unsigned mantissa_bits, unsigned exponent_bits, struct clr_ieee *out)
{
    const uint64_t mantissa = bits & (((uint64_t)1 << mantissa_bits) - 1);
    const uint32_t exp_max = (1u << exponent_bits) - 1;
    const uint32_t exponent = (uint32_t)(bits >> mantissa_bits) & exp_max;
    const int bias = (int)(exp_max >> 1) + (int)mantissa_bits;
    out->negative = (bits >> (mantissa_bits + exponent_bits)) & 1;
    out->nan = exponent == exp_max && mantissa != 0;
    out->infinite = exponent == exp_max && mantissa == 0;
    out->f = exponent == 0 ? mantissa : mantissa | (uint64_t)1 << mantissa_bits;
    out->e = exponent == 0 ? 1 - bias : (int)exponent - bias;
    out->unequal = mantissa == 0 && exponent > 1;
}
