/* Version order and text as MCUboot's: major, minor, revision, and build only when asked for. */
#include "mb_image.h"

static int cmp(uint32_t a, uint32_t b)
{
    return a < b ? -1 : a > b;
}

int mb_version_cmp(const struct mb_version *a, const struct mb_version *b, bool with_build)
{
    int c = cmp(a->major, b->major);
    if (c == 0)
        c = cmp(a->minor, b->minor);
    if (c == 0)
        c = cmp(a->revision, b->revision);
    if (c == 0 && with_build)
        c = cmp(a->build_num, b->build_num);
    return c;
}

/* Decimal digits of v after a separator (none when sep is 0); no printf, to keep firmware small. */
static size_t put_number(char *p, char sep, uint32_t v)
{
    char digits[10];
    size_t n = 0, len = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (sep != 0)
        p[len++] = sep;
    while (n > 0)
        p[len++] = digits[--n];
    return len;
}

void mb_version_format(const struct mb_version *v, char *buf, size_t len)
{
    char text[MB_VERSION_TEXT_SIZE - 1]; /* no terminator here */
    size_t n = put_number(text, 0, v->major);
    n += put_number(text + n, '.', v->minor);
    n += put_number(text + n, '.', v->revision);
    n += put_number(text + n, '+', v->build_num);
    if (len == 0)
        return;
    if (n > len - 1)
        n = len - 1; /* truncated, still terminated */
    for (size_t i = 0; i < n; i++)
        buf[i] = text[i];
    buf[n] = '\0';
}
