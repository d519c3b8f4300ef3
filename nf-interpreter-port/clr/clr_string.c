/*
 * Runtime strings: UTF-16 code units in a heap block (get_Chars and Length index them directly, as in
 * .NET). Literals are UTF-8 in the image and become objects at their first ldstr, once.
 */
#include "clr_internal.h"

#define REPLACEMENT 0xFFFDu
#define MAX_LENGTH 0x3FFFFFFF /* .NET's limit: keeps 2 * length + header far from overflow */

struct clr_string *clr_string_new(struct clr_runtime *rt, int32_t length)
{
    if (length < 0 || length > MAX_LENGTH)
        return NULL;
    const size_t bytes = offsetof(struct clr_string, chars) - sizeof(struct clr_block) + 2 * (size_t)length;
    struct clr_string *s = (struct clr_string *)clr_heap_alloc(&rt->heap, CLR_BLOCK_STRING, bytes);
    if (s != NULL)
        s->length = length;
    return s;
}

/*
 * Decodes one UTF-8 sequence at p (n bytes left): the code point and the bytes used. Invalid or cut
 * sequences give U+FFFD for their first byte. Encoded surrogates (WTF-8) are taken as they are, so a
 * C# literal holding a lone surrogate survives the trip through the image.
 */
static uint32_t decode_utf8(const uint8_t *p, size_t n, size_t *used)
{
    const uint8_t b = p[0];
    *used = 1;
    if (b < 0x80)
        return b;
    unsigned extra;
    uint32_t cp, min;
    if ((b & 0xE0) == 0xC0) {
        extra = 1, cp = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        extra = 2, cp = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        extra = 3, cp = b & 0x07, min = 0x10000;
    } else {
        return REPLACEMENT;
    }
    if (n <= extra)
        return REPLACEMENT;
    for (unsigned i = 1; i <= extra; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return REPLACEMENT;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF)
        return REPLACEMENT;
    *used = extra + 1;
    return cp;
}

struct clr_string *clr_string_from_utf8(struct clr_runtime *rt, const uint8_t *utf8, size_t len)
{
    size_t units = 0, used;
    for (size_t i = 0; i < len; i += used)
        units += decode_utf8(utf8 + i, len - i, &used) >= 0x10000 ? 2 : 1;
    if (units > MAX_LENGTH)
        return NULL;
    struct clr_string *s = clr_string_new(rt, (int32_t)units);
    if (s == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len; i += used) {
        const uint32_t cp = decode_utf8(utf8 + i, len - i, &used);
        if (cp >= 0x10000) {
            s->chars[k++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
            s->chars[k++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            s->chars[k++] = (uint16_t)cp;
        }
    }
    return s;
}

/* The code point at *i (a surrogate pair joined, a lone surrogate as U+FFFD, as .NET's UTF-8 encoder does);
 * *i moves past it. */
static uint32_t next_code_point(const struct clr_string *s, int32_t *i)
{
    uint32_t cp = s->chars[(*i)++];
    if (cp >= 0xD800 && cp <= 0xDBFF && *i < s->length && s->chars[*i] >= 0xDC00 && s->chars[*i] <= 0xDFFF)
        return 0x10000 + ((cp - 0xD800) << 10) + (s->chars[(*i)++] - 0xDC00u);
    return cp >= 0xD800 && cp <= 0xDFFF ? REPLACEMENT : cp;
}

/* UTF-8 of one code point into out (4 bytes of room): its length. */
static size_t encode_utf8(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

void clr_string_write_console(struct clr_runtime *rt, const struct clr_string *s)
{
    if (rt->hal.console_write == NULL)
        return;
    char buf[64];
    size_t n = 0;
    for (int32_t i = 0; i < s->length;) {
        if (n > sizeof buf - 4) {
            rt->hal.console_write(rt->hal.ctx, buf, n);
            n = 0;
        }
        n += encode_utf8(next_code_point(s, &i), buf + n);
    }
    if (n > 0)
        rt->hal.console_write(rt->hal.ctx, buf, n);
}

bool clr_string_to_utf8(const struct clr_string *s, char *buf, size_t cap)
{
    size_t n = 0;
    char cp[4];
    for (int32_t i = 0; i < s->length;) {
        const size_t len = encode_utf8(next_code_point(s, &i), cp);
        if (n + len >= cap)
            return false;
        memcpy(buf + n, cp, len);
        n += len;
    }
    if (cap == 0)
        return false;
    buf[n] = '\0';
    return true;
}

struct clr_string *clr_literal(struct clr_runtime *rt, struct clr_assembly *a, uint32_t offset)
{
    uint32_t lo = 0, hi = a->literal_count;
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (a->literals[mid].offset < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->literal_count && a->literals[lo].offset == offset) {
        struct clr_literal *lit = &a->literals[lo];
        if (lit->string == NULL)
            lit->string = clr_string_from_utf8(rt, (const uint8_t *)clr_string_at(a, offset),
                                               clr_string_length(a, offset));
        return lit->string;
    }
    /* Not an ldstr site the loader saw (a branch into an instruction's operand): uncached. */
    return clr_string_from_utf8(rt, (const uint8_t *)clr_string_at(a, offset), clr_string_length(a, offset));
}
