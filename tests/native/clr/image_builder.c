#include "image_builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const uint8_t ib_entry_size[CLR_TABLE_COUNT] = {12, 12, 12, 12, 32, 12, 36, 1, 1, 1, 8, 24, 1, 8, 8, 12, 12};

void ib_put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

void ib_put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

uint32_t ib_get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

/* Bit by bit: deliberately not the runtime's table-driven code. */
uint32_t ib_crc32(uint32_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    crc = ~crc;
    while (len-- > 0) {
        crc ^= *p++;
        for (int bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static void die(const char *what)
{
    fprintf(stderr, "image_builder: %s\n", what);
    abort();
}

uint8_t *ib_row(struct ib_assembly *a, unsigned table, uint32_t index)
{
    return a->rows[table] + index * ib_entry_size[table];
}

static uint8_t *new_row(struct ib_assembly *a, unsigned table, uint16_t *index)
{
    if (a->count[table] >= IB_MAX_ROWS)
        die("too many rows");
    *index = (uint16_t)a->count[table]++;
    uint8_t *r = ib_row(a, table, *index);
    memset(r, 0, ib_entry_size[table]);
    return r;
}

void ib_init(struct ib_assembly *a, const char *name, uint16_t major, uint16_t minor)
{
    memset(a->count, 0, sizeof a->count);
    snprintf(a->name, sizeof a->name, "%s", name);
    a->version[0] = major;
    a->version[1] = minor;
    a->version[2] = 0;
    a->version[3] = 0;
    a->flags = 0;
    a->entry_point = IB_NONE;
    a->strings_len = 0;
    a->blob_len = 0;
    a->il_len = 0;
    a->open_type = -1;
    a->checksum_set = false;
    ib_string(a, name);
}

uint32_t ib_string_bytes(struct ib_assembly *a, const void *bytes, uint16_t len)
{
    /* Identical strings are stored once, as the format asks. */
    for (uint32_t off = 0; off < a->strings_len;) {
        const uint16_t n = get16(a->strings + off);
        if (n == len && memcmp(a->strings + off + 2, bytes, len) == 0)
            return off;
        off += 2u + n + 1u;
    }
    if (a->strings_len + 3u + len > IB_STRINGS_MAX)
        die("string table full");
    const uint32_t off = a->strings_len;
    ib_put16(a->strings + off, len);
    memcpy(a->strings + off + 2, bytes, len);
    a->strings[off + 2 + len] = 0;
    a->strings_len += 3u + len;
    return off;
}

uint32_t ib_string(struct ib_assembly *a, const char *text)
{
    return ib_string_bytes(a, text, (uint16_t)strlen(text));
}

uint32_t ib_sig(struct ib_assembly *a, const uint8_t *bytes, size_t len)
{
    if (a->blob_len + len > IB_BLOB_MAX)
        die("blob full");
    const uint32_t off = a->blob_len;
    memcpy(a->blob + off, bytes, len);
    a->blob_len += (uint32_t)len;
    return off;
}

uint16_t ib_assembly_ref(struct ib_assembly *a, const char *name, uint16_t major, uint16_t minor)
{
    uint16_t i;
    uint8_t *r = new_row(a, CLR_TBL_ASSEMBLY_REF, &i);
    ib_put32(r, ib_string(a, name));
    ib_put16(r + 4, major);
    ib_put16(r + 6, minor);
    return i;
}

uint16_t ib_type_ref(struct ib_assembly *a, uint16_t assembly_ref, const char *name_space, const char *name)
{
    uint16_t i;
    uint8_t *r = new_row(a, CLR_TBL_TYPE_REF, &i);
    ib_put32(r, ib_string(a, name));
    ib_put32(r + 4, ib_string(a, name_space));
    ib_put16(r + 8, assembly_ref);
    ib_put16(r + CLR_TYPEREF_ENCLOSING, 0xFFFFu); /* top level */
    return i;
}

uint16_t ib_nested_type_ref(struct ib_assembly *a, uint16_t enclosing, const char *name)
{
    const uint8_t *outer = ib_row(a, CLR_TBL_TYPE_REF, enclosing);
    const uint16_t assembly_ref = (uint16_t)(outer[8] | outer[9] << 8);
    const uint16_t i = ib_type_ref(a, assembly_ref, "", name);
    uint8_t *r = ib_row(a, CLR_TBL_TYPE_REF, i);
    ib_put16(r + CLR_TYPEREF_ENCLOSING, enclosing);
    return i;
}

static uint16_t member_ref(struct ib_assembly *a, unsigned table, uint16_t owner, const char *name, uint32_t sig)
{
    uint16_t i;
    uint8_t *r = new_row(a, table, &i);
    ib_put32(r, ib_string(a, name));
    ib_put16(r + 4, owner);
    ib_put32(r + 8, sig);
    return i;
}

uint16_t ib_field_ref(struct ib_assembly *a, uint16_t owner, const char *name, uint32_t sig)
{
    return member_ref(a, CLR_TBL_FIELD_REF, owner, name, sig);
}

uint16_t ib_method_ref(struct ib_assembly *a, uint16_t owner, const char *name, uint32_t sig)
{
    return member_ref(a, CLR_TBL_METHOD_REF, owner, name, sig);
}

uint16_t ib_type_def(struct ib_assembly *a, const char *name_space, const char *name, uint32_t flags, uint32_t extends)
{
    uint16_t i;
    uint8_t *r = new_row(a, CLR_TBL_TYPE_DEF, &i);
    ib_put32(r, ib_string(a, name));
    ib_put32(r + 4, ib_string(a, name_space));
    ib_put32(r + 8, flags);
    ib_put32(r + 12, extends);
    ib_put16(r + 16, (uint16_t)a->count[CLR_TBL_FIELD_DEF]);
    ib_put16(r + 20, (uint16_t)a->count[CLR_TBL_METHOD_DEF]);
    ib_put16(r + 24, 0xFFFF);
    ib_put32(r + 28, IB_NONE);
    a->open_type = i;
    return i;
}

void ib_type_set_enclosing(struct ib_assembly *a, uint16_t type, uint16_t enclosing)
{
    ib_put16(ib_row(a, CLR_TBL_TYPE_DEF, type) + 24, enclosing);
}

void ib_type_set_cctor(struct ib_assembly *a, uint16_t type, uint16_t method)
{
    ib_put32(ib_row(a, CLR_TBL_TYPE_DEF, type) + 28, method);
}

uint16_t ib_field_def(struct ib_assembly *a, const char *name, uint32_t flags, uint32_t sig)
{
    if (a->open_type < 0)
        die("field outside a type");
    uint16_t i;
    uint8_t *r = new_row(a, CLR_TBL_FIELD_DEF, &i);
    ib_put32(r, ib_string(a, name));
    ib_put32(r + 4, flags);
    ib_put32(r + 8, sig);
    uint8_t *t = ib_row(a, CLR_TBL_TYPE_DEF, (uint32_t)a->open_type);
    ib_put16(t + 18, (uint16_t)(get16(t + 18) + 1));
    return i;
}

uint16_t ib_method_def(struct ib_assembly *a, const char *name, uint16_t flags, uint16_t impl_flags, uint32_t sig,
                       uint32_t locals_sig, uint16_t max_stack)
{
    if (a->open_type < 0)
        die("method outside a type");
    uint16_t i;
    uint8_t *r = new_row(a, CLR_TBL_METHOD_DEF, &i);
    ib_put32(r, ib_string(a, name));
    ib_put16(r + 4, flags);
    ib_put16(r + 6, impl_flags);
    ib_put16(r + 8, (uint16_t)a->open_type);
    r[10] = (uint8_t)(a->blob[sig + 2] + (a->blob[sig + 1] & 1));
    r[11] = locals_sig == IB_NONE ? 0 : a->blob[locals_sig + 1];
    ib_put16(r + 12, max_stack);
    ib_put16(r + 14, 0xFFFF);
    ib_put32(r + 16, sig);
    ib_put32(r + 20, locals_sig);
    uint8_t *t = ib_row(a, CLR_TBL_TYPE_DEF, (uint32_t)a->open_type);
    ib_put16(t + 22, (uint16_t)(get16(t + 22) + 1));
    return i;
}

void ib_method_body(struct ib_assembly *a, uint16_t method, const uint8_t *il, uint32_t len)
{
    if (a->il_len + len > IB_IL_MAX)
        die("IL table full");
    uint8_t *r = ib_row(a, CLR_TBL_METHOD_DEF, method);
    ib_put32(r + 24, a->il_len);
    ib_put32(r + 28, len);
    memcpy(a->il + a->il_len, il, len);
    a->il_len += len;
}

void ib_fast_body(struct ib_assembly *a, uint16_t method, uint16_t temporaries, const uint8_t *kinds,
                  const uint8_t *code, uint16_t code_size, const uint8_t *map, uint16_t map_size)
{
    static uint8_t body[4 + 255 + 65535 + 65535];
    uint8_t *r = ib_row(a, CLR_TBL_METHOD_DEF, method);
    const uint8_t locals = r[11];
    ib_put16(r + 6, (uint16_t)((get16(r + 6) & ~3u) | 2u));
    ib_put16(r + 12, temporaries);
    ib_put16(body, code_size);
    ib_put16(body + 2, map_size);
    if (locals > 0)
        memcpy(body + 4, kinds, locals);
    memcpy(body + 4 + locals, code, code_size);
    if (map_size > 0)
        memcpy(body + 4 + locals + code_size, map, map_size);
    ib_method_body(a, method, body, 4u + locals + code_size + map_size);
}

void ib_internal_call(struct ib_assembly *a, const char *canonical_name, uint16_t method)
{
    uint16_t i;
    uint8_t *r = new_row(a, CLR_TBL_INTERNAL_CALL, &i);
    ib_put32(r, ib_string(a, canonical_name));
    ib_put32(r + 4, method);
    ib_put16(ib_row(a, CLR_TBL_METHOD_DEF, method) + 14, i);
}

void ib_entry_point(struct ib_assembly *a, uint16_t method)
{
    a->flags |= CLR_ASSEMBLY_HAS_ENTRY_POINT;
    a->entry_point = method;
}

void ib_set_native_checksum(struct ib_assembly *a, uint32_t checksum)
{
    a->checksum_set = true;
    a->checksum = checksum;
}

void ib_fix_crc(uint8_t *assembly)
{
    const uint32_t total = ib_get32(assembly + 8);
    ib_put32(assembly + 12, ib_crc32(0, assembly + 16, total - 16));
}

size_t ib_build(const struct ib_assembly *a, uint8_t *out, size_t cap)
{
    const void *data[CLR_TABLE_COUNT] = {0};
    uint32_t sizes[CLR_TABLE_COUNT] = {0}, counts[CLR_TABLE_COUNT] = {0};
    for (unsigned t = 0; t < CLR_TABLE_COUNT; t++) {
        data[t] = a->rows[t];
        counts[t] = a->count[t];
        sizes[t] = a->count[t] * ib_entry_size[t];
    }
    data[CLR_TBL_STRINGS] = a->strings, counts[CLR_TBL_STRINGS] = sizes[CLR_TBL_STRINGS] = a->strings_len;
    data[CLR_TBL_BLOB] = a->blob, counts[CLR_TBL_BLOB] = sizes[CLR_TBL_BLOB] = a->blob_len;
    data[CLR_TBL_IL] = a->il, counts[CLR_TBL_IL] = sizes[CLR_TBL_IL] = a->il_len;
    size_t total = CLR_HEADER_SIZE;
    for (unsigned t = 0; t < CLR_TABLE_COUNT; t++)
        total += (sizes[t] + 3u) & ~3u;
    if (total > cap)
        return 0;
    memset(out, 0, total);
    ib_put32(out + 0, CLR_ASSEMBLY_MAGIC);
    ib_put16(out + 4, CLR_FORMAT_VERSION);
    ib_put16(out + 6, a->flags);
    ib_put32(out + 8, (uint32_t)total);
    ib_put32(out + 16, 0); /* the name is the first string */
    for (int i = 0; i < 4; i++)
        ib_put16(out + 20 + 2 * i, a->version[i]);
    uint32_t checksum = 0;
    for (uint32_t i = 0; i < a->count[CLR_TBL_INTERNAL_CALL]; i++) {
        const uint32_t name = ib_get32(a->rows[CLR_TBL_INTERNAL_CALL] + 8 * i);
        checksum = ib_crc32(checksum, a->strings + name + 2, get16(a->strings + name));
        checksum = ib_crc32(checksum, "\n", 1);
    }
    ib_put32(out + 28, a->checksum_set ? a->checksum : checksum);
    ib_put32(out + 32, a->entry_point);
    size_t pos = CLR_HEADER_SIZE;
    for (unsigned t = 0; t < CLR_TABLE_COUNT; t++) {
        if (counts[t] == 0)
            continue;
        ib_put32(out + 40 + 8 * t, (uint32_t)pos);
        ib_put32(out + 44 + 8 * t, counts[t]);
        memcpy(out + pos, data[t], sizes[t]);
        pos += (sizes[t] + 3u) & ~3u;
    }
    ib_fix_crc(out);
    return total;
}
