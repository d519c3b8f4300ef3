/*
 * The fast-code executor: method bodies the metadata processor translated into register code
 * (clr_fast_ops.def, DEPLOYMENT_FORMAT.md "Fast code"). Registers are the frame's slots from its first
 * argument: arguments, locals, then temporaries, so a call's arguments are already where the callee wants
 * them. Operand types are known at build time: instructions read and write values without checking kinds,
 * and write the kind of what they store (the collector reads kinds). What could break memory safety on a
 * damaged image is checked at load (registers, targets, tokens) or here (objects, arrays, bounds).
 *
 * Calls between fast-code methods and their returns stay in this loop; everything else (IL, internal
 * calls, delegates, type initialisers) goes through the interpreter's own paths with the frame's sp set to
 * the live registers, and the loop returns to clr_interp.c when a frame of another kind is on top.
 */
#include "clr_internal.h"

#include "clr_opcodes.h"

const char *const clr_fast_operands[256] = {
#define FC_OP(name, code, operands) [code] = operands,
#include "clr_fast_ops.def"
#undef FC_OP
};

/* A fast body in table 9: u16 code size, u16 map count, local kinds, code, map. */
static const uint8_t *body_of(const struct clr_assembly *a, uint32_t il)
{
    return a->base + a->tables[CLR_TBL_IL].offset + il;
}

enum clr_exception clr_fast_push(struct clr_runtime *rt, struct clr_assembly *a, uint32_t method,
                                 const struct clr_method_def *md, struct clr_slot *args, uint16_t init_type)
{
    struct clr_slot *const locals = args + md->arg_count;
    if (rt->depth == rt->frame_capacity || locals > rt->slots_end ||
        (size_t)(rt->slots_end - locals) < (size_t)md->local_count + md->max_stack + 1u)
        return clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
    const uint8_t *body = body_of(a, md->il);
    const uint8_t *kinds = body + 4;
    for (unsigned i = 0; i < md->local_count; i++)
        locals[i] = (struct clr_slot){.kind = kinds[i]};
    struct clr_frame *f = &rt->frames[rt->depth++];
    *f = (struct clr_frame){
        .assembly = a,
        .il = kinds + md->local_count,
        .il_size = clr_rd16(body),
        .args = args,
        .locals = locals,
        .stack_base = locals + md->local_count,
        .sp = locals + md->local_count,
        .stack_limit = locals + md->local_count + md->max_stack,
        .method = (uint16_t)method,
        .init_type = init_type,
        .arg_count = md->arg_count,
        .local_count = md->local_count,
        .fast = true,
    };
    return CLR_EXC_NONE;
}

uint32_t clr_frame_il_offset(const struct clr_frame *f)
{
    if (!f->fast)
        return f->op_ip;
    const uint8_t *body = f->il - f->local_count - 4;
    const uint8_t *map = f->il + f->il_size;
    const uint32_t n = clr_rd16(body + 2);
    uint32_t il = 0;
    for (uint32_t i = 0; i < n && clr_rd16(map + 4 * i) <= f->op_ip; i++)
        il = clr_rd16(map + 4 * i + 2);
    return il;
}

/* ---- helpers of the loop ---- */

static inline int32_t imm32(const uint8_t *p)
{
    int32_t v;
    memcpy(&v, p, 4);
    return v; /* little-endian targets only (x86, Cortex-M) */
}

static inline uint16_t u16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

/* A reference operand that must be a non-null object of block kind `kind` (else the exception to throw). */
static enum clr_exception need_block(struct clr_runtime *rt, const struct clr_slot *s, uint8_t kind)
{
    if (s->kind != CLR_K_O)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code used %s as an object.", clr_kind_name(s->kind));
    if (s->v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (s->v.o->kind != kind)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code used an object of another kind as %s.",
                         kind == CLR_BLOCK_ARRAY ? "an array" : "an instance");
    return CLR_EXC_NONE;
}

/* The element of array `as` at index `is`, whose elements must be `size` bytes wide; NULL with *exc set. */
static uint8_t *element_at(struct clr_runtime *rt, const struct clr_slot *as, const struct clr_slot *is,
                           unsigned size, enum clr_exception *exc)
{
    if ((*exc = need_block(rt, as, CLR_BLOCK_ARRAY)) != CLR_EXC_NONE)
        return NULL;
    struct clr_array *arr = (struct clr_array *)as->v.o;
    const bool ref = size == 0;
    if (ref ? arr->elem != CLR_ELEM_OBJECT : (arr->elem_size != size || arr->elem == CLR_ELEM_OBJECT ||
                                             arr->elem == CLR_ELEM_VALUETYPE)) {
        *exc = clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code accessed an array of another element type.");
        return NULL;
    }
    if ((uint32_t)is->v.i4 >= (uint32_t)arr->length) {
        *exc = clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
        return NULL;
    }
    return arr->data + (size_t)is->v.i4 * arr->elem_size;
}

/* The slot of an instance field of object slot `os` (or NULL with *exc set). */
static struct clr_slot *field_at(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token,
                                 const struct clr_slot *os, const struct clr_field_info **info, enum clr_exception *exc)
{
    if ((*exc = need_block(rt, os, CLR_BLOCK_OBJECT)) != CLR_EXC_NONE)
        return NULL;
    const clr_handle h = clr_field_token_target(a, token);
    *info = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)].fields[CLR_HANDLE_ROW(h)];
    struct clr_object *o = (struct clr_object *)os->v.o;
    if ((*info)->instance_slot >= o->field_count) {
        *exc = clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code accessed a field the object does not have.");
        return NULL;
    }
    return &o->fields[(*info)->instance_slot];
}

/* The static field of `token`, its type initialised first: NULL with *exc set, or NULL with *exc NONE when a
 * .cctor frame was pushed (the instruction runs again after it). */
static struct clr_slot *static_at(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token,
                                  enum clr_exception *exc)
{
    const clr_handle h = clr_field_token_target(a, token);
    struct clr_assembly *fa = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    const struct clr_field_info *info = &fa->fields[CLR_HANDLE_ROW(h)];
    *exc = CLR_EXC_NONE;
    if (info->static_slot == CLR_NONE16) {
        *exc = clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code accessed a field without static storage.");
        return NULL;
    }
    if (fa->type_init[info->owner] != CLR_TYPE_INITIALISED) {
        bool started;
        if ((*exc = clr_start_type_init(rt, fa, info->owner, &started)) != CLR_EXC_NONE || started)
            return NULL;
    }
    return &fa->statics[info->static_slot];
}

/* A location's value as a register holds it: a field never written reads as its type's zero. */
static inline void load_slot(struct clr_slot *dst, const struct clr_slot *src, uint8_t elem)
{
    dst->v = src->v;
    dst->kind = src->kind != CLR_K_NONE ? src->kind : clr_elem_kind(elem);
    if (src->kind == CLR_K_NONE)
        dst->v.i8 = 0;
}

static inline bool store_slot(struct clr_slot *dst, const struct clr_slot *src, uint8_t elem)
{
    if ((elem == CLR_ELEM_I4 && src->kind == CLR_K_I4) || (elem == CLR_ELEM_OBJECT && src->kind == CLR_K_O)) {
        dst->v = src->v;
        dst->kind = src->kind;
        dst->elem = elem;
        return true;
    }
    return clr_store_convert(elem, dst, src);
}

/* Is the callee of a call from fast code a fast-code method whose type needs no initialisation now? Reads its
 * row into *md. */
static bool fast_callee(struct clr_runtime *rt, clr_handle h, struct clr_method_def *md)
{
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    const uint8_t *r = clr_row(a, CLR_TBL_METHOD_DEF, CLR_HANDLE_ROW(h));
    if ((clr_rd16(r + CLR_METHODDEF_IMPL_FLAGS) & CLR_METHOD_IMPL_CODE_TYPE) != CLR_METHOD_IMPL_FAST)
        return false;
    clr_read_method_def(a, CLR_HANDLE_ROW(h), md);
    if (a->type_init[md->owner] == CLR_TYPE_INITIALISED)
        return true;
    struct clr_type_def td;
    clr_read_type_def(a, md->owner, &td);
    if (td.cctor == CLR_NONE32) {
        a->type_init[md->owner] = CLR_TYPE_INITIALISED; /* nothing will ever run for it */
        return true;
    }
    return false; /* the interpreter's call path runs the .cctor first (or not: beforefieldinit) */
}

/* ---- the loop ---- */

#define R(i) (regs[(i)])
#define SET_I4(d, x) do { struct clr_slot *d_ = &regs[(d)]; d_->v.i4 = (int32_t)(x); d_->kind = CLR_K_I4; } while (0)
/* Leaves the loop for an exception raised at the instruction at pc: the frame's temporaries are dead. */
#define FAIL(e)                                                                                                        \
    do {                                                                                                               \
        f->op_ip = (uint32_t)(pc - code);                                                                             \
        f->sp = f->stack_base;                                                                                         \
        return (e);                                                                                                    \
    } while (0)
#define CHECK(e)                                                                                                       \
    do {                                                                                                               \
        const enum clr_exception e_ = (e);                                                                             \
        if (e_ != CLR_EXC_NONE)                                                                                        \
            FAIL(e_);                                                                                                  \
    } while (0)
/* The instruction at pc calls out with registers [0, live) alive; it reruns if the callee asks (.cctor, a
 * blocking internal call), else the loop resumes after it. */
#define CALL_OUT(live, next)                                                                                           \
    do {                                                                                                               \
        f->op_ip = (uint32_t)(pc - code);                                                                             \
        f->ip = (uint32_t)((next) - code);                                                                            \
        f->sp = regs + (live);                                                                                         \
    } while (0)
/* Taken branch to code offset t: a backward one counts against the time slice. */
#define JUMP(t)                                                                                                        \
    do {                                                                                                               \
        const uint32_t t_ = (t);                                                                                       \
        if (code + t_ <= pc && --rt->slice == 0) {                                                                     \
            f->ip = t_;                                                                                                \
            f->sp = f->stack_base;                                                                                     \
            return CLR_EXC_YIELD;                                                                                      \
        }                                                                                                              \
        pc = code + t_;                                                                                                \
    } while (0)

enum clr_exception clr_fast_run(struct clr_runtime *rt)
{
    struct clr_frame *f = &rt->frames[rt->depth - 1];
    struct clr_slot *regs = f->args;
    const uint8_t *code = f->il;
    const uint8_t *pc = code + f->ip;
    struct clr_method_def md;
    enum clr_exception exc;
    for (;;) {
        switch ((enum clr_fast_op)pc[0]) {
        case CLR_FC_MOV:
            R(pc[1]).v = R(pc[2]).v;
            R(pc[1]).kind = R(pc[2]).kind;
            pc += 3;
            break;
        case CLR_FC_LDC:
            SET_I4(pc[1], imm32(pc + 2));
            pc += 6;
            break;
        case CLR_FC_LDNULL:
            R(pc[1]).v.o = NULL;
            R(pc[1]).kind = CLR_K_O;
            pc += 2;
            break;
#define BINARY(name, expr)                                                                                             \
    case CLR_FC_##name: {                                                                                              \
        const uint32_t x = (uint32_t)R(pc[2]).v.i4, y = (uint32_t)R(pc[3]).v.i4;                                       \
        SET_I4(pc[1], expr);                                                                                           \
        pc += 4;                                                                                                       \
        break;                                                                                                         \
    }                                                                                                                  \
    case CLR_FC_##name##_IMM: {                                                                                        \
        const uint32_t x = (uint32_t)R(pc[2]).v.i4, y = (uint32_t)imm32(pc + 3);                                       \
        SET_I4(pc[1], expr);                                                                                           \
        pc += 7;                                                                                                       \
        break;                                                                                                         \
    }
            BINARY(ADD, x + y)
            BINARY(SUB, x - y)
            BINARY(MUL, x * y)
            BINARY(AND, x & y)
            BINARY(OR, x | y)
            BINARY(XOR, x ^ y)
            BINARY(SHL, x << (y & 31))
            BINARY(SHR, (uint32_t)((int32_t)x >> (y & 31))) /* arithmetic, as gcc and clang shift */
            BINARY(SHR_UN, x >> (y & 31))
#undef BINARY
        case CLR_FC_DIV: case CLR_FC_DIV_UN: case CLR_FC_REM: case CLR_FC_REM_UN: {
            static const uint16_t il_op[] = {CEE_DIV, CEE_DIV_UN, CEE_REM, CEE_REM_UN};
            struct clr_slot x = {.kind = CLR_K_I4, .v.i4 = R(pc[2]).v.i4};
            const struct clr_slot y = {.kind = CLR_K_I4, .v.i4 = R(pc[3]).v.i4};
            if ((exc = clr_arith_binary(il_op[pc[0] - CLR_FC_DIV], &x, &y)) != CLR_EXC_NONE)
                FAIL(clr_throw(rt, exc, NULL));
            SET_I4(pc[1], x.v.i4);
            pc += 4;
            break;
        }
#define UNARY(name, expr)                                                                                              \
    case CLR_FC_##name:                                                                                                \
        SET_I4(pc[1], expr);                                                                                           \
        pc += 3;                                                                                                       \
        break;
            UNARY(NEG, 0u - (uint32_t)R(pc[2]).v.i4)
            UNARY(NOT, ~R(pc[2]).v.i4)
            UNARY(CONV_I1, (int8_t)R(pc[2]).v.i4)
            UNARY(CONV_U1, (uint8_t)R(pc[2]).v.i4)
            UNARY(CONV_I2, (int16_t)R(pc[2]).v.i4)
            UNARY(CONV_U2, (uint16_t)R(pc[2]).v.i4)
#undef UNARY
#define COMPARE(name, expr)                                                                                            \
    case CLR_FC_##name: {                                                                                              \
        const int32_t x = R(pc[2]).v.i4, y = R(pc[3]).v.i4;                                                            \
        (void)x, (void)y;                                                                                              \
        SET_I4(pc[1], (expr) ? 1 : 0);                                                                                 \
        pc += 4;                                                                                                       \
        break;                                                                                                         \
    }
            COMPARE(CEQ, x == y)
            COMPARE(CGT, x > y)
            COMPARE(CGT_UN, (uint32_t)x > (uint32_t)y)
            COMPARE(CLT, x < y)
            COMPARE(CLT_UN, (uint32_t)x < (uint32_t)y)
            COMPARE(CEQ_O, R(pc[2]).v.o == R(pc[3]).v.o)
            COMPARE(CNE_O, R(pc[2]).v.o != R(pc[3]).v.o)
#undef COMPARE
        case CLR_FC_BR:
            JUMP(u16(pc + 1));
            break;
/* A conditional branch whose target is at pc + at, of `length` bytes. */
#define COND_BRANCH(name, expr, at, length)                                                                            \
    case CLR_FC_##name:                                                                                                \
        if (expr)                                                                                                      \
            JUMP(u16(pc + (at)));                                                                                      \
        else                                                                                                           \
            pc += (length);                                                                                            \
        break;
            COND_BRANCH(BRFALSE, R(pc[1]).v.i4 == 0, 2, 4)
            COND_BRANCH(BRTRUE, R(pc[1]).v.i4 != 0, 2, 4)
            COND_BRANCH(BRFALSE_O, R(pc[1]).v.o == NULL, 2, 4)
            COND_BRANCH(BRTRUE_O, R(pc[1]).v.o != NULL, 2, 4)
            COND_BRANCH(BEQ_O, R(pc[1]).v.o == R(pc[2]).v.o, 3, 5)
            COND_BRANCH(BNE_O, R(pc[1]).v.o != R(pc[2]).v.o, 3, 5)
#define BRANCH(name, op, type)                                                                                         \
    COND_BRANCH(name, (type)R(pc[1]).v.i4 op (type)R(pc[2]).v.i4, 3, 5)                                                \
    COND_BRANCH(name##_IMM, (type)R(pc[1]).v.i4 op (type)imm32(pc + 2), 6, 8)
            BRANCH(BEQ, ==, int32_t)
            BRANCH(BNE, !=, int32_t)
            BRANCH(BLT, <, int32_t)
            BRANCH(BLE, <=, int32_t)
            BRANCH(BGT, >, int32_t)
            BRANCH(BGE, >=, int32_t)
            BRANCH(BLT_UN, <, uint32_t)
            BRANCH(BLE_UN, <=, uint32_t)
            BRANCH(BGT_UN, >, uint32_t)
            BRANCH(BGE_UN, >=, uint32_t)
#undef BRANCH
#undef COND_BRANCH
        case CLR_FC_SWITCH: {
            const uint32_t n = u16(pc + 2), index = (uint32_t)R(pc[1]).v.i4;
            if (index < n)
                JUMP(u16(pc + 4 + 2 * index));
            else
                pc += 4 + 2 * n;
            break;
        }
        case CLR_FC_LDFLD: {
            const struct clr_field_info *info;
            const struct clr_slot *field = field_at(rt, f->assembly, (uint32_t)imm32(pc + 3), &R(pc[2]), &info, &exc);
            if (field == NULL)
                FAIL(exc);
            load_slot(&R(pc[1]), field, info->elem);
            pc += 7;
            break;
        }
        case CLR_FC_STFLD: {
            const struct clr_field_info *info;
            struct clr_slot *field = field_at(rt, f->assembly, (uint32_t)imm32(pc + 3), &R(pc[1]), &info, &exc);
            if (field == NULL)
                FAIL(exc);
            if (!store_slot(field, &R(pc[2]), info->elem))
                FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code stored %s into a field that cannot take it.",
                               clr_kind_name(R(pc[2]).kind)));
            pc += 7;
            break;
        }
        case CLR_FC_LDSFLD:
        case CLR_FC_STSFLD: {
            CALL_OUT(pc[6], pc + 7);
            struct clr_slot *s = static_at(rt, f->assembly, (uint32_t)imm32(pc + 2), &exc);
            if (s == NULL) {
                if (exc != CLR_EXC_NONE)
                    FAIL(exc);
                f->ip = f->op_ip; /* after the .cctor */
                return CLR_EXC_NONE;
            }
            if (pc[0] == CLR_FC_LDSFLD)
                load_slot(&R(pc[1]), s, s->elem);
            else if (!store_slot(s, &R(pc[1]), s->elem))
                FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code stored %s into a static field that cannot "
                               "take it.", clr_kind_name(R(pc[1]).kind)));
            pc += 7;
            break;
        }
        case CLR_FC_LDLEN:
            CHECK(need_block(rt, &R(pc[2]), CLR_BLOCK_ARRAY));
            SET_I4(pc[1], ((const struct clr_array *)R(pc[2]).v.o)->length);
            pc += 3;
            break;
#define LOAD_ELEMENT(name, size, type)                                                                                 \
    case CLR_FC_LDELEM_##name: {                                                                                       \
        const uint8_t *at = element_at(rt, &R(pc[2]), &R(pc[3]), size, &exc);                                          \
        if (at == NULL)                                                                                                \
            FAIL(exc);                                                                                                 \
        type v;                                                                                                        \
        memcpy(&v, at, sizeof v);                                                                                      \
        SET_I4(pc[1], v);                                                                                              \
        pc += 4;                                                                                                       \
        break;                                                                                                         \
    }
            LOAD_ELEMENT(I1, 1, int8_t)
            LOAD_ELEMENT(U1, 1, uint8_t)
            LOAD_ELEMENT(I2, 2, int16_t)
            LOAD_ELEMENT(U2, 2, uint16_t)
            LOAD_ELEMENT(I4, 4, int32_t)
#undef LOAD_ELEMENT
        case CLR_FC_LDELEM_REF: {
            const uint8_t *at = element_at(rt, &R(pc[2]), &R(pc[3]), 0, &exc);
            if (at == NULL)
                FAIL(exc);
            struct clr_block *o;
            memcpy(&o, at, sizeof o);
            R(pc[1]).v.o = o;
            R(pc[1]).kind = CLR_K_O;
            pc += 4;
            break;
        }
#define STORE_ELEMENT(name, size, type)                                                                                \
    case CLR_FC_STELEM_##name: {                                                                                       \
        uint8_t *at = element_at(rt, &R(pc[1]), &R(pc[2]), size, &exc);                                                \
        if (at == NULL)                                                                                                \
            FAIL(exc);                                                                                                 \
        const type v = (type)R(pc[3]).v.i4;                                                                            \
        memcpy(at, &v, sizeof v);                                                                                      \
        pc += 4;                                                                                                       \
        break;                                                                                                         \
    }
            STORE_ELEMENT(I1, 1, uint8_t)
            STORE_ELEMENT(I2, 2, uint16_t)
            STORE_ELEMENT(I4, 4, int32_t)
#undef STORE_ELEMENT
        case CLR_FC_STELEM_REF: {
            uint8_t *at = element_at(rt, &R(pc[1]), &R(pc[2]), 0, &exc);
            if (at == NULL)
                FAIL(exc);
            const struct clr_slot *v = &R(pc[3]);
            const struct clr_array *arr = (const struct clr_array *)R(pc[1]).v.o;
            if (v->kind != CLR_K_O)
                FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code stored %s into an array of references.",
                               clr_kind_name(v->kind)));
            if (v->v.o != NULL && arr->elem_type != CLR_NONE32 &&
                !clr_type_assignable(rt, clr_object_type(rt, v->v.o), arr->elem_type))
                FAIL(clr_throw(rt, CLR_EXC_ARRAY_TYPE_MISMATCH, NULL));
            memcpy(at, &v->v.o, sizeof v->v.o);
            pc += 4;
            break;
        }
        case CLR_FC_NEWARR: {
            uint8_t elem;
            clr_handle elem_type;
            if (!clr_array_elem_of_token(rt, f->assembly, (uint32_t)imm32(pc + 3), &elem, &elem_type))
                FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "newarr of a type arrays cannot hold."));
            const int32_t length = R(pc[2]).v.i4;
            if (length < 0)
                FAIL(clr_throw(rt, CLR_EXC_OVERFLOW, NULL));
            CALL_OUT(pc[7], pc + 8);
            struct clr_array *arr = clr_array_new(rt, elem, elem_type, length);
            if (arr == NULL)
                FAIL(clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL));
            R(pc[1]).v.o = &arr->block;
            R(pc[1]).kind = CLR_K_O;
            pc += 8;
            break;
        }
        case CLR_FC_LDSTR: {
            CALL_OUT(pc[6], pc + 7);
            struct clr_string *s = clr_literal(rt, f->assembly, CLR_TOKEN_INDEX((uint32_t)imm32(pc + 2)));
            if (s == NULL)
                FAIL(clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL));
            R(pc[1]).v.o = &s->block;
            R(pc[1]).kind = CLR_K_O;
            pc += 7;
            break;
        }
        case CLR_FC_ISINST:
        case CLR_FC_CASTCLASS: {
            struct clr_slot v = {.kind = R(pc[2]).kind, .v = R(pc[2]).v};
            CHECK(clr_cast_slot(rt, f->assembly, (uint32_t)imm32(pc + 3), pc[0] == CLR_FC_ISINST, &v));
            R(pc[1]).v = v.v;
            R(pc[1]).kind = v.kind;
            pc += 7;
            break;
        }
        case CLR_FC_BOX:
        case CLR_FC_UNBOX_ANY: {
            const bool box = pc[0] == CLR_FC_BOX;
            struct clr_slot v = {.kind = R(pc[2]).kind, .v = R(pc[2]).v};
            if (box)
                CALL_OUT(pc[7], pc + 8);
            CHECK(clr_box_slot(rt, f->assembly, (uint32_t)imm32(pc + 3), box ? CEE_BOX : CEE_UNBOX_ANY, &v));
            R(pc[1]).v = v.v;
            R(pc[1]).kind = v.kind;
            pc += box ? 8 : 7;
            break;
        }
        case CLR_FC_THROW:
            FAIL(clr_throw_slot(rt, &R(pc[1])));
        case CLR_FC_CALL:
        case CLR_FC_CALLVIRT: {
            const unsigned first = pc[1], n = pc[2];
            const clr_handle token_target = clr_method_token_target(f->assembly, (uint32_t)imm32(pc + 3));
            const bool virt = pc[0] == CLR_FC_CALLVIRT;
            clr_handle h = token_target;
            CALL_OUT(first + n, pc + 7);
            if (virt) {
                if (n == 0 || R(first).kind != CLR_K_O)
                    FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code's callvirt has no object for 'this'."));
                if (R(first).v.o == NULL)
                    FAIL(clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL));
                h = clr_virtual_target(rt, clr_object_type(rt, R(first).v.o), h);
            }
            if (h == CLR_NONE32 || !fast_callee(rt, h, &md) || md.arg_count != n) {
                /* The interpreter's path (dispatching again): IL, internal calls, delegates, .cctors first. */
                const uint32_t depth = rt->depth;
                if ((exc = clr_call_method(rt, f, token_target, virt)) == CLR_EXC_YIELD)
                    return exc; /* blocked in an internal call, which runs again (f->ip = f->op_ip) */
                CHECK(exc);
                if (rt->depth == depth) { /* ran at once: the result, if any, is in 'first' */
                    pc = code + f->ip;
                    break;
                }
                return --rt->slice == 0 ? CLR_EXC_YIELD : CLR_EXC_NONE;
            }
            CHECK(clr_fast_push(rt, &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)], CLR_HANDLE_ROW(h), &md, &R(first),
                                CLR_NONE16));
            f = &rt->frames[rt->depth - 1];
            regs = f->args;
            code = f->il;
            pc = code;
            if (--rt->slice == 0)
                return CLR_EXC_YIELD;
            break;
        }
        case CLR_FC_NEWOBJ: {
            const unsigned first = pc[1], n = pc[2];
            const clr_handle h = clr_method_token_target(f->assembly, (uint32_t)imm32(pc + 3));
            CALL_OUT(first + n, pc + 7);
            struct clr_assembly *ca = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
            if (!fast_callee(rt, h, &md) || md.arg_count != n + 1u || ca->types[md.owner].value_elem != 0 ||
                (md.flags & CLR_METHOD_ATTR_STATIC) != 0) {
                bool restart;
                const uint32_t depth = rt->depth;
                CHECK(clr_new_object(rt, f, h, &restart));
                if (!restart && rt->depth == depth) { /* made natively (a string): the object is in 'first' */
                    pc += 7;
                    break;
                }
                return CLR_EXC_NONE;
            }
            struct clr_object *o = clr_object_new(rt, CLR_HANDLE(ca->index, md.owner));
            if (o == NULL)
                FAIL(clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL));
            memmove(&R(first + 1), &R(first), n * sizeof R(0));
            R(first).v.o = &o->block;
            R(first).kind = CLR_K_O;
            CHECK(clr_fast_push(rt, ca, CLR_HANDLE_ROW(h), &md, &R(first), CLR_NONE16));
            f = &rt->frames[rt->depth - 1];
            f->newobj = true;
            regs = f->args;
            code = f->il;
            pc = code;
            if (--rt->slice == 0)
                return CLR_EXC_YIELD;
            break;
        }
        case CLR_FC_RET:
        case CLR_FC_RET_VOID: {
            const bool value = pc[0] == CLR_FC_RET && !f->newobj;
            struct clr_slot v = {.kind = CLR_K_NONE};
            if (value) {
                v.v = R(pc[1]).v;
                v.kind = R(pc[1]).kind;
            }
            if (f->init_type != CLR_NONE16)
                f->assembly->type_init[f->init_type] = CLR_TYPE_INITIALISED;
            struct clr_slot *const args = f->args;
            const bool newobj = f->newobj;
            rt->depth--;
            while (rt->eh_count > 0 && rt->eh[rt->eh_count - 1].frame >= rt->depth)
                rt->eh_count--;
            if (rt->depth == 0)
                return CLR_EXC_NONE; /* the thread's first method returned */
            f = &rt->frames[rt->depth - 1];
            if (value)
                *args = v;
            f->sp = args + (value || newobj ? 1 : 0);
            if (!f->fast)
                return CLR_EXC_NONE;
            regs = f->args;
            code = f->il;
            pc = code + f->ip;
            break;
        }
        default:
            FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code opcode 0x%02x is not an instruction.", pc[0]));
        }
    }
}
