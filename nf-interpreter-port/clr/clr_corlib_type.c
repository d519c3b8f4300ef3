/*
 * System.Type support: a type is named by an id, its TypeDef handle plus (bits 24..30) how many array
 * levels wrap it ("System.Int32[][]" is Int32's handle with 2). ldtoken, Object.GetType and the corlib's
 * RuntimeType use ids; RuntimeHelpers.InitializeArray copies an array initialiser's data.
 */
#include "clr_corlib.h"

#define ID_HANDLE(id) ((clr_handle)(id) & 0x00FFFFFFu)
#define ID_RANK(id) (((uint32_t)(id) >> 24) & 0x7Fu)
#define ID(handle, rank) ((int32_t)((handle) | (uint32_t)(rank) << 24))
#define MAX_RANK 32u

enum type_flags { /* RuntimeType.FlagsOf, as managed/CoreLibrary/System/RuntimeType.cs reads them */
    F_ARRAY = 1, F_VALUE_TYPE = 2, F_ENUM = 4, F_INTERFACE = 8, F_ABSTRACT = 16, F_SEALED = 32, F_PRIMITIVE = 64,
};

static bool id_ok(const struct clr_runtime *rt, int32_t id)
{
    const clr_handle h = ID_HANDLE(id);
    return id >= 0 && CLR_HANDLE_ASSEMBLY(h) < rt->assembly_count &&
           CLR_HANDLE_ROW(h) < rt->assemblies[CLR_HANDLE_ASSEMBLY(h)].tables[CLR_TBL_TYPE_DEF].count;
}

int32_t clr_type_id_of_object(struct clr_runtime *rt, const struct clr_block *o)
{
    if (o->kind != CLR_BLOCK_ARRAY)
        return ID(clr_object_type(rt, o), 0);
    const struct clr_array *arr = (const struct clr_array *)o;
    /* Arrays of arrays do not record their element's array type: they show as object[]. */
    return arr->elem_type != CLR_NONE32 ? ID(arr->elem_type, 1) : ID(rt->elem_types[CLR_ELEM_OBJECT], 1);
}

int32_t clr_type_id_of_token(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token)
{
    if (CLR_TOKEN_TABLE(token) != CLR_TOK_TYPE_SPEC) {
        const clr_handle h = clr_type_token_target(a, token);
        return h != CLR_NONE32 ? ID(h, 0) : -1;
    }
    const uint8_t *p = clr_blob_at(a, CLR_TOKEN_INDEX(token)) + 1; /* kind 3 */
    uint32_t rank = 0;
    for (; *p == CLR_ELEM_SZARRAY && rank < MAX_RANK; p++)
        rank++;
    clr_handle h = CLR_NONE32;
    if (*p == CLR_ELEM_CLASS || *p == CLR_ELEM_VALUETYPE)
        h = clr_type_token_target(a, clr_rd32(p + 1));
    else if (*p < sizeof rt->elem_types / sizeof rt->elem_types[0])
        h = rt->elem_types[*p];
    return h != CLR_NONE32 ? ID(h, rank) : -1;
}

static struct clr_string *text(struct clr_runtime *rt, const char *s, size_t len)
{
    return clr_string_from_utf8(rt, (const uint8_t *)s, len);
}

enum clr_exception clr_runtime_type_type_id_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    if (args[0].v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    result->kind = CLR_K_I4;
    result->v.i4 = clr_type_id_of_object(rt, args[0].v.o);
    return CLR_EXC_NONE;
}

/* NameOf(id, part): 0 Name, 1 FullName, 2 Namespace (of the outermost type for a nested one). */
enum clr_exception clr_runtime_type_name_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int32_t id = args[0].v.i4, part = args[1].v.i4;
    if (!id_ok(rt, id))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Not a type id: %d.", (int)id);
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(ID_HANDLE(id))];
    uint32_t row = CLR_HANDLE_ROW(ID_HANDLE(id));
    struct clr_type_def td;
    clr_read_type_def(a, row, &td);
    char name[CLR_DETAIL_MAX];
    size_t len;
    if (part == 1) {
        len = clr_type_full_name(a, row, '+', name, sizeof name - 2 * MAX_RANK);
    } else if (part == 2) {
        for (unsigned n = 0; n < 8 && td.enclosing != CLR_NONE16 && td.enclosing < a->tables[CLR_TBL_TYPE_DEF].count; n++)
            clr_read_type_def(a, row = td.enclosing, &td);
        len = clr_format(name, sizeof name, "%s", clr_string_at(a, td.name_space));
    } else {
        len = clr_format(name, sizeof name - 2 * MAX_RANK, "%s", clr_string_at(a, td.name));
    }
    for (uint32_t r = 0; part != 2 && r < ID_RANK(id); r++)
        len += clr_format(name + len, sizeof name - len, "[]");
    result->kind = CLR_K_O;
    result->v.o = NULL;
    if (part == 2 && len == 0)
        return CLR_EXC_NONE; /* the global namespace is null */
    struct clr_string *s = text(rt, name, len);
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    result->v.o = &s->block;
    return CLR_EXC_NONE;
}

/* BaseOf(id): the base type's id, -1 for System.Object and interfaces; System.Array for arrays. */
enum clr_exception clr_runtime_type_base_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int32_t id = args[0].v.i4;
    if (!id_ok(rt, id))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Not a type id: %d.", (int)id);
    const clr_handle base = ID_RANK(id) > 0 ? rt->array_type : clr_type_base(rt, ID_HANDLE(id));
    result->kind = CLR_K_I4;
    result->v.i4 = base != CLR_NONE32 ? ID(base, 0) : -1;
    return CLR_EXC_NONE;
}

enum clr_exception clr_runtime_type_flags_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int32_t id = args[0].v.i4;
    if (!id_ok(rt, id))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Not a type id: %d.", (int)id);
    const clr_handle h = ID_HANDLE(id);
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    struct clr_type_def td;
    clr_read_type_def(a, CLR_HANDLE_ROW(h), &td);
    const uint8_t elem = a->types[CLR_HANDLE_ROW(h)].value_elem;
    int32_t flags;
    if (ID_RANK(id) > 0) {
        flags = F_ARRAY | F_SEALED;
    } else {
        flags = (elem != 0 ? F_VALUE_TYPE : 0) | (elem != 0 && clr_type_is_enum(rt, h) ? F_ENUM : 0) |
                (elem != 0 && elem != CLR_ELEM_VALUETYPE && !clr_type_is_enum(rt, h) ? F_PRIMITIVE : 0) |
                ((td.flags & CLR_TYPE_ATTR_INTERFACE) != 0 ? F_INTERFACE : 0) |
                ((td.flags & CLR_TYPE_ATTR_ABSTRACT) != 0 ? F_ABSTRACT : 0) |
                ((td.flags & CLR_TYPE_ATTR_SEALED) != 0 ? F_SEALED : 0);
    }
    result->kind = CLR_K_I4;
    result->v.i4 = flags;
    return CLR_EXC_NONE;
}

/* IsAssignable(to, from): can a value of type `from` be stored in a location of type `to`? */
enum clr_exception clr_runtime_type_is_assignable(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int32_t to = args[0].v.i4, from = args[1].v.i4;
    if (!id_ok(rt, to) || !id_ok(rt, from))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Not a type id.");
    const clr_handle object = rt->elem_types[CLR_ELEM_OBJECT];
    bool ok;
    if (to == from || (ID_RANK(to) == 0 && ID_HANDLE(to) == object))
        ok = true;
    else if (ID_RANK(from) == 0)
        ok = ID_RANK(to) == 0 && clr_type_assignable(rt, ID_HANDLE(from), ID_HANDLE(to));
    else if (ID_RANK(to) == 0)
        ok = clr_type_assignable(rt, rt->array_type, ID_HANDLE(to)); /* System.Array and its interfaces */
    else /* arrays of references are covariant, arrays of values are not */
        ok = ID_RANK(to) == ID_RANK(from) &&
             rt->assemblies[CLR_HANDLE_ASSEMBLY(ID_HANDLE(from))].types[CLR_HANDLE_ROW(ID_HANDLE(from))].value_elem == 0 &&
             clr_type_assignable(rt, ID_HANDLE(from), ID_HANDLE(to));
    result->kind = CLR_K_I4;
    result->v.i4 = ok;
    return CLR_EXC_NONE;
}

/* RuntimeHelpers.InitializeArray(array, field): the field's data (table 12) fills the array's elements. */
enum clr_exception clr_runtime_helpers_initialize_array(struct clr_runtime *rt, struct clr_slot *args,
                                                        struct clr_slot *result)
{
    (void)result;
    const struct clr_block *o = args[0].v.o;
    const struct clr_object *handle = (const struct clr_object *)args[1].v.o;
    if (o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (o->kind != CLR_BLOCK_ARRAY || handle == NULL || handle->field_count == 0 || handle->fields[0].kind != CLR_K_I)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "InitializeArray takes an array and a field's handle.");
    struct clr_array *arr = (struct clr_array *)o;
    const clr_handle field = (clr_handle)handle->fields[0].v.i8;
    if (CLR_HANDLE_ASSEMBLY(field) >= rt->assembly_count)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Not a field's handle.");
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(field)];
    const struct clr_table *rva = &a->tables[CLR_TBL_FIELD_RVA];
    const uint32_t data_size = a->tables[CLR_TBL_FIELD_DATA].count;
    for (uint32_t i = 0; i < rva->count; i++) {
        const uint8_t *row = clr_row(a, CLR_TBL_FIELD_RVA, i);
        if (clr_rd32(row) != CLR_HANDLE_ROW(field))
            continue;
        const uint32_t start = clr_rd32(row + 4);
        uint32_t end = data_size; /* the data runs to the next field's */
        for (uint32_t j = 0; j < rva->count; j++) {
            const uint32_t other = clr_rd32(clr_row(a, CLR_TBL_FIELD_RVA, j) + 4);
            if (other > start && other < end)
                end = other;
        }
        const size_t bytes = (size_t)arr->length * arr->elem_size;
        if (arr->elem == CLR_ELEM_OBJECT || arr->elem == CLR_ELEM_VALUETYPE || start > end || bytes > end - start)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The array initialiser's data does not fit the array.");
        memcpy(arr->data, a->base + a->tables[CLR_TBL_FIELD_DATA].offset + start, bytes);
        return CLR_EXC_NONE;
    }
    return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The field has no initial data.");
}
