/*
 * String's natives: its constructors (newobj calls them with a null 'this'; they return the new string and
 * check their arguments with .NET's exceptions and texts, the ones ThrowHelper.cs has), and the copies and
 * ordinal searches its managed members build on (which check ranges themselves; the natives check again so
 * that bad IL cannot reach outside an object).
 */
#include "clr_corlib.h"

/* The exception for an argument that should be a char[] (or, with `string`, a string) but is not. */
static enum clr_exception check_kind(struct clr_runtime *rt, const struct clr_slot *slot, bool string)
{
    const struct clr_block *b = slot->v.o;
    if (b == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    const bool ok = string ? b->kind == CLR_BLOCK_STRING
                           : b->kind == CLR_BLOCK_ARRAY && ((const struct clr_array *)b)->elem == CLR_ELEM_CHAR;
    return ok ? CLR_EXC_NONE
              : clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "String's native received %s.",
                          string ? "an object that is not a string" : "an array that is not a char[]");
}

static bool range_ok(int32_t start, int32_t count, int32_t length)
{
    return start >= 0 && count >= 0 && start <= length - count;
}

static enum clr_exception negative(struct clr_runtime *rt, const char *name, int32_t value)
{
    return clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE,
                     "%s ('%d') must be a non-negative value. (Parameter '%s')\nActual value was %d.", name,
                     (int)value, name, (int)value);
}

/* A new string of `count` UTF-16 units copied from `units` (an array's bytes need not be aligned). */
static enum clr_exception string_result(struct clr_runtime *rt, const void *units, int32_t count,
                                        struct clr_slot *result)
{
    struct clr_string *s = clr_string_new(rt, count);
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    if (units != NULL)
        memcpy(s->chars, units, 2 * (size_t)count);
    result->kind = CLR_K_O;
    result->v.o = &s->block;
    return CLR_EXC_NONE;
}

/* new String(char[] value): null gives "", as .NET. */
enum clr_exception clr_string_ctor_chars(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    if (args[1].v.o == NULL)
        return string_result(rt, NULL, 0, result);
    const enum clr_exception exc = check_kind(rt, &args[1], false);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_array *chars = (const struct clr_array *)args[1].v.o;
    return string_result(rt, chars->data, chars->length, result);
}

/* new String(char[] value, int startIndex, int length) */
enum clr_exception clr_string_ctor_chars_range(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int32_t start = args[2].v.i4, count = args[3].v.i4;
    if (args[1].v.o == NULL)
        return clr_throw(rt, CLR_EXC_ARGUMENT_NULL, "Value cannot be null. (Parameter 'value')");
    const enum clr_exception exc = check_kind(rt, &args[1], false);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_array *chars = (const struct clr_array *)args[1].v.o;
    if (start < 0)
        return negative(rt, "startIndex", start);
    if (count < 0)
        return negative(rt, "length", count);
    if (start > chars->length - count)
        return clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE,
                         "startIndex ('%d') must be less than or equal to '%d'. (Parameter 'startIndex')\n"
                         "Actual value was %d.", (int)start, (int)(chars->length - count), (int)start);
    return string_result(rt, chars->data + 2 * (size_t)start, count, result);
}

/* new String(char c, int count) */
enum clr_exception clr_string_ctor_repeat(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int32_t count = args[2].v.i4;
    if (count < 0)
        return negative(rt, "count", count);
    const enum clr_exception exc = string_result(rt, NULL, count, result);
    struct clr_string *s = (struct clr_string *)result->v.o;
    for (int32_t i = 0; exc == CLR_EXC_NONE && i < count; i++)
        s->chars[i] = (uint16_t)args[1].v.i4;
    return exc;
}

/* this.SubstringUnchecked(int startIndex, int length) */
enum clr_exception clr_string_substring(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc = check_kind(rt, &args[0], true);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_string *from = (const struct clr_string *)args[0].v.o;
    const int32_t start = args[1].v.i4, count = args[2].v.i4;
    if (!range_ok(start, count, from->length))
        return clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
    return string_result(rt, from->chars + start, count, result);
}

/*
 * Ordinal search of needle[0..n) wholly inside this[start .. start + count): the first (or, with `last`, the last)
 * index, -1 when absent. An empty needle is found at the window's start (or its end).
 */
static enum clr_exception search(struct clr_runtime *rt, struct clr_slot *args, const uint16_t *needle, int32_t n,
                                 bool last, struct clr_slot *result)
{
    enum clr_exception exc = check_kind(rt, &args[0], true);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_string *s = (const struct clr_string *)args[0].v.o;
    const int32_t start = args[2].v.i4, count = args[3].v.i4;
    if (!range_ok(start, count, s->length))
        return clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
    int32_t found = -1;
    if (n <= count) {
        const int32_t first = start, final = start + count - n;
        for (int32_t i = last ? final : first; last ? i >= first : i <= final; i += last ? -1 : 1)
            if (memcmp(s->chars + i, needle, 2 * (size_t)n) == 0) {
                found = i;
                break;
            }
    }
    result->kind = CLR_K_I4;
    result->v.i4 = found;
    return CLR_EXC_NONE;
}

static enum clr_exception search_string(struct clr_runtime *rt, struct clr_slot *args, bool last,
                                        struct clr_slot *result)
{
    const enum clr_exception exc = check_kind(rt, &args[1], true);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_string *needle = (const struct clr_string *)args[1].v.o;
    return search(rt, args, needle->chars, needle->length, last, result);
}

/* this.IndexOfUnchecked(char value, int startIndex, int count) */
enum clr_exception clr_string_index_of_char(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const uint16_t c = (uint16_t)args[1].v.i4;
    return search(rt, args, &c, 1, false, result);
}

/* this.LastIndexOfUnchecked(char value, int startIndex, int count) */
enum clr_exception clr_string_last_index_of_char(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const uint16_t c = (uint16_t)args[1].v.i4;
    return search(rt, args, &c, 1, true, result);
}

/* this.IndexOfUnchecked(string value, int startIndex, int count) */
enum clr_exception clr_string_index_of_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return search_string(rt, args, false, result);
}

/* this.LastIndexOfUnchecked(string value, int startIndex, int count) */
enum clr_exception clr_string_last_index_of_string(struct clr_runtime *rt, struct clr_slot *args,
                                                   struct clr_slot *result)
{
    return search_string(rt, args, true, result);
}

/* this.CopyChars(int sourceIndex, char[] destination, int destinationIndex, int count) */
enum clr_exception clr_string_copy_chars(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    enum clr_exception exc = check_kind(rt, &args[0], true);
    if (exc == CLR_EXC_NONE)
        exc = check_kind(rt, &args[2], false);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_string *from = (const struct clr_string *)args[0].v.o;
    struct clr_array *to = (struct clr_array *)args[2].v.o;
    const int32_t source = args[1].v.i4, dest = args[3].v.i4, count = args[4].v.i4;
    if (!range_ok(source, count, from->length) || !range_ok(dest, count, to->length))
        return clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
    memcpy(to->data + 2 * (size_t)dest, from->chars + source, 2 * (size_t)count);
    return CLR_EXC_NONE;
}
