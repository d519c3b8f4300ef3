/*
 * The interpreter: one loop over the frames of an explicit call stack (a managed call pushes a frame
 * and the loop goes on; no C recursion), each frame decoding its method's IL in place from flash.
 *
 * Frames share one array of slots: a callee's arguments are the caller's top evaluation slots (no copy),
 * its locals and evaluation stack follow the caller's reserved evaluation area. Every decode, index and
 * stack access is checked, so a damaged or hostile body ends in InvalidProgramException, never in
 * undefined behaviour.
 *
 * Type initialisers run as .NET 10 runs them: a type with an explicit static constructor (not
 * beforefieldinit) is initialised before the first call of one of its methods or the first access to
 * one of its static fields; a beforefieldinit type at the first access to one of its static fields.
 * The instruction that needs the type is executed again once the .cctor frame has returned.
 */
#include "clr_internal.h"

#include "clr_opcodes.h"

#define CEE_LEAVE 0xDD
#define CEE_LEAVE_S 0xDE
#define CEE_ENDFINALLY 0xDC
#define CEE_RETHROW 0xFE1A
#define CEE_ENDFILTER 0xFE11
#define CLR_EH_CATCH_KIND 0
#define CLR_EH_FILTER_KIND 1
#define CLR_EH_FINALLY_KIND 2
#define CLR_EH_FAULT_KIND 4


/* ---- operands and names ---- */

static bool operand(struct clr_frame *f, uint32_t n, const uint8_t **p)
{
    if (f->il_size - f->ip < n)
        return false;
    *p = f->il + f->ip;
    f->ip += n;
    return true;
}

static const char *method_name(const struct clr_assembly *a, uint32_t method, char *buf, size_t cap)
{
    clr_method_full_name(a, method, buf, cap);
    return buf;
}

static uint8_t return_elem(struct clr_runtime *rt, const struct clr_assembly *a, const struct clr_method_def *md)
{
    const uint8_t *p = clr_blob_at(a, md->signature) + 3; /* kind, flags, parameter count */
    return clr_sig_read_type(rt, a, &p);
}

/* ---- frames ---- */

/* md: the row of `method`, decoded; ret_elem: what it returns. */
enum clr_exception clr_push_frame(struct clr_runtime *rt, struct clr_assembly *a, uint32_t method, uint16_t init_type,
                                  const struct clr_method_def *method_def, uint8_t ret_elem)
{
    const struct clr_method_def md = *method_def;
    struct clr_frame *caller = rt->depth > 0 ? &rt->frames[rt->depth - 1] : NULL;
    if ((md.impl_flags & CLR_METHOD_IMPL_CODE_TYPE) == CLR_METHOD_IMPL_FAST)
        return clr_fast_push(rt, a, method, &md, caller != NULL ? caller->sp - md.arg_count : rt->slots, init_type);
    if (rt->depth == rt->frame_capacity)
        return clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
    /* One slot more than max_stack per frame: newobj puts the new object under the constructor's arguments. */
    struct clr_slot *locals = caller != NULL ? caller->stack_limit + 1 : rt->slots + md.arg_count;
    if (locals > rt->slots_end || (size_t)(rt->slots_end - locals) < (size_t)md.local_count + md.max_stack + 1u)
        return clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
    struct clr_frame *f = &rt->frames[rt->depth];
    *f = (struct clr_frame){
        .assembly = a,
        .il = a->base + a->tables[CLR_TBL_IL].offset + md.il,
        .il_size = md.il_size,
        .args = caller != NULL ? caller->sp - md.arg_count : rt->slots,
        .locals = locals,
        .stack_base = locals + md.local_count,
        .sp = locals + md.local_count,
        .stack_limit = locals + md.local_count + md.max_stack,
        .method = (uint16_t)method,
        .init_type = init_type,
        .arg_count = md.arg_count,
        .local_count = md.local_count,
        .ret_elem = ret_elem,
    };
    if (md.local_count > 0) {
        const uint8_t *p = clr_blob_at(a, md.locals) + 2; /* kind, count */
        for (unsigned i = 0; i < md.local_count; i++) {
            clr_handle type;
            const uint8_t elem = clr_sig_read_type_of(rt, a, &p, &type);
            if (elem == 0) {
                char name[96];
                return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Local %u of %s has a type that does not resolve.", i,
                                 method_name(a, method, name, sizeof name));
            }
            clr_slot_zero(&locals[i], elem);
            locals[i].type = type;
        }
    }
    rt->depth++;
    return CLR_EXC_NONE;
}

static enum clr_exception push_frame(struct clr_runtime *rt, struct clr_assembly *a, uint32_t method,
                                     uint16_t init_type)
{
    struct clr_method_def md;
    clr_read_method_def(a, method, &md);
    return clr_push_frame(rt, a, method, init_type, &md, return_elem(rt, a, &md));
}

/* Starts `type`'s .cctor if it has not run: *started tells whether a frame was pushed for it. */
enum clr_exception clr_start_type_init(struct clr_runtime *rt, struct clr_assembly *a, uint16_t type, bool *started)
{
    *started = false;
    if (type != CLR_NONE16 && a->type_init[type] == CLR_TYPE_INIT_FAILED)
        return clr_type_init_throw_again(rt, a, type);
    if (type == CLR_NONE16 || a->type_init[type] != CLR_TYPE_NOT_INITIALISED)
        return CLR_EXC_NONE;
    struct clr_type_def td;
    clr_read_type_def(a, type, &td);
    if (td.cctor == CLR_NONE32) {
        a->type_init[type] = CLR_TYPE_INITIALISED;
        return CLR_EXC_NONE;
    }
    /* From here on, accesses from the .cctor itself see the type as it is (as .NET on one thread). */
    a->type_init[type] = CLR_TYPE_INITIALISING;
    const enum clr_exception exc = push_frame(rt, a, td.cctor, type);
    *started = exc == CLR_EXC_NONE;
    return exc;
}

/* A boxed value calling a method of its value type: 'this' becomes the address of the value in the box. */
void clr_this_for_value_method(struct clr_runtime *rt, struct clr_slot *this_slot, clr_handle owner)
{
    struct clr_block *o = this_slot->v.o;
    const uint8_t elem = rt->assemblies[CLR_HANDLE_ASSEMBLY(owner)].types[CLR_HANDLE_ROW(owner)].value_elem;
    if (elem == 0 || o->kind != CLR_BLOCK_OBJECT)
        return;
    if (elem == CLR_ELEM_VALUETYPE)
        *this_slot = (struct clr_slot){.kind = CLR_K_REF, .elem = CLR_ELEM_BYREF, .ref_elem = CLR_ELEM_VALUETYPE, .v.o = o};
    else
        *this_slot = (struct clr_slot){.kind = CLR_K_REF, .elem = CLR_ELEM_BYREF,
                                       .v.ref = &((struct clr_object *)o)->fields[0]};
}

enum clr_exception clr_init_before_call(struct clr_runtime *rt, struct clr_frame *caller, clr_handle method,
                                        bool *restart)
{
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(method)];
    const uint32_t row = CLR_HANDLE_ROW(method);
    const uint16_t owner = clr_rd16(clr_row(a, CLR_TBL_METHOD_DEF, row) + 8);
    *restart = false;
    if (a->type_init[owner] != CLR_TYPE_NOT_INITIALISED && a->type_init[owner] != CLR_TYPE_INIT_FAILED)
        return CLR_EXC_NONE;
    struct clr_type_def td;
    clr_read_type_def(a, owner, &td);
    if ((td.flags & CLR_TYPE_ATTR_BEFORE_FIELD_INIT) != 0 || td.cctor == row)
        return CLR_EXC_NONE;
    const enum clr_exception exc = clr_start_type_init(rt, a, owner, restart);
    if (*restart)
        caller->ip = caller->op_ip; /* the call runs again after the .cctor */
    return exc;
}

enum clr_exception clr_call_method(struct clr_runtime *rt, struct clr_frame *caller, clr_handle handle, bool virt)
{
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(handle)];
    uint32_t row = CLR_HANDLE_ROW(handle);
    struct clr_method_def md;
    clr_read_method_def(a, row, &md);
    char name[96];
    bool restart;
    enum clr_exception init = clr_init_before_call(rt, caller, handle, &restart);
    if (init != CLR_EXC_NONE || restart)
        return init;
    if (caller->sp - caller->stack_base < md.arg_count)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "%s takes %u arguments, the stack holds %u.",
                         method_name(a, row, name, sizeof name), md.arg_count, (unsigned)(caller->sp - caller->stack_base));
    struct clr_slot *args = caller->sp - md.arg_count;
    const uint8_t *p = clr_blob_at(a, md.signature) + 1;
    const uint8_t flags = *p++, params = *p++;
    const uint8_t ret = clr_sig_read_type(rt, a, &p);
    unsigned i = 0;
    if ((flags & CLR_SIG_HASTHIS) != 0) {
        /* A value type's instance method takes its 'this' by reference (ECMA-335 I.8.6.1.5). */
        const uint8_t this_kind = a->types[md.owner].value_elem != 0 ? CLR_K_REF : CLR_K_O;
        if (args[0].kind != this_kind)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The 'this' of %s is %s, not %s.",
                             method_name(a, row, name, sizeof name), clr_kind_name(args[0].kind),
                             this_kind == CLR_K_REF ? "a managed pointer" : "an object");
        args[0].elem = this_kind == CLR_K_REF ? CLR_ELEM_BYREF : CLR_ELEM_OBJECT;
        i = 1;
    } else if (virt) {
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "callvirt of the static method %s.",
                         method_name(a, row, name, sizeof name));
    }
    for (unsigned k = 0; k < params; k++, i++) {
        const uint8_t elem = clr_sig_read_type(rt, a, &p);
        if (elem == 0)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Parameter %u of %s has a type that does not resolve.", k + 1,
                             method_name(a, row, name, sizeof name));
        const uint8_t given = args[i].kind;
        if ((given == CLR_K_I4 && elem == CLR_ELEM_I4) || (given == CLR_K_O && elem == CLR_ELEM_OBJECT)) {
            args[i].elem = elem; /* already of its parameter's type */
            continue;
        }
        if (!clr_store_convert(elem, &args[i], &args[i]))
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Argument %u of %s is %s, which its parameter cannot take.",
                             k + 1, method_name(a, row, name, sizeof name), clr_kind_name(given));
    }
    if (virt && args[0].kind == CLR_K_O) {
        if (args[0].v.o == NULL)
            return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
        const clr_handle type = clr_object_type(rt, args[0].v.o);
        const clr_handle target = clr_virtual_target(rt, type, handle);
        if (target == CLR_NONE32)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "callvirt of %s on an object of a type without it.",
                             method_name(a, row, name, sizeof name));
        if (target != handle) {
            handle = target;
            a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(handle)];
            row = CLR_HANDLE_ROW(handle);
            clr_read_method_def(a, row, &md);
        }
        clr_this_for_value_method(rt, &args[0], CLR_HANDLE(a->index, md.owner));
    }
    if ((md.impl_flags & CLR_METHOD_IMPL_INTERNAL_CALL) != 0) {
        struct clr_slot result = {.kind = CLR_K_NONE};
        const enum clr_exception exc = a->natives->methods[md.internal_call].fn(rt, args, &result);
        if (exc == CLR_EXC_YIELD)
            return exc; /* it blocked: the call runs again, its arguments stay */
        if (exc != CLR_EXC_NONE) {
            rt->exception_native = handle;
            return exc;
        }
        caller->sp = args;
        if (ret != CLR_ELEM_VOID) {
            if (ret == 0 || !clr_store_convert(ret, &result, &result) || caller->sp == caller->stack_limit)
                return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The internal call %s returned %s.",
                                 method_name(a, row, name, sizeof name), clr_kind_name(result.kind));
            result.elem = 0;
            *caller->sp++ = result;
        } else if (result.kind == CLR_K_O && caller->sp < caller->stack_limit) {
            *caller->sp++ = result; /* a string constructor's new string (newobj) */
        }
        return CLR_EXC_NONE;
    }
    if ((md.impl_flags & CLR_METHOD_IMPL_CODE_TYPE) == CLR_METHOD_IMPL_RUNTIME)
        return clr_delegate_method(rt, caller, handle, args);
    if (md.il_size == 0)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "%s has no body (abstract, or an internal call that is not "
                         "marked as one).", method_name(a, row, name, sizeof name));
    return clr_push_frame(rt, a, row, CLR_NONE16, &md, ret); /* the signature was read once, above */
}

enum clr_exception clr_do_return(struct clr_runtime *rt, struct clr_frame *f)
{
    const uint8_t ret = f->ret_elem;
    struct clr_slot value = {.kind = CLR_K_NONE};
    char name[96];
    if (ret != CLR_ELEM_VOID) {
        if (ret == 0)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The return type of %s does not resolve.",
                             method_name(f->assembly, f->method, name, sizeof name));
        if (f->sp == f->stack_base)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "ret of %s with an empty stack.",
                             method_name(f->assembly, f->method, name, sizeof name));
        value = *--f->sp;
        const uint8_t given = value.kind;
        if (!clr_store_convert(ret, &value, &value))
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "%s returns %s, which its return type cannot take.",
                             method_name(f->assembly, f->method, name, sizeof name), clr_kind_name(given));
        value.elem = 0;
    }
    if (f->init_type != CLR_NONE16)
        f->assembly->type_init[f->init_type] = CLR_TYPE_INITIALISED;
    rt->depth--;
    while (rt->eh_count > 0 && rt->eh[rt->eh_count - 1].frame >= rt->depth)
        rt->eh_count--; /* ret inside a handler (invalid IL, but bounded) */
    if (rt->depth == 0)
        return CLR_EXC_NONE; /* the entry point returned; its value (int Main) is dropped */
    struct clr_frame *caller = &rt->frames[rt->depth - 1];
    caller->sp = f->newobj ? f->args + 1 : f->args; /* newobj: the object ('this') stays */
    if (f->newobj && f->args->kind == CLR_K_REF) /* a struct's constructor ran on the new value */
        *f->args = (struct clr_slot){.kind = CLR_K_O, .v.o = f->args->v.o};
    if (ret != CLR_ELEM_VOID) {
        if (caller->sp == caller->stack_limit)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The caller's stack is full for the value of %s.",
                             method_name(f->assembly, f->method, name, sizeof name));
        *caller->sp++ = value;
    }
    return CLR_EXC_NONE;
}

/* ---- instruction helpers (each returns the exception to throw, if any) ---- */

static enum clr_exception invalid(struct clr_runtime *rt, const struct clr_frame *f, unsigned op, const char *what)
{
    char name[96];
    return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "IL_%04x %s in %s: %s.", (unsigned)f->op_ip, clr_opcode_name(op),
                     method_name(f->assembly, f->method, name, sizeof name), what);
}

static enum clr_exception operands_invalid(struct clr_runtime *rt, const struct clr_frame *f, unsigned op, uint8_t ka,
                                           uint8_t kb)
{
    char what[64];
    clr_format(what, sizeof what, "%s%s%s", clr_kind_name(ka), kb != CLR_K_NONE ? " and " : "",
               kb != CLR_K_NONE ? clr_kind_name(kb) : "");
    return invalid(rt, f, op, what);
}

static enum clr_exception push(struct clr_runtime *rt, struct clr_frame *f, unsigned op, struct clr_slot v)
{
    if (f->sp == f->stack_limit)
        return invalid(rt, f, op, "the evaluation stack is deeper than the method's max_stack");
    v.elem = 0;
    *f->sp++ = v;
    return CLR_EXC_NONE;
}

/* Pushes the value of a location: a struct is copied (loads copy, stores move). */
static enum clr_exception load_location(struct clr_runtime *rt, struct clr_frame *f, unsigned op,
                                        const struct clr_slot *loc)
{
    if (loc->elem != CLR_ELEM_VALUETYPE)
        return push(rt, f, op, *loc);
    struct clr_slot v;
    const enum clr_exception exc = clr_value_load(rt, loc, &v);
    return exc != CLR_EXC_NONE ? exc : push(rt, f, op, v);
}

static enum clr_exception need(struct clr_runtime *rt, struct clr_frame *f, unsigned op, unsigned n)
{
    return f->sp - f->stack_base >= (ptrdiff_t)n ? CLR_EXC_NONE : invalid(rt, f, op, "the evaluation stack is too short");
}

static enum clr_exception load_var(struct clr_runtime *rt, struct clr_frame *f, unsigned op, const struct clr_slot *vars,
                                   unsigned count, unsigned index)
{
    if (index >= count)
        return invalid(rt, f, op, "no such argument or local");
    return load_location(rt, f, op, &vars[index]);
}

static enum clr_exception store_var(struct clr_runtime *rt, struct clr_frame *f, unsigned op, struct clr_slot *vars,
                                    unsigned count, unsigned index)
{
    if (index >= count)
        return invalid(rt, f, op, "no such argument or local");
    enum clr_exception exc = need(rt, f, op, 1);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_slot v = *--f->sp;
    if (!clr_store_convert(vars[index].elem, &vars[index], &v))
        return operands_invalid(rt, f, op, v.kind, CLR_K_NONE);
    return CLR_EXC_NONE;
}

/* Branch opcodes relative to br / br.s: 0 br, 1 brfalse, 2 brtrue, 3 beq, 4 bge, 5 bgt, 6 ble, 7 blt,
 * 8 bne.un, 9 bge.un, 10 bgt.un, 11 ble.un, 12 blt.un. */
static enum clr_exception branch(struct clr_runtime *rt, struct clr_frame *f, unsigned op, unsigned kind, int32_t offset)
{
    bool taken = true;
    enum clr_exception exc = CLR_EXC_NONE;
    if (kind == 1 || kind == 2) {
        if ((exc = need(rt, f, op, 1)) != CLR_EXC_NONE)
            return exc;
        const struct clr_slot v = *--f->sp;
        if (clr_arith_truth(&v, &taken) != CLR_EXC_NONE)
            return operands_invalid(rt, f, op, v.kind, CLR_K_NONE);
        taken = kind == 2 ? taken : !taken;
    } else if (kind >= 3) {
        if ((exc = need(rt, f, op, 2)) != CLR_EXC_NONE)
            return exc;
        const struct clr_slot b = *--f->sp, a = *--f->sp;
        /* ECMA III.3: bge is "not clt" (clt.un for floats, so NaN does not branch), and so on. */
        const bool fl = a.kind == CLR_K_R4 || a.kind == CLR_K_R8;
        static const struct {
            uint16_t ints, floats;
            bool negate;
        } rel[13] = {
            [3] = {CEE_CEQ, CEE_CEQ, false},       [4] = {CEE_CLT, CEE_CLT_UN, true},
            [5] = {CEE_CGT, CEE_CGT, false},       [6] = {CEE_CGT, CEE_CGT_UN, true},
            [7] = {CEE_CLT, CEE_CLT, false},       [8] = {CEE_CEQ, CEE_CEQ, true},
            [9] = {CEE_CLT_UN, CEE_CLT, true},     [10] = {CEE_CGT_UN, CEE_CGT_UN, false},
            [11] = {CEE_CGT_UN, CEE_CGT, true},    [12] = {CEE_CLT_UN, CEE_CLT_UN, false},
        };
        if (clr_arith_compare(fl ? rel[kind].floats : rel[kind].ints, &a, &b, &taken) != CLR_EXC_NONE)
            return operands_invalid(rt, f, op, a.kind, b.kind);
        taken = rel[kind].negate ? !taken : taken;
    }
    const int64_t target = (int64_t)f->ip + offset;
    if (target < 0 || target >= f->il_size)
        return invalid(rt, f, op, "the branch leaves the method body");
    if (taken)
        f->ip = (uint32_t)target;
    /* A loop's turn ends with its time slice (other threads run). */
    return taken && offset < 0 && --rt->slice == 0 ? CLR_EXC_YIELD : CLR_EXC_NONE;
}

static enum clr_exception do_switch(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const uint32_t n = clr_rd32(p);
    if (n > (f->il_size - f->ip) / 4)
        return invalid(rt, f, op, "the jump table runs past the end of the body");
    const uint8_t *table = f->il + f->ip;
    const uint32_t end = f->ip + 4 * n;
    enum clr_exception exc = need(rt, f, op, 1);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_slot v = *--f->sp;
    if (v.kind != CLR_K_I4 && v.kind != CLR_K_I)
        return operands_invalid(rt, f, op, v.kind, CLR_K_NONE);
    const uint64_t index = v.kind == CLR_K_I4 ? (uint32_t)v.v.i4 : (uint64_t)v.v.i8;
    f->ip = end;
    if (index < n) {
        const int64_t target = (int64_t)end + (int32_t)clr_rd32(table + 4 * index);
        if (target < 0 || target >= f->il_size)
            return invalid(rt, f, op, "the branch leaves the method body");
        f->ip = (uint32_t)target;
    }
    return CLR_EXC_NONE;
}

/* ldsfld, ldsflda and stsfld. *restart: a .cctor frame was pushed and the instruction runs again after it. */
static enum clr_exception static_field(struct clr_runtime *rt, struct clr_frame *f, unsigned op, bool *restart)
{
    const uint8_t *p;
    *restart = false;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const clr_handle h = clr_field_token_target(f->assembly, clr_rd32(p));
    if (h == CLR_NONE32)
        return invalid(rt, f, op, "the token is not a field of this assembly");
    struct clr_assembly *fa = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    const struct clr_field_info info = fa->fields[CLR_HANDLE_ROW(h)];
    if (info.static_slot == CLR_NONE16)
        return invalid(rt, f, op, (clr_field_def_flags(fa, CLR_HANDLE_ROW(h)) & CLR_FIELD_ATTR_STATIC) == 0
                                      ? "the field is not static"
                                      : "the field is a constant, without storage");
    bool started;
    enum clr_exception exc = clr_start_type_init(rt, fa, info.owner, &started);
    if (exc != CLR_EXC_NONE)
        return exc;
    if (started) {
        f->ip = f->op_ip;
        *restart = true;
        return CLR_EXC_NONE;
    }
    struct clr_slot *slot = &fa->statics[info.static_slot];
    if (op == CEE_LDSFLD)
        return load_location(rt, f, op, slot);
    if (op == CEE_LDSFLDA)
        return push(rt, f, op, (struct clr_slot){.kind = CLR_K_REF, .v.ref = slot});
    if ((exc = need(rt, f, op, 1)) != CLR_EXC_NONE)
        return exc;
    const struct clr_slot v = *--f->sp;
    if (!clr_store_convert(slot->elem, slot, &v))
        return operands_invalid(rt, f, op, v.kind, CLR_K_NONE);
    return CLR_EXC_NONE;
}

static enum clr_exception load_string(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const uint32_t token = clr_rd32(p);
    if (CLR_TOKEN_TABLE(token) != CLR_TOK_STRING || !clr_string_offset_ok(f->assembly, CLR_TOKEN_INDEX(token)))
        return invalid(rt, f, op, "the token is not a string of this assembly");
    struct clr_string *s = clr_literal(rt, f->assembly, CLR_TOKEN_INDEX(token));
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    return push(rt, f, op, (struct clr_slot){.kind = CLR_K_O, .v.o = &s->block});
}

static enum clr_exception arithmetic(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const bool unary = op == CEE_NEG || op == CEE_NOT;
    enum clr_exception exc = need(rt, f, op, unary ? 1 : 2);
    if (exc != CLR_EXC_NONE)
        return exc;
    struct clr_slot *a = unary ? &f->sp[-1] : &f->sp[-2];
    const struct clr_slot b = f->sp[-1];
    const uint8_t ka = a->kind;
    if (unary) {
        exc = clr_arith_unary(op, a);
    } else {
        f->sp--;
        exc = clr_arith_binary(op, a, &b);
    }
    if (exc == CLR_EXC_INVALID_PROGRAM)
        return operands_invalid(rt, f, op, ka, unary ? CLR_K_NONE : b.kind);
    return exc != CLR_EXC_NONE ? clr_throw(rt, exc, NULL) : CLR_EXC_NONE;
}

static enum clr_exception convert(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    enum clr_exception exc = need(rt, f, op, 1);
    if (exc != CLR_EXC_NONE)
        return exc;
    struct clr_slot *a = &f->sp[-1];
    const uint8_t ka = a->kind;
    unsigned how = op;
    if (op == CEE_CONV_R_UN && f->ip < f->il_size && f->il[f->ip] == CEE_CONV_R4) {
        how = CLR_CONV_R_UN_R4;
        f->ip++;
    }
    exc = clr_arith_convert(how, a);
    if (exc == CLR_EXC_INVALID_PROGRAM)
        return operands_invalid(rt, f, op, ka, CLR_K_NONE);
    return exc != CLR_EXC_NONE ? clr_throw(rt, exc, NULL) : CLR_EXC_NONE;
}

static enum clr_exception compare(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    enum clr_exception exc = need(rt, f, op, 2);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_slot b = *--f->sp, a = f->sp[-1];
    bool result;
    if (clr_arith_compare(op, &a, &b, &result) != CLR_EXC_NONE)
        return operands_invalid(rt, f, op, a.kind, b.kind);
    f->sp[-1] = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = result};
    return CLR_EXC_NONE;
}

static enum clr_exception load_constant(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    const uint32_t size = op == CEE_LDC_I4_S ? 1 : op == CEE_LDC_I8 || op == CEE_LDC_R8 ? 8 : 4;
    if (!operand(f, size, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    struct clr_slot v = {.kind = CLR_K_I4};
    switch (op) {
    case CEE_LDC_I4_S:
        v.v.i4 = (int8_t)p[0];
        break;
    case CEE_LDC_I4:
        v.v.i4 = (int32_t)clr_rd32(p);
        break;
    case CEE_LDC_I8:
        v.kind = CLR_K_I8;
        v.v.i8 = (int64_t)clr_rd64(p);
        break;
    case CEE_LDC_R4: {
        const uint32_t bits = clr_rd32(p);
        v.kind = CLR_K_R4;
        memcpy(&v.v.r4, &bits, sizeof v.v.r4);
        break;
    }
    default: {
        const uint64_t bits = clr_rd64(p);
        v.kind = CLR_K_R8;
        memcpy(&v.v.r8, &bits, sizeof v.v.r8);
        break;
    }
    }
    return push(rt, f, op, v);
}

static enum clr_exception variable(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    unsigned index;
    if (op >= CEE_LDARG_0 && op <= CEE_STLOC_3) {
        index = (op - CEE_LDARG_0) % 4;
    } else if (op == CEE_LDARG || op == CEE_STARG || op == CEE_LDLOC || op == CEE_STLOC) {
        if (!operand(f, 2, &p))
            return invalid(rt, f, op, "the operand runs past the end of the body");
        index = clr_rd16(p);
    } else {
        if (!operand(f, 1, &p))
            return invalid(rt, f, op, "the operand runs past the end of the body");
        index = p[0];
    }
    switch (op) {
    case CEE_LDARG_0: case CEE_LDARG_1: case CEE_LDARG_2: case CEE_LDARG_3: case CEE_LDARG_S: case CEE_LDARG:
        return load_var(rt, f, op, f->args, f->arg_count, index);
    case CEE_LDLOC_0: case CEE_LDLOC_1: case CEE_LDLOC_2: case CEE_LDLOC_3: case CEE_LDLOC_S: case CEE_LDLOC:
        return load_var(rt, f, op, f->locals, f->local_count, index);
    case CEE_STARG_S: case CEE_STARG:
        return store_var(rt, f, op, f->args, f->arg_count, index);
    default:
        return store_var(rt, f, op, f->locals, f->local_count, index);
    }
}

/* ldloca, ldarga: a managed pointer to the variable's slot. */
static enum clr_exception address_of_var(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    unsigned index;
    if (op == CEE_LDARGA || op == CEE_LDLOCA) {
        if (!operand(f, 2, &p))
            return invalid(rt, f, op, "the operand runs past the end of the body");
        index = clr_rd16(p);
    } else {
        if (!operand(f, 1, &p))
            return invalid(rt, f, op, "the operand runs past the end of the body");
        index = p[0];
    }
    const bool arg = op == CEE_LDARGA || op == CEE_LDARGA_S;
    if (index >= (arg ? f->arg_count : f->local_count))
        return invalid(rt, f, op, "no such argument or local");
    return push(rt, f, op, (struct clr_slot){.kind = CLR_K_REF, .v.ref = (arg ? f->args : f->locals) + index});
}

/* The element type ldind.* / stind.* read or write, by opcode. */
static uint8_t indirect_elem(unsigned op)
{
    static const uint8_t ld[] = {CLR_ELEM_I1, CLR_ELEM_U1, CLR_ELEM_I2, CLR_ELEM_U2, CLR_ELEM_I4, CLR_ELEM_U4,
                                 CLR_ELEM_I8, CLR_ELEM_I,  CLR_ELEM_R4, CLR_ELEM_R8, CLR_ELEM_OBJECT};
    static const uint8_t st[] = {CLR_ELEM_OBJECT, CLR_ELEM_I1, CLR_ELEM_I2, CLR_ELEM_I4,
                                 CLR_ELEM_I8,     CLR_ELEM_R4, CLR_ELEM_R8};
    if (op >= CEE_LDIND_I1 && op <= CEE_LDIND_REF)
        return ld[op - CEE_LDIND_I1];
    if (op >= CEE_STIND_REF && op <= CEE_STIND_R8)
        return st[op - CEE_STIND_REF];
    return CLR_ELEM_I; /* stind.i */
}

/* Do values of stack kind `have` fit an access of stack kind `want`? int32 and native int mix, and so
 * do float32 and float64 (both are ECMA's F). */
static bool indirect_kind_ok(uint8_t have, uint8_t want)
{
    if (have == want)
        return true;
    if ((have == CLR_K_I4 || have == CLR_K_I) && (want == CLR_K_I4 || want == CLR_K_I))
        return true;
    return (have == CLR_K_R4 || have == CLR_K_R8) && (want == CLR_K_R4 || want == CLR_K_R8);
}

/* ldind.* and stind.* (and ldobj/stobj of primitives): through a managed pointer, converting to `elem`. */
static enum clr_exception indirect(struct clr_runtime *rt, struct clr_frame *f, unsigned op, bool load, uint8_t elem)
{
    enum clr_exception exc = need(rt, f, op, load ? 1 : 2);
    if (exc != CLR_EXC_NONE)
        return exc;
    if (f->sp[load ? -1 : -2].ref_elem == CLR_ELEM_VALUETYPE)
        return invalid(rt, f, op, "the pointer points at a struct");
    if (load) {
        const struct clr_slot addr = f->sp[-1];
        if (addr.kind != CLR_K_REF)
            return operands_invalid(rt, f, op, addr.kind, CLR_K_NONE);
        struct clr_slot raw;
        const struct clr_slot *target = addr.v.ref;
        if (addr.ref_elem != 0) {
            clr_raw_read(addr.ref_elem, addr.v.raw, &raw);
            target = &raw;
        }
        if (!indirect_kind_ok(target->kind, clr_elem_kind(elem)))
            return invalid(rt, f, op, "the location holds a value of another type");
        struct clr_slot v;
        if (!clr_store_convert(elem, &v, target))
            return invalid(rt, f, op, "the location holds a value of another type");
        v.elem = 0;
        f->sp[-1] = v;
        return CLR_EXC_NONE;
    }
    const struct clr_slot value = f->sp[-1], addr = f->sp[-2];
    if (addr.kind != CLR_K_REF || !indirect_kind_ok(value.kind, clr_elem_kind(elem)))
        return operands_invalid(rt, f, op, addr.kind, value.kind);
    struct clr_slot v;
    if (addr.ref_elem != 0) {
        /* An array element: converted to the instruction's type, then to the element's. */
        struct clr_slot w;
        if (!indirect_kind_ok(clr_elem_kind(addr.ref_elem), clr_elem_kind(elem)) ||
            !clr_store_convert(elem, &v, &value) || !clr_store_convert(addr.ref_elem, &w, &v))
            return invalid(rt, f, op, "the location holds a value of another type");
        clr_raw_write(addr.ref_elem, addr.v.raw, &w);
        f->sp -= 2;
        return CLR_EXC_NONE;
    }
    struct clr_slot *target = addr.v.ref;
    if (!indirect_kind_ok(target->kind, clr_elem_kind(elem)))
        return invalid(rt, f, op, "the location holds a value of another type");
    /* The instruction truncates to its own type, the location then to its declared one. */
    if (!clr_store_convert(elem, &v, &value) || !clr_store_convert(target->elem, target, &v))
        return invalid(rt, f, op, "the location cannot take the value");
    f->sp -= 2;
    return CLR_EXC_NONE;
}

static size_t type_name(struct clr_runtime *rt, clr_handle type, char *buf, size_t cap)
{
    return clr_type_full_name(&rt->assemblies[CLR_HANDLE_ASSEMBLY(type)], CLR_HANDLE_ROW(type), '+', buf, cap);
}

static const struct clr_type_info *type_info(struct clr_runtime *rt, clr_handle type)
{
    return &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)].types[CLR_HANDLE_ROW(type)];
}

static enum clr_exception cast_error(struct clr_runtime *rt, const struct clr_block *o, clr_handle type)
{
    char from[64], to[64];
    type_name(rt, clr_object_type(rt, o), from, sizeof from);
    type_name(rt, type, to, sizeof to);
    return clr_throw(rt, CLR_EXC_INVALID_CAST, "Unable to cast object of type '%s' to type '%s'.", from, to);
}

/* A box of a primitive or enum value: an object of the value's type with one field holding it. */
static enum clr_exception box_primitive(struct clr_runtime *rt, clr_handle type, uint8_t elem,
                                        const struct clr_slot *value, struct clr_slot *out)
{
    struct clr_slot field;
    if (!indirect_kind_ok(value->kind, clr_elem_kind(elem)) || !clr_store_convert(elem, &field, value))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "A %s cannot be boxed as this type.", clr_kind_name(value->kind));
    struct clr_object *o = (struct clr_object *)clr_gc_alloc(rt, CLR_BLOCK_OBJECT,
                                                             sizeof *o - sizeof o->block + sizeof o->fields[0]);
    if (o == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    o->type = type;
    o->field_count = 1;
    o->fields[0] = field;
    *out = (struct clr_slot){.kind = CLR_K_O, .v.o = &o->block};
    return CLR_EXC_NONE;
}

/* Is `o` an array that an array type of TypeSpec signature `sig` (kind byte, SZARRAY, element) can refer to? */
static bool array_matches(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t *sig,
                          const struct clr_block *o)
{
    if (o->kind != CLR_BLOCK_ARRAY || sig[1] != CLR_ELEM_SZARRAY)
        return false;
    const struct clr_array *arr = (const struct clr_array *)o;
    const uint8_t *p = sig + 2;
    const uint8_t e = *p;
    if (e == CLR_ELEM_SZARRAY)
        return arr->elem == CLR_ELEM_OBJECT && arr->elem_type == CLR_NONE32; /* arrays of arrays */
    if (e == CLR_ELEM_OBJECT)
        return arr->elem == CLR_ELEM_OBJECT;
    if (e == CLR_ELEM_STRING)
        return arr->elem == CLR_ELEM_OBJECT && arr->elem_type == rt->string_type;
    if (e == CLR_ELEM_CLASS) {
        const clr_handle t = clr_type_token_target(a, clr_rd32(p + 1));
        return arr->elem == CLR_ELEM_OBJECT && t != CLR_NONE32 && arr->elem_type != CLR_NONE32 &&
               clr_type_assignable(rt, arr->elem_type, t);
    }
    clr_handle t;
    const uint8_t elem = clr_sig_read_type_of(rt, a, &p, &t);
    return arr->elem == elem && (elem != CLR_ELEM_VALUETYPE || arr->elem_type == t);
}

/* castclass and isinst: classes, interfaces, boxed values and array types. */
enum clr_exception clr_cast_slot(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token, bool isinst,
                                 struct clr_slot *v)
{
    const bool spec = CLR_TOKEN_TABLE(token) == CLR_TOK_TYPE_SPEC;
    const clr_handle type = spec ? CLR_NONE32 : clr_type_token_target(a, token);
    if (!spec && type == CLR_NONE32)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The cast's token 0x%08x is not a type.", (unsigned)token);
    if (v->kind != CLR_K_O)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "A cast of %s, not an object.", clr_kind_name(v->kind));
    if (v->v.o == NULL)
        return CLR_EXC_NONE;
    const bool ok = spec ? array_matches(rt, a, clr_blob_at(a, CLR_TOKEN_INDEX(token)), v->v.o)
                         : clr_type_assignable(rt, clr_object_type(rt, v->v.o), type);
    if (ok)
        return CLR_EXC_NONE;
    if (isinst) {
        v->v.o = NULL;
        return CLR_EXC_NONE;
    }
    if (spec)
        return clr_throw(rt, CLR_EXC_INVALID_CAST, "Unable to cast the object to the array type.");
    return cast_error(rt, v->v.o, type);
}

static enum clr_exception cast(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    enum clr_exception exc = need(rt, f, op, 1);
    if (exc != CLR_EXC_NONE)
        return exc;
    return clr_cast_slot(rt, f->assembly, clr_rd32(p), op == CEE_ISINST, &f->sp[-1]);
}

/* The TypeDef of a type token operand (no TypeSpec). */
static enum clr_exception type_operand(struct clr_runtime *rt, struct clr_frame *f, unsigned op, clr_handle *type)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    *type = clr_type_token_target(f->assembly, clr_rd32(p));
    return *type != CLR_NONE32 ? CLR_EXC_NONE : invalid(rt, f, op, "the token is not a type of this assembly");
}

/* initobj, ldobj, stobj, cpobj: values of any type through managed pointers. */
static enum clr_exception object_access(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    clr_handle type;
    enum clr_exception exc = type_operand(rt, f, op, &type);
    if (exc != CLR_EXC_NONE)
        return exc;
    const uint8_t elem = type_info(rt, type)->value_elem;
    if (elem != CLR_ELEM_VALUETYPE) {
        const uint8_t e = elem != 0 ? elem : CLR_ELEM_OBJECT;
        if (op == CEE_LDOBJ || op == CEE_STOBJ)
            return indirect(rt, f, op, op == CEE_LDOBJ, e);
        if ((exc = need(rt, f, op, op == CEE_CPOBJ ? 2 : 1)) != CLR_EXC_NONE)
            return exc;
        if (op == CEE_CPOBJ) { /* dst, src: load src, then store into dst */
            const struct clr_slot dst = f->sp[-2];
            f->sp[-2] = f->sp[-1];
            f->sp--;
            if ((exc = indirect(rt, f, op, true, e)) != CLR_EXC_NONE)
                return exc;
            f->sp[0] = f->sp[-1];
            f->sp[-1] = dst;
            f->sp++;
            return indirect(rt, f, op, false, e);
        }
        /* initobj of a primitive, an enum or a reference: store its zero */
        struct clr_slot zero;
        clr_slot_zero(&zero, e);
        zero.elem = 0;
        *f->sp++ = zero;
        return indirect(rt, f, op, false, e);
    }
    const unsigned n = op == CEE_INITOBJ || op == CEE_LDOBJ ? 1 : 2;
    if ((exc = need(rt, f, op, n)) != CLR_EXC_NONE)
        return exc;
    struct clr_slot *addr = &f->sp[-(ptrdiff_t)n];
    if (addr->kind != CLR_K_REF)
        return operands_invalid(rt, f, op, addr->kind, CLR_K_NONE);
    struct clr_slot *loc = addr->ref_elem == 0 && addr->v.ref->elem == CLR_ELEM_VALUETYPE ? addr->v.ref : NULL;
    if (op == CEE_INITOBJ && loc != NULL) {
        loc->v.o = NULL; /* the default value, made when next used */
        f->sp--;
        return CLR_EXC_NONE;
    }
    struct clr_object *target = clr_ref_object(rt, addr, &exc);
    if (target == NULL)
        return exc != CLR_EXC_NONE ? exc : invalid(rt, f, op, "the pointer does not point at a struct");
    if (target->type != type)
        return invalid(rt, f, op, "the pointer points at a struct of another type");
    if (op == CEE_INITOBJ) {
        memset(target->fields, 0, target->field_count * sizeof target->fields[0]);
        f->sp--;
        return CLR_EXC_NONE;
    }
    struct clr_object *src = NULL;
    if (op == CEE_CPOBJ) {
        src = clr_ref_object(rt, &f->sp[-1], &exc);
        if (src == NULL)
            return exc != CLR_EXC_NONE ? exc : invalid(rt, f, op, "the source does not point at a struct");
    } else if (op == CEE_STOBJ) {
        src = (struct clr_object *)f->sp[-1].v.o;
        if (f->sp[-1].kind != CLR_K_O || !clr_is_value(&src->block))
            return invalid(rt, f, op, "the value is not a struct");
    }
    struct clr_object *copy;
    if (op != CEE_STOBJ && (exc = clr_value_clone(rt, op == CEE_LDOBJ ? target : src, &copy)) != CLR_EXC_NONE)
        return exc;
    if (op == CEE_LDOBJ) {
        f->sp[-1] = (struct clr_slot){.kind = CLR_K_O, .v.o = &copy->block};
        return CLR_EXC_NONE;
    }
    if (op == CEE_STOBJ)
        copy = src; /* the stack owned it: its fields move */
    if (copy->type != target->type || copy->field_count != target->field_count)
        return invalid(rt, f, op, "the value is a struct of another type");
    memcpy(target->fields, copy->fields, target->field_count * sizeof target->fields[0]);
    f->sp -= 2;
    return CLR_EXC_NONE;
}

/* constrained. T callvirt M: 'this' is the address of a T. A value type implementing M gets the address,
 * one inheriting M (ToString from ValueType, ...) a box of the value; a reference type the reference. */
static enum clr_exception constrained_call(struct clr_runtime *rt, struct clr_frame *f, unsigned op, clr_handle type,
                                           clr_handle method)
{
    const struct clr_assembly *ma = &rt->assemblies[CLR_HANDLE_ASSEMBLY(method)];
    struct clr_method_def md;
    clr_read_method_def(ma, CLR_HANDLE_ROW(method), &md);
    enum clr_exception exc = need(rt, f, op, md.arg_count);
    if (exc != CLR_EXC_NONE)
        return exc;
    if (md.arg_count == 0)
        return invalid(rt, f, op, "the method is static");
    struct clr_slot *this_slot = &f->sp[-(ptrdiff_t)md.arg_count];
    if (this_slot->kind != CLR_K_REF)
        return operands_invalid(rt, f, op, this_slot->kind, CLR_K_NONE);
    const uint8_t elem = type_info(rt, type)->value_elem;
    struct clr_slot value;
    if (elem == 0) {
        if (this_slot->ref_elem == CLR_ELEM_VALUETYPE)
            return invalid(rt, f, op, "the pointer points at a struct");
        if (this_slot->ref_elem != 0)
            clr_raw_read(this_slot->ref_elem, this_slot->v.raw, &value);
        else
            value = *this_slot->v.ref;
        if (value.kind != CLR_K_O)
            return invalid(rt, f, op, "the pointer does not point at a reference");
        *this_slot = (struct clr_slot){.kind = CLR_K_O, .v.o = value.v.o};
        return clr_call_method(rt, f, method, true);
    }
    const clr_handle target = clr_virtual_target(rt, type, method);
    if (target != CLR_NONE32) {
        const struct clr_assembly *ta = &rt->assemblies[CLR_HANDLE_ASSEMBLY(target)];
        if (CLR_HANDLE(ta->index, clr_rd16(clr_row(ta, CLR_TBL_METHOD_DEF, CLR_HANDLE_ROW(target)) + 8)) == type)
            return clr_call_method(rt, f, target, false);
    }
    if (elem == CLR_ELEM_VALUETYPE) {
        struct clr_object *o = clr_ref_object(rt, this_slot, &exc), *box;
        if (o == NULL)
            return exc != CLR_EXC_NONE ? exc : invalid(rt, f, op, "the pointer does not point at a struct");
        if ((exc = clr_value_clone(rt, o, &box)) != CLR_EXC_NONE)
            return exc;
        box->block.reserved &= (uint16_t)~CLR_VALUE_FLAG;
        *this_slot = (struct clr_slot){.kind = CLR_K_O, .v.o = &box->block};
    } else {
        if (this_slot->ref_elem != 0)
            clr_raw_read(this_slot->ref_elem, this_slot->v.raw, &value);
        else
            value = *this_slot->v.ref;
        if ((exc = box_primitive(rt, type, elem, &value, this_slot)) != CLR_EXC_NONE)
            return exc;
    }
    return clr_call_method(rt, f, method, true);
}

/* ldftn, ldvirtftn: a method as a native int (its handle), for delegate constructors. */
static enum clr_exception function_pointer(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    clr_handle h = clr_method_token_target(f->assembly, clr_rd32(p));
    if (h == CLR_NONE32)
        return invalid(rt, f, op, "the token is not a method of this assembly");
    if (op == CEE_LDVIRTFTN) {
        enum clr_exception exc = need(rt, f, op, 1);
        if (exc != CLR_EXC_NONE)
            return exc;
        const struct clr_slot o = *--f->sp;
        if (o.kind != CLR_K_O)
            return operands_invalid(rt, f, op, o.kind, CLR_K_NONE);
        if (o.v.o == NULL)
            return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
        if ((h = clr_virtual_target(rt, clr_object_type(rt, o.v.o), h)) == CLR_NONE32)
            return invalid(rt, f, op, "the object's type has no such method");
    }
    return push(rt, f, op, (struct clr_slot){.kind = CLR_K_I, .v.i8 = (int64_t)h});
}

/* ldtoken: a RuntimeTypeHandle (a type id), RuntimeFieldHandle or RuntimeMethodHandle (a handle) value. */
static enum clr_exception load_token(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const uint32_t token = clr_rd32(p), table = CLR_TOKEN_TABLE(token);
    unsigned kind;
    int64_t value;
    if (table == CLR_TOK_FIELD_DEF || table == CLR_TOK_FIELD_REF) {
        kind = 1;
        value = clr_field_token_target(f->assembly, token);
    } else if (table == CLR_TOK_METHOD_DEF || table == CLR_TOK_METHOD_REF) {
        kind = 2;
        value = clr_method_token_target(f->assembly, token);
    } else {
        kind = 0;
        value = clr_type_id_of_token(rt, f->assembly, token);
        value = value < 0 ? CLR_NONE32 : value;
    }
    if (value == CLR_NONE32)
        return invalid(rt, f, op, "the token names nothing of this assembly");
    if (rt->token_types[kind] == CLR_NONE32)
        return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "ldtoken needs System.RuntimeTypeHandle, RuntimeFieldHandle and "
                                                    "RuntimeMethodHandle in the corlib.");
    struct clr_object *o = clr_value_new(rt, rt->token_types[kind]);
    if (o == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    if (o->field_count != 1)
        return invalid(rt, f, op, "the corlib's handle struct does not hold exactly one field");
    o->fields[0] = (struct clr_slot){.kind = CLR_K_I, .elem = CLR_ELEM_I, .v.i8 = value};
    return push(rt, f, op, (struct clr_slot){.kind = CLR_K_O, .v.o = &o->block});
}

/* newobj of a class: the object goes under the constructor's arguments, the constructor's return leaves it. */
enum clr_exception clr_new_object(struct clr_runtime *rt, struct clr_frame *f, clr_handle h, bool *restart)
{
    const unsigned op = CEE_NEWOBJ;
    *restart = false;
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    struct clr_method_def md;
    struct clr_type_def td;
    clr_read_method_def(a, CLR_HANDLE_ROW(h), &md);
    clr_read_type_def(a, md.owner, &td);
    const clr_handle type = CLR_HANDLE(a->index, md.owner);
    if ((md.flags & CLR_METHOD_ATTR_STATIC) != 0 || !clr_string_equals(a, md.name, ".ctor") || md.arg_count == 0)
        return invalid(rt, f, op, "the method is not a constructor");
    const uint8_t value_elem = a->types[md.owner].value_elem;
    if (value_elem != 0 && value_elem != CLR_ELEM_VALUETYPE)
        return invalid(rt, f, op, "primitives have no constructors to call");
    if ((td.flags & (CLR_TYPE_ATTR_INTERFACE | CLR_TYPE_ATTR_ABSTRACT)) != 0)
        return invalid(rt, f, op, "the type is abstract");
    if ((td.flags & CLR_TYPE_ATTR_BEFORE_FIELD_INIT) == 0) {
        bool started;
        const enum clr_exception exc = clr_start_type_init(rt, a, md.owner, &started);
        if (exc != CLR_EXC_NONE)
            return exc;
        if (started) {
            f->ip = f->op_ip;
            *restart = true;
            return CLR_EXC_NONE;
        }
    }
    const unsigned n = md.arg_count - 1u;
    enum clr_exception exc = need(rt, f, op, n);
    if (exc != CLR_EXC_NONE)
        return exc;
    /* A string's constructors are internal calls that return the string: 'this' is null for them. */
    const bool native = (md.impl_flags & CLR_METHOD_IMPL_INTERNAL_CALL) != 0;
    if (native != (type == rt->string_type))
        return invalid(rt, f, op, native ? "only strings are made by internal calls" : "strings are made natively");
    struct clr_object *o = NULL;
    if (!native && (o = value_elem != 0 ? clr_value_new(rt, type) : clr_object_new(rt, type)) == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    /* The slot above stack_limit is the frame's spare one (push_frame). */
    memmove(f->sp - n + 1, f->sp - n, n * sizeof *f->sp);
    /* A struct's constructor gets the new value's address; its return turns that into the value. */
    f->sp[-(ptrdiff_t)n] = value_elem != 0 ? (struct clr_slot){.kind = CLR_K_REF, .ref_elem = CLR_ELEM_VALUETYPE,
                                                               .v.o = &o->block}
                                           : (struct clr_slot){.kind = CLR_K_O, .v.o = o != NULL ? &o->block : NULL};
    f->sp++;
    const uint32_t depth = rt->depth;
    if ((exc = clr_call_method(rt, f, h, false)) != CLR_EXC_NONE)
        return exc;
    if (rt->depth == depth)
        return CLR_EXC_NONE; /* ran without a frame (a string's native, a delegate's): the object is on the stack */
    if (rt->depth != depth + 1)
        return invalid(rt, f, op, "the constructor did not start");
    rt->frames[depth].newobj = true;
    *restart = true;
    return CLR_EXC_NONE;
}

static enum clr_exception new_object(struct clr_runtime *rt, struct clr_frame *f, unsigned op, bool *restart)
{
    const uint8_t *p;
    *restart = false;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const clr_handle h = clr_method_token_target(f->assembly, clr_rd32(p));
    if (h == CLR_NONE32)
        return invalid(rt, f, op, "the token is not a method of this assembly");
    return clr_new_object(rt, f, h, restart);
}

/* ldfld, ldflda, stfld on an object's field. */
static enum clr_exception instance_field(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const clr_handle h = clr_field_token_target(f->assembly, clr_rd32(p));
    if (h == CLR_NONE32)
        return invalid(rt, f, op, "the token is not a field of this assembly");
    struct clr_assembly *fa = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    const struct clr_field_info info = fa->fields[CLR_HANDLE_ROW(h)];
    if ((clr_field_def_flags(fa, CLR_HANDLE_ROW(h)) & CLR_FIELD_ATTR_STATIC) != 0)
        return invalid(rt, f, op, "the field is static");
    const bool store = op == CEE_STFLD;
    enum clr_exception exc = need(rt, f, op, store ? 2 : 1);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_slot obj = f->sp[store ? -2 : -1];
    const clr_handle owner = CLR_HANDLE(fa->index, info.owner);
    struct clr_slot *slot;
    struct clr_object *o = (struct clr_object *)obj.v.o;
    if (obj.kind == CLR_K_REF) {
        /* A struct's field through its address ('this' of its methods, ldloca, ldflda...). */
        if ((o = clr_ref_object(rt, &obj, &exc)) == NULL && exc != CLR_EXC_NONE)
            return exc;
    } else if (obj.kind != CLR_K_O) {
        return operands_invalid(rt, f, op, obj.kind, CLR_K_NONE);
    } else if (o == NULL) {
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    }
    if (o != NULL) {
        if (o->block.kind != CLR_BLOCK_OBJECT || info.instance_slot >= o->field_count ||
            (o->type != owner && !clr_type_derives(rt, o->type, owner)))
            return invalid(rt, f, op, "the object has no such field");
        slot = &o->fields[info.instance_slot];
    } else {
        /* A primitive's own field (Int32.m_value) through the address of a primitive location. */
        const uint8_t owner_elem = fa->types[info.owner].value_elem;
        if (obj.ref_elem != 0 || owner_elem == 0 || owner_elem == CLR_ELEM_VALUETYPE || obj.v.ref->elem != info.elem)
            return invalid(rt, f, op, "the pointer does not point at a value with that field");
        slot = obj.v.ref;
    }
    if (slot->kind == CLR_K_NONE) {
        clr_slot_zero(slot, info.elem);
        slot->type = clr_field_struct_type(rt, fa, CLR_HANDLE_ROW(h));
    }
    if (store) {
        if (!clr_store_convert(info.elem, slot, &f->sp[-1]))
            return operands_invalid(rt, f, op, obj.kind, f->sp[-1].kind);
        f->sp -= 2;
        return CLR_EXC_NONE;
    }
    if (op == CEE_LDFLDA) {
        f->sp--;
        return push(rt, f, op, (struct clr_slot){.kind = CLR_K_REF, .v.ref = slot});
    }
    struct clr_slot v = *slot;
    if (info.elem == CLR_ELEM_VALUETYPE && (exc = clr_value_load(rt, slot, &v)) != CLR_EXC_NONE)
        return exc; /* the object stays on the stack until the copy is made (the collector sees it) */
    f->sp--;
    return push(rt, f, op, v);
}

/* newarr: the element type from the token, the length from the stack. */
static enum clr_exception new_array(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    uint8_t elem;
    clr_handle elem_type;
    if (!clr_array_elem_of_token(rt, f->assembly, clr_rd32(p), &elem, &elem_type))
        return invalid(rt, f, op, "the token is not a type of this assembly");
    enum clr_exception exc = need(rt, f, op, 1);
    if (exc != CLR_EXC_NONE)
        return exc;
    struct clr_slot *n = &f->sp[-1];
    if (n->kind != CLR_K_I4 && n->kind != CLR_K_I)
        return operands_invalid(rt, f, op, n->kind, CLR_K_NONE);
    const int64_t length = n->kind == CLR_K_I4 ? n->v.i4 : n->v.i8;
    if (length < 0)
        return clr_throw(rt, CLR_EXC_OVERFLOW, NULL);
    struct clr_array *arr = length <= INT32_MAX ? clr_array_new(rt, elem, elem_type, (int32_t)length) : NULL;
    if (arr == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    *n = (struct clr_slot){.kind = CLR_K_O, .v.o = &arr->block};
    return CLR_EXC_NONE;
}

/* The array and the element address of array-and-index operands at sp[-depth], sp[-depth + 1]. */
static enum clr_exception element(struct clr_runtime *rt, struct clr_frame *f, unsigned op, unsigned depth,
                                  struct clr_array **arr, uint8_t **at)
{
    enum clr_exception exc = need(rt, f, op, depth);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_slot a = f->sp[-(ptrdiff_t)depth], i = f->sp[-(ptrdiff_t)depth + 1];
    if (a.kind != CLR_K_O || (i.kind != CLR_K_I4 && i.kind != CLR_K_I))
        return operands_invalid(rt, f, op, a.kind, i.kind);
    if (a.v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (a.v.o->kind != CLR_BLOCK_ARRAY)
        return invalid(rt, f, op, "the object is not an array");
    *arr = (struct clr_array *)a.v.o;
    const int64_t index = i.kind == CLR_K_I4 ? i.v.i4 : i.v.i8;
    if (index < 0 || index >= (*arr)->length)
        return clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
    *at = (*arr)->data + (size_t)index * (*arr)->elem_size;
    return CLR_EXC_NONE;
}

/* The element type ldelem.* / stelem.* name, 0 for the token forms. */
static uint8_t element_op_elem(unsigned op)
{
    static const uint8_t ld[] = {CLR_ELEM_I1, CLR_ELEM_U1, CLR_ELEM_I2, CLR_ELEM_U2, CLR_ELEM_I4, CLR_ELEM_U4,
                                 CLR_ELEM_I8, CLR_ELEM_I,  CLR_ELEM_R4, CLR_ELEM_R8, CLR_ELEM_OBJECT};
    static const uint8_t st[] = {CLR_ELEM_I,  CLR_ELEM_I1, CLR_ELEM_I2, CLR_ELEM_I4,
                                 CLR_ELEM_I8, CLR_ELEM_R4, CLR_ELEM_R8, CLR_ELEM_OBJECT};
    if (op >= CEE_LDELEM_I1 && op <= CEE_LDELEM_REF)
        return ld[op - CEE_LDELEM_I1];
    if (op >= CEE_STELEM_I && op <= CEE_STELEM_REF)
        return st[op - CEE_STELEM_I];
    return 0;
}

/* An element of an array of structs: the struct's block pointer, NULL until written or addressed. */
static enum clr_exception struct_element(struct clr_runtime *rt, struct clr_frame *f, unsigned op,
                                         const struct clr_array *arr, uint8_t *at, bool store)
{
    struct clr_slot loc;
    clr_raw_read(CLR_ELEM_OBJECT, at, &loc);
    loc.elem = CLR_ELEM_VALUETYPE;
    loc.type = arr->elem_type;
    if (store) {
        const struct clr_slot value = f->sp[-1];
        if (!clr_store_convert(CLR_ELEM_VALUETYPE, &loc, &value) ||
            (value.v.o != NULL && ((const struct clr_object *)value.v.o)->type != arr->elem_type))
            return invalid(rt, f, op, "the value is not of the array's element type");
        clr_raw_write(CLR_ELEM_OBJECT, at, &loc);
        f->sp -= 3;
        return CLR_EXC_NONE;
    }
    /* The array stays on the stack while the element is made or copied (the collector sees it). */
    struct clr_slot v;
    if (op == CEE_LDELEMA) {
        struct clr_object *o = clr_value_at(rt, &loc);
        if (o == NULL)
            return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
        clr_raw_write(CLR_ELEM_OBJECT, at, &loc);
        v = (struct clr_slot){.kind = CLR_K_REF, .ref_elem = CLR_ELEM_VALUETYPE, .v.o = &o->block};
    } else {
        const enum clr_exception exc = clr_value_load(rt, &loc, &v);
        if (exc != CLR_EXC_NONE)
            return exc;
    }
    f->sp -= 2;
    return push(rt, f, op, v);
}

/* ldelem.*, stelem.*, ldelem, stelem, ldelema, ldlen. */
static enum clr_exception array_access(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    uint8_t elem = element_op_elem(op);
    if (op == CEE_LDELEM || op == CEE_STELEM || op == CEE_LDELEMA) {
        const uint8_t *p;
        if (!operand(f, 4, &p))
            return invalid(rt, f, op, "the operand runs past the end of the body");
        clr_handle elem_type;
        if (!clr_array_elem_of_token(rt, f->assembly, clr_rd32(p), &elem, &elem_type))
            return invalid(rt, f, op, "the token is not a type of this assembly");
    }
    enum clr_exception exc;
    struct clr_array *arr = NULL;
    uint8_t *at = NULL;
    if (op == CEE_LDLEN) {
        if ((exc = need(rt, f, op, 1)) != CLR_EXC_NONE)
            return exc;
        const struct clr_slot a = f->sp[-1];
        if (a.kind != CLR_K_O)
            return operands_invalid(rt, f, op, a.kind, CLR_K_NONE);
        if (a.v.o == NULL)
            return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
        if (a.v.o->kind != CLR_BLOCK_ARRAY)
            return invalid(rt, f, op, "the object is not an array");
        f->sp[-1] = (struct clr_slot){.kind = CLR_K_I, .v.i8 = ((struct clr_array *)a.v.o)->length};
        return CLR_EXC_NONE;
    }
    const bool store = op == CEE_STELEM || (op >= CEE_STELEM_I && op <= CEE_STELEM_REF);
    if ((exc = element(rt, f, op, store ? 3 : 2, &arr, &at)) != CLR_EXC_NONE)
        return exc;
    if (arr->elem == CLR_ELEM_VALUETYPE && (elem == CLR_ELEM_VALUETYPE || elem == 0))
        return struct_element(rt, f, op, arr, at, store);
    if ((arr->elem == CLR_ELEM_VALUETYPE) != (elem == CLR_ELEM_VALUETYPE))
        return invalid(rt, f, op, "the array's elements are of another type");
    if (!indirect_kind_ok(clr_elem_kind(arr->elem), clr_elem_kind(elem)))
        return invalid(rt, f, op, "the array's elements are of another type");
    if (op == CEE_LDELEMA) {
        f->sp -= 2;
        return push(rt, f, op, (struct clr_slot){.kind = CLR_K_REF, .v.raw = at, .ref_elem = arr->elem});
    }
    if (!store) {
        struct clr_slot v;
        clr_raw_read(arr->elem, at, &v);
        if (!clr_store_convert(elem, &v, &v))
            return invalid(rt, f, op, "the array's elements are of another type");
        f->sp -= 2;
        return push(rt, f, op, v);
    }
    const struct clr_slot value = f->sp[-1];
    struct clr_slot v, w;
    if (!indirect_kind_ok(value.kind, clr_elem_kind(elem)) || !clr_store_convert(elem, &v, &value) ||
        !clr_store_convert(arr->elem, &w, &v))
        return operands_invalid(rt, f, op, f->sp[-3].kind, value.kind);
    if (arr->elem == CLR_ELEM_OBJECT && w.v.o != NULL && arr->elem_type != CLR_NONE32 &&
        !clr_type_assignable(rt, clr_object_type(rt, w.v.o), arr->elem_type))
        return clr_throw(rt, CLR_EXC_ARRAY_TYPE_MISMATCH, NULL);
    clr_raw_write(arr->elem, at, &w);
    f->sp -= 3;
    return CLR_EXC_NONE;
}

/* A struct value (owned by the stack) becomes its own box. */
static enum clr_exception box_struct(struct clr_runtime *rt, clr_handle type, struct clr_slot *v)
{
    struct clr_object *o = (struct clr_object *)v->v.o;
    if (v->kind != CLR_K_O || (o != NULL && (!clr_is_value(&o->block) || o->type != type)))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Only a value of the struct's type can be boxed as it.");
    if (o == NULL && (o = clr_object_new(rt, type)) == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    o->block.reserved &= (uint16_t)~CLR_VALUE_FLAG;
    v->v.o = &o->block;
    return CLR_EXC_NONE;
}

/* box, unbox.any, unbox. */
enum clr_exception clr_box_slot(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token, unsigned op,
                                struct clr_slot *v)
{
    const clr_handle type = clr_type_token_target(a, token);
    if (CLR_TOKEN_TABLE(token) != CLR_TOK_TYPE_SPEC && type == CLR_NONE32)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The %s token 0x%08x is not a type.", clr_opcode_name(op),
                         (unsigned)token);
    enum clr_exception exc;
    const uint8_t elem = type != CLR_NONE32 ? type_info(rt, type)->value_elem : 0;
    if (elem == 0) {
        /* A reference type: box does nothing, unbox.any is castclass. */
        if (op == CEE_UNBOX)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "unbox of a type that is not a value type.");
        if (op == CEE_UNBOX_ANY)
            return clr_cast_slot(rt, a, token, false, v);
        return v->kind == CLR_K_O ? CLR_EXC_NONE
                                  : clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "box of %s as a reference type.",
                                              clr_kind_name(v->kind));
    }
    if (op == CEE_BOX)
        return elem == CLR_ELEM_VALUETYPE ? box_struct(rt, type, v) : box_primitive(rt, type, elem, v, v);
    if (v->kind != CLR_K_O)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "%s of %s, not an object.", clr_opcode_name(op),
                         clr_kind_name(v->kind));
    if (v->v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    struct clr_object *o = (struct clr_object *)v->v.o;
    const bool boxed = v->v.o->kind == CLR_BLOCK_OBJECT && !clr_is_value(v->v.o);
    if (elem == CLR_ELEM_VALUETYPE) {
        if (!boxed || o->type != type)
            return cast_error(rt, v->v.o, type);
        if (op == CEE_UNBOX) {
            *v = (struct clr_slot){.kind = CLR_K_REF, .ref_elem = CLR_ELEM_VALUETYPE, .v.o = &o->block};
            return CLR_EXC_NONE;
        }
        struct clr_object *copy;
        if ((exc = clr_value_clone(rt, o, &copy)) == CLR_EXC_NONE)
            *v = (struct clr_slot){.kind = CLR_K_O, .v.o = &copy->block};
        return exc;
    }
    /* The same type, or an enum and its underlying type (as .NET allows). */
    const uint8_t boxed_elem = boxed && o->field_count == 1 ? type_info(rt, o->type)->value_elem : 0;
    if (boxed_elem == 0 || boxed_elem == CLR_ELEM_VALUETYPE || (o->type != type && boxed_elem != elem))
        return cast_error(rt, v->v.o, type);
    if (o->fields[0].kind == CLR_K_NONE)
        clr_slot_zero(&o->fields[0], boxed_elem);
    if (op == CEE_UNBOX) {
        *v = (struct clr_slot){.kind = CLR_K_REF, .v.ref = &o->fields[0]};
        return CLR_EXC_NONE;
    }
    struct clr_slot value = o->fields[0];
    value.elem = 0;
    *v = value;
    return CLR_EXC_NONE;
}

static enum clr_exception boxing(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    const uint8_t *p;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const enum clr_exception exc = need(rt, f, op, 1);
    return exc != CLR_EXC_NONE ? exc : clr_box_slot(rt, f->assembly, clr_rd32(p), op, &f->sp[-1]);
}

/* ---- exception handling (ECMA-335 II.19, I.12.4.2) ---- */

struct eh_clause {
    uint16_t kind;
    uint32_t try_start, try_end, handler_start, handler_end, extra;
};

static uint32_t clause_count(const struct clr_frame *f, uint32_t *first)
{
    const uint8_t *r = clr_row(f->assembly, CLR_TBL_METHOD_DEF, f->method);
    *first = clr_rd16(r + CLR_METHODDEF_EH_FIRST);
    return clr_rd16(r + CLR_METHODDEF_EH_COUNT);
}

static void read_clause(const struct clr_frame *f, uint32_t first, uint32_t i, struct eh_clause *c)
{
    const uint8_t *r = clr_row(f->assembly, CLR_TBL_EH, first + i);
    c->kind = clr_rd16(r);
    c->try_start = clr_rd32(r + 4);
    c->try_end = clr_rd32(r + 8);
    c->handler_start = clr_rd32(r + 12);
    c->handler_end = clr_rd32(r + 16);
    c->extra = clr_rd32(r + 20);
}

static bool in_try(const struct eh_clause *c, uint32_t ip)
{
    return ip >= c->try_start && ip < c->try_end;
}

static enum clr_exception enter_handler(struct clr_runtime *rt, struct clr_frame *f, const struct eh_clause *c,
                                        struct clr_eh_record rec)
{
    if (c->handler_start >= f->il_size || rt->eh_count == CLR_EH_MAX)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "IL_%04x: an exception handler starts outside the body or "
                         "handlers are nested more than %u deep.", (unsigned)f->op_ip, (unsigned)CLR_EH_MAX);
    rec.frame = (uint16_t)(f - rt->frames);
    rt->eh[rt->eh_count++] = rec;
    f->sp = f->stack_base;
    f->ip = c->handler_start;
    return CLR_EXC_NONE;
}

/* Runs the finally blocks between from_ip and the leave target (clauses from `start` on), then jumps there. */
static enum clr_exception leave_continue(struct clr_runtime *rt, struct clr_frame *f, uint32_t from_ip,
                                         uint32_t target, uint32_t start)
{
    uint32_t first;
    const uint32_t n = clause_count(f, &first);
    for (uint32_t i = start; i < n; i++) {
        struct eh_clause c;
        read_clause(f, first, i, &c);
        if (c.kind == CLR_EH_FINALLY_KIND && in_try(&c, from_ip) && !in_try(&c, target))
            return enter_handler(rt, f, &c, (struct clr_eh_record){.kind = CLR_EH_LEAVE, .from_ip = from_ip,
                                                                  .target = target, .clause = (uint16_t)i});
    }
    if (target >= f->il_size)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "IL_%04x: leave to IL_%04x, past the end of the body.",
                         (unsigned)from_ip, (unsigned)target);
    f->sp = f->stack_base;
    f->ip = target;
    return CLR_EXC_NONE;
}

static enum clr_exception do_leave(struct clr_runtime *rt, struct clr_frame *f, int32_t offset)
{
    const uint32_t target = (uint32_t)((int64_t)f->ip + offset);
    /* Leaving a catch handler ends it. */
    const uint16_t frame = (uint16_t)(f - rt->frames);
    while (rt->eh_count > 0 && rt->eh[rt->eh_count - 1].frame == frame && rt->eh[rt->eh_count - 1].kind == CLR_EH_CATCH) {
        uint32_t first;
        clause_count(f, &first);
        struct eh_clause c;
        read_clause(f, first, rt->eh[rt->eh_count - 1].clause, &c);
        if (f->op_ip < c.handler_start || f->op_ip >= c.handler_end)
            break;
        rt->eh_count--;
    }
    return leave_continue(rt, f, f->op_ip, target, 0);
}

/* The second pass: runs the finally and fault blocks from the top frame down to the catch, then enters it. */
static enum clr_exception unwind_continue(struct clr_runtime *rt, struct clr_object *exc, uint32_t start,
                                          uint32_t target_frame, uint32_t target_clause)
{
    for (;;) {
        struct clr_frame *f = &rt->frames[rt->depth - 1];
        const uint32_t frame = rt->depth - 1;
        uint32_t first;
        const uint32_t n = clause_count(f, &first);
        for (uint32_t i = start; i < n; i++) {
            struct eh_clause c;
            read_clause(f, first, i, &c);
            if (frame == target_frame && i == target_clause) {
                enum clr_exception e = enter_handler(
                    rt, f, &c, (struct clr_eh_record){.kind = CLR_EH_CATCH, .exception = exc, .clause = (uint16_t)i});
                if (e != CLR_EXC_NONE)
                    return e;
                if (f->sp == f->stack_limit)
                    return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "IL_%04x: no evaluation stack for the exception "
                                     "the catch handler receives.", (unsigned)c.handler_start);
                *f->sp++ = (struct clr_slot){.kind = CLR_K_O, .v.o = &exc->block};
                return CLR_EXC_NONE;
            }
            if ((c.kind == CLR_EH_FINALLY_KIND || c.kind == CLR_EH_FAULT_KIND) && in_try(&c, f->op_ip))
                return enter_handler(rt, f, &c,
                                     (struct clr_eh_record){.kind = CLR_EH_UNWIND, .exception = exc, .from_ip = f->op_ip,
                                                            .target = target_frame, .clause = (uint16_t)i,
                                                            .target_clause = (uint16_t)target_clause});
        }
        if (frame == target_frame && target_clause == CLR_TYPE_INIT_BOUNDARY)
            return clr_type_init_failed(rt, exc);
        if (frame <= target_frame)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The exception handler was not reached.");
        rt->depth--;
        start = 0;
    }
}

/* The exception object of the exception recorded (runtime exceptions: made now); false if it cannot be made. */
static bool materialize(struct clr_runtime *rt, clr_handle type)
{
    if (rt->exception == CLR_EXC_THROWN)
        return true;
    struct clr_object *o = rt->exception == CLR_EXC_OUT_OF_MEMORY && rt->out_of_memory != NULL
                               ? rt->out_of_memory
                               : clr_exception_new(rt, type);
    if (o == NULL)
        return false;
    if (o == rt->out_of_memory) /* thrown again and again: its trace is this throw's */
        clr_exception_clear_trace(o);
    rt->exception_object = o;
    rt->exception = CLR_EXC_THROWN; /* exception_native stays for the trace the catch records */
    rt->exception_detail[0] = '\0';
    return true;
}

/* The catch (or accepting filter) at (frame, clause), or the boundary of the .cctor frame `frame`
 * (CLR_TYPE_INIT_BOUNDARY), handles the exception: its trace is recorded and the second pass starts. */
static enum clr_exception handle_at(struct clr_runtime *rt, uint32_t frame, uint32_t clause)
{
    clr_exception_record_trace(rt, rt->exception_object, frame);
    rt->exception_native = CLR_NONE32;
    rt->exception_rethrown = false;
    uint32_t first;
    clause_count(&rt->frames[frame], &first);
    struct eh_clause found = {.try_start = UINT32_MAX}; /* the boundary: every handler of the frame is left */
    if (clause != CLR_TYPE_INIT_BOUNDARY)
        read_clause(&rt->frames[frame], first, clause, &found);
    /* Handlers running in frames the exception leaves, or in the catch's frame around its try, are abandoned. */
    while (rt->eh_count > 0) {
        const struct clr_eh_record *r = &rt->eh[rt->eh_count - 1];
        if (r->frame < frame || r->kind == CLR_EH_FILTER)
            break;
        if (r->frame == frame) {
            struct eh_clause c;
            read_clause(&rt->frames[frame], first, r->clause, &c);
            if (found.try_start >= c.handler_start && found.try_start < c.handler_end)
                break;
        }
        rt->eh_count--;
    }
    return unwind_continue(rt, rt->exception_object, 0, frame, clause);
}

/* The lowest frame a search may reach: inside a filter, the filter's own frame. */
static uint32_t search_floor(const struct clr_runtime *rt)
{
    for (uint32_t i = rt->eh_count; i-- > 0;)
        if (rt->eh[i].kind == CLR_EH_FILTER)
            return rt->eh[i].frame;
    return 0;
}

/*
 * The first pass from clause `start` of `frame` outwards: a matching catch starts the second pass, a filter
 * starts running (in a copy of its frame on top of the stack) and the search resumes at its endfilter.
 * False: no handler (the exception stays unhandled).
 */
static bool search(struct clr_runtime *rt, uint32_t frame, uint32_t start, enum clr_exception *result)
{
    for (;;) {
        const uint32_t floor = search_floor(rt);
        const clr_handle type = rt->exception == CLR_EXC_THROWN ? clr_object_type(rt, &rt->exception_object->block)
                                                                : rt->exception_types[rt->exception];
        if (type == CLR_NONE32)
            return false;
        for (frame++; frame-- > floor; start = 0) {
            const struct clr_frame *f = &rt->frames[frame];
            uint32_t first;
            const uint32_t n = clause_count(f, &first);
            for (uint32_t i = start; i < n; i++) {
                struct eh_clause c;
                read_clause(f, first, i, &c);
                if (!in_try(&c, f->op_ip))
                    continue;
                if (c.kind == CLR_EH_CATCH_KIND) {
                    const clr_handle target = clr_type_token_target(f->assembly, c.extra);
                    if (target == CLR_NONE32 || !clr_type_derives(rt, type, target))
                        continue;
                    if (!materialize(rt, type))
                        return false;
                    *result = handle_at(rt, frame, i);
                    return true;
                }
                if (c.kind != CLR_EH_FILTER_KIND)
                    continue;
                if (!materialize(rt, type))
                    return false;
                /* The filter runs in a copy of its frame (same arguments and locals) with a fresh stack. */
                struct clr_method_def md;
                clr_read_method_def(f->assembly, f->method, &md);
                const struct clr_frame *top = &rt->frames[rt->depth - 1];
                struct clr_slot *base = top->stack_limit + 1;
                if (rt->depth == rt->frame_capacity || base > rt->slots_end ||
                    (size_t)(rt->slots_end - base) < md.max_stack + 1u || c.extra >= f->il_size ||
                    md.max_stack == 0 || rt->eh_count == CLR_EH_MAX)
                    return false;
                struct clr_frame *ff = &rt->frames[rt->depth];
                *ff = *f;
                ff->stack_base = base;
                ff->sp = base;
                ff->stack_limit = base + md.max_stack;
                ff->init_type = CLR_NONE16;
                ff->newobj = false;
                ff->ip = ff->op_ip = c.extra;
                *ff->sp++ = (struct clr_slot){.kind = CLR_K_O, .v.o = &rt->exception_object->block};
                rt->eh[rt->eh_count++] = (struct clr_eh_record){.kind = CLR_EH_FILTER, .frame = (uint16_t)rt->depth,
                                                                .target = frame, .clause = (uint16_t)i,
                                                                .exception = rt->exception_object};
                rt->depth++;
                *result = CLR_EXC_NONE;
                return true;
            }
            if (f->init_type != CLR_NONE16) { /* nothing in the .cctor catches it: the type fails */
                if (!materialize(rt, type))
                    return false;
                *result = handle_at(rt, frame, CLR_TYPE_INIT_BOUNDARY);
                return true;
            }
        }
        if (floor == 0)
            return false;
        /* An exception leaving a filter: the filter says no, the first pass of the exception it tests goes on. */
        while (rt->eh[rt->eh_count - 1].kind != CLR_EH_FILTER)
            rt->eh_count--;
        const struct clr_eh_record r = rt->eh[--rt->eh_count];
        rt->depth = r.frame;
        rt->exception = CLR_EXC_THROWN;
        rt->exception_object = r.exception;
        rt->exception_native = CLR_NONE32;
        frame = r.target;
        start = r.clause + 1u;
    }
}

static bool dispatch(struct clr_runtime *rt, enum clr_exception exc, enum clr_exception *result)
{
    if ((exc != CLR_EXC_THROWN && !clr_exception_catchable(exc)) || rt->depth == 0 || rt->exception_final)
        return false;
    return search(rt, rt->depth - 1, 0, result);
}

static enum clr_exception end_filter(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    enum clr_exception exc = need(rt, f, op, 1);
    if (exc != CLR_EXC_NONE)
        return exc;
    const struct clr_slot v = *--f->sp;
    if (v.kind != CLR_K_I4)
        return operands_invalid(rt, f, op, v.kind, CLR_K_NONE);
    if (rt->eh_count == 0 || rt->eh[rt->eh_count - 1].kind != CLR_EH_FILTER ||
        rt->eh[rt->eh_count - 1].frame != rt->depth - 1)
        return invalid(rt, f, op, "endfilter outside a filter");
    const struct clr_eh_record r = rt->eh[--rt->eh_count];
    rt->depth--;
    rt->exception = CLR_EXC_THROWN;
    rt->exception_object = r.exception;
    rt->exception_native = CLR_NONE32;
    if (v.v.i4 != 0)
        return handle_at(rt, r.target, r.clause);
    enum clr_exception result = CLR_EXC_NONE;
    if (!search(rt, r.target, r.clause + 1u, &result)) {
        rt->exception_final = true;
        return CLR_EXC_THROWN;
    } /* unhandled: run() reports it (its search finds nothing either) */
    return result;
}

enum clr_exception clr_throw_slot(struct clr_runtime *rt, const struct clr_slot *v)
{
    if (v->kind != CLR_K_O)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "throw of %s, not an object.", clr_kind_name(v->kind));
    if (v->v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (v->v.o->kind != CLR_BLOCK_OBJECT)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The value thrown is not an object.");
    return clr_throw_object(rt, (struct clr_object *)v->v.o, false);
}

enum clr_exception clr_throw_object(struct clr_runtime *rt, struct clr_object *o, bool rethrow)
{
    if (!rethrow)
        clr_exception_clear_trace(o); /* a throw (not a rethrow) records its trace anew */
    rt->exception = CLR_EXC_THROWN;
    rt->exception_object = o;
    rt->exception_native = CLR_NONE32;
    rt->exception_detail[0] = '\0';
    rt->exception_rethrown = rethrow;
    return CLR_EXC_THROWN;
}

static enum clr_exception do_throw(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    struct clr_object *o = NULL;
    if (op == CEE_RETHROW) {
        for (uint32_t i = rt->eh_count; i-- > 0;)
            if (rt->eh[i].frame == f - rt->frames && rt->eh[i].kind == CLR_EH_CATCH) {
                o = rt->eh[i].exception;
                break;
            }
        if (o == NULL)
            return invalid(rt, f, op, "rethrow outside a catch handler");
    } else {
        enum clr_exception exc = need(rt, f, op, 1);
        if (exc != CLR_EXC_NONE)
            return exc;
        return clr_throw_slot(rt, --f->sp);
    }
    return clr_throw_object(rt, o, true);
}

static enum clr_exception end_finally(struct clr_runtime *rt, struct clr_frame *f, unsigned op)
{
    if (rt->eh_count == 0 || rt->eh[rt->eh_count - 1].frame != f - rt->frames ||
        rt->eh[rt->eh_count - 1].kind == CLR_EH_CATCH)
        return invalid(rt, f, op, "endfinally outside a finally or fault handler");
    const struct clr_eh_record r = rt->eh[--rt->eh_count];
    if (r.kind == CLR_EH_LEAVE)
        return leave_continue(rt, f, r.from_ip, r.target, r.clause + 1u);
    f->op_ip = r.from_ip;
    return unwind_continue(rt, r.exception, r.clause + 1u, r.target, r.target_clause);
}

/* ---- the fast loop: the commonest instructions on int32 and object operands, with the instruction pointer
 * and stack pointer in registers. Anything else (other types, a full or short stack, an index out of range,
 * the end of the body) leaves the loop at that instruction, and the general code runs it, checking and
 * reporting. Returns CLR_EXC_NONE to go on with the general code at f->ip, or CLR_EXC_YIELD. */

#define SLOT_OK(v) ((v)->elem != CLR_ELEM_VALUETYPE) /* struct locations are copied by the general code */

static enum clr_exception fast_loop(struct clr_runtime *rt, struct clr_frame *f)
{
    const uint8_t *const il = f->il;
    const uint32_t size = f->il_size;
    struct clr_slot *const locals = f->locals, *const args = f->args;
    struct clr_slot *const base = f->stack_base, *const limit = f->stack_limit;
    const unsigned local_count = f->local_count, arg_count = f->arg_count;
    uint32_t ip = f->ip;
    struct clr_slot *sp = f->sp;
    enum clr_exception result = CLR_EXC_NONE;
    for (;;) {
        if (ip >= size)
            break;
        const unsigned op = il[ip];
        const struct clr_slot *v;
        unsigned kind;
        int32_t offset;
        switch (op) {
        case CEE_LDARG_0: case CEE_LDARG_1: case CEE_LDARG_2: case CEE_LDARG_3:
            if (op - CEE_LDARG_0 >= arg_count)
                goto out;
            v = &args[op - CEE_LDARG_0];
            goto load;
        case CEE_LDLOC_0: case CEE_LDLOC_1: case CEE_LDLOC_2: case CEE_LDLOC_3:
            if (op - CEE_LDLOC_0 >= local_count)
                goto out;
            v = &locals[op - CEE_LDLOC_0];
        load:
            if (sp == limit || !SLOT_OK(v))
                goto out;
            *sp = *v;
            sp->elem = 0;
            sp++;
            ip++;
            continue;
        case CEE_LDLOC_S:
        case CEE_LDARG_S: {
            const bool local = op == CEE_LDLOC_S;
            if (ip + 1 >= size || il[ip + 1] >= (local ? local_count : arg_count))
                goto out;
            v = &(local ? locals : args)[il[ip + 1]];
            if (sp == limit || !SLOT_OK(v))
                goto out;
            *sp = *v;
            sp->elem = 0;
            sp++;
            ip += 2;
            continue;
        }
        case CEE_STLOC_0: case CEE_STLOC_1: case CEE_STLOC_2: case CEE_STLOC_3:
        case CEE_STLOC_S: {
            const unsigned index = op == CEE_STLOC_S ? (ip + 1 < size ? il[ip + 1] : 0xFFFFu) : op - CEE_STLOC_0;
            if (index >= local_count || sp == base)
                goto out;
            struct clr_slot *dst = &locals[index];
            const struct clr_slot *src = sp - 1;
            if (!((src->kind == CLR_K_I4 && dst->elem == CLR_ELEM_I4) ||
                  (src->kind == CLR_K_O && dst->elem == CLR_ELEM_OBJECT)))
                goto out;
            dst->kind = src->kind;
            dst->v = src->v;
            sp--;
            ip += op == CEE_STLOC_S ? 2 : 1;
            continue;
        }
        case CEE_LDC_I4_M1: case CEE_LDC_I4_0: case CEE_LDC_I4_1: case CEE_LDC_I4_2: case CEE_LDC_I4_3:
        case CEE_LDC_I4_4: case CEE_LDC_I4_5: case CEE_LDC_I4_6: case CEE_LDC_I4_7: case CEE_LDC_I4_8:
            if (sp == limit)
                goto out;
            *sp++ = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int32_t)op - CEE_LDC_I4_0};
            ip++;
            continue;
        case CEE_LDC_I4_S:
            if (sp == limit || ip + 1 >= size)
                goto out;
            *sp++ = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int8_t)il[ip + 1]};
            ip += 2;
            continue;
        case CEE_LDC_I4:
            if (sp == limit || size - ip < 5)
                goto out;
            *sp++ = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int32_t)clr_rd32(il + ip + 1)};
            ip += 5;
            continue;
        case CEE_ADD: case CEE_SUB: case CEE_MUL: case CEE_AND: case CEE_OR: case CEE_XOR: case CEE_SHL: case CEE_SHR:
        case CEE_SHR_UN: {
            struct clr_slot *a = sp - 2;
            if (sp - base < 2 || a[0].kind != CLR_K_I4 || a[1].kind != CLR_K_I4)
                goto out;
            const uint32_t x = (uint32_t)a[0].v.i4, y = (uint32_t)a[1].v.i4;
            uint32_t r;
            switch (op) {
            case CEE_ADD: r = x + y; break;
            case CEE_SUB: r = x - y; break;
            case CEE_MUL: r = x * y; break;
            case CEE_AND: r = x & y; break;
            case CEE_OR: r = x | y; break;
            case CEE_XOR: r = x ^ y; break;
            case CEE_SHL: r = x << (y & 31); break;
            case CEE_SHR: r = (uint32_t)(a[0].v.i4 >> (y & 31)); break; /* arithmetic, as gcc and clang shift */
            default: r = x >> (y & 31); break;
            }
            a[0].v.i4 = (int32_t)r;
            sp--;
            ip++;
            continue;
        }
        case CEE_LDFLD: case CEE_STFLD: { /* a field of this assembly's class, on an object of exactly that class */
            const bool store = op == CEE_STFLD;
            struct clr_slot *o = sp - (store ? 2 : 1);
            if (size - ip < 5 || o < base || o->kind != CLR_K_O || o->v.o == NULL || o->v.o->kind != CLR_BLOCK_OBJECT)
                goto out;
            const uint32_t token = clr_rd32(il + ip + 1);
            if (CLR_TOKEN_TABLE(token) != CLR_TOK_FIELD_DEF ||
                CLR_TOKEN_INDEX(token) >= f->assembly->tables[CLR_TBL_FIELD_DEF].count)
                goto out;
            const struct clr_field_info *info = &f->assembly->fields[CLR_TOKEN_INDEX(token)];
            struct clr_object *obj = (struct clr_object *)o->v.o;
            if (obj->type != CLR_HANDLE(f->assembly->index, info->owner) || info->instance_slot >= obj->field_count)
                goto out;
            struct clr_slot *field = &obj->fields[info->instance_slot];
            if (store) {
                const struct clr_slot *v = sp - 1;
                if (!((v->kind == CLR_K_I4 && info->elem == CLR_ELEM_I4) ||
                      (v->kind == CLR_K_O && info->elem == CLR_ELEM_OBJECT)))
                    goto out;
                field->kind = v->kind;
                field->elem = info->elem;
                field->v = v->v;
                sp -= 2;
            } else {
                if (field->kind == CLR_K_NONE || field->elem == CLR_ELEM_VALUETYPE)
                    goto out; /* never written, or a struct: the general code */
                *o = *field;
                o->elem = 0;
            }
            ip += 5;
            continue;
        }
        case 0x94: case 0x9A: { /* ldelem.i4, ldelem.ref */
            struct clr_slot *a = sp - 2;
            if (sp - base < 2 || a[0].kind != CLR_K_O || a[1].kind != CLR_K_I4 || a[0].v.o == NULL ||
                a[0].v.o->kind != CLR_BLOCK_ARRAY)
                goto out;
            const struct clr_array *arr = (const struct clr_array *)a[0].v.o;
            if (arr->elem != (op == 0x94 ? CLR_ELEM_I4 : CLR_ELEM_OBJECT) || a[1].v.i4 < 0 || a[1].v.i4 >= arr->length)
                goto out;
            const uint8_t *at = arr->data + (size_t)a[1].v.i4 * arr->elem_size;
            struct clr_slot e = {.kind = op == 0x94 ? CLR_K_I4 : CLR_K_O};
            if (op == 0x94)
                memcpy(&e.v.i4, at, 4);
            else
                memcpy(&e.v.o, at, sizeof e.v.o);
            a[0] = e;
            sp--;
            ip++;
            continue;
        }
        case 0x9E: { /* stelem.i4 */
            struct clr_slot *a = sp - 3;
            if (sp - base < 3 || a[0].kind != CLR_K_O || a[1].kind != CLR_K_I4 || a[2].kind != CLR_K_I4 ||
                a[0].v.o == NULL || a[0].v.o->kind != CLR_BLOCK_ARRAY)
                goto out;
            struct clr_array *arr = (struct clr_array *)a[0].v.o;
            if (arr->elem != CLR_ELEM_I4 || a[1].v.i4 < 0 || a[1].v.i4 >= arr->length)
                goto out;
            memcpy(arr->data + (size_t)a[1].v.i4 * 4u, &a[2].v.i4, 4);
            sp -= 3;
            ip++;
            continue;
        }
        case CEE_BR_S: case CEE_BRFALSE_S: case CEE_BRTRUE_S: case CEE_BEQ_S: case CEE_BGE_S: case CEE_BGT_S:
        case CEE_BLE_S: case CEE_BLT_S: case CEE_BNE_UN_S: case CEE_BGE_UN_S: case CEE_BGT_UN_S: case CEE_BLE_UN_S:
        case CEE_BLT_UN_S:
            if (ip + 1 >= size)
                goto out;
            kind = op - CEE_BR_S;
            offset = (int8_t)il[ip + 1];
            goto branch;
        case CEE_BR: case CEE_BRFALSE: case CEE_BRTRUE: case CEE_BEQ: case CEE_BGE: case CEE_BGT: case CEE_BLE:
        case CEE_BLT: case CEE_BNE_UN: case CEE_BGE_UN: case CEE_BGT_UN: case CEE_BLE_UN: case CEE_BLT_UN: {
            if (size - ip < 5)
                goto out;
            kind = op - CEE_BR;
            offset = (int32_t)clr_rd32(il + ip + 1);
        branch:;
            const uint32_t next = ip + (op >= CEE_BR ? 5u : 2u);
            bool taken;
            if (kind == 0) {
                taken = true;
            } else if (kind <= 2) {
                const struct clr_slot *c = sp - 1;
                if (sp == base || (c->kind != CLR_K_I4 && c->kind != CLR_K_O))
                    goto out;
                taken = (c->kind == CLR_K_I4 ? c->v.i4 != 0 : c->v.o != NULL) == (kind == 2);
                sp--;
            } else {
                const struct clr_slot *c = sp - 2;
                if (sp - base < 2 || c[0].kind != CLR_K_I4 || c[1].kind != CLR_K_I4)
                    goto out;
                const int32_t x = c[0].v.i4, y = c[1].v.i4;
                const uint32_t ux = (uint32_t)x, uy = (uint32_t)y;
                switch (kind) {
                case 3: taken = x == y; break;
                case 4: taken = x >= y; break;
                case 5: taken = x > y; break;
                case 6: taken = x <= y; break;
                case 7: taken = x < y; break;
                case 8: taken = x != y; break;
                case 9: taken = ux >= uy; break;
                case 10: taken = ux > uy; break;
                case 11: taken = ux <= uy; break;
                default: taken = ux < uy; break;
                }
                sp -= 2;
            }
            const int64_t target = (int64_t)next + offset;
            if (!taken) {
                ip = next;
                continue;
            }
            if (target < 0 || target >= size) { /* the general code reports it */
                sp += kind == 0 ? 0 : kind <= 2 ? 1 : 2;
                goto out;
            }
            ip = (uint32_t)target;
            if (offset < 0 && --rt->slice == 0) {
                result = CLR_EXC_YIELD;
                goto out;
            }
            continue;
        }
        default:
            goto out;
        }
    }
out:
    f->ip = ip;
    f->sp = sp;
    return result;
}

/* ---- the loop ---- */

static enum clr_exception execute(struct clr_runtime *rt)
{
    while (rt->depth > 0) {
        struct clr_frame *f = &rt->frames[rt->depth - 1];
        if (f->fast) {
            const enum clr_exception exc = clr_fast_run(rt);
            if (exc != CLR_EXC_NONE)
                return exc;
            continue;
        }
        if (f->il == NULL) { /* a combined delegate's Invoke: its next call, or its return */
            enum clr_exception exc = clr_delegate_step(rt, f);
            if (exc != CLR_EXC_NONE)
                return exc;
            continue;
        }
        for (;;) {
            const enum clr_exception fast = fast_loop(rt, f);
            if (fast != CLR_EXC_NONE)
                return fast;
            f->op_ip = f->ip;
            if (f->ip >= f->il_size) {
                char name[96];
                return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Execution ran past the end of %s.",
                                 method_name(f->assembly, f->method, name, sizeof name));
            }
            unsigned op = f->il[f->ip++];
            if (op == CEE_PREFIX) {
                if (f->ip >= f->il_size)
                    return invalid(rt, f, op, "the opcode runs past the end of the body");
                op = 0xFE00u | f->il[f->ip++];
            }
            enum clr_exception exc = CLR_EXC_NONE;
            const uint8_t *p;
            switch (op) {
            case CEE_NOP:
            case 0x01: /* break: no debugger to stop for */
                break;
            case CEE_LDARG_0: case CEE_LDARG_1: case CEE_LDARG_2: case CEE_LDARG_3:
            case CEE_LDLOC_0: case CEE_LDLOC_1: case CEE_LDLOC_2: case CEE_LDLOC_3:
            case CEE_STLOC_0: case CEE_STLOC_1: case CEE_STLOC_2: case CEE_STLOC_3:
            case CEE_LDARG_S: case CEE_STARG_S: case CEE_LDLOC_S: case CEE_STLOC_S:
            case CEE_LDARG: case CEE_STARG: case CEE_LDLOC: case CEE_STLOC:
                exc = variable(rt, f, op);
                break;
            case CEE_LDNULL:
                exc = push(rt, f, op, (struct clr_slot){.kind = CLR_K_O, .v.o = NULL});
                break;
            case CEE_LDC_I4_M1: case CEE_LDC_I4_0: case CEE_LDC_I4_1: case CEE_LDC_I4_2: case CEE_LDC_I4_3:
            case CEE_LDC_I4_4: case CEE_LDC_I4_5: case CEE_LDC_I4_6: case CEE_LDC_I4_7: case CEE_LDC_I4_8:
                exc = push(rt, f, op, (struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int32_t)op - CEE_LDC_I4_0});
                break;
            case CEE_LDC_I4_S: case CEE_LDC_I4: case CEE_LDC_I8: case CEE_LDC_R4: case CEE_LDC_R8:
                exc = load_constant(rt, f, op);
                break;
            case CEE_DUP:
                if ((exc = need(rt, f, op, 1)) != CLR_EXC_NONE)
                    break;
                if (f->sp[-1].kind == CLR_K_O && clr_is_value(f->sp[-1].v.o)) {
                    struct clr_object *copy;
                    if ((exc = clr_value_clone(rt, (struct clr_object *)f->sp[-1].v.o, &copy)) == CLR_EXC_NONE)
                        exc = push(rt, f, op, (struct clr_slot){.kind = CLR_K_O, .v.o = &copy->block});
                    break;
                }
                exc = push(rt, f, op, f->sp[-1]);
                break;
            case CEE_POP:
                if ((exc = need(rt, f, op, 1)) == CLR_EXC_NONE)
                    f->sp--;
                break;
            case CEE_CALL:
            case CEE_CALLVIRT: {
                if (!operand(f, 4, &p))
                    return invalid(rt, f, op, "the operand runs past the end of the body");
                const clr_handle h = clr_method_token_target(f->assembly, clr_rd32(p));
                if (h == CLR_NONE32)
                    return invalid(rt, f, op, "the token is not a method of this assembly");
                if ((exc = clr_call_method(rt, f, h, op == CEE_CALLVIRT)) != CLR_EXC_NONE)
                    return exc;
                if (--rt->slice == 0)
                    return CLR_EXC_YIELD;
                goto next_frame;
            }
            case CEE_RET:
                if ((exc = clr_do_return(rt, f)) != CLR_EXC_NONE)
                    return exc;
                goto next_frame;
            case CEE_BR_S: case CEE_BRFALSE_S: case CEE_BRTRUE_S: case CEE_BEQ_S: case CEE_BGE_S: case CEE_BGT_S:
            case CEE_BLE_S: case CEE_BLT_S: case CEE_BNE_UN_S: case CEE_BGE_UN_S: case CEE_BGT_UN_S:
            case CEE_BLE_UN_S: case CEE_BLT_UN_S:
                if (!operand(f, 1, &p))
                    return invalid(rt, f, op, "the operand runs past the end of the body");
                exc = branch(rt, f, op, op - CEE_BR_S, (int8_t)p[0]);
                break;
            case CEE_BR: case CEE_BRFALSE: case CEE_BRTRUE: case CEE_BEQ: case CEE_BGE: case CEE_BGT: case CEE_BLE:
            case CEE_BLT: case CEE_BNE_UN: case CEE_BGE_UN: case CEE_BGT_UN: case CEE_BLE_UN: case CEE_BLT_UN:
                if (!operand(f, 4, &p))
                    return invalid(rt, f, op, "the operand runs past the end of the body");
                exc = branch(rt, f, op, op - CEE_BR, (int32_t)clr_rd32(p));
                break;
            case CEE_SWITCH:
                exc = do_switch(rt, f, op);
                break;
            case CEE_ADD: case CEE_SUB: case CEE_MUL: case CEE_DIV: case CEE_DIV_UN: case CEE_REM: case CEE_REM_UN:
            case CEE_AND: case CEE_OR: case CEE_XOR: case CEE_SHL: case CEE_SHR: case CEE_SHR_UN: case CEE_NEG:
            case CEE_NOT: case CEE_ADD_OVF: case CEE_ADD_OVF_UN: case CEE_MUL_OVF: case CEE_MUL_OVF_UN:
            case CEE_SUB_OVF: case CEE_SUB_OVF_UN:
                exc = arithmetic(rt, f, op);
                break;
            case CEE_CONV_I1: case CEE_CONV_I2: case CEE_CONV_I4: case CEE_CONV_I8: case CEE_CONV_R4:
            case CEE_CONV_R8: case CEE_CONV_U4: case CEE_CONV_U8: case CEE_CONV_R_UN: case CEE_CONV_U2:
            case CEE_CONV_U1: case CEE_CONV_I: case CEE_CONV_U: case CEE_CONV_OVF_I1_UN: case CEE_CONV_OVF_I2_UN:
            case CEE_CONV_OVF_I4_UN: case CEE_CONV_OVF_I8_UN: case CEE_CONV_OVF_U1_UN: case CEE_CONV_OVF_U2_UN:
            case CEE_CONV_OVF_U4_UN: case CEE_CONV_OVF_U8_UN: case CEE_CONV_OVF_I_UN: case CEE_CONV_OVF_U_UN:
            case CEE_CONV_OVF_I1: case CEE_CONV_OVF_U1: case CEE_CONV_OVF_I2: case CEE_CONV_OVF_U2:
            case CEE_CONV_OVF_I4: case CEE_CONV_OVF_U4: case CEE_CONV_OVF_I8: case CEE_CONV_OVF_U8:
            case CEE_CONV_OVF_I: case CEE_CONV_OVF_U:
                exc = convert(rt, f, op);
                break;
            case CEE_CEQ: case CEE_CGT: case CEE_CGT_UN: case CEE_CLT: case CEE_CLT_UN:
                exc = compare(rt, f, op);
                break;
            case CEE_LDSTR:
                exc = load_string(rt, f, op);
                break;
            case CEE_LDARGA_S: case CEE_LDLOCA_S: case CEE_LDARGA: case CEE_LDLOCA:
                exc = address_of_var(rt, f, op);
                break;
            case 0x46: case 0x47: case 0x48: case 0x49: case 0x4A: case 0x4B: case 0x4C: case 0x4D: case 0x4E:
            case 0x4F: case 0x50: case 0x51: case 0x52: case 0x53: case 0x54: case 0x55: case 0x56: case 0x57:
            case CEE_STIND_I:
                exc = indirect(rt, f, op, op >= CEE_LDIND_I1 && op <= CEE_LDIND_REF, indirect_elem(op));
                break;
            case CEE_NEWOBJ: {
                bool restart;
                if ((exc = new_object(rt, f, op, &restart)) != CLR_EXC_NONE)
                    return exc;
                if (restart)
                    goto next_frame;
                break;
            }
            case CEE_LDFLD: case CEE_LDFLDA: case CEE_STFLD:
                exc = instance_field(rt, f, op);
                break;
            case CEE_NEWARR:
                exc = new_array(rt, f, op);
                break;
            case CEE_LDLEN: case CEE_LDELEMA: case CEE_LDELEM: case CEE_STELEM:
            case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97: case 0x98:
            case 0x99: case 0x9A: case 0x9B: case 0x9C: case 0x9D: case 0x9E: case 0x9F: case 0xA0: case 0xA1:
            case 0xA2:
                exc = array_access(rt, f, op);
                break;
            case CEE_BOX: case CEE_UNBOX: case CEE_UNBOX_ANY:
                exc = boxing(rt, f, op);
                break;
            case CEE_CASTCLASS: case CEE_ISINST:
                exc = cast(rt, f, op);
                break;
            case CEE_INITOBJ: case CEE_LDOBJ: case CEE_STOBJ: case CEE_CPOBJ:
                exc = object_access(rt, f, op);
                break;
            case CEE_LDTOKEN:
                exc = load_token(rt, f, op);
                break;
            case CEE_LDFTN: case CEE_LDVIRTFTN:
                exc = function_pointer(rt, f, op);
                break;
            case CEE_CONSTRAINED: {
                clr_handle type;
                if ((exc = type_operand(rt, f, op, &type)) != CLR_EXC_NONE)
                    return exc;
                /* The prefixed callvirt; op_ip stays on the prefix so that a restart repeats both. */
                if (!operand(f, 5, &p) || p[0] != (CEE_CALLVIRT & 0xFF))
                    return invalid(rt, f, op, "the prefix is not followed by callvirt");
                const clr_handle h = clr_method_token_target(f->assembly, clr_rd32(p + 1));
                if (h == CLR_NONE32)
                    return invalid(rt, f, op, "the token is not a method of this assembly");
                if ((exc = constrained_call(rt, f, op, type, h)) != CLR_EXC_NONE)
                    return exc;
                goto next_frame;
            }
            case CEE_LDSFLD:
            case CEE_LDSFLDA:
            case CEE_STSFLD: {
                bool restart;
                if ((exc = static_field(rt, f, op, &restart)) != CLR_EXC_NONE)
                    return exc;
                if (restart)
                    goto next_frame;
                break;
            }
            case CEE_THROW:
            case CEE_RETHROW:
                return do_throw(rt, f, op);
            case CEE_LEAVE:
            case CEE_LEAVE_S:
                if (!operand(f, op == CEE_LEAVE ? 4 : 1, &p))
                    return invalid(rt, f, op, "the operand runs past the end of the body");
                exc = do_leave(rt, f, op == CEE_LEAVE ? (int32_t)clr_rd32(p) : (int8_t)p[0]);
                break;
            case CEE_ENDFILTER:
                if ((exc = end_filter(rt, f, op)) != CLR_EXC_NONE)
                    return exc;
                goto next_frame;
            case CEE_ENDFINALLY:
                if ((exc = end_finally(rt, f, op)) != CLR_EXC_NONE)
                    return exc;
                goto next_frame; /* the second pass may have left this frame */
            default: {
                char name[96];
                return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "IL_%04x %s (0x%x) in %s: this instruction is not supported by this runtime.",
                                 (unsigned)f->op_ip, clr_opcode_name(op), op,
                                 method_name(f->assembly, f->method, name, sizeof name));
            }
            }
            if (exc != CLR_EXC_NONE)
                return exc;
        }
    next_frame:;
    }
    return CLR_EXC_NONE;
}

/* Runs the current thread until it gives the CPU up (CLR_EXC_YIELD), ends (NONE) or dies (the exception). */
static enum clr_exception run_thread(struct clr_runtime *rt)
{
    for (;;) {
        enum clr_exception exc = execute(rt);
        if (exc == CLR_EXC_YIELD)
            return exc;
        while (exc != CLR_EXC_NONE) {
            enum clr_exception next;
            if (!dispatch(rt, exc, &next))
                return exc;
            exc = next;
        }
        if (rt->depth == 0)
            return CLR_EXC_NONE;
    }
}

/* The entry frame's type initialiser runs before its first instruction: no try range holds it (op_ip past the
 * body), so a TypeInitializationException from it is not caught there, as on .NET. */
static void not_started(struct clr_frame *f)
{
    f->op_ip = f->il_size;
}

enum clr_exception clr_push_entry(struct clr_runtime *rt, clr_handle method)
{
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(method)];
    return rt->depth == 0 ? push_frame(rt, a, CLR_HANDLE_ROW(method), CLR_NONE16)
                          : clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "A thread starts with an empty stack.");
}

/* Runs threads until the program ends: Main returned and no foreground thread is left, or Main died. */
static enum clr_result run(struct clr_runtime *rt)
{
    for (;;) {
        const enum clr_exception exc = run_thread(rt);
        if (exc != CLR_EXC_YIELD && exc != CLR_EXC_NONE) {
            clr_report_unhandled(rt);
            if (rt->current == 0)
                return CLR_UNHANDLED_EXCEPTION;
            rt->depth = 0; /* another thread's unhandled exception ends that thread only */
            rt->eh_count = 0;
        }
        if (exc != CLR_EXC_YIELD)
            clr_thread_finished(rt);
        bool stop;
        const enum clr_result r = clr_schedule(rt, &stop);
        if (r != CLR_OK || stop)
            return r;
    }
}

enum clr_result clr_run(struct clr_runtime *rt)
{
    if (rt == NULL || rt->state != CLR_STATE_LOADED)
        return CLR_NOT_LOADED;
    if (rt->entry_point == CLR_NONE32) { /* still loaded: the caller may run the tests instead */
        clr_log(rt, "assembly %s has no entry point (Main), only tests: run them with clr_run_tests (nfclr_sim --test)",
                rt->assemblies[rt->app].name);
        return CLR_NO_ENTRY_POINT;
    }
    rt->state = CLR_STATE_RAN;
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(rt->entry_point)];
    const uint32_t row = CLR_HANDLE_ROW(rt->entry_point);
    struct clr_method_def entry;
    clr_read_method_def(a, row, &entry);
    enum clr_exception exc = CLR_EXC_NONE;
    if (entry.arg_count == 1) { /* Main(string[]): no command-line arguments */
        struct clr_array *args = clr_array_new(rt, CLR_ELEM_OBJECT, rt->string_type, 0);
        if (args == NULL || rt->slots_end - rt->slots < 1)
            exc = clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
        else
            rt->slots[0] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT, .v.o = &args->block};
    }
    if (exc == CLR_EXC_NONE)
        exc = push_frame(rt, a, row, CLR_NONE16);
    if (exc == CLR_EXC_NONE) {
        not_started(&rt->frames[0]);
        /* Calling Main initialises a precise entry type first, as any other call does. */
        struct clr_method_def md;
        struct clr_type_def td;
        clr_read_method_def(a, row, &md);
        clr_read_type_def(a, md.owner, &td);
        bool started;
        if ((td.flags & CLR_TYPE_ATTR_BEFORE_FIELD_INIT) == 0)
            exc = clr_start_type_init(rt, a, md.owner, &started);
    }
    if (exc != CLR_EXC_NONE) {
        clr_report_unhandled(rt);
        return CLR_UNHANDLED_EXCEPTION;
    }
    return run(rt);
}

enum clr_exception clr_call_top(struct clr_runtime *rt, clr_handle method, const struct clr_slot *args)
{
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(method)];
    const uint32_t row = CLR_HANDLE_ROW(method);
    struct clr_method_def md;
    clr_read_method_def(a, row, &md);
    struct clr_type_def td;
    clr_read_type_def(a, md.owner, &td);
    rt->exception = CLR_EXC_NONE;
    rt->exception_object = NULL;
    rt->exception_final = false;
    enum clr_exception exc;
    if ((size_t)(rt->slots_end - rt->slots) < md.arg_count) {
        exc = clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
    } else {
        if (md.arg_count > 0 && args != rt->slots)
            memmove(rt->slots, args, md.arg_count * sizeof *args);
        exc = push_frame(rt, a, row, CLR_NONE16);
        if (exc == CLR_EXC_NONE)
            not_started(&rt->frames[0]);
    }
    bool started;
    if (exc == CLR_EXC_NONE && (td.flags & CLR_TYPE_ATTR_BEFORE_FIELD_INIT) == 0)
        exc = clr_start_type_init(rt, a, md.owner, &started);
    /* Other threads the call starts share the CPU as under clr_run, until the main thread's call ends. */
    while (exc == CLR_EXC_NONE && ((exc = run_thread(rt)) == CLR_EXC_YIELD || rt->current != 0)) {
        if (exc != CLR_EXC_YIELD) { /* another thread ended */
            if (exc != CLR_EXC_NONE)
                clr_report_unhandled(rt);
            rt->depth = 0;
            rt->eh_count = 0;
            clr_thread_finished(rt);
        }
        bool stop;
        if (clr_schedule(rt, &stop) != CLR_OK)
            return CLR_EXC_YIELD; /* deadlock (logged): the main thread cannot go on */
        exc = CLR_EXC_NONE;
    }
    rt->depth = 0; /* an escaped exception leaves its frames and handler records behind */
    rt->eh_count = 0;
    return exc;
}
