/*
 * A small printf for log lines: %d %i %u %x %X %c %s %p %%, '0' padding, width, l/z/h lengths.
 * 32-bit values only: %ll... prints '?'.
 */
#ifndef TINY_FORMAT_H
#define TINY_FORMAT_H

#include <stdarg.h>

/* Formats fmt with args, handing each character to put(ctx, c). */
void tiny_vformat(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list args);

/* tiny_format.c also defines snprintf and vsnprintf (<stdio.h>) with this subset, in place of newlib's. */

#endif /* TINY_FORMAT_H */
