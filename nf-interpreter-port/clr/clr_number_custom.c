/*
 * Custom numeric format strings with the invariant culture, as .NET applies them: up to three sections
 * (positive; negative; zero) split by ';', '0' and '#' digit places, the first '.', ',' for groups of three
 * (or, just before the point, a division by 1000 each), '%' and '‰' (times 100 and 1000), "E0"/"E+0"/"E-0"
 * exponents, '\' escapes and quoted literals, anything else copied. The digits arrive already limited to
 * 15 (double) or 7 (float) significant digits; here they are rounded half up at the last digit place.
 */
#include "clr_number.h"

#define PER_MILLE 0x2030u
#define SCALE_LIMIT 100000 /* powers of ten from '%', '‰' and ',' beyond any digit: keeps the arithmetic in range */

struct section {
    int32_t start;
    int digits;       /* '0' and '#' places */
    int point;        /* places before the decimal point */
    int first_zero;   /* the first '0' place, or INT32_MAX */
    int last_zero;    /* after the last '0' place */
    int scale;        /* powers of ten: '%', '‰', and -3 per ',' before the point */
    bool scientific;
    bool groups;
};

/* Index after a quoted literal or an escape starting at i (whose character is c). */
static int32_t skip_literal(const uint16_t *f, int32_t len, int32_t i, uint16_t c)
{
    if (c == '\\')
        return i + 1 < len ? i + 2 : i + 1;
    if (c == '\'' || c == '"') {
        for (i++; i < len && f[i] != c; i++) {
        }
        return i < len ? i + 1 : i;
    }
    return i + 1;
}

/* Does an exponent ("E0", "E+0", "E-0") start at i (the 'E')? */
static bool exponent_at(const uint16_t *f, int32_t len, int32_t i)
{
    return (i + 1 < len && f[i + 1] == '0') ||
           (i + 2 < len && (f[i + 1] == '+' || f[i + 1] == '-') && f[i + 2] == '0');
}

/* Start of section n; the first section when it is missing or empty. */
static int32_t find_section(const uint16_t *f, int32_t len, int n)
{
    int32_t i = 0;
    for (int found = 0; found < n; found++) {
        while (i < len && f[i] != ';')
            i = skip_literal(f, len, i, f[i]);
        if (i >= len)
            return 0;
        i++;
    }
    return i < len && f[i] != ';' ? i : 0;
}

static void scan_section(const uint16_t *f, int32_t len, int32_t start, struct section *s)
{
    *s = (struct section){.start = start, .point = -1, .first_zero = INT32_MAX};
    int comma_at = -1, commas = 0;
    for (int32_t i = start; i < len && f[i] != ';';) {
        const uint16_t c = f[i];
        if (c == '#' || c == '0') {
            if (c == '0' && s->first_zero == INT32_MAX)
                s->first_zero = s->digits;
            s->digits++;
            if (c == '0')
                s->last_zero = s->digits;
        } else if (c == '.' && s->point < 0) {
            s->point = s->digits;
        } else if (c == ',' && s->digits > 0 && s->point < 0) {
            if (comma_at == s->digits) {
                commas += commas < SCALE_LIMIT;
            } else {
                s->groups |= comma_at >= 0;
                comma_at = s->digits;
                commas = 1;
            }
        } else if ((c == '%' || c == PER_MILLE) && s->scale < SCALE_LIMIT) {
            s->scale += c == '%' ? 2 : 3;
        } else if ((c == 'E' || c == 'e') && exponent_at(f, len, i)) {
            s->scientific = true;
            i += f[i + 1] == '0' ? 1 : 2;
            while (i < len && f[i] == '0')
                i++;
            continue;
        }
        i = skip_literal(f, len, i, c);
    }
    if (s->point < 0)
        s->point = s->digits;

    if (comma_at >= 0) {
        if (comma_at == s->point)
            s->scale -= 3 * commas;
        else
            s->groups = true;
    }
}

/* Writes the exponent of an 'E' at *i, moving *i past its sign and zeros. */
static void put_exponent(struct clr_sink *o, const uint16_t *f, int32_t len, int32_t *i, int exponent)
{
    const uint16_t e = f[*i];
    const bool plus = f[*i + 1] == '+';
    *i += f[*i + 1] == '0' ? 1 : 2;
    int zeros = 0;
    while (*i < len && f[*i] == '0') {
        zeros++;
        (*i)++;
    }
    clr_sink_put(o, e);
    if (exponent < 0 || plus)
        clr_sink_put(o, exponent < 0 ? '-' : '+');
    char text[12];
    const size_t n = clr_format_uint64((uint64_t)(exponent < 0 ? -(int64_t)exponent : exponent), text);
    for (int k = (int)n; k < (zeros > 10 ? 10 : zeros); k++)
        clr_sink_put(o, '0');
    for (size_t k = 0; k < n; k++)
        clr_sink_put(o, (uint8_t)text[k]);
}

/* A ',' after the digit at place `left` (places left of the point, counting this one) when grouping. */
static void put_group(struct clr_sink *o, const struct section *s, int left, int group_limit)
{
    if (s->groups && left > 1 && (left - 1) % 3 == 0 && left - 1 < group_limit)
        clr_sink_put(o, ',');
}

/* The section's characters with the digits of d in their places. */
static void put_section(struct clr_sink *o, const struct clr_decimal *d, const uint16_t *f, int32_t len,
                        const struct section *s)
{
    const int point = d->n > 0 ? d->point : 0;
    const int first_zero = s->first_zero < s->point ? s->point - s->first_zero : 0; /* '0' places left of the point */
    const int last_zero = s->last_zero > s->point ? s->point - s->last_zero : 0;    /* minus those right of it */
    int left = s->scientific ? s->point : point > s->point ? point : s->point;      /* places left of the point */
    int extra = s->scientific ? 0 : point - s->point; /* digits beyond the places (> 0) or places beyond the digits */
    const int shown = left + (extra < 0 ? extra : 0);
    const int group_limit = first_zero > shown ? first_zero : shown;
    unsigned next = 0;
    bool point_written = false, scientific = s->scientific;
    for (int32_t i = s->start; i < len && f[i] != ';';) {
        const uint16_t c = f[i];
        if (extra > 0 && (c == '#' || c == '0' || c == '.')) {
            for (; extra > 0; extra--, left--) {
                clr_sink_put(o, next < d->n ? (uint8_t)d->digits[next++] : '0');
                put_group(o, s, left, group_limit);
            }
        }
        if (c == '#' || c == '0') {
            unsigned digit = 0;
            if (extra < 0) {
                extra++;
                digit = left <= first_zero ? '0' : 0;
            } else {
                digit = next < d->n ? (uint8_t)d->digits[next++] : left > last_zero ? '0' : 0;
            }
            if (digit != 0) {
                clr_sink_put(o, digit);
                put_group(o, s, left, group_limit);
            }
            left--;
        } else if (c == '.') {
            if (left == 0 && !point_written && (last_zero < 0 || (s->point < s->digits && next < d->n))) {
                clr_sink_put(o, '.');
                point_written = true;
            }
        } else if ((c == 'E' || c == 'e') && scientific && exponent_at(f, len, i)) {
            put_exponent(o, f, len, &i, d->n > 0 ? d->point - s->point : 0);
            scientific = false;
            continue;
        } else if (c == 'E' || c == 'e') {
            /* not the exponent: copied, with a sign and zeros after it */
            clr_sink_put(o, c);
            if (++i < len && (f[i] == '+' || f[i] == '-'))
                clr_sink_put(o, f[i++]);
            while (i < len && f[i] == '0')
                clr_sink_put(o, f[i++]);
            continue;
        } else if (c == '\\' || c == '\'' || c == '"') {
            const int32_t end = skip_literal(f, len, i, c);
            const int32_t stop = c == '\\' ? end : end - (end <= len && end > i + 1 && f[end - 1] == c ? 1 : 0);
            for (int32_t k = i + 1; k < stop; k++)
                clr_sink_put(o, f[k]);
            i = end;
            continue;
        } else if (c != ',') {
            clr_sink_put(o, c); /* '%', '‰', a lone 'E' and anything else */
        }
        i++;
    }
}

void clr_format_custom(struct clr_sink *o, struct clr_decimal *d, bool floating, const uint16_t *f, int32_t len)
{
    struct section s;
    int32_t start = find_section(f, len, d->n == 0 ? 2 : d->negative ? 1 : 0);
    for (;;) {
        scan_section(f, len, start, &s);
        if (d->n > 0) {
            d->point += s.scale;
            clr_decimal_round_half_up(d, s.scientific ? s.digits : d->point + s.digits - s.point);
            if (d->n == 0) {
                const int32_t zero = find_section(f, len, 2);
                if (zero != start) {
                    start = zero;
                    continue;
                }
            }
        }
        break;
    }
    if (d->n == 0) {
        d->point = 0;
        d->negative &= floating; /* an integer zero has no sign; a floating point one keeps it */
    }
    /* The first section writes the '-' (the others hold their own); a value rounded to zero gets it only
     * when something is written. */
    bool sign = d->negative && start == 0;
    if (sign && d->point == 0) {
        struct clr_sink count = {NULL, NULL, 0, 0};
        put_section(&count, d, f, len, &s);
        sign = count.len > 0;
    }
    if (sign)
        clr_sink_put(o, '-');
    put_section(o, d, f, len, &s);
}
