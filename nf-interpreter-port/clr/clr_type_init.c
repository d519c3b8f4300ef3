/*
 * Type initialisers that fail. Exception dispatch treats a .cctor frame as a catch of every exception
 * (CLR_TYPE_INIT_BOUNDARY): once the finally blocks inside have run, clr_type_init_failed pops the frame, marks
 * the type failed and throws TypeInitializationException("The type initializer for 'N.T' threw an exception.",
 * inner) where the type was first needed. Every later access throws that same object again, as .NET does; the
 * last CLR_FAILED_INITS failures are kept, an older one gets a new exception without the inner one.
 */
#include "clr_internal.h"

/* TypeInitializationException._typeName: its first own field, after Exception's three. */
#define TYPE_NAME_FIELD 3u

/* A new TypeInitializationException for `type` (inner may be NULL); NULL when corlib lacks it or the heap is full. */
static struct clr_object *new_exception(struct clr_runtime *rt, clr_handle type, struct clr_object *inner)
{
    const clr_handle tie = rt->exception_types[CLR_EXC_TYPE_INITIALIZATION];
    if (tie == CLR_NONE32)
        return NULL;
    /* .NET names the type by its row's namespace and name: a nested type by its bare name. */
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
    struct clr_type_def td;
    clr_read_type_def(a, CLR_HANDLE_ROW(type), &td);
    char name[CLR_DETAIL_MAX / 2];
    size_t n = 0;
    const size_t ns = clr_string_length(a, td.name_space), nm = clr_string_length(a, td.name);
    if (ns + 1 + nm >= sizeof name)
        return NULL;
    if (ns > 0) {
        memcpy(name, clr_string_at(a, td.name_space), ns);
        name[ns] = '.';
        n = ns + 1;
    }
    memcpy(name + n, clr_string_at(a, td.name), nm);
    n += nm;
    name[n] = '\0';
    clr_throw(rt, CLR_EXC_TYPE_INITIALIZATION, "The type initializer for '%s' threw an exception.", name);
    struct clr_object *o = clr_exception_new(rt, tie); /* with the message */
    if (o == NULL || o->field_count <= TYPE_NAME_FIELD || !clr_gc_push_root(rt, o))
        return NULL;
    struct clr_string *type_name = clr_string_from_utf8(rt, (const uint8_t *)name, n);
    clr_gc_pop_root(rt);
    if (type_name == NULL)
        return NULL;
    o->fields[1] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_CLASS, .v.o = inner != NULL ? &inner->block : NULL};
    o->fields[TYPE_NAME_FIELD] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_STRING, .v.o = &type_name->block};
    return o;
}

enum clr_exception clr_type_init_failed(struct clr_runtime *rt, struct clr_object *inner)
{
    struct clr_frame *f = &rt->frames[rt->depth - 1];
    if (f->init_type == CLR_NONE16)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The exception handler was not reached.");
    const clr_handle type = CLR_HANDLE(f->assembly->index, f->init_type);
    f->assembly->type_init[f->init_type] = CLR_TYPE_INIT_FAILED;
    rt->depth--;
    while (rt->eh_count > 0 && rt->eh[rt->eh_count - 1].frame >= rt->depth)
        rt->eh_count--;
    rt->exception_object = inner; /* rooted while the new exception is made */
    struct clr_object *o = new_exception(rt, type, inner);
    if (o == NULL) { /* the inner exception goes on unwrapped */
        rt->exception = CLR_EXC_THROWN;
        rt->exception_detail[0] = '\0';
        return CLR_EXC_THROWN;
    }
    unsigned i = 0;
    while (i < CLR_FAILED_INITS && rt->failed_inits[i].exception != NULL)
        i++;
    if (i == CLR_FAILED_INITS) { /* full: forget the oldest */
        memmove(&rt->failed_inits[0], &rt->failed_inits[1], (CLR_FAILED_INITS - 1) * sizeof rt->failed_inits[0]);
        i = CLR_FAILED_INITS - 1;
    }
    rt->failed_inits[i] = (struct clr_failed_init){type, o};
    return clr_throw_object(rt, o, false);
}

enum clr_exception clr_type_init_throw_again(struct clr_runtime *rt, struct clr_assembly *a, uint16_t type)
{
    const clr_handle handle = CLR_HANDLE(a->index, type);
    for (unsigned i = 0; i < CLR_FAILED_INITS; i++)
        if (rt->failed_inits[i].exception != NULL && rt->failed_inits[i].type == handle)
            return clr_throw_object(rt, rt->failed_inits[i].exception, false);
    struct clr_object *o = new_exception(rt, handle, NULL);
    return o != NULL ? clr_throw_object(rt, o, false) : clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
}
