/*
 * Builds deployment images (nf-interpreter-port/clr/DEPLOYMENT_FORMAT.md) by hand for the runtime's tests,
 * written from the format page: its own CRC-32, its own layout code. No heap: assemblies are large
 * structs the tests keep in static storage.
 *
 *   ib_init(&a, "App", 1, 0);
 *   uint16_t t = ib_type_def(&a, "App", "Program", 0, 0);          // fields and methods now go to t
 *   uint16_t m = ib_method_def(&a, "Main", MA_STATIC, 0, ib_sig(&a, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), IB_NONE, 8);
 *   ib_method_body(&a, m, il, il_len);
 *   ib_entry_point(&a, m);
 *   size_t n = ib_build(&a, out, sizeof out);
 */
#ifndef IMAGE_BUILDER_H
#define IMAGE_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clr_format.h"

#define IB_MAX_ROWS 512
#define IB_STRINGS_MAX 16384
#define IB_BLOB_MAX 8192
#define IB_IL_MAX 65536
#define IB_NONE 0xFFFFFFFFu

/* Attribute shorthands (ECMA values). */
#define MA_STATIC 0x0010u
#define MA_VIRTUAL 0x0040u
#define MA_FINAL 0x0020u
#define TA_SEALED 0x0100u
#define TA_BEFORE_FIELD_INIT 0x00100000u
#define FA_STATIC 0x0010u
#define FA_LITERAL 0x0040u
#define MI_INTERNAL_CALL 0x1000u

/* Tokens of the format (table << 24 | index). */
#define TOK_TYPE_REF(i) (0x01000000u | (uint32_t)(i))
#define TOK_TYPE_DEF(i) (0x02000000u | (uint32_t)(i))
#define TOK_FIELD_DEF(i) (0x04000000u | (uint32_t)(i))
#define TOK_FIELD_REF(i) (0x05000000u | (uint32_t)(i))
#define TOK_METHOD_DEF(i) (0x06000000u | (uint32_t)(i))
#define TOK_METHOD_REF(i) (0x07000000u | (uint32_t)(i))
#define TOK_STRING(offset) (0x70000000u | (uint32_t)(offset))

/* Signature bytes in place: ib_sig(&a, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_I4)). */
#define SIG_BYTES(...) (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__})
/* A token inside signature bytes (CLASS / VALUETYPE operand). */
#define SIG_TOKEN(t) (uint8_t)(t), (uint8_t)((t) >> 8), (uint8_t)((t) >> 16), (uint8_t)((t) >> 24)

struct ib_assembly {
    char name[64];
    uint16_t version[4];
    uint16_t flags;
    uint32_t entry_point;
    uint8_t strings[IB_STRINGS_MAX];
    uint32_t strings_len;
    uint8_t blob[IB_BLOB_MAX];
    uint32_t blob_len;
    uint8_t il[IB_IL_MAX];
    uint32_t il_len;
    uint8_t rows[CLR_TABLE_COUNT][IB_MAX_ROWS * 36];
    uint32_t count[CLR_TABLE_COUNT];
    int32_t open_type; /* TypeDef new fields and methods belong to, -1 none */
    bool checksum_set;
    uint32_t checksum; /* native_checksum to write instead of the computed one */
};

/* Entry size the builder writes per table (the format's, MethodDef 36). */
extern const uint8_t ib_entry_size[CLR_TABLE_COUNT];

void ib_init(struct ib_assembly *a, const char *name, uint16_t major, uint16_t minor);
uint32_t ib_string(struct ib_assembly *a, const char *text);
uint32_t ib_string_bytes(struct ib_assembly *a, const void *bytes, uint16_t len);
uint32_t ib_sig(struct ib_assembly *a, const uint8_t *bytes, size_t len);
uint16_t ib_assembly_ref(struct ib_assembly *a, const char *name, uint16_t major, uint16_t minor);
uint16_t ib_type_ref(struct ib_assembly *a, uint16_t assembly_ref, const char *name_space, const char *name);
/* A TypeRef to `name` nested in TypeRef `enclosing` (same assembly, no namespace). */
uint16_t ib_nested_type_ref(struct ib_assembly *a, uint16_t enclosing, const char *name);
uint16_t ib_field_ref(struct ib_assembly *a, uint16_t owner, const char *name, uint32_t sig);
uint16_t ib_method_ref(struct ib_assembly *a, uint16_t owner, const char *name, uint32_t sig);
/* A new type; the fields and methods defined next belong to it. */
uint16_t ib_type_def(struct ib_assembly *a, const char *name_space, const char *name, uint32_t flags, uint32_t extends);
void ib_type_set_enclosing(struct ib_assembly *a, uint16_t type, uint16_t enclosing);
void ib_type_set_cctor(struct ib_assembly *a, uint16_t type, uint16_t method);
uint16_t ib_field_def(struct ib_assembly *a, const char *name, uint32_t flags, uint32_t sig);
/* arg_count and local_count come from the signatures. */
uint16_t ib_method_def(struct ib_assembly *a, const char *name, uint16_t flags, uint16_t impl_flags, uint32_t sig,
                       uint32_t locals_sig, uint16_t max_stack);
void ib_method_body(struct ib_assembly *a, uint16_t method, const uint8_t *il, uint32_t len);
/* A fast-code body instead (DEPLOYMENT_FORMAT.md, "Fast code"): code type 2 in impl_flags, max_stack =
 * temporaries; kinds holds one byte per local of the row (1 int32, 6 reference). */
void ib_fast_body(struct ib_assembly *a, uint16_t method, uint16_t temporaries, const uint8_t *kinds,
                  const uint8_t *code, uint16_t code_size, const uint8_t *map, uint16_t map_size);
/* Appends a row to the InternalCall table (add them sorted) and marks the method. */
void ib_internal_call(struct ib_assembly *a, const char *canonical_name, uint16_t method);
void ib_entry_point(struct ib_assembly *a, uint16_t method);
/* Overrides the computed native_checksum. */
void ib_set_native_checksum(struct ib_assembly *a, uint32_t checksum);
/* Raw row of a table, to patch a field before building. */
uint8_t *ib_row(struct ib_assembly *a, unsigned table, uint32_t index);

/* Lays the assembly out at out (4-byte aligned size); returns its size, 0 if cap is too small. */
size_t ib_build(const struct ib_assembly *a, uint8_t *out, size_t cap);

/* CRC-32 (zlib) and the header's crc32 field recomputed after patching an assembly at `assembly`. */
uint32_t ib_crc32(uint32_t crc, const void *data, size_t len);
void ib_fix_crc(uint8_t *assembly);

void ib_put16(uint8_t *p, uint16_t v);
void ib_put32(uint8_t *p, uint32_t v);
uint32_t ib_get32(const uint8_t *p);

#endif /* IMAGE_BUILDER_H */
