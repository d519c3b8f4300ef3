/*
 * mscorlib's internal calls for System.Object and System.ValueType: identity hashes, shallow copies and
 * the field-by-field equality and hash of structs (ValueType.Equals/GetHashCode).
 */
#include "clr_corlib.h"

/* Blocks never move (the collector does not compact), so an address is a stable identity. */
static int32_t identity_hash(const struct clr_block *o)
{
    const uint64_t a = (uint64_t)(uintptr_t)o >> 3;
    return (int32_t)(uint32_t)(a ^ (a >> 32) ^ (a >> 17));
}

static uint32_t mix(uint32_t h, uint64_t v)
{
    h ^= (uint32_t)v ^ (uint32_t)(v >> 32);
    return h * 0x01000193u;
}

static uint32_t value_hash(const struct clr_object *v, unsigned depth)
{
    uint32_t h = 0x811C9DC5u ^ v->type;
    for (uint32_t i = 0; i < v->field_count; i++) {
        const struct clr_slot *s = &v->fields[i];
        uint64_t bits = 0;
        if (s->kind == CLR_K_O && s->v.o != NULL) {
            if (clr_is_value(s->v.o) && depth < 8)
                bits = value_hash((const struct clr_object *)s->v.o, depth + 1);
            else if (s->v.o->kind == CLR_BLOCK_STRING) /* equal strings must hash equally */
                for (int32_t c = 0; c < ((const struct clr_string *)s->v.o)->length; c++)
                    bits = bits * 31u + ((const struct clr_string *)s->v.o)->chars[c];
            else
                bits = (uint32_t)identity_hash(s->v.o);
        } else if (s->kind == CLR_K_R8) {
            bits = s->v.r8 == 0.0 ? 0 : (uint64_t)s->v.i8; /* 0.0 and -0.0 are equal */
        } else if (s->kind == CLR_K_R4) {
            bits = s->v.r4 == 0.0f ? 0 : (uint32_t)s->v.i4;
        } else if (s->kind != CLR_K_NONE && s->kind != CLR_K_O) {
            bits = s->kind == CLR_K_I4 ? (uint32_t)s->v.i4 : (uint64_t)s->v.i8;
        }
        h = mix(h, bits);
    }
    return h;
}

enum clr_exception clr_object_get_hash_code(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    result->kind = CLR_K_I4;
    result->v.i4 = identity_hash(args[0].v.o);
    return CLR_EXC_NONE;
}

enum clr_exception clr_object_memberwise_clone(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const struct clr_block *o = args[0].v.o;
    struct clr_block *copy = clr_heap_alloc(&rt->heap, (enum clr_block_kind)o->kind, o->size - sizeof *o);
    if (copy == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    memcpy((uint8_t *)copy + sizeof *copy, (const uint8_t *)o + sizeof *o, o->size - sizeof *o);
    copy->reserved = o->reserved;
    result->kind = CLR_K_O;
    result->v.o = copy;
    return CLR_EXC_NONE;
}

enum clr_exception clr_value_type_equals(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const struct clr_block *a = args[0].v.o, *b = args[1].v.o;
    result->kind = CLR_K_I4;
    result->v.i4 = b != NULL && a->kind == CLR_BLOCK_OBJECT && b->kind == CLR_BLOCK_OBJECT &&
                   clr_value_equals(rt, (const struct clr_object *)a, (const struct clr_object *)b, 0);
    return CLR_EXC_NONE;
}

enum clr_exception clr_value_type_get_hash_code(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    result->kind = CLR_K_I4;
    result->v.i4 = args[0].v.o->kind == CLR_BLOCK_OBJECT ? (int32_t)value_hash((const struct clr_object *)args[0].v.o, 0)
                                                         : identity_hash(args[0].v.o);
    return CLR_EXC_NONE;
}
