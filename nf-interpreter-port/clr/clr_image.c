/* Reading an assembly's tables in place. Callers pass only indexes and offsets the loader checked. */
#include "clr_internal.h"

const uint8_t clr_table_entry_size[CLR_TABLE_COUNT] = {
    [CLR_TBL_ASSEMBLY_REF] = 12, [CLR_TBL_TYPE_REF] = 12,      [CLR_TBL_FIELD_REF] = 12,
    [CLR_TBL_METHOD_REF] = 12,   [CLR_TBL_TYPE_DEF] = 32,      [CLR_TBL_FIELD_DEF] = 12,
    [CLR_TBL_METHOD_DEF] = 36,   [CLR_TBL_STRINGS] = 1,        [CLR_TBL_BLOB] = 1,
    [CLR_TBL_IL] = 1,            [CLR_TBL_INTERNAL_CALL] = 8,  [CLR_TBL_EH] = 24,
    [CLR_TBL_FIELD_DATA] = 1,    [CLR_TBL_FIELD_RVA] = 8,      [CLR_TBL_TEST] = 12, [CLR_TBL_INTERFACE_IMPL] = 8,
    [CLR_TBL_METHOD_IMPL] = 12,
};


void clr_read_type_def(const struct clr_assembly *a, uint32_t index, struct clr_type_def *td)
{
    const uint8_t *r = clr_row(a, CLR_TBL_TYPE_DEF, index);
    td->name = clr_rd32(r + CLR_TYPEDEF_NAME);
    td->name_space = clr_rd32(r + CLR_TYPEDEF_NAMESPACE);
    td->flags = clr_rd32(r + CLR_TYPEDEF_FLAGS);
    td->extends = clr_rd32(r + CLR_TYPEDEF_EXTENDS);
    td->first_field = clr_rd16(r + CLR_TYPEDEF_FIRST_FIELD);
    td->field_count = clr_rd16(r + CLR_TYPEDEF_FIELD_COUNT);
    td->first_method = clr_rd16(r + CLR_TYPEDEF_FIRST_METHOD);
    td->method_count = clr_rd16(r + CLR_TYPEDEF_METHOD_COUNT);
    td->enclosing = clr_rd16(r + CLR_TYPEDEF_ENCLOSING);
    td->cctor = clr_rd32(r + CLR_TYPEDEF_CCTOR);
}

void clr_read_method_def(const struct clr_assembly *a, uint32_t index, struct clr_method_def *md)
{
    const uint8_t *r = clr_row(a, CLR_TBL_METHOD_DEF, index);
    md->name = clr_rd32(r + CLR_METHODDEF_NAME);
    md->flags = clr_rd16(r + CLR_METHODDEF_FLAGS);
    md->impl_flags = clr_rd16(r + CLR_METHODDEF_IMPL_FLAGS);
    md->owner = clr_rd16(r + CLR_METHODDEF_OWNER);
    md->arg_count = r[CLR_METHODDEF_ARG_COUNT];
    md->local_count = r[CLR_METHODDEF_LOCAL_COUNT];
    md->max_stack = clr_rd16(r + CLR_METHODDEF_MAX_STACK);
    md->internal_call = clr_rd16(r + CLR_METHODDEF_INTERNAL_CALL);
    md->signature = clr_rd32(r + CLR_METHODDEF_SIGNATURE);
    md->locals = clr_rd32(r + CLR_METHODDEF_LOCALS);
    md->il = clr_rd32(r + CLR_METHODDEF_IL);
    md->il_size = clr_rd32(r + CLR_METHODDEF_IL_SIZE);
}

void clr_read_member_ref(const struct clr_assembly *a, unsigned table, uint32_t index, struct clr_member_ref *mr)
{
    const uint8_t *r = clr_row(a, table, index);
    mr->name = clr_rd32(r + CLR_MEMBERREF_NAME);
    mr->owner = clr_rd16(r + CLR_MEMBERREF_OWNER);
    mr->signature = clr_rd32(r + CLR_MEMBERREF_SIGNATURE);
}

uint32_t clr_field_def_name(const struct clr_assembly *a, uint32_t index)
{
    return clr_rd32(clr_row(a, CLR_TBL_FIELD_DEF, index) + CLR_FIELDDEF_NAME);
}

uint32_t clr_field_def_flags(const struct clr_assembly *a, uint32_t index)
{
    return clr_rd32(clr_row(a, CLR_TBL_FIELD_DEF, index) + CLR_FIELDDEF_FLAGS);
}

uint32_t clr_field_def_signature(const struct clr_assembly *a, uint32_t index)
{
    return clr_rd32(clr_row(a, CLR_TBL_FIELD_DEF, index) + CLR_FIELDDEF_SIGNATURE);
}

const char *clr_string_at(const struct clr_assembly *a, uint32_t offset)
{
    return (const char *)a->base + a->tables[CLR_TBL_STRINGS].offset + offset + 2;
}

uint16_t clr_string_length(const struct clr_assembly *a, uint32_t offset)
{
    return clr_rd16(a->base + a->tables[CLR_TBL_STRINGS].offset + offset);
}

bool clr_string_equals(const struct clr_assembly *a, uint32_t offset, const char *text)
{
    const size_t len = strlen(text);
    return clr_string_length(a, offset) == len && memcmp(clr_string_at(a, offset), text, len) == 0;
}

const uint8_t *clr_blob_at(const struct clr_assembly *a, uint32_t offset)
{
    return a->base + a->tables[CLR_TBL_BLOB].offset + offset;
}

clr_handle clr_type_token_target(const struct clr_assembly *a, uint32_t token)
{
    const uint32_t index = CLR_TOKEN_INDEX(token);
    switch (CLR_TOKEN_TABLE(token)) {
    case CLR_TOK_TYPE_DEF:
        return index < a->tables[CLR_TBL_TYPE_DEF].count ? CLR_HANDLE(a->index, index) : CLR_NONE32;
    case CLR_TOK_TYPE_REF:
        return index < a->tables[CLR_TBL_TYPE_REF].count && a->type_ref_target != NULL ? a->type_ref_target[index]
                                                                                       : CLR_NONE32;
    default:
        return CLR_NONE32;
    }
}

/* Reads `type`'s TypeDef and, when its base type is in namespace System, that base's; false otherwise. */
static bool system_base(struct clr_runtime *rt, clr_handle type, struct clr_type_def *td,
                        const struct clr_assembly **base_assembly, struct clr_type_def *bd)
{
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
    clr_read_type_def(a, CLR_HANDLE_ROW(type), td);
    if (td->extends == 0)
        return false;
    const clr_handle base = clr_type_token_target(a, td->extends);
    if (base == CLR_NONE32)
        return false;
    *base_assembly = &rt->assemblies[CLR_HANDLE_ASSEMBLY(base)];
    clr_read_type_def(*base_assembly, CLR_HANDLE_ROW(base), bd);
    return clr_string_equals(*base_assembly, bd->name_space, "System");
}

bool clr_type_is_enum(struct clr_runtime *rt, clr_handle type)
{
    const struct clr_assembly *ba;
    struct clr_type_def td, bd;
    return system_base(rt, type, &td, &ba, &bd) && clr_string_equals(ba, bd.name, "Enum");
}

bool clr_type_is_value_type(struct clr_runtime *rt, clr_handle type)
{
    const struct clr_assembly *ba;
    struct clr_type_def td, bd;
    if (!system_base(rt, type, &td, &ba, &bd))
        return false;
    /* System.Enum itself is a class deriving from ValueType; its subtypes are value types. */
    if (clr_string_equals(ba, bd.name, "Enum"))
        return true;
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
    return clr_string_equals(ba, bd.name, "ValueType") &&
           !(clr_string_equals(a, td.name, "Enum") && clr_string_equals(a, td.name_space, "System"));
}
