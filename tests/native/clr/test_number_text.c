/*
 * Format strings and parsing against .NET 10 (invariant culture): number_format_vectors.h and
 * number_parse_vectors.h, produced on this machine by a scratch .NET program (random values and bit
 * patterns x format strings; texts written shortest, long, exactly, and the exact midpoints between
 * neighbouring floating point values with a digit more or less: round half to even).
 */
#include <stdio.h>
#include <string.h>

#include "clr_internal.h"
#include "harness.h"

#include "number_format_vectors.h"
#include "number_parse_vectors.h"

/* A runtime string made from UTF-8 (ASCII and two-byte sequences: what the vectors hold). */
struct text_buffer {
    struct clr_string s;
    uint16_t units[4096];
};

static struct clr_string *utf16_of_n(struct text_buffer *b, const char *utf8, size_t len)
{
    memset(&b->s, 0, sizeof b->s);
    int32_t n = 0;
    const uint8_t *p = (const uint8_t *)utf8, *end = p + len;
    for (; p < end && n < 4096; n++) {
        if (*p < 0x80) {
            b->units[n] = *p++;
        } else if ((*p & 0xF0) == 0xE0) {
            b->units[n] = (uint16_t)((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
            p += 3;
        } else {
            b->units[n] = (uint16_t)((p[0] & 0x1F) << 6 | (p[1] & 0x3F));
            p += 2;
        }
    }
    b->s.length = n;
    return &b->s;
}

static struct clr_string *utf16_of(struct text_buffer *b, const char *utf8)
{
    return utf16_of_n(b, utf8, strlen(utf8));
}

/* Formats and compares with the expected UTF-8 (NULL: the format is refused). */
static bool formats_as(const struct clr_slot *value, unsigned type, const char *format, const char *expected,
                       char *got, size_t got_cap)
{
    static struct text_buffer f, want;
    uint16_t out[1024];
    const size_t len = clr_number_format_units(value, type, utf16_of(&f, format), out, 1024);
    size_t i = 0;
    for (; len != CLR_NUMBER_REFUSED && i < len && i + 1 < got_cap; i++)
        got[i] = out[i] < 0x80 ? (char)out[i] : '?';
    got[len == CLR_NUMBER_REFUSED ? 0 : i] = '\0';
    if (expected == NULL || len == CLR_NUMBER_REFUSED)
        return expected == NULL && len == CLR_NUMBER_REFUSED;
    const struct clr_string *w = utf16_of(&want, expected);
    return len == (size_t)w->length && memcmp(out, w->chars, 2 * len) == 0;
}

/* Checks one vector; prints the first ten differences. */
static void check_format(unsigned *bad, const struct clr_slot *value, unsigned type, uint64_t bits, const char *format,
                         const char *text)
{
    char got[1024];
    if (!formats_as(value, type, format, text, got, sizeof got) && (*bad)++ < 10)
        fprintf(stderr, "0x%llx type 0x%x \"%s\": got \"%s\", .NET \"%s\"\n", (unsigned long long)bits, type, format, got,
                text != NULL ? text : "FormatException");
}

TEST(double_format_strings_match_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof double_format_vectors / sizeof double_format_vectors[0]; i++) {
        const struct double_format_vector *v = &double_format_vectors[i];
        struct clr_slot value = {.kind = CLR_K_R8};
        memcpy(&value.v.r8, &v->bits, sizeof v->bits);
        check_format(&bad, &value, CLR_NUMBER_DOUBLE, v->bits, v->format, v->text);
    }
    CHECK_EQ(bad, 0);
}

TEST(single_format_strings_match_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof single_format_vectors / sizeof single_format_vectors[0]; i++) {
        const struct single_format_vector *v = &single_format_vectors[i];
        struct clr_slot value = {.kind = CLR_K_R4};
        memcpy(&value.v.r4, &v->bits, sizeof v->bits);
        check_format(&bad, &value, CLR_NUMBER_SINGLE, v->bits, v->format, v->text);
    }
    CHECK_EQ(bad, 0);
}

TEST(integer_format_strings_match_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof integer_format_vectors / sizeof integer_format_vectors[0]; i++) {
        const struct integer_format_vector *v = &integer_format_vectors[i];
        const struct clr_slot value = {.kind = CLR_K_I8, .v.i8 = v->value};
        check_format(&bad, &value, v->type, (uint64_t)v->value, v->format, v->text);
    }
    CHECK_EQ(bad, 0);
}
TEST(format_measures_texts_longer_than_the_buffer)
{
    static struct text_buffer f;
    const struct clr_slot value = {.kind = CLR_K_R8, .v.r8 = 1.5};
    uint16_t out[4];
    CHECK_EQ(clr_number_format_units(&value, CLR_NUMBER_DOUBLE, utf16_of(&f, "F999999999"), out, 4), 1000000001);
    CHECK_EQ(out[0], '1');
    CHECK_EQ(out[1], '.');
    CHECK_EQ(out[2], '5');
    CHECK_EQ(out[3], '0');
}

/* Runs a parse internal call with an out slot of element type elem; returns the status. */
static int parse(clr_native_fn fn, const char *text, unsigned len, unsigned styles, unsigned type, uint8_t elem, struct clr_slot *out)
{
    static struct text_buffer b;
    memset(out, 0, sizeof *out);
    out->elem = elem;
    out->kind = clr_elem_kind(elem);
    struct clr_slot args[4] = {
        {.kind = CLR_K_O, .v.o = &utf16_of_n(&b, text, len)->block},
        {.kind = CLR_K_I4, .v.i4 = (int32_t)styles},
        {.kind = CLR_K_I4, .v.i4 = (int32_t)type},
        {.kind = CLR_K_REF, .v.ref = out},
    };
    struct clr_slot result = {0};
    CHECK_EQ(fn(NULL, args, &result), CLR_EXC_NONE);
    return result.v.i4;
}

TEST(floating_point_parsing_matches_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof float_parse_vectors / sizeof float_parse_vectors[0]; i++) {
        const struct float_parse_vector *v = &float_parse_vectors[i];
        struct clr_slot out;
        const int status = parse(clr_native_parse_floating, v->text, v->len, v->styles, v->type, CLR_ELEM_R8, &out);
        uint64_t bits = 0;
        if (v->type == 32) {
            const float f = (float)out.v.r8;
            uint32_t b32;
            memcpy(&b32, &f, sizeof b32);
            bits = b32;
        } else {
            memcpy(&bits, &out.v.r8, sizeof bits);
        }
        if (status != v->status || (status == CLR_PARSE_OK && bits != v->bits)) {
            if (bad++ < 10)
                fprintf(stderr, "\"%s\" styles 0x%x type %u: got %d 0x%llx, .NET %d 0x%llx\n", v->text, v->styles,
                        v->type, status, (unsigned long long)bits, v->status, (unsigned long long)v->bits);
        }
    }
    CHECK_EQ(bad, 0);
}

TEST(integer_parsing_matches_dotnet)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof integer_parse_vectors / sizeof integer_parse_vectors[0]; i++) {
        const struct integer_parse_vector *v = &integer_parse_vectors[i];
        struct clr_slot out;
        const int status = parse(clr_native_parse_integer, v->text, v->len, v->styles, v->type, CLR_ELEM_I8, &out);
        if (status != v->status || (status == CLR_PARSE_OK && out.v.i8 != v->value)) {
            if (bad++ < 10)
                fprintf(stderr, "\"%s\" styles 0x%x type 0x%x: got %d %lld, .NET %d %lld\n", v->text, v->styles, v->type,
                        status, (long long)out.v.i8, v->status, (long long)v->value);
        }
    }
    CHECK_EQ(bad, 0);
}


/* Random texts and format strings: no crash (ASan, UBSan), a status or a text, the same length measured or written. */
static uint64_t fuzz_state = 0x9E3779B97F4A7C15ull;

static uint64_t fuzz_next(void)
{
    fuzz_state ^= fuzz_state << 13;
    fuzz_state ^= fuzz_state >> 7;
    fuzz_state ^= fuzz_state << 17;
    return fuzz_state;
}

static void fuzz_text(struct text_buffer *b, const char *alphabet, size_t max)
{
    const size_t n = fuzz_next() % (max + 1), letters = strlen(alphabet);
    memset(&b->s, 0, sizeof b->s);
    for (size_t i = 0; i < n; i++)
        b->units[i] = (uint8_t)alphabet[fuzz_next() % letters];
    b->s.length = (int32_t)n;
}

TEST(random_texts_parse_to_a_status_without_harm)
{
    static struct text_buffer b;
    static const unsigned styles[] = {0x7, 0xE7, 0x1FF, 0x203, 0x403, 0, 0xA7};
    static const unsigned types[] = {8, 0x108, 16, 0x110, 32, 0x120, 64, 0x140};
    unsigned bad = 0;
    for (int i = 0; i < 20000; i++) {
        fuzz_text(&b, "0123456789+-.,eE ()\t\xa4xXaAfFNnIiTtYy9", 40);
        struct clr_slot out = {.kind = CLR_K_I8, .elem = CLR_ELEM_I8}, f = {.kind = CLR_K_R8, .elem = CLR_ELEM_R8};
        struct clr_slot args[4] = {{.kind = CLR_K_O, .v.o = &b.s.block},
                                   {.kind = CLR_K_I4, .v.i4 = (int32_t)styles[fuzz_next() % 7]},
                                   {.kind = CLR_K_I4, .v.i4 = (int32_t)types[fuzz_next() % 8]},
                                   {.kind = CLR_K_REF, .v.ref = &out}};
        struct clr_slot result = {0};
        CHECK_EQ(clr_native_parse_integer(NULL, args, &result), CLR_EXC_NONE);
        bad += result.v.i4 < 0 || result.v.i4 > 2;
        args[1].v.i4 &= 0x1FF; /* floating point takes no radix styles */
        args[2].v.i4 = fuzz_next() % 2 ? 32 : 64;
        args[3].v.ref = &f;
        CHECK_EQ(clr_native_parse_floating(NULL, args, &result), CLR_EXC_NONE);
        bad += result.v.i4 < 0 || result.v.i4 > 1;
    }
    CHECK_EQ(bad, 0);
}

TEST(random_format_strings_give_a_text_or_a_refusal_without_harm)
{
    static struct text_buffer f;
    static uint16_t out[4096];
    unsigned bad = 0;
    for (int i = 0; i < 20000; i++) {
        fuzz_text(&f, "0#.,;%E+-'\"\\xDFGNPXRCBe0123456789 ", 16);
        const uint64_t r = fuzz_next();
        struct clr_slot value;
        unsigned type;
        switch (r % 3) {
        case 0:
            value = (struct clr_slot){.kind = CLR_K_I8, .v.i8 = (int64_t)fuzz_next() >> (fuzz_next() % 64)};
            type = (unsigned)(8u << (fuzz_next() % 4)) | (fuzz_next() % 2 ? CLR_NUMBER_UNSIGNED : 0);
            break;
        case 1:
            value = (struct clr_slot){.kind = CLR_K_R8};
            {
                const uint64_t bits = fuzz_next();
                memcpy(&value.v.r8, &bits, sizeof bits);
            }
            type = CLR_NUMBER_DOUBLE;
            break;
        default:
            value = (struct clr_slot){.kind = CLR_K_R4};
            {
                const uint32_t bits = (uint32_t)fuzz_next();
                memcpy(&value.v.r4, &bits, sizeof bits);
            }
            type = CLR_NUMBER_SINGLE;
            break;
        }
        const size_t measured = clr_number_format_units(&value, type, &f.s, out, 0);
        const size_t written = clr_number_format_units(&value, type, &f.s, out, 4096);
        bad += measured != written;
    }
    CHECK_EQ(bad, 0);
}
