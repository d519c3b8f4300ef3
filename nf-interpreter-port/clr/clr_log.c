/*
 * Log lines and names for messages. A small formatter (%s %c %d %u %x %X %%, width, '0' padding,
 * l/ll/z lengths) instead of the C library's: no heap, no locale, no floating point.
 */
#include "clr_internal.h"

struct out {
    char *buf;
    size_t cap, len;
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->cap)
        o->buf[o->len] = c;
    o->len++;
}

static void put_number(struct out *o, uint64_t v, unsigned base, bool upper, bool negative, unsigned width, char pad)
{
    char digits[24];
    unsigned n = 0;
    do {
        const unsigned d = (unsigned)(v % base);
        digits[n++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
        v /= base;
    } while (v != 0);
    if (negative)
        digits[n++] = '-';
    for (unsigned i = n; i < width; i++)
        put(o, pad);
    while (n > 0)
        put(o, digits[--n]);
}

size_t clr_vformat(char *buf, size_t cap, const char *fmt, va_list args)
{
    struct out o = {buf, cap, 0};
    for (const char *p = fmt; *p != '\0'; p++) {
        if (*p != '%') {
            put(&o, *p);
            continue;
        }
        p++;
        char pad = ' ';
        if (*p == '0') {
            pad = '0';
            p++;
        }
        unsigned width = 0;
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (unsigned)(*p++ - '0');
        unsigned longs = 0;
        bool size = false;
        while (*p == 'l') {
            longs++;
            p++;
        }
        if (*p == 'z') {
            size = true;
            p++;
        }
        switch (*p) {
        case 'd': {
            const int64_t v = size ? (int64_t)va_arg(args, ptrdiff_t)
                              : longs >= 2 ? va_arg(args, long long)
                              : longs == 1 ? va_arg(args, long)
                                           : va_arg(args, int);
            put_number(&o, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, 10, false, v < 0, width, pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            const uint64_t v = size ? va_arg(args, size_t)
                               : longs >= 2 ? va_arg(args, unsigned long long)
                               : longs == 1 ? va_arg(args, unsigned long)
                                            : va_arg(args, unsigned);
            put_number(&o, v, *p == 'u' ? 10 : 16, *p == 'X', false, width, pad);
            break;
        }
        case 'c':
            put(&o, (char)va_arg(args, int));
            break;
        case 's': {
            const char *s = va_arg(args, const char *);
            for (s = s != NULL ? s : "(null)"; *s != '\0'; s++)
                put(&o, *s);
            break;
        }
        case '%':
            put(&o, '%');
            break;
        default: /* unknown conversion: show it rather than guess at the arguments */
            put(&o, '%');
            if (*p == '\0')
                p--;
            else
                put(&o, *p);
            break;
        }
    }
    if (cap > 0)
        buf[o.len < cap ? o.len : cap - 1] = '\0';
    return o.len < cap ? o.len : cap > 0 ? cap - 1 : 0;
}

size_t clr_format(char *buf, size_t cap, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const size_t n = clr_vformat(buf, cap, fmt, args);
    va_end(args);
    return n;
}

void clr_log(struct clr_runtime *rt, const char *fmt, ...)
{
    char line[CLR_LOG_LINE_MAX];
    va_list args;
    va_start(args, fmt);
    clr_vformat(line, sizeof line, fmt, args);
    va_end(args);
    if (rt->hal.log_line != NULL)
        rt->hal.log_line(rt->hal.ctx, line);
}

static size_t append(char *buf, size_t cap, size_t len, const char *text, size_t n)
{
    while (n-- > 0 && len + 1 < cap)
        buf[len++] = *text++;
    if (cap > 0)
        buf[len < cap ? len : cap - 1] = '\0';
    return len;
}

size_t clr_type_full_name(const struct clr_assembly *a, uint32_t type, char nest_sep, char *buf, size_t cap)
{
    /* Outermost first; deeper nesting than this is cut from the name, not from the program. */
    enum { MAX_NESTING = 8 };
    uint32_t chain[MAX_NESTING];
    unsigned n = 0;
    struct clr_type_def td;
    for (uint32_t t = type; n < MAX_NESTING; n++) {
        chain[n] = t;
        clr_read_type_def(a, t, &td);
        if (td.enclosing == CLR_NONE16 || td.enclosing >= a->tables[CLR_TBL_TYPE_DEF].count)
            break;
        t = td.enclosing;
    }
    if (n == MAX_NESTING)
        n--;
    size_t len = 0;
    if (cap > 0)
        buf[0] = '\0';
    clr_read_type_def(a, chain[n], &td);
    if (clr_string_length(a, td.name_space) > 0) {
        len = append(buf, cap, len, clr_string_at(a, td.name_space), clr_string_length(a, td.name_space));
        len = append(buf, cap, len, ".", 1);
    }
    for (unsigned i = n + 1; i-- > 0;) {
        clr_read_type_def(a, chain[i], &td);
        len = append(buf, cap, len, clr_string_at(a, td.name), clr_string_length(a, td.name));
        if (i > 0)
            len = append(buf, cap, len, &nest_sep, 1);
    }
    return len;
}

size_t clr_method_full_name(const struct clr_assembly *a, uint32_t method, char *buf, size_t cap)
{
    struct clr_method_def md;
    clr_read_method_def(a, method, &md);
    size_t len = clr_type_full_name(a, md.owner, '/', buf, cap);
    len = append(buf, cap, len, "::", 2);
    return append(buf, cap, len, clr_string_at(a, md.name), clr_string_length(a, md.name));
}
