/*
 * Shared by the number files (clr_number*.c): exact decimal digits of binary floating point values,
 * the IEEE fields of a value, and a decimal number as digits and a point.
 */
#ifndef CLR_NUMBER_H
#define CLR_NUMBER_H

#include "clr_internal.h"

/* Enough bits for 2^1077 * 10 and for 2^55 * 10^324: every operand of the number files. */
#define CLR_BIG_WORDS 40

struct clr_big {
    uint32_t n; /* words in use; w[n - 1] != 0 unless n == 0 */
    uint32_t w[CLR_BIG_WORDS];
};

/* The decimal expansion of f * 2^e, digit by digit: the value is rest / scale * 10^point. */
struct clr_exact {
    struct clr_big rest, scale;
    int point;
};

/* Starts the expansion of f * 2^e (f > 0); x->point gets the decimal point's place (value = 0.DIGITS * 10^point). */
void clr_exact_start(struct clr_exact *x, uint64_t f, int e);
/* The next digit (0 once the expansion has ended). */
unsigned clr_exact_next(struct clr_exact *x);
/* Is the rest of the expansion zero? */
bool clr_exact_done(const struct clr_exact *x);
/* The rest compared with one half of the last digit's unit: -1, 0 (exactly half) or 1. */
int clr_exact_rest_vs_half(struct clr_exact *x);

/* An IEEE binary value: mantissa_bits and exponent_bits describe the format. */
struct clr_ieee {
    bool negative, nan, infinite;
    bool unequal; /* a power of two above the lowest exponent: the gap below is half the gap above */
    uint64_t f; /* value = f * 2^e; f == 0 for zero */
    int e;
};
void clr_ieee_decode(uint64_t bits, unsigned mantissa_bits, unsigned exponent_bits, struct clr_ieee *out);

/* More than the 767 significant digits a double's exact expansion can have. */
#define CLR_DECIMAL_DIGITS 780

/* A decimal number: 0.DIGITS * 10^point; n == 0 for zero; digits are ASCII. */
struct clr_decimal {
    bool negative;
    int point;
    unsigned n;
    char digits[CLR_DECIMAL_DIGITS];
};

/* The shortest digits that read back as f * 2^e (f > 0); unequal as in struct clr_ieee. */
void clr_shortest_digits(uint64_t f, int e, bool unequal, struct clr_decimal *d);

/* Rounds half up (on the digits) to `count` significant digits; count <= 0 leaves zero or one unit. */
void clr_decimal_round_half_up(struct clr_decimal *d, long count);

/* The formatters' output: counted always, stored while there is room (UTF-16 units, or ASCII text). */
struct clr_sink {
    uint16_t *wide;
    char *narrow;
    size_t len, cap;
};
void clr_sink_put(struct clr_sink *o, unsigned c);

/* A custom numeric format string ("#,##0.00", "0.0E+00", "0;(0);zero") applied to d (clr_number_custom.c). */
void clr_format_custom(struct clr_sink *o, struct clr_decimal *d, bool floating, const uint16_t *format, int32_t len);

#endif /* CLR_NUMBER_H */
