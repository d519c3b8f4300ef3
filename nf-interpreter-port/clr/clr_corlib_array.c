/*
 * System.Array's element access for code that holds an array as Array, IList or object: GetValue boxes the
 * element (a struct as a copy), SetValue unboxes into it with .NET's checks and its primitive widening (a boxed
 * Int32 goes into a long[] or a double[], not into a short[]).
 */
#include "clr_corlib.h"

static const char *const cannot_store = "Object cannot be stored in an array of this type.";

#define BIT(e) (1u << (CLR_ELEM_##e))
/* Per primitive element type: the element types its values widen to (.NET's table for reflection and arrays). */
static const uint16_t widens_to[CLR_ELEM_R8 + 1] = {
    [CLR_ELEM_CHAR] = BIT(U2) | BIT(I4) | BIT(U4) | BIT(I8) | BIT(U8) | BIT(R4) | BIT(R8),
    [CLR_ELEM_I1] = BIT(I2) | BIT(I4) | BIT(I8) | BIT(R4) | BIT(R8),
    [CLR_ELEM_U1] = BIT(CHAR) | BIT(U2) | BIT(I2) | BIT(U4) | BIT(I4) | BIT(U8) | BIT(I8) | BIT(R4) | BIT(R8),
    [CLR_ELEM_I2] = BIT(I4) | BIT(I8) | BIT(R4) | BIT(R8),
    [CLR_ELEM_U2] = BIT(CHAR) | BIT(U4) | BIT(I4) | BIT(U8) | BIT(I8) | BIT(R4) | BIT(R8),
    [CLR_ELEM_I4] = BIT(I8) | BIT(R4) | BIT(R8),
    [CLR_ELEM_U4] = BIT(U8) | BIT(I8) | BIT(R4) | BIT(R8),
    [CLR_ELEM_I8] = BIT(R4) | BIT(R8),
    [CLR_ELEM_U8] = BIT(R4) | BIT(R8),
    [CLR_ELEM_R4] = BIT(R8),
};

/* A value of primitive type `from` (as a slot holds it) widened to primitive type `to`. */
static struct clr_slot widen(uint8_t from, const struct clr_slot *v, uint8_t to)
{
    double d;
    int64_t i = 0;
    if (from == CLR_ELEM_R4) {
        d = v->v.r4;
    } else {
        i = from == CLR_ELEM_I8 || from == CLR_ELEM_U8 ? v->v.i8
            : from == CLR_ELEM_U4                      ? (int64_t)(uint32_t)v->v.i4
                                                       : v->v.i4; /* smaller types are kept extended in i4 */
        d = from == CLR_ELEM_U8 ? (double)(uint64_t)i : (double)i;
    }
    struct clr_slot w = {.kind = clr_elem_kind(to)};
    if (to == CLR_ELEM_R8)
        w.v.r8 = d;
    else if (to == CLR_ELEM_R4)
        w.v.r4 = from == CLR_ELEM_U8 ? (float)(uint64_t)i : from == CLR_ELEM_R4 ? v->v.r4 : (float)i; /* rounded once */
    else if (to == CLR_ELEM_I8 || to == CLR_ELEM_U8)
        w.v.i8 = i;
    else
        w.v.i4 = (int32_t)i;
    return w;
}

/* The array `this` and the address of element `index`; NULL with the exception in *exc. */
static uint8_t *element_at(struct clr_runtime *rt, const struct clr_slot *this_slot, int32_t index,
                           struct clr_array **arr, enum clr_exception *exc)
{
    const struct clr_block *b = this_slot->v.o;
    if (b == NULL) {
        *exc = clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
        return NULL;
    }
    if (b->kind != CLR_BLOCK_ARRAY) {
        *exc = clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "An Array method on an object that is not an array.");
        return NULL;
    }
    *arr = (struct clr_array *)this_slot->v.o;
    if (index < 0 || index >= (*arr)->length) {
        *exc = clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
        return NULL;
    }
    return (*arr)->data + (size_t)index * (*arr)->elem_size;
}

/* Array.GetValue(index): the element, boxed when it is a value. */
enum clr_exception clr_array_get_value(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    struct clr_array *arr;
    enum clr_exception exc = CLR_EXC_NONE;
    const uint8_t *at = element_at(rt, &args[0], args[1].v.i4, &arr, &exc);
    if (at == NULL)
        return exc;
    struct clr_slot v;
    clr_raw_read(arr->elem, at, &v);
    if (arr->elem == CLR_ELEM_OBJECT) {
        *result = (struct clr_slot){.kind = CLR_K_O, .v.o = v.v.o};
        return CLR_EXC_NONE;
    }
    struct clr_object *box;
    if (arr->elem == CLR_ELEM_VALUETYPE) {
        /* A struct element: its box is a copy (an element never written is the default value). */
        if (v.v.o == NULL)
            box = clr_object_new(rt, arr->elem_type);
        else if ((exc = clr_value_clone(rt, (const struct clr_object *)v.v.o, &box)) != CLR_EXC_NONE)
            return exc;
        if (box == NULL)
            return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
        box->block.reserved &= (uint16_t)~CLR_VALUE_FLAG;
    } else {
        box = (struct clr_object *)clr_gc_alloc(rt, CLR_BLOCK_OBJECT, sizeof *box - sizeof box->block + sizeof v);
        if (box == NULL)
            return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
        box->type = arr->elem_type;
        box->field_count = 1;
        clr_store_convert(arr->elem, &box->fields[0], &v);
    }
    *result = (struct clr_slot){.kind = CLR_K_O, .v.o = &box->block};
    return CLR_EXC_NONE;
}

/* Array.SetValue(value, index): null stores the default value; otherwise the value must be of the element's
 * type (a reference: assignable to it; a value: a box of that type, or of an enum's underlying type). */
enum clr_exception clr_array_set_value(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    struct clr_array *arr;
    enum clr_exception exc = CLR_EXC_NONE;
    uint8_t *at = element_at(rt, &args[0], args[2].v.i4, &arr, &exc);
    if (at == NULL)
        return exc;
    struct clr_block *value = args[1].v.o;
    struct clr_slot v;
    if (value == NULL) {
        clr_slot_zero(&v, arr->elem == CLR_ELEM_VALUETYPE ? CLR_ELEM_OBJECT : arr->elem);
        clr_raw_write(arr->elem, at, &v);
        return CLR_EXC_NONE;
    }
    const clr_handle type = clr_object_type(rt, value);
    if (arr->elem == CLR_ELEM_OBJECT) {
        if (arr->elem_type != CLR_NONE32 && !clr_type_assignable(rt, type, arr->elem_type))
            return clr_throw(rt, CLR_EXC_INVALID_CAST, "%s", cannot_store);
        clr_raw_write(arr->elem, at, &args[1]);
        return CLR_EXC_NONE;
    }
    const struct clr_object *box = (const struct clr_object *)value;
    const uint8_t boxed_elem = value->kind == CLR_BLOCK_OBJECT ? clr_type_value_elem(rt, type) : 0;
    if (arr->elem == CLR_ELEM_VALUETYPE) {
        if (type != arr->elem_type || boxed_elem != CLR_ELEM_VALUETYPE)
            return clr_throw(rt, CLR_EXC_INVALID_CAST, "%s", cannot_store);
        struct clr_object *copy;
        if ((exc = clr_value_clone(rt, box, &copy)) != CLR_EXC_NONE)
            return exc;
        v = (struct clr_slot){.kind = CLR_K_O, .v.o = &copy->block};
        clr_raw_write(arr->elem, at, &v);
        return CLR_EXC_NONE;
    }
    if (boxed_elem == 0 || boxed_elem == CLR_ELEM_VALUETYPE || box->field_count != 1)
        return clr_throw(rt, CLR_EXC_INVALID_CAST, "%s", cannot_store);
    if (box->fields[0].kind == CLR_K_NONE)
        clr_slot_zero(&v, boxed_elem);
    else
        v = box->fields[0];
    if (boxed_elem != arr->elem) {
        if (boxed_elem > CLR_ELEM_R8 || arr->elem > CLR_ELEM_R8 || (widens_to[boxed_elem] & (1u << arr->elem)) == 0)
            return clr_throw(rt, CLR_EXC_ARGUMENT, "Cannot widen from source type to target type either because the "
                             "source type is a not a primitive type or the conversion cannot be accomplished.");
        v = widen(boxed_elem, &v, arr->elem);
    }
    clr_raw_write(arr->elem, at, &v);
    return CLR_EXC_NONE;
}
