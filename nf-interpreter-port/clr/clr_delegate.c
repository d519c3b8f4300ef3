/*
 * Delegates. A delegate is an object of its delegate class whose first fields (System.Delegate's, then
 * System.MulticastDelegate's) hold the target object, the method (its handle, as ldftn pushes it) and, for a
 * combined delegate, the array of single delegates to call in order (Delegate.Combine, in C#, builds it).
 *
 * Invoke of a single delegate rewrites the call in place: the delegate's slot becomes the target ('this'),
 * or is dropped for a static method, and the method is called. Invoke of a combined one pushes a frame
 * without IL that holds the list, the next index and a copy of the arguments; each time a call returns to
 * it, clr_delegate_step makes the next call, and after the last it returns that call's value.
 */
#include "clr_internal.h"

static bool is_method(const struct clr_runtime *rt, int64_t value)
{
    const uint64_t h = (uint64_t)value;
    return h <= UINT32_MAX && CLR_HANDLE_ASSEMBLY((clr_handle)h) < rt->assembly_count &&
           CLR_HANDLE_ROW((clr_handle)h) < rt->assemblies[CLR_HANDLE_ASSEMBLY((clr_handle)h)].tables[CLR_TBL_METHOD_DEF].count;
}

/* The delegate object of a slot, NULL (and *exc) when it is none. */
static struct clr_object *delegate_of(struct clr_runtime *rt, const struct clr_slot *s, enum clr_exception *exc)
{
    struct clr_object *d = (struct clr_object *)s->v.o;
    *exc = CLR_EXC_NONE;
    if (s->kind != CLR_K_O || d == NULL)
        *exc = clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    else if (d->block.kind != CLR_BLOCK_OBJECT || d->field_count <= CLR_DELEGATE_LIST)
        *exc = clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Invoke of an object that is not a delegate.");
    return *exc == CLR_EXC_NONE ? d : NULL;
}

/* Calls single delegate d with its arguments at args[1..] (args[0] is d's slot, rewritten here). */
static enum clr_exception invoke_single(struct clr_runtime *rt, struct clr_frame *caller, struct clr_slot *args,
                                        const struct clr_object *d)
{
    const struct clr_slot *m = &d->fields[CLR_DELEGATE_METHOD], *target = &d->fields[CLR_DELEGATE_TARGET];
    if (m->kind != CLR_K_I || !is_method(rt, m->v.i8) || (target->kind != CLR_K_O && target->kind != CLR_K_NONE))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The delegate does not hold a method.");
    const clr_handle h = (clr_handle)m->v.i8;
    bool restart;
    enum clr_exception exc = clr_init_before_call(rt, caller, h, &restart);
    if (exc != CLR_EXC_NONE || restart)
        return exc; /* before the arguments change, so that the Invoke can run again */
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    struct clr_method_def md;
    clr_read_method_def(a, CLR_HANDLE_ROW(h), &md);
    struct clr_block *o = target->kind == CLR_K_O ? target->v.o : NULL;
    const unsigned given = (unsigned)(caller->sp - args) - 1u; /* Invoke's arguments after the delegate */
    if ((md.flags & CLR_METHOD_ATTR_STATIC) != 0 && (o == NULL || md.arg_count == given)) {
        memmove(args, args + 1, given * sizeof *args); /* a static method: the delegate's slot goes */
        caller->sp--;
    } else {
        /* An instance method, or a static one closed over its first argument (an extension method). */
        if (o == NULL)
            return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
        args[0] = (struct clr_slot){.kind = CLR_K_O, .v.o = o};
        if ((md.flags & CLR_METHOD_ATTR_STATIC) == 0)
            clr_this_for_value_method(rt, &args[0], CLR_HANDLE(a->index, md.owner));
    }
    return clr_call_method(rt, caller, h, false);
}

/* A frame without IL for a combined delegate's Invoke: locals [list, next index, arguments...]. */
static enum clr_exception push_multicast(struct clr_runtime *rt, struct clr_frame *caller, clr_handle invoke,
                                         struct clr_slot *args, struct clr_block *list)
{
    const unsigned n = (unsigned)(caller->sp - args) - 1u;
    struct clr_slot *locals = caller->stack_limit + 1;
    if (rt->depth == rt->frame_capacity || locals > rt->slots_end ||
        (size_t)(rt->slots_end - locals) < 2u + n + (n + 2u) + 1u)
        return clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(invoke)];
    struct clr_method_def md;
    clr_read_method_def(a, CLR_HANDLE_ROW(invoke), &md);
    const uint8_t *sig = clr_blob_at(a, md.signature) + 3; /* kind, flags, parameter count */
    const uint8_t ret = clr_sig_read_type(rt, a, &sig);
    struct clr_frame *f = &rt->frames[rt->depth];
    *f = (struct clr_frame){
        .assembly = (struct clr_assembly *)a,
        .args = args,
        .locals = locals,
        .stack_base = locals + 2 + n,
        .sp = locals + 2 + n,
        .stack_limit = locals + 2 + n + n + 2,
        .method = (uint16_t)CLR_HANDLE_ROW(invoke),
        .init_type = CLR_NONE16,
        .arg_count = (uint8_t)(n + 1),
        .local_count = (uint8_t)(2 + n),
        .ret_elem = ret,
    };
    locals[0] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT, .v.o = list};
    locals[1] = (struct clr_slot){.kind = CLR_K_I4, .elem = CLR_ELEM_I4, .v.i4 = 0};
    memcpy(&locals[2], args + 1, n * sizeof *args);
    rt->depth++;
    return CLR_EXC_NONE;
}

enum clr_exception clr_delegate_step(struct clr_runtime *rt, struct clr_frame *f)
{
    const struct clr_array *list = (const struct clr_array *)f->locals[0].v.o;
    const int32_t next = f->locals[1].v.i4;
    if (next >= list->length)
        return clr_do_return(rt, f); /* the last call's value is on the stack */
    f->sp = f->stack_base; /* an earlier call's value is dropped */
    struct clr_slot d;
    clr_raw_read(CLR_ELEM_OBJECT, list->data + (size_t)next * list->elem_size, &d);
    enum clr_exception exc;
    const struct clr_object *single = delegate_of(rt, &d, &exc);
    if (single == NULL)
        return exc;
    const struct clr_slot *m = &single->fields[CLR_DELEGATE_METHOD];
    if (m->kind == CLR_K_I && is_method(rt, m->v.i8)) {
        bool restart; /* a .cctor runs first, before this step changes anything */
        if ((exc = clr_init_before_call(rt, f, (clr_handle)m->v.i8, &restart)) != CLR_EXC_NONE || restart)
            return exc;
    }
    f->locals[1].v.i4 = next + 1;
    struct clr_slot *args = f->sp;
    *f->sp++ = d;
    const unsigned n = f->local_count - 2u;
    for (unsigned i = 0; i < n; i++) {
        /* Each call gets its own copy of a struct argument. */
        const struct clr_slot *saved = &f->locals[2 + i];
        struct clr_slot v = *saved;
        if (saved->kind == CLR_K_O && clr_is_value(saved->v.o)) {
            struct clr_object *copy;
            if ((exc = clr_value_clone(rt, (const struct clr_object *)saved->v.o, &copy)) != CLR_EXC_NONE)
                return exc;
            v.v.o = &copy->block;
        }
        *f->sp++ = v;
    }
    f->op_ip = 0;
    return invoke_single(rt, f, args, single);
}

enum clr_exception clr_delegate_method(struct clr_runtime *rt, struct clr_frame *caller, clr_handle method,
                                       struct clr_slot *args)
{
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(method)];
    struct clr_method_def md;
    clr_read_method_def(a, CLR_HANDLE_ROW(method), &md);
    enum clr_exception exc;
    struct clr_object *d = delegate_of(rt, &args[0], &exc);
    if (d == NULL)
        return exc;
    if (clr_string_equals(a, md.name, ".ctor")) {
        /* newobj D(object target, native int method): the object stays on the stack. */
        if (md.arg_count != 3 || args[1].kind != CLR_K_O || args[2].kind != CLR_K_I || !is_method(rt, args[2].v.i8))
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "A delegate is made from an object and a method.");
        d->fields[CLR_DELEGATE_TARGET] = args[1];
        d->fields[CLR_DELEGATE_METHOD] = args[2];
        caller->sp = args + 1;
        return CLR_EXC_NONE;
    }
    if (!clr_string_equals(a, md.name, "Invoke"))
        return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "Asynchronous delegate calls (BeginInvoke/EndInvoke) are not "
                                                    "supported.");
    const struct clr_slot *list = &d->fields[CLR_DELEGATE_LIST];
    if (list->kind == CLR_K_O && list->v.o != NULL) {
        if (list->v.o->kind != CLR_BLOCK_ARRAY || ((const struct clr_array *)list->v.o)->elem != CLR_ELEM_OBJECT)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The delegate's invocation list is not an array.");
        return push_multicast(rt, caller, method, args, list->v.o);
    }
    return invoke_single(rt, caller, args, d);
}
