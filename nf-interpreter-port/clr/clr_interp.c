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

#define NOT_YET "not supported yet (runtime slice 1)"

/* ---- operands and names ---- */

static bool operand(struct clr_frame *f, uint32_t n, const uint8_t **p)
{
    if (f->il_size - f->ip < n)
        return false;
    *p = f->il + f->ip;
    f->ip += n;
    return true;
}

static clr_handle method_target(const struct clr_assembly *a, uint32_t token)
{
    const uint32_t index = CLR_TOKEN_INDEX(token);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_METHOD_DEF && index < a->tables[CLR_TBL_METHOD_DEF].count)
        return CLR_HANDLE(a->index, index);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_METHOD_REF && index < a->tables[CLR_TBL_METHOD_REF].count)
        return a->method_ref_target[index];
    return CLR_NONE32;
}

static clr_handle field_target(const struct clr_assembly *a, uint32_t token)
{
    const uint32_t index = CLR_TOKEN_INDEX(token);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_FIELD_DEF && index < a->tables[CLR_TBL_FIELD_DEF].count)
        return CLR_HANDLE(a->index, index);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_FIELD_REF && index < a->tables[CLR_TBL_FIELD_REF].count)
        return a->field_ref_target[index];
    return CLR_NONE32;
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

static enum clr_exception push_frame(struct clr_runtime *rt, struct clr_assembly *a, uint32_t method,
                                     uint16_t init_type)
{
    struct clr_method_def md;
    clr_read_method_def(a, method, &md);
    if (rt->depth == rt->frame_capacity)
        return clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
    struct clr_frame *caller = rt->depth > 0 ? &rt->frames[rt->depth - 1] : NULL;
    struct clr_slot *locals = caller != NULL ? caller->stack_limit : rt->slots;
    if ((size_t)(rt->slots_end - locals) < (size_t)md.local_count + md.max_stack)
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
    };
    if (md.local_count > 0) {
        const uint8_t *p = clr_blob_at(a, md.locals) + 2; /* kind, count */
        for (unsigned i = 0; i < md.local_count; i++) {
            const uint8_t elem = clr_sig_read_type(rt, a, &p);
            if (elem == 0) {
                char name[96];
                return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "Local %u of %s is a value type or a reference: locals of "
                                 "that kind are " NOT_YET ".", i, method_name(a, method, name, sizeof name));
            }
            clr_slot_zero(&locals[i], elem);
        }
    }
    rt->depth++;
    return CLR_EXC_NONE;
}

/* Starts `type`'s .cctor if it has not run: *started tells whether a frame was pushed for it. */
static enum clr_exception start_type_init(struct clr_runtime *rt, struct clr_assembly *a, uint16_t type, bool *started)
{
    *started = false;
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

static enum clr_exception call_method(struct clr_runtime *rt, struct clr_frame *caller, clr_handle handle, bool virt)
{
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(handle)];
    const uint32_t row = CLR_HANDLE_ROW(handle);
    struct clr_method_def md;
    struct clr_type_def td;
    clr_read_method_def(a, row, &md);
    clr_read_type_def(a, md.owner, &td);
    char name[96];
    if ((td.flags & CLR_TYPE_ATTR_BEFORE_FIELD_INIT) == 0 && a->type_init[md.owner] == CLR_TYPE_NOT_INITIALISED &&
        td.cctor != row) {
        bool started;
        const enum clr_exception exc = start_type_init(rt, a, md.owner, &started);
        if (exc != CLR_EXC_NONE)
            return exc;
        if (started) {
            caller->ip = caller->op_ip; /* the call runs again after the .cctor */
            return CLR_EXC_NONE;
        }
    }
    if (caller->sp - caller->stack_base < md.arg_count)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "%s takes %u arguments, the stack holds %u.",
                         method_name(a, row, name, sizeof name), md.arg_count, (unsigned)(caller->sp - caller->stack_base));
    struct clr_slot *args = caller->sp - md.arg_count;
    const uint8_t *p = clr_blob_at(a, md.signature) + 1;
    const uint8_t flags = *p++, params = *p++;
    const uint8_t ret = clr_sig_read_type(rt, a, &p);
    unsigned i = 0;
    if ((flags & CLR_SIG_HASTHIS) != 0) {
        if (args[0].kind != CLR_K_O)
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "The 'this' of %s is %s, not an object.",
                             method_name(a, row, name, sizeof name), clr_kind_name(args[0].kind));
        args[0].elem = CLR_ELEM_OBJECT;
        i = 1;
    } else if (virt) {
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "callvirt of the static method %s.",
                         method_name(a, row, name, sizeof name));
    }
    for (unsigned k = 0; k < params; k++, i++) {
        const uint8_t elem = clr_sig_read_type(rt, a, &p);
        if (elem == 0)
            return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "Parameter %u of %s is a value type or a reference: "
                             "parameters of that kind are " NOT_YET ".", k + 1, method_name(a, row, name, sizeof name));
        const uint8_t given = args[i].kind;
        if (!clr_store_convert(elem, &args[i], &args[i]))
            return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Argument %u of %s is %s, which its parameter cannot take.",
                             k + 1, method_name(a, row, name, sizeof name), clr_kind_name(given));
    }
    if (virt) {
        if (args[0].v.o == NULL)
            return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
        if ((md.flags & CLR_METHOD_ATTR_VIRTUAL) != 0 && (md.flags & CLR_METHOD_ATTR_FINAL) == 0 &&
            (td.flags & CLR_TYPE_ATTR_SEALED) == 0)
            return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "The virtual call of %s needs the object's type: "
                             "virtual dispatch is " NOT_YET ".", method_name(a, row, name, sizeof name));
    }
    if ((md.impl_flags & CLR_METHOD_IMPL_INTERNAL_CALL) != 0) {
        struct clr_slot result = {.kind = CLR_K_NONE};
        const enum clr_exception exc = a->natives->methods[md.internal_call].fn(rt, args, &result);
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
        }
        return CLR_EXC_NONE;
    }
    if (md.il_size == 0)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "%s has no body (abstract, or an internal call that is not "
                         "marked as one).", method_name(a, row, name, sizeof name));
    return push_frame(rt, a, row, CLR_NONE16);
}

static enum clr_exception do_return(struct clr_runtime *rt, struct clr_frame *f)
{
    struct clr_method_def md;
    clr_read_method_def(f->assembly, f->method, &md);
    const uint8_t ret = return_elem(rt, f->assembly, &md);
    struct clr_slot value = {.kind = CLR_K_NONE};
    char name[96];
    if (ret != CLR_ELEM_VOID) {
        if (ret == 0)
            return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "%s returns a value type or a reference: returns of that "
                             "kind are " NOT_YET ".", method_name(f->assembly, f->method, name, sizeof name));
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
    if (rt->depth == 0)
        return CLR_EXC_NONE; /* the entry point returned; its value (int Main) is dropped */
    struct clr_frame *caller = &rt->frames[rt->depth - 1];
    caller->sp = f->args;
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

static enum clr_exception need(struct clr_runtime *rt, struct clr_frame *f, unsigned op, unsigned n)
{
    return f->sp - f->stack_base >= (ptrdiff_t)n ? CLR_EXC_NONE : invalid(rt, f, op, "the evaluation stack is too short");
}

static enum clr_exception load_var(struct clr_runtime *rt, struct clr_frame *f, unsigned op, const struct clr_slot *vars,
                                   unsigned count, unsigned index)
{
    if (index >= count)
        return invalid(rt, f, op, "no such argument or local");
    return push(rt, f, op, vars[index]);
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
    return CLR_EXC_NONE;
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

/* ldsfld and stsfld. *restart: a .cctor frame was pushed and the instruction runs again after it. */
static enum clr_exception static_field(struct clr_runtime *rt, struct clr_frame *f, unsigned op, bool *restart)
{
    const uint8_t *p;
    *restart = false;
    if (!operand(f, 4, &p))
        return invalid(rt, f, op, "the operand runs past the end of the body");
    const clr_handle h = field_target(f->assembly, clr_rd32(p));
    if (h == CLR_NONE32)
        return invalid(rt, f, op, "the token is not a field of this assembly");
    struct clr_assembly *fa = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    const struct clr_field_info info = fa->fields[CLR_HANDLE_ROW(h)];
    if (info.static_slot == CLR_NONE16)
        return invalid(rt, f, op, (clr_field_def_flags(fa, CLR_HANDLE_ROW(h)) & CLR_FIELD_ATTR_STATIC) == 0
                                      ? "the field is not static"
                                      : "the field is a constant, without storage");
    bool started;
    enum clr_exception exc = start_type_init(rt, fa, info.owner, &started);
    if (exc != CLR_EXC_NONE)
        return exc;
    if (started) {
        f->ip = f->op_ip;
        *restart = true;
        return CLR_EXC_NONE;
    }
    struct clr_slot *slot = &fa->statics[info.static_slot];
    if (slot->kind == CLR_K_NONE)
        return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "Static fields of a value type are " NOT_YET ".");
    if (op == CEE_LDSFLD)
        return push(rt, f, op, *slot);
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

/* ---- the loop ---- */

static enum clr_exception run(struct clr_runtime *rt)
{
    while (rt->depth > 0) {
        struct clr_frame *f = &rt->frames[rt->depth - 1];
        for (;;) {
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
                if ((exc = need(rt, f, op, 1)) == CLR_EXC_NONE)
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
                const clr_handle h = method_target(f->assembly, clr_rd32(p));
                if (h == CLR_NONE32)
                    return invalid(rt, f, op, "the token is not a method of this assembly");
                if ((exc = call_method(rt, f, h, op == CEE_CALLVIRT)) != CLR_EXC_NONE)
                    return exc;
                goto next_frame;
            }
            case CEE_RET:
                if ((exc = do_return(rt, f)) != CLR_EXC_NONE)
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
            case CEE_LDSFLD:
            case CEE_STSFLD: {
                bool restart;
                if ((exc = static_field(rt, f, op, &restart)) != CLR_EXC_NONE)
                    return exc;
                if (restart)
                    goto next_frame;
                break;
            }
            default: {
                char name[96];
                return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "IL_%04x %s (0x%x) in %s: this instruction is %s.",
                                 (unsigned)f->op_ip, clr_opcode_name(op), op,
                                 method_name(f->assembly, f->method, name, sizeof name), NOT_YET);
            }
            }
            if (exc != CLR_EXC_NONE)
                return exc;
        }
    next_frame:;
    }
    return CLR_EXC_NONE;
}

enum clr_result clr_run(struct clr_runtime *rt)
{
    if (rt == NULL || rt->state != CLR_STATE_LOADED)
        return CLR_NOT_LOADED;
    rt->state = CLR_STATE_RAN;
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(rt->entry_point)];
    const uint32_t row = CLR_HANDLE_ROW(rt->entry_point);
    enum clr_exception exc = push_frame(rt, a, row, CLR_NONE16);
    if (exc == CLR_EXC_NONE) {
        /* Calling Main initialises a precise entry type first, as any other call does. */
        struct clr_method_def md;
        struct clr_type_def td;
        clr_read_method_def(a, row, &md);
        clr_read_type_def(a, md.owner, &td);
        bool started;
        if ((td.flags & CLR_TYPE_ATTR_BEFORE_FIELD_INIT) == 0)
            exc = start_type_init(rt, a, md.owner, &started);
    }
    if (exc == CLR_EXC_NONE)
        exc = run(rt);
    if (exc != CLR_EXC_NONE) {
        clr_report_unhandled(rt);
        return CLR_UNHANDLED_EXCEPTION;
    }
    return CLR_OK;
}
