/*
 * What a local, argument, static field or return value of a given signature type holds, and the
 * conversions a store into it performs (ECMA-335 III.1.6: small integers truncate, float32 rounds).
 */
#include "clr_internal.h"

/* Skips one type of a signature (the loader checked its form). */
static const uint8_t *skip_type(const uint8_t *p)
{
    for (;;) {
        const uint8_t e = *p++;
        if (e == CLR_ELEM_SZARRAY || e == CLR_ELEM_BYREF)
            continue;
        return e == CLR_ELEM_CLASS || e == CLR_ELEM_VALUETYPE ? p + 4 : p;
    }
}

/* The element type of an enum's instance field (value__), or 0. */
static uint8_t enum_underlying(struct clr_runtime *rt, clr_handle type)
{
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
    struct clr_type_def td;
    clr_read_type_def(a, CLR_HANDLE_ROW(type), &td);
    for (uint32_t f = td.first_field; f < (uint32_t)td.first_field + td.field_count; f++) {
        if ((clr_field_def_flags(a, f) & CLR_FIELD_ATTR_STATIC) != 0)
            continue;
        const uint8_t *sig = clr_blob_at(a, clr_field_def_signature(a, f));
        const uint8_t e = sig[1];
        return (e >= CLR_ELEM_BOOLEAN && e <= CLR_ELEM_U8) || e == CLR_ELEM_I || e == CLR_ELEM_U ? e : 0;
    }
    return 0;
}

const struct clr_corlib_elem_type clr_corlib_elem_types[CLR_CORLIB_ELEM_TYPES] = {
    {"Boolean", CLR_ELEM_BOOLEAN}, {"Char", CLR_ELEM_CHAR},   {"SByte", CLR_ELEM_I1},  {"Byte", CLR_ELEM_U1},
    {"Int16", CLR_ELEM_I2},        {"UInt16", CLR_ELEM_U2},   {"Int32", CLR_ELEM_I4},  {"UInt32", CLR_ELEM_U4},
    {"Int64", CLR_ELEM_I8},        {"UInt64", CLR_ELEM_U8},   {"Single", CLR_ELEM_R4}, {"Double", CLR_ELEM_R8},
    {"IntPtr", CLR_ELEM_I},        {"UIntPtr", CLR_ELEM_U},   {"String", CLR_ELEM_STRING},
    {"Object", CLR_ELEM_OBJECT},
};

uint8_t clr_type_value_elem(struct clr_runtime *rt, clr_handle type)
{
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
    struct clr_type_def td;
    clr_read_type_def(a, CLR_HANDLE_ROW(type), &td);
    if (a->index == 0 && clr_string_equals(a, td.name_space, "System"))
        for (unsigned i = 0; i < CLR_CORLIB_ELEM_TYPES; i++)
            if (clr_corlib_elem_types[i].elem != CLR_ELEM_STRING && clr_corlib_elem_types[i].elem != CLR_ELEM_OBJECT &&
                clr_string_equals(a, td.name, clr_corlib_elem_types[i].name))
                return clr_corlib_elem_types[i].elem;
    if (!clr_type_is_value_type(rt, type))
        return 0;
    if (clr_type_is_enum(rt, type)) {
        const uint8_t e = enum_underlying(rt, type);
        return e != 0 ? e : CLR_ELEM_I4;
    }
    return CLR_ELEM_VALUETYPE;
}

uint8_t clr_sig_read_type_of(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t **p, clr_handle *type)
{
    const uint8_t e = **p;
    *type = CLR_NONE32;
    switch (e) {
    case CLR_ELEM_STRING:
    case CLR_ELEM_OBJECT:
        (*p)++;
        return CLR_ELEM_OBJECT;
    case CLR_ELEM_CLASS:
        *p += 5;
        return CLR_ELEM_OBJECT;
    case CLR_ELEM_SZARRAY:
        *p = skip_type(*p);
        return CLR_ELEM_OBJECT;
    case CLR_ELEM_BYREF:
        *p = skip_type(*p);
        return CLR_ELEM_BYREF;
    case CLR_ELEM_VALUETYPE: {
        const clr_handle t = clr_type_token_target(a, clr_rd32(*p + 1));
        *p += 5;
        if (t == CLR_NONE32)
            return 0;
        const uint8_t elem = clr_type_value_elem(rt, t);
        if (elem == CLR_ELEM_VALUETYPE)
            *type = t;
        return elem != 0 ? elem : CLR_ELEM_OBJECT; /* a class named as a value type: a damaged image */
    }
    default:
        (*p)++;
        return e;
    }
}

uint8_t clr_sig_read_type(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t **p)
{
    clr_handle type;
    return clr_sig_read_type_of(rt, a, p, &type);
}

uint8_t clr_elem_kind(uint8_t elem)
{
    switch (elem) {
    case CLR_ELEM_BOOLEAN: case CLR_ELEM_CHAR: case CLR_ELEM_I1: case CLR_ELEM_U1: case CLR_ELEM_I2:
    case CLR_ELEM_U2: case CLR_ELEM_I4: case CLR_ELEM_U4:
        return CLR_K_I4;
    case CLR_ELEM_I8:
    case CLR_ELEM_U8:
        return CLR_K_I8;
    case CLR_ELEM_I:
    case CLR_ELEM_U:
        return CLR_K_I;
    case CLR_ELEM_R4:
        return CLR_K_R4;
    case CLR_ELEM_R8:
        return CLR_K_R8;
    case CLR_ELEM_OBJECT:
    case CLR_ELEM_VALUETYPE:
        return CLR_K_O;
    case CLR_ELEM_BYREF:
        return CLR_K_REF;
    default:
        return CLR_K_NONE;
    }
}

void clr_slot_zero(struct clr_slot *slot, uint8_t elem)
{
    memset(slot, 0, sizeof *slot);
    slot->kind = clr_elem_kind(elem);
    slot->elem = elem;
}

/* A native int as stored in a slot: sign-extended from the native width. */
static int64_t native_value(uint64_t bits)
{
    return CLR_NATIVE_INT_64 ? (int64_t)bits : (int64_t)(int32_t)(uint32_t)bits;
}

bool clr_store_convert(uint8_t elem, struct clr_slot *dst, const struct clr_slot *src)
{
    struct clr_slot v = {.kind = clr_elem_kind(elem), .elem = elem};
    switch (elem) {
    case CLR_ELEM_BOOLEAN: case CLR_ELEM_CHAR: case CLR_ELEM_I1: case CLR_ELEM_U1: case CLR_ELEM_I2:
    case CLR_ELEM_U2: case CLR_ELEM_I4: case CLR_ELEM_U4: {
        uint32_t x;
        if (src->kind == CLR_K_I4)
            x = (uint32_t)src->v.i4;
        else if (src->kind == CLR_K_I)
            x = (uint32_t)src->v.i8;
        else
            return false;
        switch (elem) {
        case CLR_ELEM_I1:
            v.v.i4 = (int8_t)(uint8_t)x;
            break;
        case CLR_ELEM_BOOLEAN:
        case CLR_ELEM_U1:
            v.v.i4 = (uint8_t)x;
            break;
        case CLR_ELEM_I2:
            v.v.i4 = (int16_t)(uint16_t)x;
            break;
        case CLR_ELEM_CHAR:
        case CLR_ELEM_U2:
            v.v.i4 = (uint16_t)x;
            break;
        default:
            v.v.i4 = (int32_t)x;
            break;
        }
        break;
    }
    case CLR_ELEM_I8:
    case CLR_ELEM_U8:
        if (src->kind != CLR_K_I8)
            return false;
        v.v.i8 = src->v.i8;
        break;
    case CLR_ELEM_I:
    case CLR_ELEM_U:
        if (src->kind == CLR_K_I)
            v.v.i8 = src->v.i8;
        else if (src->kind == CLR_K_I4)
            v.v.i8 = elem == CLR_ELEM_I ? (int64_t)src->v.i4 : native_value((uint32_t)src->v.i4);
        else
            return false;
        break;
    case CLR_ELEM_R4:
        if (src->kind == CLR_K_R4)
            v.v.r4 = src->v.r4;
        else if (src->kind == CLR_K_R8)
            v.v.r4 = (float)src->v.r8;
        else
            return false;
        break;
    case CLR_ELEM_R8:
        if (src->kind == CLR_K_R8)
            v.v.r8 = src->v.r8;
        else if (src->kind == CLR_K_R4)
            v.v.r8 = (double)src->v.r4;
        else
            return false;
        break;
    case CLR_ELEM_OBJECT:
        if (src->kind != CLR_K_O)
            return false;
        v.v.o = src->v.o;
        break;
    case CLR_ELEM_BYREF:
        if (src->kind != CLR_K_REF)
            return false;
        v.v.ref = src->v.ref;
        v.ref_elem = src->ref_elem;
        break;
    case CLR_ELEM_VALUETYPE:
        /* A struct moves into its location (loads copy it); only a struct value fits, never a box. */
        if (src->kind != CLR_K_O || (src->v.o != NULL && !clr_is_value(src->v.o)))
            return false;
        v.v.o = src->v.o;
        v.type = src->v.o != NULL ? ((const struct clr_object *)src->v.o)->type
                                  : dst->elem == CLR_ELEM_VALUETYPE ? dst->type : CLR_NONE32;
        break;
    default:
        return false;
    }
    *dst = v;
    return true;
}

clr_handle clr_field_struct_type(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t field)
{
    if (a->fields[field].elem != CLR_ELEM_VALUETYPE)
        return CLR_NONE32;
    const uint8_t *fsig = clr_blob_at(a, clr_field_def_signature(a, field)) + 1;
    clr_handle type;
    clr_sig_read_type_of(rt, a, &fsig, &type);
    return type;
}

bool clr_prepare_statics(struct clr_runtime *rt, struct clr_assembly *a)
{
    const uint32_t types = a->tables[CLR_TBL_TYPE_DEF].count, fields = a->tables[CLR_TBL_FIELD_DEF].count;
    a->type_init = clr_table_alloc(rt, CLR_TABLE_TYPE_INIT, types);
    a->fields = clr_table_alloc(rt, CLR_TABLE_FIELD_INFOS, fields * sizeof *a->fields);
    if ((types > 0 && a->type_init == NULL) || (fields > 0 && a->fields == NULL))
        goto no_ram;
    for (uint32_t f = 0; f < fields; f++) {
        const uint32_t flags = clr_field_def_flags(a, f);
        const bool has_storage = (flags & CLR_FIELD_ATTR_STATIC) != 0 && (flags & CLR_FIELD_ATTR_LITERAL) == 0;
        const uint8_t *fsig = clr_blob_at(a, clr_field_def_signature(a, f)) + 1;
        const uint8_t elem = clr_sig_read_type(rt, a, &fsig);
        a->fields[f] = (struct clr_field_info){has_storage ? (uint16_t)a->static_count : CLR_NONE16, CLR_NONE16,
                                               CLR_NONE16, elem};
        a->static_count += has_storage;
    }
    for (uint32_t t = 0; t < types; t++) {
        struct clr_type_def td;
        clr_read_type_def(a, t, &td);
        for (uint32_t f = td.first_field; f < (uint32_t)td.first_field + td.field_count; f++)
            a->fields[f].owner = (uint16_t)t;
    }
    a->statics = clr_table_alloc(rt, CLR_TABLE_STATICS, a->static_count * sizeof *a->statics);
    if (a->static_count > 0 && a->statics == NULL)
        goto no_ram;
    for (uint32_t f = 0; f < fields; f++) {
        if (a->fields[f].static_slot == CLR_NONE16)
            continue;
        struct clr_slot *slot = &a->statics[a->fields[f].static_slot];
        clr_slot_zero(slot, a->fields[f].elem);
        slot->type = clr_field_struct_type(rt, a, f);
    }
    return true;
no_ram:
    clr_log(rt, "assembly %s: no RAM left for its %u types and %u fields: give the runtime more RAM", a->name,
            (unsigned)types, (unsigned)fields);
    return false;
}
