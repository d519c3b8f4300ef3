/*
 * The internal calls of System.Convert: Base64 text of a byte array (RFC 4648 alphabet, '=' padding, no
 * line breaks), made in one string so that long arrays do not cost a string per character.
 */
#include "clr_internal.h"

enum clr_exception clr_native_convert_base64(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const struct clr_array *bytes = (const struct clr_array *)args[0].v.o;
    if (bytes == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (bytes->block.kind != CLR_BLOCK_ARRAY || bytes->elem_size != 1)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Convert.Base64 of something that is not a byte array.");
    const uint32_t n = (uint32_t)bytes->length;
    if (n > 0x3FFFFFFFu / 4 * 3)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    struct clr_string *s = clr_string_new(rt, (int32_t)((n + 2) / 3 * 4));
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    uint16_t *out = s->chars;
    for (uint32_t i = 0; i < n; i += 3) {
        const uint32_t rest = n - i;
        const uint32_t group = (uint32_t)bytes->data[i] << 16 | (rest > 1 ? (uint32_t)bytes->data[i + 1] << 8 : 0) |
                               (rest > 2 ? bytes->data[i + 2] : 0);
        *out++ = (uint8_t)alphabet[group >> 18];
        *out++ = (uint8_t)alphabet[group >> 12 & 63];
        *out++ = rest > 1 ? (uint8_t)alphabet[group >> 6 & 63] : '=';
        *out++ = rest > 2 ? (uint8_t)alphabet[group & 63] : '=';
    }
    result->kind = CLR_K_O;
    result->v.o = &s->block;
    return CLR_EXC_NONE;
}
