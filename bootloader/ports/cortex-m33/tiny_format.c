/*
 * The printf subset the stages' log lines use, written character by character: newlib's printf
 * would add kilobytes to b0 and want its system-call layer. snprintf and vsnprintf are built on it
 * too, replacing newlib's for the libraries the second stage links (loader, bl_update: ~3 KB less,
 * and no malloc or _sbrk).
 */
#include "tiny_format.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

static void put_unsigned(void (*put)(void *, char), void *ctx, uint32_t v, unsigned base, bool upper, unsigned width,
                         char pad)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[12];
    unsigned n = 0;
    do {
        buf[n++] = digits[v % base];
        v /= base;
    } while (v != 0);
    for (; width > n; width--)
        put(ctx, pad);
    while (n > 0)
        put(ctx, buf[--n]);
}

void tiny_vformat(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list args)
{
    for (; *fmt != '\0'; fmt++) {
        if (*fmt != '%') {
            put(ctx, *fmt);
            continue;
        }
        char pad = ' ';
        unsigned width = 0, longs = 0;
        if (*++fmt == '0')
            pad = *fmt++;
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + (unsigned)(*fmt - '0');
        for (; *fmt == 'l' || *fmt == 'z' || *fmt == 'h'; fmt++)
            longs += *fmt == 'l'; /* long, size_t and short are 32 bits or promoted to int here */
        if (longs >= 2) {
            /* No 64-bit values: their division would pull ~750 bytes of libgcc into b0. */
            if (*fmt == '\0')
                return;
            (void)va_arg(args, long long);
            put(ctx, '?');
            continue;
        }
        switch (*fmt) {
        case 'd':
        case 'i': {
            const int32_t s = longs == 1 ? va_arg(args, long) : va_arg(args, int);
            if (s < 0) {
                put(ctx, '-');
                width = width > 0 ? width - 1 : 0;
            }
            put_unsigned(put, ctx, s < 0 ? 0u - (uint32_t)s : (uint32_t)s, 10, false, width, pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
            put_unsigned(put, ctx, longs == 1 ? va_arg(args, unsigned long) : va_arg(args, unsigned), *fmt == 'u' ? 10 : 16,
                         *fmt == 'X', width, pad);
            break;
        case 'p':
            put(ctx, '0');
            put(ctx, 'x');
            put_unsigned(put, ctx, (uintptr_t)va_arg(args, void *), 16, false, 8, '0');
            break;
        case 'c':
            put(ctx, (char)va_arg(args, int));
            break;
        case 's':
            for (const char *s = va_arg(args, const char *); *s != '\0'; s++)
                put(ctx, *s);
            break;
        case '\0':
            return;
        default: /* %% and anything unknown: printed as is */
            put(ctx, *fmt);
            break;
        }
    }
}

/* A bounded buffer: counts every character, stores those that fit before the terminator. */
struct sink {
    char *buf;
    size_t size;
    size_t len;
};

static void put_sink(void *ctx, char c)
{
    struct sink *s = ctx;
    if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
    struct sink s = {buf, size, 0};
    tiny_vformat(put_sink, &s, fmt, args);
    if (size > 0)
        buf[s.len < size ? s.len : size - 1] = '\0';
    return (int)s.len; /* the untruncated length, as C's: callers detect truncation with it */
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const int n = vsnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}
