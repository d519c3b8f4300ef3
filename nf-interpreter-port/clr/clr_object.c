/*
 * Classes: instance field layout and vtables, computed at load per TypeDef (base types first), object
 * allocation and type tests.
 *
 * Layout: an object's fields are slots, the base type's first, so a field's index is the same in every
 * derived type. Vtables: a type copies its base's and then, for each virtual method, replaces the base
 * slot with the same name and signature (unless the method is newslot) or appends a slot. callvirt reads
 * the declared method's slot in the object's type's vtable.
 */
#include "clr_internal.h"

#define MAX_DEPTH 32u                /* base type chains longer than this are refused */
#define METHOD_ATTR_NEW_SLOT 0x0100u /* ECMA MethodAttributes.NewSlot */

clr_handle clr_type_base(struct clr_runtime *rt, clr_handle type)
{
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
    struct clr_type_def td;
    clr_read_type_def(a, CLR_HANDLE_ROW(type), &td);
    return td.extends != 0 ? clr_type_token_target(a, td.extends) : CLR_NONE32;
}

bool clr_type_derives(struct clr_runtime *rt, clr_handle type, clr_handle target)
{
    for (unsigned depth = 0; depth <= MAX_DEPTH && type != CLR_NONE32; depth++) {
        if (type == target)
            return true;
        type = clr_type_base(rt, type);
    }
    return false;
}

/* Field slots and vtable of TypeDef t, whose base (if any) is ready. */
static bool prepare_type(struct clr_runtime *rt, struct clr_assembly *a, uint32_t t, clr_handle base)
{
    struct clr_type_def td;
    clr_read_type_def(a, t, &td);
    const struct clr_type_info empty = {.ready = true};
    const struct clr_type_info *bi =
        base != CLR_NONE32 ? &rt->assemblies[CLR_HANDLE_ASSEMBLY(base)].types[CLR_HANDLE_ROW(base)] : &empty;
    struct clr_type_info *ti = &a->types[t];
    uint32_t fields = bi->field_count;
    for (uint32_t f = td.first_field; f < (uint32_t)td.first_field + td.field_count; f++) {
        if ((clr_field_def_flags(a, f) & CLR_FIELD_ATTR_STATIC) != 0)
            continue;
        if (fields >= CLR_NONE16)
            return false;
        a->fields[f].instance_slot = (uint16_t)fields++;
    }
    ti->field_count = (uint16_t)fields;
    uint32_t virtuals = 0;
    for (uint32_t m = td.first_method; m < (uint32_t)td.first_method + td.method_count; m++) {
        struct clr_method_def md;
        clr_read_method_def(a, m, &md);
        virtuals += (md.flags & CLR_METHOD_ATTR_VIRTUAL) != 0;
    }
    if ((uint32_t)bi->vtable_size + virtuals >= CLR_NONE16)
        return false;
    uint32_t size = bi->vtable_size;
    clr_handle *vtable = NULL;
    if (virtuals > 0) {
        vtable = clr_table_alloc(rt, CLR_TABLE_VTABLES, (size + virtuals) * sizeof *vtable);
        if (vtable == NULL)
            return false;
        if (size > 0)
            memcpy(vtable, bi->vtable, size * sizeof *vtable);
    }
    for (uint32_t m = td.first_method; m < (uint32_t)td.first_method + td.method_count; m++) {
        struct clr_method_def md;
        clr_read_method_def(a, m, &md);
        if ((md.flags & CLR_METHOD_ATTR_VIRTUAL) == 0)
            continue;
        uint32_t slot = size;
        if ((md.flags & METHOD_ATTR_NEW_SLOT) == 0) {
            /* The most derived base slot of the same name and signature. */
            for (uint32_t s = bi->vtable_size; s-- > 0;) {
                const struct clr_assembly *ba = &rt->assemblies[CLR_HANDLE_ASSEMBLY(vtable[s])];
                struct clr_method_def bd;
                clr_read_method_def(ba, CLR_HANDLE_ROW(vtable[s]), &bd);
                if (clr_string_equals(ba, bd.name, clr_string_at(a, md.name)) &&
                    clr_same_signature(a, md.signature, ba, bd.signature)) {
                    slot = s;
                    break;
                }
            }
        }
        if (slot >= CLR_VTABLE_MAX)
            return false;
        if (slot == size)
            size++;
        vtable[slot] = CLR_HANDLE(a->index, m);
        a->method_slot[m] = (uint8_t)slot;
    }
    ti->vtable = virtuals > 0 ? vtable : bi->vtable; /* nothing overridden or added: the base's, shared */
    ti->vtable_size = (uint16_t)size;
    ti->value_elem = clr_type_value_elem(rt, CLR_HANDLE(a->index, t));
    ti->interface = (td.flags & CLR_TYPE_ATTR_INTERFACE) != 0;
    ti->ready = true;
    return true;
}

bool clr_prepare_types(struct clr_runtime *rt, struct clr_assembly *a)
{
    const uint32_t types = a->tables[CLR_TBL_TYPE_DEF].count, methods = a->tables[CLR_TBL_METHOD_DEF].count;
    a->types = clr_table_alloc(rt, CLR_TABLE_TYPE_INFOS, types * sizeof *a->types);
    a->method_slot = clr_table_alloc(rt, CLR_TABLE_METHOD_SLOTS, methods * sizeof *a->method_slot);
    if ((types > 0 && a->types == NULL) || (methods > 0 && a->method_slot == NULL))
        goto no_ram;
    memset(a->types, 0, types * sizeof *a->types);
    for (uint32_t m = 0; m < methods; m++)
        a->method_slot[m] = CLR_NO_SLOT;
    /* Base types first: each pass prepares the types whose base is ready; a cycle makes no progress. */
    uint32_t done = 0;
    for (bool progress = true; progress && done < types;) {
        progress = false;
        for (uint32_t t = 0; t < types; t++) {
            if (a->types[t].ready)
                continue;
            const clr_handle base = clr_type_base(rt, CLR_HANDLE(a->index, t));
            if (base != CLR_NONE32 && !rt->assemblies[CLR_HANDLE_ASSEMBLY(base)].types[CLR_HANDLE_ROW(base)].ready)
                continue;
            if (!prepare_type(rt, a, t, base)) {
                char name[96];
                clr_type_full_name(a, t, '/', name, sizeof name);
                clr_log(rt, "assembly %s: type %s has more than 65534 instance fields or "
                            "%u vtable slots, or no RAM is left for its vtable", a->name, name, CLR_VTABLE_MAX - 1);
                return false;
            }
            done++;
            progress = true;
        }
    }
    if (done < types) {
        clr_log(rt, "assembly %s: its types' base types form a cycle: rebuild the app", a->name);
        return false;
    }
    static const char *const token_names[3] = {"RuntimeTypeHandle", "RuntimeFieldHandle", "RuntimeMethodHandle"};
    if (a->index == 0) {
        for (unsigned e = 0; e < CLR_EXC_COUNT; e++)
            rt->exception_types[e] = CLR_NONE32;
        for (unsigned e = 0; e < sizeof rt->elem_types / sizeof rt->elem_types[0]; e++)
            rt->elem_types[e] = CLR_NONE32;
        for (unsigned e = 0; e < 3; e++)
            rt->token_types[e] = CLR_NONE32;
        rt->thread_type = rt->thread_run = CLR_NONE32;
        for (unsigned e = 0; e < CLR_INTERFACE_CACHE; e++)
            rt->interface_cache[e].target = CLR_NONE32;
    }
    for (uint32_t t = 0; t < types && a->index == 0; t++) {
        struct clr_type_def td;
        clr_read_type_def(a, t, &td);
        char full[96];
        clr_type_full_name(a, t, '+', full, sizeof full);
        for (unsigned e = 0; e < CLR_EXC_COUNT; e++)
            if (clr_exception_catchable(e) && strcmp(full, clr_exception_type_name(e)) == 0)
                rt->exception_types[e] = CLR_HANDLE(a->index, t);
        if (strcmp(full, "System.Threading.Thread") == 0) {
            rt->thread_type = CLR_HANDLE(a->index, t);
            for (uint32_t m = td.first_method; m < (uint32_t)td.first_method + td.method_count; m++) {
                struct clr_method_def md;
                clr_read_method_def(a, m, &md);
                if (clr_string_equals(a, md.name, "Run") && md.arg_count == 1)
                    rt->thread_run = CLR_HANDLE(a->index, m);
            }
        }
        if (!clr_string_equals(a, td.name_space, "System"))
            continue;
        for (unsigned e = 0; e < CLR_CORLIB_ELEM_TYPES; e++)
            if (clr_string_equals(a, td.name, clr_corlib_elem_types[e].name))
                rt->elem_types[clr_corlib_elem_types[e].elem] = CLR_HANDLE(a->index, t);
        for (unsigned e = 0; e < 3; e++)
            if (clr_string_equals(a, td.name, token_names[e]))
                rt->token_types[e] = CLR_HANDLE(a->index, t);
        if (clr_string_equals(a, td.name, "String"))
            rt->string_type = CLR_HANDLE(a->index, t);
        else if (clr_string_equals(a, td.name, "Array"))
            rt->array_type = CLR_HANDLE(a->index, t);
    }
    return true;
no_ram:
    clr_log(rt, "assembly %s: no RAM left for its %u types' vtables: give the runtime more RAM", a->name,
            (unsigned)types);
    return false;
}

/* ---- arrays ---- */

uint8_t clr_array_elem_size(uint8_t elem)
{
    switch (elem) {
    case CLR_ELEM_BOOLEAN: case CLR_ELEM_I1: case CLR_ELEM_U1:
        return 1;
    case CLR_ELEM_CHAR: case CLR_ELEM_I2: case CLR_ELEM_U2:
        return 2;
    case CLR_ELEM_I4: case CLR_ELEM_U4: case CLR_ELEM_R4:
        return 4;
    case CLR_ELEM_I8: case CLR_ELEM_U8: case CLR_ELEM_R8:
        return 8;
    case CLR_ELEM_I: case CLR_ELEM_U:
        return CLR_NATIVE_INT_64 ? 8 : 4;
    case CLR_ELEM_OBJECT:
    case CLR_ELEM_VALUETYPE: /* the element's struct block, NULL until written or addressed */
        return sizeof(struct clr_block *);
    default:
        return 0;
    }
}

struct clr_array *clr_array_new(struct clr_runtime *rt, uint8_t elem, clr_handle elem_type, int32_t length)
{
    const uint8_t size = clr_array_elem_size(elem);
    const size_t max = (clr_heap_size(&rt->heap) / (size != 0 ? size : 1u)) + 1u;
    if (length < 0 || (size_t)length > max)
        return NULL;
    struct clr_array *arr = (struct clr_array *)clr_gc_alloc(
        rt, CLR_BLOCK_ARRAY, sizeof *arr - sizeof arr->block + (size_t)length * size);
    if (arr != NULL) {
        arr->elem_type = elem_type;
        arr->length = length;
        arr->elem = elem;
        arr->elem_size = size;
    }
    return arr;
}

void clr_raw_read(uint8_t elem, const uint8_t *p, struct clr_slot *out)
{
    memset(out, 0, sizeof *out);
    out->kind = clr_elem_kind(elem);
    switch (elem) {
    case CLR_ELEM_BOOLEAN: case CLR_ELEM_U1: out->v.i4 = *p; break;
    case CLR_ELEM_I1: out->v.i4 = (int8_t)*p; break;
    case CLR_ELEM_CHAR: case CLR_ELEM_U2: { uint16_t x; memcpy(&x, p, 2); out->v.i4 = x; break; }
    case CLR_ELEM_I2: { int16_t x; memcpy(&x, p, 2); out->v.i4 = x; break; }
    case CLR_ELEM_I4: case CLR_ELEM_U4: memcpy(&out->v.i4, p, 4); break;
    case CLR_ELEM_R4: memcpy(&out->v.r4, p, 4); break;
    case CLR_ELEM_I8: case CLR_ELEM_U8: memcpy(&out->v.i8, p, 8); break;
    case CLR_ELEM_R8: memcpy(&out->v.r8, p, 8); break;
    case CLR_ELEM_I: case CLR_ELEM_U: {
        intptr_t x;
        memcpy(&x, p, sizeof x);
        out->v.i8 = (int64_t)x;
        break;
    }
    default: memcpy(&out->v.o, p, sizeof out->v.o); break;
    }
}

void clr_raw_write(uint8_t elem, uint8_t *p, const struct clr_slot *v)
{
    switch (elem) {
    case CLR_ELEM_BOOLEAN: case CLR_ELEM_U1: case CLR_ELEM_I1: *p = (uint8_t)v->v.i4; break;
    case CLR_ELEM_CHAR: case CLR_ELEM_U2: case CLR_ELEM_I2: { const uint16_t x = (uint16_t)v->v.i4; memcpy(p, &x, 2); break; }
    case CLR_ELEM_I4: case CLR_ELEM_U4: memcpy(p, &v->v.i4, 4); break;
    case CLR_ELEM_R4: memcpy(p, &v->v.r4, 4); break;
    case CLR_ELEM_I8: case CLR_ELEM_U8: memcpy(p, &v->v.i8, 8); break;
    case CLR_ELEM_R8: memcpy(p, &v->v.r8, 8); break;
    case CLR_ELEM_I: case CLR_ELEM_U: {
        const intptr_t x = (intptr_t)v->v.i8;
        memcpy(p, &x, sizeof x);
        break;
    }
    default: memcpy(p, &v->v.o, sizeof v->v.o); break;
    }
}

bool clr_array_elem_of_token(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token, uint8_t *elem,
                             clr_handle *elem_type)
{
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_TYPE_SPEC) {
        *elem = CLR_ELEM_OBJECT; /* an array of arrays */
        *elem_type = CLR_NONE32;
        return true;
    }
    const clr_handle type = clr_type_token_target(a, token);
    if (type == CLR_NONE32)
        return false;
    *elem_type = type;
    *elem = clr_type_value_elem(rt, type);
    if (*elem == 0)
        *elem = CLR_ELEM_OBJECT; /* a class or an interface */
    return true;
}
