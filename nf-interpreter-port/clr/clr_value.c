/*
 * Struct values. A struct is a heap object of its type flagged as a value (CLR_VALUE_FLAG) and owned by
 * exactly one location (local, argument, static, field, array element, evaluation slot): every load copies
 * it, every store moves it, so two locations never share one. A location that was never written holds NULL,
 * which reads as the default value; taking its address (ldloca, ldflda, ...) makes the block then. A box is
 * the same object without the flag.
 */
#include "clr_internal.h"

#define MAX_NESTING 16u /* structs inside structs; metadata cannot make cycles, this bounds a damaged image */

bool clr_is_value(const struct clr_block *b)
{
    return b != NULL && b->kind == CLR_BLOCK_OBJECT && (b->reserved & CLR_VALUE_FLAG) != 0;
}

struct clr_object *clr_value_new(struct clr_runtime *rt, clr_handle type)
{
    struct clr_object *o = clr_object_new(rt, type);
    if (o != NULL)
        o->block.reserved |= CLR_VALUE_FLAG;
    return o;
}

/* A copy of src's block, flagged as a value; its struct fields still refer to src's (copy_fields replaces them). */
static struct clr_object *shallow_copy(struct clr_runtime *rt, const struct clr_object *src)
{
    struct clr_object *o = (struct clr_object *)clr_gc_alloc(rt, CLR_BLOCK_OBJECT, src->block.size - sizeof src->block);
    if (o != NULL) {
        memcpy((uint8_t *)o + sizeof o->block, (const uint8_t *)src + sizeof src->block, src->block.size - sizeof o->block);
        o->block.reserved = CLR_VALUE_FLAG;
    }
    return o;
}

/* Replaces o's struct fields by copies, each stored in o before its own fields are copied: with the outermost
 * copy rooted, every copy is reachable while the next one is allocated. */
static enum clr_exception copy_fields(struct clr_runtime *rt, struct clr_object *o, unsigned depth)
{
    if (depth > MAX_NESTING)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Structs are nested more than %u deep.", MAX_NESTING);
    for (uint32_t i = 0; i < o->field_count; i++) {
        if (o->fields[i].kind == CLR_K_O && clr_is_value(o->fields[i].v.o)) {
            struct clr_object *inner = shallow_copy(rt, (const struct clr_object *)o->fields[i].v.o);
            if (inner == NULL)
                return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
            o->fields[i].v.o = &inner->block;
            const enum clr_exception exc = copy_fields(rt, inner, depth + 1);
            if (exc != CLR_EXC_NONE)
                return exc;
        }
    }
    return CLR_EXC_NONE;
}

enum clr_exception clr_value_clone(struct clr_runtime *rt, const struct clr_object *src, struct clr_object **out)
{
    struct clr_object *o = shallow_copy(rt, src);
    if (o == NULL || !clr_gc_push_root(rt, o))
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    const enum clr_exception exc = copy_fields(rt, o, 1);
    clr_gc_pop_root(rt);
    *out = o;
    return exc;
}

enum clr_exception clr_value_load(struct clr_runtime *rt, const struct clr_slot *loc, struct clr_slot *out)
{
    struct clr_object *o;
    enum clr_exception exc = CLR_EXC_NONE;
    if (loc->v.o == NULL) {
        if ((o = clr_value_new(rt, loc->type)) == NULL)
            exc = clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    } else if (clr_is_value(loc->v.o)) {
        exc = clr_value_clone(rt, (const struct clr_object *)loc->v.o, &o);
    } else {
        o = (struct clr_object *)loc->v.o; /* only damaged IL puts anything else there: no copy to make */
    }
    if (exc == CLR_EXC_NONE)
        *out = (struct clr_slot){.kind = CLR_K_O, .v.o = &o->block};
    return exc;
}

struct clr_object *clr_value_at(struct clr_runtime *rt, struct clr_slot *loc)
{
    if (loc->v.o == NULL) {
        struct clr_object *o = clr_value_new(rt, loc->type);
        if (o == NULL)
            return NULL;
        loc->kind = CLR_K_O;
        loc->v.o = &o->block;
    }
    return (struct clr_object *)loc->v.o;
}

struct clr_object *clr_ref_object(struct clr_runtime *rt, const struct clr_slot *ref, enum clr_exception *exc)
{
    *exc = CLR_EXC_NONE;
    if (ref->ref_elem == CLR_ELEM_VALUETYPE)
        return (struct clr_object *)ref->v.o;
    if (ref->ref_elem != 0)
        return NULL;
    struct clr_slot *loc = ref->v.ref;
    if (loc->elem == CLR_ELEM_VALUETYPE) {
        struct clr_object *o = clr_value_at(rt, loc);
        if (o == NULL)
            *exc = clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
        return o;
    }
    return loc->kind == CLR_K_O && clr_is_value(loc->v.o) ? (struct clr_object *)loc->v.o : NULL;
}

static bool value_is_default(struct clr_runtime *rt, const struct clr_object *v, unsigned depth);
static bool slot_is_plain_default(const struct clr_slot *s);

static bool slot_is_default(struct clr_runtime *rt, const struct clr_slot *s, unsigned depth)
{
    if (s->kind == CLR_K_O && clr_is_value(s->v.o))
        return depth < MAX_NESTING && value_is_default(rt, (const struct clr_object *)s->v.o, depth + 1);
    return slot_is_plain_default(s);
}

/* Field by field: primitives by value, structs recursively, references by identity (strings by text). */
static bool fields_equal(struct clr_runtime *rt, const struct clr_slot *a, const struct clr_slot *b, unsigned depth)
{
    if (a->kind != b->kind) /* a field never written (NONE) equals a written default */
        return (a->kind == CLR_K_NONE || b->kind == CLR_K_NONE) && slot_is_default(rt, a->kind ? a : b, depth);
    switch (a->kind) {
    case CLR_K_NONE:
        return true;
    case CLR_K_I4:
        return a->v.i4 == b->v.i4;
    case CLR_K_R4:
        return a->v.r4 == b->v.r4 || (a->v.r4 != a->v.r4 && b->v.r4 != b->v.r4);
    case CLR_K_R8:
        return a->v.r8 == b->v.r8 || (a->v.r8 != a->v.r8 && b->v.r8 != b->v.r8);
    case CLR_K_O:
        break;
    default:
        return a->v.i8 == b->v.i8;
    }
    const struct clr_block *x = a->v.o, *y = b->v.o;
    if (x == y)
        return true;
    if (x == NULL || y == NULL) {
        const struct clr_block *v = x != NULL ? x : y;
        return clr_is_value(v) && value_is_default(rt, (const struct clr_object *)v, depth + 1);
    }
    if (x->kind == CLR_BLOCK_STRING && y->kind == CLR_BLOCK_STRING) {
        const struct clr_string *s = (const struct clr_string *)x, *t = (const struct clr_string *)y;
        return s->length == t->length && memcmp(s->chars, t->chars, (size_t)s->length * 2u) == 0;
    }
    return clr_is_value(x) && clr_is_value(y) &&
           clr_value_equals(rt, (const struct clr_object *)x, (const struct clr_object *)y, depth + 1);
}

static bool slot_is_plain_default(const struct clr_slot *s)
{
    switch (s->kind) {
    case CLR_K_NONE:
        return true;
    case CLR_K_I4:
        return s->v.i4 == 0;
    case CLR_K_R4:
        return s->v.r4 == 0.0f;
    case CLR_K_R8:
        return s->v.r8 == 0.0;
    case CLR_K_O:
        return s->v.o == NULL;
    default:
        return s->v.i8 == 0;
    }
}

static bool value_is_default(struct clr_runtime *rt, const struct clr_object *v, unsigned depth)
{
    for (uint32_t i = 0; i < v->field_count; i++)
        if (!slot_is_default(rt, &v->fields[i], depth))
            return false;
    return true;
}

bool clr_value_equals(struct clr_runtime *rt, const struct clr_object *a, const struct clr_object *b, unsigned depth)
{
    if (a->type != b->type || a->field_count != b->field_count || depth > MAX_NESTING)
        return false;
    for (uint32_t i = 0; i < a->field_count; i++)
        if (!fields_equal(rt, &a->fields[i], &b->fields[i], depth))
            return false;
    return true;
}
