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

/* A fast body in table 9: u16 code size, u16 map size, local kinds, code, map. */
static const uint8_t *body_of(const struct clr_assembly *a, uint32_t il)
{
    return a->base + a->tables[CLR_TBL_IL].offset + il;
}

/* Pushes the frame of the fast method `site` describes, its arguments at args; false when the stack is full. */
static inline __attribute__((always_inline)) bool push(struct clr_runtime *rt, const struct clr_call_site *site,
                                                       struct clr_slot *args, uint16_t init_type)
{
    struct clr_slot *const locals = args + site->arg_count;
    struct clr_slot *const stack = locals + site->local_count;
    if (rt->depth == rt->frame_capacity || stack > rt->slots_end ||
        (size_t)(rt->slots_end - stack) < site->max_stack + 1u)
        return false;
    const uint8_t *kinds = site->body + 4;
    for (unsigned i = 0; i < site->local_count; i++) {
        locals[i].v.i8 = 0;
        locals[i].kind = kinds[i];
    }
    /* The load check cannot see a temporary read before it is written: it must not find a stale (maybe freed)
     * reference there, to follow or, inside a live bound, to mark. */
    switch (site->max_stack) { /* most bodies use a few temporaries: no loop for them */
    default:
        for (unsigned i = 4; i < site->max_stack; i++)
            stack[i].kind = CLR_K_NONE;
        /* fall through */
    case 4: stack[3].kind = CLR_K_NONE; /* fall through */
    case 3: stack[2].kind = CLR_K_NONE; /* fall through */
    case 2: stack[1].kind = CLR_K_NONE; /* fall through */
    case 1: stack[0].kind = CLR_K_NONE; /* fall through */
    case 0: break;
    }
    struct clr_frame *f = &rt->frames[rt->depth++];
    f->assembly = site->assembly;
    f->il = kinds + site->local_count;
    f->il_size = site->code_size;
    f->ip = 0;
    f->args = args;
    f->locals = locals;
    f->stack_base = stack;
    f->sp = stack;
    f->stack_limit = stack + site->max_stack;
    f->method = (uint16_t)CLR_HANDLE_ROW(site->target);
    f->init_type = init_type;
    f->arg_count = site->arg_count;
    f->local_count = site->local_count;
    f->newobj = false;
    f->fast = true;
    return true;
}

/* What push needs of method `method` of `a` (its row decoded in md). */
static struct clr_call_site site_for(struct clr_assembly *a, uint32_t method, const struct clr_method_def *md)
{
    const uint8_t *body = body_of(a, md->il);
    return (struct clr_call_site){.target = CLR_HANDLE(a->index, method), .owner = CLR_HANDLE(a->index, md->owner),
                                  .assembly = a, .body = body, .arg_count = md->arg_count,
                                  .local_count = md->local_count, .max_stack = md->max_stack,
                                  .code_size = u16(body)};
}

enum clr_exception clr_fast_push(struct clr_runtime *rt, struct clr_assembly *a, uint32_t method,
                                 const struct clr_method_def *md, struct clr_slot *args, uint16_t init_type)
{
    const struct clr_call_site site = site_for(a, method, md);
    return push(rt, &site, args, init_type) ? CLR_EXC_NONE : clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
}

/* One number of a map: 7 bits per byte, low first; false past `end` or beyond 21 bits. */
static bool map_number(const uint8_t **p, const uint8_t *end, uint32_t *v)
{
    *v = 0;
    for (unsigned shift = 0; *p < end && shift < 21; shift += 7) {
        const uint8_t b = *(*p)++;
        *v |= (uint32_t)(b & 0x7Fu) << shift;
        if (b < 0x80u)
            return true;
    }
    return false;
}

bool clr_fast_map_next(const uint8_t **p, const uint8_t *end, uint32_t *code, uint32_t *il)
{
    uint32_t step, change;
    if (!map_number(p, end, &step) || !map_number(p, end, &change))
        return false;
    *code += step;
    *il += (change >> 1) ^ (0u - (change & 1u));
    return true;
}

uint32_t clr_frame_il_offset(const struct clr_frame *f)
{
    if (!f->fast)
        return f->op_ip;
    const uint8_t *body = f->il - f->local_count - 4;
    const uint8_t *p = f->il + f->il_size, *end = p + clr_rd16(body + 2);
    uint32_t code = 0, il = 0, found = 0;
    while (p < end && clr_fast_map_next(&p, end, &code, &il) && code <= f->op_ip)
        found = il & 0xFFFFu;
    return found;
}

/* Why a reference operand is not a non-null object of block kind `kind`: the exception to throw. */
static enum clr_exception __attribute__((noinline)) not_block(struct clr_runtime *rt, const struct clr_slot *s,
                                                              uint8_t kind)
{
    if (s->kind != CLR_K_O)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code used %s as an object.", clr_kind_name(s->kind));
    if (s->v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code used an object of another kind as %s.",
                     kind == CLR_BLOCK_ARRAY ? "an array" : "an instance");
}

static inline bool is_block(const struct clr_slot *s, uint8_t kind)
{
    return s->kind == CLR_K_O && s->v.o != NULL && s->v.o->kind == kind;
}

/* Can fast code's element instructions of `size` bytes (0: references) access this array's elements? Structs'
 * elements are pointers, never integers. */
static inline bool elements_fit(const struct clr_array *arr, unsigned size)
{
    return size == 0 ? arr->elem == CLR_ELEM_OBJECT
                     : arr->elem_size == size && arr->elem != CLR_ELEM_OBJECT && arr->elem != CLR_ELEM_VALUETYPE;
}

static enum clr_exception __attribute__((noinline)) element_error(struct clr_runtime *rt, const struct clr_slot *as,
                                                                  unsigned size)
{
    if (!is_block(as, CLR_BLOCK_ARRAY))
        return not_block(rt, as, CLR_BLOCK_ARRAY);
    if (!elements_fit((const struct clr_array *)as->v.o, size))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code accessed an array of another element type.");
    return clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
}

/* The element of array `as` at index `is`, of `size` bytes (0: a reference); NULL with *exc set. */
static inline uint8_t *element_at(struct clr_runtime *rt, const struct clr_slot *as, const struct clr_slot *is,
                                  unsigned size, enum clr_exception *exc)
{
    if (is_block(as, CLR_BLOCK_ARRAY)) {
        struct clr_array *arr = (struct clr_array *)as->v.o;
        if (elements_fit(arr, size) && (uint32_t)is->v.i4 < (uint32_t)arr->length)
            return arr->data + (size_t)(uint32_t)is->v.i4 * (size == 0 ? sizeof(void *) : size);
    }
    *exc = element_error(rt, as, size);
    return NULL;
}

/* The slot of an instance field of object slot `os` (or NULL with *exc set). */
static inline struct clr_slot *field_at(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token,
                                        const struct clr_slot *os, const struct clr_field_info **info,
                                        enum clr_exception *exc)
{
    if (!is_block(os, CLR_BLOCK_OBJECT)) {
        *exc = not_block(rt, os, CLR_BLOCK_OBJECT);
        return NULL;
    }
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

static inline uint32_t u32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* Is the callee of a call from fast code a fast-code method whose type needs no initialisation now? Reads its
 * row into *md. Runs when a call site is resolved, not at every call. */
static bool fast_callee(struct clr_runtime *rt, clr_handle h, struct clr_method_def *md)
{
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    clr_read_method_def(a, CLR_HANDLE_ROW(h), md);
    if ((md->impl_flags & CLR_METHOD_IMPL_CODE_TYPE) != CLR_METHOD_IMPL_FAST)
        return false;
    if (a->type_init[md->owner] == CLR_TYPE_INITIALISED)
        return true;
    struct clr_type_def td;
    clr_read_type_def(a, md->owner, &td);
    if (td.cctor == CLR_NONE32) {
        a->type_init[md->owner] = CLR_TYPE_INITIALISED; /* nothing will ever run for it */
        return true;
    }
    /* As clr_init_before_call: a call starts only a precise type's initialiser (not from the .cctor itself). */
    return (td.flags & CLR_TYPE_ATTR_BEFORE_FIELD_INIT) != 0 || td.cctor == CLR_HANDLE_ROW(h);
}

/* Does a fast body do nothing but return (an empty method the translator could not drop the call of)? */
static inline bool empty_body(const struct clr_call_site *site)
{
    return site->body[4 + site->local_count] == CLR_FC_RET_VOID;
}

static inline struct clr_call_site *site_of(struct clr_runtime *rt, const uint8_t *pc, clr_handle type)
{
    return &rt->call_sites[(((uintptr_t)pc >> 1) ^ type) % CLR_CALL_SITES];
}

/* Resolves the callee of the call instruction at pc (for CALLVIRT on a receiver of `type`) into *site when it is a
 * fast method ready to run with those arguments; false sends the call through the interpreter's path (IL,
 * internal calls, delegates, type initialisers, value types). */
static bool __attribute__((noinline)) resolve_site(struct clr_runtime *rt, const struct clr_frame *f,
                                                   const uint8_t *pc, clr_handle type, struct clr_call_site *site)
{
    clr_handle h = clr_method_token_target(f->assembly, u32(pc + 3));
    if (pc[0] == CLR_FC_CALLVIRT && h != CLR_NONE32)
        h = clr_virtual_target(rt, type, h);
    struct clr_method_def md;
    if (h == CLR_NONE32 || !fast_callee(rt, h, &md))
        return false;
    struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(h)];
    const bool newobj = pc[0] == CLR_FC_NEWOBJ;
    if (md.arg_count != pc[2] + (newobj ? 1u : 0u) ||
        (newobj && (a->types[md.owner].value_elem != 0 || (md.flags & CLR_METHOD_ATTR_STATIC) != 0)))
        return false;
    *site = site_for(a, CLR_HANDLE_ROW(h), &md);
    site->pc = pc;
    site->type = type;
    return true;
}

/* ---- the loop ---- */

/* GCC and clang jump from each instruction straight to the next one's code (one indirect jump per instruction,
 * predicted per instruction); other compilers go round the switch. */
#if defined(__GNUC__)
#define CLR_FAST_THREADED 1
#define CASE(name) op_##name
#define NEXT() goto *dispatch[*pc]
#else
#define CLR_FAST_THREADED 0
#define CASE(name) case CLR_FC_##name
#define NEXT() continue
#endif

#define R(i) (regs[(i)])
#define SET_I4(d, x) do { struct clr_slot *d_ = &regs[(d)]; d_->v.i4 = (int32_t)(x); d_->kind = CLR_K_I4; } while (0)
#define SET_REF(d, x) do { struct clr_slot *d_ = &regs[(d)]; d_->v.o = (x); d_->kind = CLR_K_O; } while (0)
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
    enum clr_exception exc;
    unsigned results; /* values a returning frame leaves on its caller's stack */
#if CLR_FAST_THREADED
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init" /* every code is invalid first, then the instructions */
    static const void *const dispatch[256] = {
        [0 ... 255] = &&op_invalid,
#define FC_OP(name, code, operands) [code] = &&op_##name,
#include "clr_fast_ops.def"
#undef FC_OP
    };
#pragma GCC diagnostic pop
#endif
    NEXT();
    for (;;) {
        switch ((enum clr_fast_op)pc[0]) {
        CASE(MOV):
            R(pc[1]).v = R(pc[2]).v;
            R(pc[1]).kind = R(pc[2]).kind;
            pc += 3;
            NEXT();
        CASE(LDC):
            SET_I4(pc[1], imm32(pc + 2));
            pc += 6;
            NEXT();
        CASE(LDNULL):
            SET_REF(pc[1], NULL);
            pc += 2;
            NEXT();
#define BINARY(name, expr)                                                                                             \
    CASE(name): {                                                                                              \
        const uint32_t x = (uint32_t)R(pc[2]).v.i4, y = (uint32_t)R(pc[3]).v.i4;                                       \
        SET_I4(pc[1], expr);                                                                                           \
        pc += 4;                                                                                                       \
        NEXT();                                                                                                         \
    }                                                                                                                  \
    CASE(name##_IMM): {                                                                                        \
        const uint32_t x = (uint32_t)R(pc[2]).v.i4, y = (uint32_t)imm32(pc + 3);                                       \
        SET_I4(pc[1], expr);                                                                                           \
        pc += 7;                                                                                                       \
        NEXT();                                                                                                         \
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
        CASE(DIV): CASE(DIV_UN): CASE(REM): CASE(REM_UN): {
            static const uint16_t il_op[] = {CEE_DIV, CEE_DIV_UN, CEE_REM, CEE_REM_UN};
            struct clr_slot x = {.kind = CLR_K_I4, .v.i4 = R(pc[2]).v.i4};
            const struct clr_slot y = {.kind = CLR_K_I4, .v.i4 = R(pc[3]).v.i4};
            if ((exc = clr_arith_binary(il_op[pc[0] - CLR_FC_DIV], &x, &y)) != CLR_EXC_NONE)
                FAIL(clr_throw(rt, exc, NULL));
            SET_I4(pc[1], x.v.i4);
            pc += 4;
            NEXT();
        }
#define UNARY(name, expr)                                                                                              \
    CASE(name):                                                                                                \
        SET_I4(pc[1], expr);                                                                                           \
        pc += 3;                                                                                                       \
        NEXT();
            UNARY(NEG, 0u - (uint32_t)R(pc[2]).v.i4)
            UNARY(NOT, ~R(pc[2]).v.i4)
            UNARY(CONV_I1, (int8_t)R(pc[2]).v.i4)
            UNARY(CONV_U1, (uint8_t)R(pc[2]).v.i4)
            UNARY(CONV_I2, (int16_t)R(pc[2]).v.i4)
            UNARY(CONV_U2, (uint16_t)R(pc[2]).v.i4)
#undef UNARY
#define COMPARE(name, expr)                                                                                            \
    CASE(name): {                                                                                              \
        const int32_t x = R(pc[2]).v.i4, y = R(pc[3]).v.i4;                                                            \
        (void)x, (void)y;                                                                                              \
        SET_I4(pc[1], (expr) ? 1 : 0);                                                                                 \
        pc += 4;                                                                                                       \
        NEXT();                                                                                                         \
    }
            COMPARE(CEQ, x == y)
            COMPARE(CGT, x > y)
            COMPARE(CGT_UN, (uint32_t)x > (uint32_t)y)
            COMPARE(CLT, x < y)
            COMPARE(CLT_UN, (uint32_t)x < (uint32_t)y)
            COMPARE(CEQ_O, R(pc[2]).v.o == R(pc[3]).v.o)
            COMPARE(CNE_O, R(pc[2]).v.o != R(pc[3]).v.o)
#undef COMPARE
        CASE(BR):
            JUMP(u16(pc + 1));
            NEXT();
/* A conditional branch whose target is at pc + at, of `length` bytes. */
#define COND_BRANCH(name, expr, at, length)                                                                            \
    CASE(name):                                                                                                \
        if (expr)                                                                                                      \
            JUMP(u16(pc + (at)));                                                                                      \
        else                                                                                                           \
            pc += (length);                                                                                            \
        NEXT();
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
        CASE(SWITCH): {
            const uint32_t n = u16(pc + 2), index = (uint32_t)R(pc[1]).v.i4;
            if (index < n)
                JUMP(u16(pc + 4 + 2 * index));
            else
                pc += 4 + 2 * n;
            NEXT();
        }
        CASE(LDFLD): {
            const struct clr_field_info *info;
            const struct clr_slot *field = field_at(rt, f->assembly, (uint32_t)imm32(pc + 3), &R(pc[2]), &info, &exc);
            if (field == NULL)
                FAIL(exc);
            load_slot(&R(pc[1]), field, info->elem);
            pc += 7;
            NEXT();
        }
        CASE(STFLD): {
            const struct clr_field_info *info;
            struct clr_slot *field = field_at(rt, f->assembly, (uint32_t)imm32(pc + 3), &R(pc[1]), &info, &exc);
            if (field == NULL)
                FAIL(exc);
            if (!store_slot(field, &R(pc[2]), info->elem))
                FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code stored %s into a field that cannot take it.",
                               clr_kind_name(R(pc[2]).kind)));
            pc += 7;
            NEXT();
        }
        CASE(LDSFLD):
        CASE(STSFLD): {
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
            NEXT();
        }
        CASE(LDLEN):
            if (!is_block(&R(pc[2]), CLR_BLOCK_ARRAY))
                FAIL(not_block(rt, &R(pc[2]), CLR_BLOCK_ARRAY));
            SET_I4(pc[1], ((const struct clr_array *)R(pc[2]).v.o)->length);
            pc += 3;
            NEXT();
#define LOAD_ELEMENT(name, size, type)                                                                                 \
    CASE(LDELEM_##name): {                                                                                       \
        const uint8_t *at = element_at(rt, &R(pc[2]), &R(pc[3]), size, &exc);                                          \
        if (at == NULL)                                                                                                \
            FAIL(exc);                                                                                                 \
        type v;                                                                                                        \
        memcpy(&v, at, sizeof v);                                                                                      \
        SET_I4(pc[1], v);                                                                                              \
        pc += 4;                                                                                                       \
        NEXT();                                                                                                         \
    }
            LOAD_ELEMENT(I1, 1, int8_t)
            LOAD_ELEMENT(U1, 1, uint8_t)
            LOAD_ELEMENT(I2, 2, int16_t)
            LOAD_ELEMENT(U2, 2, uint16_t)
            LOAD_ELEMENT(I4, 4, int32_t)
#undef LOAD_ELEMENT
        CASE(LDELEM_REF): {
            const uint8_t *at = element_at(rt, &R(pc[2]), &R(pc[3]), 0, &exc);
            if (at == NULL)
                FAIL(exc);
            struct clr_block *o;
            memcpy(&o, at, sizeof o);
            SET_REF(pc[1], o);
            pc += 4;
            NEXT();
        }
#define STORE_ELEMENT(name, size, type)                                                                                \
    CASE(STELEM_##name): {                                                                                       \
        uint8_t *at = element_at(rt, &R(pc[1]), &R(pc[2]), size, &exc);                                                \
        if (at == NULL)                                                                                                \
            FAIL(exc);                                                                                                 \
        const type v = (type)R(pc[3]).v.i4;                                                                            \
        memcpy(at, &v, sizeof v);                                                                                      \
        pc += 4;                                                                                                       \
        NEXT();                                                                                                         \
    }
            STORE_ELEMENT(I1, 1, uint8_t)
            STORE_ELEMENT(I2, 2, uint16_t)
            STORE_ELEMENT(I4, 4, int32_t)
#undef STORE_ELEMENT
        CASE(STELEM_REF): {
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
            NEXT();
        }
        CASE(NEWARR): {
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
            SET_REF(pc[1], &arr->block);
            pc += 8;
            NEXT();
        }
        CASE(LDSTR): {
            CALL_OUT(pc[6], pc + 7);
            struct clr_string *s = clr_literal(rt, f->assembly, CLR_TOKEN_INDEX((uint32_t)imm32(pc + 2)));
            if (s == NULL)
                FAIL(clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL));
            SET_REF(pc[1], &s->block);
            pc += 7;
            NEXT();
        }
        CASE(ISINST):
        CASE(CASTCLASS): {
            struct clr_slot v = {.kind = R(pc[2]).kind, .v = R(pc[2]).v};
            CHECK(clr_cast_slot(rt, f->assembly, (uint32_t)imm32(pc + 3), pc[0] == CLR_FC_ISINST, &v));
            R(pc[1]).v = v.v;
            R(pc[1]).kind = v.kind;
            pc += 7;
            NEXT();
        }
        CASE(BOX):
        CASE(UNBOX_ANY): {
            const bool box = pc[0] == CLR_FC_BOX;
            struct clr_slot v = {.kind = R(pc[2]).kind, .v = R(pc[2]).v};
            const clr_handle type = clr_type_token_target(f->assembly, (uint32_t)imm32(pc + 3));
            const uint8_t elem = type != CLR_NONE32 ? rt->assemblies[CLR_HANDLE_ASSEMBLY(type)]
                                                          .types[CLR_HANDLE_ROW(type)].value_elem : 0;
            if (elem == 0 || elem == CLR_ELEM_VALUETYPE) /* a struct's copy would allocate with sp not set */
                FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code boxes only integers and enums."));
            if (box)
                CALL_OUT(pc[7], pc + 8);
            CHECK(clr_box_slot(rt, f->assembly, (uint32_t)imm32(pc + 3), box ? CEE_BOX : CEE_UNBOX_ANY, &v));
            R(pc[1]).v = v.v;
            R(pc[1]).kind = v.kind;
            pc += box ? 8 : 7;
            NEXT();
        }
        CASE(THROW):
            FAIL(clr_throw_slot(rt, &R(pc[1])));
        CASE(CALL):
        CASE(CALLVIRT): {
            const unsigned first = pc[1], n = pc[2];
            const bool virt = pc[0] == CLR_FC_CALLVIRT;
            clr_handle type = 0;
            CALL_OUT(first + n, pc + 7);
            if (virt) {
                if (n == 0 || R(first).kind != CLR_K_O)
                    FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code's callvirt has no object for 'this'."));
                if (R(first).v.o == NULL)
                    FAIL(clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL));
                type = clr_object_type(rt, R(first).v.o);
            }
            struct clr_call_site *site = site_of(rt, pc, type);
            if ((site->pc != pc || site->type != type) && !resolve_site(rt, f, pc, type, site)) {
                /* The interpreter's path (dispatching again): IL, internal calls, delegates, .cctors first. */
                const uint32_t depth = rt->depth;
                exc = clr_call_method(rt, f, clr_method_token_target(f->assembly, u32(pc + 3)), virt);
                if (exc == CLR_EXC_YIELD)
                    return exc; /* blocked in an internal call, which runs again (f->ip = f->op_ip) */
                CHECK(exc);
                if (rt->depth == depth) { /* ran at once: the result, if any, is in 'first' */
                    pc = code + f->ip;
                    NEXT();
                }
                return --rt->slice == 0 ? CLR_EXC_YIELD : CLR_EXC_NONE;
            }
            if (empty_body(site)) { /* nothing to run: no frame */
                pc += 7;
                NEXT();
            }
            if (!push(rt, site, &R(first), CLR_NONE16))
                FAIL(clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL));
            goto entered;
        }
        CASE(NEWOBJ): {
            const unsigned first = pc[1], n = pc[2];
            CALL_OUT(first + n, pc + 7);
            struct clr_call_site *site = site_of(rt, pc, 0);
            if ((site->pc != pc || site->type != 0) && !resolve_site(rt, f, pc, 0, site)) {
                bool restart;
                const uint32_t depth = rt->depth;
                CHECK(clr_new_object(rt, f, clr_method_token_target(f->assembly, u32(pc + 3)), &restart));
                if (!restart && rt->depth == depth) { /* made natively (a string): the object is in 'first' */
                    pc += 7;
                    NEXT();
                }
                return CLR_EXC_NONE;
            }
            struct clr_object *o = clr_object_new(rt, site->owner);
            if (o == NULL)
                FAIL(clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL));
            for (unsigned k = n; k > 0; k--) /* the object goes under the arguments, as 'this' */
                R(first + k) = R(first + k - 1);
            SET_REF(first, &o->block);
            f->sp = regs + first + n + 1; /* the constructor's arguments are this frame's top registers */
            if (empty_body(site)) {
                pc += 7;
                NEXT();
            }
            if (!push(rt, site, &R(first), CLR_NONE16))
                FAIL(clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL));
            rt->frames[rt->depth - 1].newobj = true;
        entered:
            f = &rt->frames[rt->depth - 1];
            regs = f->args;
            code = f->il;
            pc = code;
            if (--rt->slice == 0)
                return CLR_EXC_YIELD;
            NEXT();
        }
        CASE(RET):
            if (!f->newobj) { /* the value goes where the caller put the arguments */
                regs[0].v = R(pc[1]).v;
                regs[0].kind = R(pc[1]).kind;
                results = 1;
                goto leave;
            }
            /* fall through: a constructor called by newobj leaves its object */
        CASE(RET_VOID):
            results = f->newobj ? 1u : 0u;
        leave:
            /* No handler runs in a fast frame (no clauses), so no handler record belongs to it. */
            if (f->init_type != CLR_NONE16)
                f->assembly->type_init[f->init_type] = CLR_TYPE_INITIALISED;
            if (--rt->depth == 0)
                return CLR_EXC_NONE; /* the thread's first method returned */
            f = &rt->frames[rt->depth - 1];
            f->sp = regs + results;
            if (!f->fast)
                return CLR_EXC_NONE;
            regs = f->args;
            code = f->il;
            pc = code + f->ip;
            NEXT();
#if CLR_FAST_THREADED
        op_invalid:
#endif
        default:
            FAIL(clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Fast code opcode 0x%02x is not an instruction.", pc[0]));
        }
    }
}
