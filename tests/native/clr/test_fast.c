/*
 * Fast code (clr_fast.c, DEPLOYMENT_FORMAT.md "Fast code"): bodies written here instruction by instruction.
 * The load check refuses every damaged body with one log line; the executor runs the instructions as IL would,
 * calls to and from IL and internal calls, raises IL's exceptions (caught by IL callers), prints IL offsets
 * from the map in traces, turns hostile operands into InvalidProgramException, and keeps references alive
 * across calls under GC stress.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"
#include "clr_internal.h"

/* ---- a fast-code emitter ---- */

struct fc {
    uint8_t code[4096];
    uint32_t len;
    uint8_t map[256];
    uint32_t map_len, map_code, map_il; /* the last map entry */
    uint32_t label_at[64], labels;
    struct {
        uint32_t at, label;
    } fixups[128];
    uint32_t fixup_count;
};

static struct fc *fc_new(void)
{
    static struct fc f;
    memset(&f, 0, sizeof f);
    return &f;
}

static uint32_t fc_label(struct fc *f)
{
    f->label_at[f->labels] = UINT32_MAX;
    return f->labels++;
}

static void fc_mark(struct fc *f, uint32_t label)
{
    f->label_at[label] = f->len;
}

static void fc_bytes(struct fc *f, uint32_t v, unsigned n)
{
    for (unsigned k = 0; k < n; k++)
        f->code[f->len++] = (uint8_t)(v >> (8 * k));
}

static void fc_target(struct fc *f, uint32_t label)
{
    f->fixups[f->fixup_count].at = f->len;
    f->fixups[f->fixup_count++].label = label;
    fc_bytes(f, 0, 2);
}

/* Emits instruction `op` with its operands in clr_fast_ops.def order: r n p as unsigned, i k as uint32_t, t a
 * label, w a count and that many labels. */
static void fc(struct fc *f, unsigned op, ...)
{
    va_list ap;
    va_start(ap, op);
    fc_bytes(f, op, 1);
    for (const char *o = clr_fast_operands[op]; *o != '\0'; o++) {
        if (*o == 'i' || *o == 'k') {
            fc_bytes(f, va_arg(ap, uint32_t), 4);
        } else if (*o == 't') {
            fc_target(f, va_arg(ap, uint32_t));
        } else if (*o == 'w') {
            const unsigned n = va_arg(ap, unsigned);
            fc_bytes(f, n, 2);
            for (unsigned k = 0; k < n; k++)
                fc_target(f, va_arg(ap, uint32_t));
        } else {
            fc_bytes(f, va_arg(ap, unsigned), 1);
        }
    }
    va_end(ap);
}

/* One 7-bit-per-byte number of the map. */
static void map_number(struct fc *f, uint32_t v)
{
    for (; v >= 0x80u; v >>= 7)
        f->map[f->map_len++] = (uint8_t)(v | 0x80u);
    f->map[f->map_len++] = (uint8_t)v;
}

/* A map entry: the next instruction is at IL offset il. */
static void fc_map(struct fc *f, uint32_t il)
{
    const int32_t change = (int32_t)(il - f->map_il);
    map_number(f, f->len - f->map_code);
    map_number(f, ((uint32_t)change << 1) ^ (uint32_t)(change >> 31));
    f->map_code = f->len;
    f->map_il = il;
}

static void fc_finish(struct fc *f)
{
    for (uint32_t i = 0; i < f->fixup_count; i++) {
        const uint32_t at = f->label_at[f->fixups[i].label];
        CHECK(at != UINT32_MAX);
        ib_put16(f->code + f->fixups[i].at, (uint16_t)at);
    }
}

/* Prints int register r and a space through register t (above every live register). */
static void fc_print_i4(struct prog *p, struct fc *f, unsigned r, unsigned t)
{
    fc(f, CLR_FC_MOV, t, r);
    fc(f, CLR_FC_CALL, t, 1, p->i4_to_s);
    fc(f, CLR_FC_CALL, t, 1, p->write);
    fc(f, CLR_FC_LDSTR, t, TOK_STRING(ib_string(p->app, " ")), t);
    fc(f, CLR_FC_CALL, t, 1, p->write);
}

/* ---- methods ---- */

static uint16_t method(struct prog *p, const char *name, uint16_t flags, uint32_t sig)
{
    return ib_method_def(p->app, name, flags, 0, sig, IB_NONE, 0);
}

static void fast_body(struct prog *p, uint16_t m, uint16_t temporaries, struct fc *f)
{
    fc_finish(f);
    ib_fast_body(p->app, m, temporaries, NULL, f->code, (uint16_t)f->len, f->map, (uint16_t)f->map_len);
}

static uint32_t static_sig(struct prog *p, uint8_t ret, uint8_t count, uint8_t a0, uint8_t a1, uint8_t a2)
{
    const uint8_t sig[] = {0, 0, count, ret, a0, a1, a2};
    return ib_sig(p->app, sig, 4u + count);
}

/* A static method of Program whose body is f. */
static uint16_t fast_static(struct prog *p, const char *name, uint32_t sig, uint16_t temporaries, struct fc *f)
{
    const uint16_t m = method(p, name, MA_STATIC, sig);
    fast_body(p, m, temporaries, f);
    return m;
}

/* Main calls static void method m. */
static const struct run *run_main_calling(struct prog *p, uint16_t m, bool gc_stress)
{
    struct il *il = prog_main(p);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m));
    il_op(il, CEE_RET);
    const struct run_options options = {.gc_stress = gc_stress};
    return prog_run_with(p, &options);
}

/* Main returns after the code emitted so far; the run logs nothing and prints `expected`. */
static void check_output(struct prog *p, const char *expected)
{
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, expected);
}

static uint32_t corlib_type(struct prog *p, const char *name)
{
    return TOK_TYPE_REF(ib_type_ref(p->app, p->corlib_ref, "System", name));
}

/* A corlib value type (primitive by name) and its TypeRef token in app. */
static uint32_t primitive(struct prog *p, const char *name)
{
    ib_type_def(p->corlib, "System", name, 0x109, 0);
    return corlib_type(p, name);
}

/* The corlib classes of the runtime's exceptions (System.Exception with its _message, and one subclass each), so
 * that IL can catch them. */
static void exception_classes(struct prog *p)
{
    static const char *const names[] = {"DivideByZeroException",  "OverflowException",         "NullReferenceException",
                                        "IndexOutOfRangeException", "ArrayTypeMismatchException", "InvalidCastException",
                                        "InvalidProgramException"};
    const uint16_t exception = ib_type_def(p->corlib, "System", "Exception", 0, TOK_TYPE_DEF(0));
    ib_field_def(p->corlib, "_message", 0, ib_sig(p->corlib, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_STRING)));
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        ib_type_def(p->corlib, "System", names[i], 0, TOK_TYPE_DEF(exception));
}

/* A catch (object) clause of Main over [try_start, handler) with its handler [handler, end). */
static void catch_all(struct prog *p, uint32_t try_start, uint32_t handler, uint32_t end)
{
    uint8_t *m = ib_row(p->app, CLR_TBL_METHOD_DEF, p->main);
    const uint16_t index = (uint16_t)p->app->count[CLR_TBL_EH]++;
    if (m[CLR_METHODDEF_EH_COUNT] == 0)
        ib_put16(m + CLR_METHODDEF_EH_FIRST, index);
    m[CLR_METHODDEF_EH_COUNT]++;
    uint8_t *r = ib_row(p->app, CLR_TBL_EH, index);
    memset(r, 0, 24);
    ib_put32(r + 4, try_start);
    ib_put32(r + 8, handler);
    ib_put32(r + 12, handler);
    ib_put32(r + 16, end);
    ib_put32(r + 20, TOK_TYPE_REF(p->object_type_ref));
}

/* Main: the code since try_start (which leaves an int when `result`) in a try; prints the int or the name of the
 * exception's type, then a space. */
static void guarded(struct prog *p, struct il *il, uint32_t try_start, bool result)
{
    if (p->app->count[CLR_TBL_EH] == 0)
        exception_classes(p);
    if (result)
        prog_print_i4(p, il);
    const uint32_t end = il_label(il);
    il_branch(il, 0xDE /* leave.s */, end);
    const uint32_t handler = il->len;
    il_tok(il, CEE_CALLVIRT, p->object_to_s);
    prog_print_str(p, il);
    il_branch(il, 0xDE, end);
    il_mark(il, end);
    catch_all(p, try_start, handler, il->len);
    prog_print_text(p, il, " ");
}

/* Main: guarded call of static int m(a, b). */
static void guarded_call2(struct prog *p, struct il *il, uint16_t m, int32_t a, int32_t b)
{
    const uint32_t start = il->len;
    il_ldc_i4(il, a);
    il_ldc_i4(il, b);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m));
    guarded(p, il, start, true);
}

/* ---- load refusals ---- */

static void check_refused(struct prog *p, const char *why)
{
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->load, CLR_REFUSED);
    CHECK_STR_EQ(r->out, "");
    CHECK_CONTAINS(r->log, "App.Program");
    CHECK_CONTAINS(r->log, why);
    CHECK(strchr(r->log, '\n') == r->log + strlen(r->log) - 1); /* one line */
}

/* A program whose static void Bad() has body f with `temporaries` registers, checked to be refused for `why`. */
static void check_body_refused(uint16_t temporaries, struct fc *f, const char *why)
{
    struct prog *p = prog_new();
    fast_static(p, "Bad", static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0), temporaries, f);
    check_refused(p, why);
}

#define NOT_AN_INSTRUCTION "not an instruction, or it runs past the end of the code"
#define OUTSIDE "a register outside the frame"
#define ARGUMENTS_OUTSIDE "call arguments outside the frame's temporaries"
#define BOUND_OUTSIDE "a live bound outside the frame's temporaries"
#define NOT_A_START "a branch target is not the start of an instruction"
#define BAD_MAP "a map entry does not parse, is not at an instruction start, or out of order"

TEST(load_refuses_an_unknown_opcode_and_a_cut_instruction)
{
    struct fc *f = fc_new();
    fc(f, CLR_FC_RET_VOID);
    fc_bytes(f, 0xFF, 1);
    check_body_refused(1, f, "fast code at 0x0001: " NOT_AN_INSTRUCTION);
    f = fc_new();
    fc(f, CLR_FC_RET_VOID);
    fc_bytes(f, CLR_FC_LDC, 1);
    fc_bytes(f, 0, 1);
    fc_bytes(f, 0x0102, 2); /* 2 of the immediate's 4 bytes */
    check_body_refused(1, f, "fast code at 0x0001: " NOT_AN_INSTRUCTION);
    f = fc_new();
    fc(f, CLR_FC_RET_VOID);
    fc_bytes(f, CLR_FC_SWITCH, 1);
    fc_bytes(f, 0, 1);
    fc_bytes(f, 3, 2); /* 3 targets, none there */
    check_body_refused(1, f, "fast code at 0x0001: " NOT_AN_INSTRUCTION);
}

TEST(load_refuses_registers_outside_the_frame)
{
    struct fc *f = fc_new();
    fc(f, CLR_FC_MOV, 0, 1); /* 1 of 1 register: r1 is outside */
    fc(f, CLR_FC_RET_VOID);
    check_body_refused(1, f, "fast code at 0x0000: " OUTSIDE);
    struct prog *p = prog_new();
    f = fc_new();
    fc(f, CLR_FC_RET_VOID);
    fc(f, CLR_FC_LDSTR, 0, TOK_STRING(ib_string(p->app, "x")), 2); /* live bound 2 of 1 register */
    fc(f, CLR_FC_RET_VOID);
    fast_static(p, "Bad", static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0), 1, f);
    check_refused(p, "fast code at 0x0001: " BOUND_OUTSIDE);
    p = prog_new();
    f = fc_new();
    fc(f, CLR_FC_LDSTR, 1, TOK_STRING(ib_string(p->app, "x")), 0); /* below the argument: the temporaries start at 1 */
    fc(f, CLR_FC_RET_VOID);
    fast_static(p, "Bad", static_sig(p, CLR_ELEM_VOID, 1, CLR_ELEM_I4, 0, 0), 1, f);
    check_refused(p, "fast code at 0x0000: " BOUND_OUTSIDE);
}

TEST(load_refuses_call_arguments_outside_the_frame)
{
    struct prog *p = prog_new();
    const uint16_t two = method(p, "Two", MA_STATIC, static_sig(p, CLR_ELEM_VOID, 2, CLR_ELEM_I4, CLR_ELEM_I4, 0));
    struct fc *f = fc_new();
    fc(f, CLR_FC_CALL, 2, 2, TOK_METHOD_DEF(two)); /* r2, r3 of 3 registers */
    fc(f, CLR_FC_RET_VOID);
    fast_body(p, two, 1, f);
    check_refused(p, "fast code at 0x0000: " ARGUMENTS_OUTSIDE);
    p = prog_new();
    const uint16_t ctor = ib_method_def(p->app, ".ctor", 0, 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 1,
                                                                                CLR_ELEM_VOID, CLR_ELEM_I4)), IB_NONE, 0);
    f = fc_new();
    fc(f, CLR_FC_NEWOBJ, 1, 1, TOK_METHOD_DEF(ctor)); /* r1 and the object's r2 of 2 registers */
    fc(f, CLR_FC_RET_VOID);
    fast_body(p, ctor, 0, f);
    check_refused(p, "fast code at 0x0000: " ARGUMENTS_OUTSIDE);
    /* Arguments starting in the caller's arguments or locals (the frame's sp would fall below its temporaries). */
    for (unsigned op = CLR_FC_CALL; op <= CLR_FC_NEWOBJ; op++) {
        p = prog_new();
        const uint16_t one = method(p, "One", MA_STATIC, static_sig(p, CLR_ELEM_VOID, 1, CLR_ELEM_I4, 0, 0));
        f = fc_new();
        fc(f, CLR_FC_RET_VOID);
        fc(f, op, 0, 0, TOK_METHOD_DEF(one));
        fc(f, CLR_FC_RET_VOID);
        fast_body(p, one, 2, f);
        check_refused(p, "fast code at 0x0001: " ARGUMENTS_OUTSIDE);
    }
}

/* BR to `target` first, then `movs` 3-byte MOVs, then RET_VOID. */
static struct fc *long_body(uint32_t target, unsigned movs)
{
    struct fc *f = fc_new();
    fc_bytes(f, CLR_FC_BR, 1);
    fc_bytes(f, target, 2);
    for (unsigned i = 0; i < movs; i++)
        fc(f, CLR_FC_MOV, 0, 0);
    fc(f, CLR_FC_RET_VOID);
    return f;
}

TEST(load_refuses_branch_targets_outside_the_code_or_inside_an_instruction)
{
    check_body_refused(1, long_body(4, 2), "fast code at 0x0000: " NOT_A_START);      /* inside the first MOV */
    check_body_refused(1, long_body(10, 2), "fast code at 0x0000: " NOT_A_START);     /* the code's end */
    check_body_refused(1, long_body(0xFFFF, 2), "fast code at 0x0000: " NOT_A_START); /* far outside */
    /* Past the first 2048 bytes (the check walks there instead of using its bitmap): MOVs start at 3 + 3k. */
    check_body_refused(1, long_body(2050, 700), "fast code at 0x0000: " NOT_A_START);
    check_body_refused(1, long_body(2104, 700), "fast code at 0x0000: " NOT_A_START);
    struct fc *f = fc_new();
    fc_bytes(f, CLR_FC_SWITCH, 1);
    fc_bytes(f, 0, 1);
    fc_bytes(f, 2, 2);
    fc_bytes(f, 8, 2); /* the RET_VOID after it */
    fc_bytes(f, 3, 2); /* inside the SWITCH */
    fc(f, CLR_FC_RET_VOID);
    check_body_refused(1, f, "fast code at 0x0000: " NOT_A_START);
}

TEST(branch_targets_at_instruction_starts_past_the_bitmap_load_and_run)
{
    for (unsigned target = 2049; target <= 2103; target += 54) { /* a MOV's start, the RET_VOID */
        struct prog *p = prog_new();
        struct fc *f = long_body(target, 700);
        const uint16_t m = fast_static(p, "Long", static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0), 1, f);
        const struct run *r = run_main_calling(p, m, false);
        CHECK_EQ(r->result, CLR_OK);
        CHECK_STR_EQ(r->log, "");
    }
}

TEST(load_refuses_tokens_of_the_wrong_table)
{
    static const struct {
        unsigned op;
        const char *name;
    } cases[] = {{CLR_FC_LDFLD, "ldfld"}, {CLR_FC_CALL, "call"}, {CLR_FC_NEWARR, "newarr"}, {CLR_FC_LDSTR, "ldstr"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct prog *p = prog_new();
        const uint32_t wrong = cases[i].op == CLR_FC_CALL ? TOK_FIELD_DEF(0) : TOK_METHOD_DEF(p->main);
        struct fc *f = fc_new();
        fc(f, CLR_FC_RET_VOID);
        if (cases[i].op == CLR_FC_LDFLD)
            fc(f, CLR_FC_LDFLD, 0, 0, wrong);
        else if (cases[i].op == CLR_FC_CALL)
            fc(f, CLR_FC_CALL, 0, 0, wrong);
        else if (cases[i].op == CLR_FC_NEWARR)
            fc(f, CLR_FC_NEWARR, 0, 0, wrong, 0);
        else
            fc(f, CLR_FC_LDSTR, 0, wrong, 0);
        fc(f, CLR_FC_RET_VOID);
        fast_static(p, "Bad", static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0), 1, f);
        char why[128];
        snprintf(why, sizeof why, "IL_0001 %s: token 0x%08x is not of a table this instruction takes", cases[i].name,
                 (unsigned)wrong);
        check_refused(p, why);
    }
    struct prog *p = prog_new();
    struct fc *f = fc_new();
    fc(f, CLR_FC_CALL, 0, 0, TOK_METHOD_DEF(200));
    fc(f, CLR_FC_RET_VOID);
    fast_static(p, "Bad", static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0), 1, f);
    check_refused(p, "token 0x060000c8 indexes past the end of its table");
}

TEST(load_refuses_code_whose_last_instruction_falls_through)
{
    struct fc *f = fc_new();
    fc(f, CLR_FC_LDC, 0, 5);
    check_body_refused(1, f, "fast code at 0x0000: the code's last instruction falls through past its end");
    f = fc_new();
    const uint32_t top = fc_label(f);
    fc_mark(f, top);
    fc(f, CLR_FC_LDC, 0, 5);
    fc(f, CLR_FC_BRTRUE, 0, top); /* a conditional branch falls through when not taken */
    check_body_refused(1, f, "fast code at 0x0006: the code's last instruction falls through past its end");
}

/* The body of method m in the builder's IL table. */
static uint8_t *body_of(struct prog *p, uint16_t m)
{
    return p->app->il + ib_get32(ib_row(p->app, CLR_TBL_METHOD_DEF, m) + CLR_METHODDEF_IL);
}

static struct prog *ret_void_method(uint16_t *m)
{
    struct prog *p = prog_new();
    struct fc *f = fc_new();
    fc(f, CLR_FC_RET_VOID);
    fc_map(f, 0);
    *m = fast_static(p, "Bad", static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0), 1, f);
    return p;
}

TEST(load_refuses_sizes_that_do_not_add_up)
{
    uint16_t m;
    struct prog *p = ret_void_method(&m);
    ib_put16(body_of(p, m), 2); /* code size */
    check_refused(p, "fast code at 0x0000: code and map sizes do not add up to the body's size");
    p = ret_void_method(&m);
    ib_put16(body_of(p, m) + 2, 1); /* map size */
    check_refused(p, "fast code at 0x0000: code and map sizes do not add up to the body's size");
    p = ret_void_method(&m);
    ib_put16(body_of(p, m), 0);
    ib_put16(body_of(p, m) + 2, 3); /* no code */
    check_refused(p, "fast code at 0x0000: code and map sizes do not add up to the body's size");
    p = ret_void_method(&m);
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, m) + CLR_METHODDEF_IL_SIZE, 3);
    check_refused(p, "fast code at 0x0000: the body is shorter than its header");
    p = ret_void_method(&m);
    ib_put16(ib_row(p->app, CLR_TBL_METHOD_DEF, m) + CLR_METHODDEF_MAX_STACK, 256);
    check_refused(p, "fast code at 0x0000: more than 255 registers");
}

TEST(load_refuses_a_local_kind_other_than_int_or_reference)
{
    for (uint8_t kind = 0; kind < 8; kind++) {
        struct prog *p = prog_new();
        const uint16_t m = ib_method_def(p->app, "Locals", MA_STATIC, 0, static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0),
                                         ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 2, CLR_ELEM_I4, CLR_ELEM_I4)), 0);
        struct fc *f = fc_new();
        fc(f, CLR_FC_RET_VOID);
        const uint8_t kinds[2] = {CLR_K_I4, kind};
        ib_fast_body(p->app, m, 0, kinds, f->code, (uint16_t)f->len, NULL, 0);
        if (kind == CLR_K_I4 || kind == CLR_K_O) {
            const struct run *r = run_main_calling(p, m, false);
            CHECK_EQ(r->result, CLR_OK);
            CHECK_STR_EQ(r->log, "");
        } else {
            check_refused(p, "fast code at 0x0000: a local starts as neither int32 nor reference");
        }
    }
}

/* Bad(): LDC r0; RET_VOID with the map given as bytes. */
static void check_map_refused(const uint8_t *map, uint16_t len, const char *why)
{
    struct prog *p = prog_new();
    struct fc *f = fc_new();
    fc(f, CLR_FC_LDC, 0, 1);
    fc(f, CLR_FC_RET_VOID);
    const uint16_t m = method(p, "Bad", MA_STATIC, static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0));
    ib_fast_body(p->app, m, 1, NULL, f->code, (uint16_t)f->len, map, len);
    check_refused(p, why);
}

TEST(load_refuses_maps_that_do_not_parse_point_inside_or_go_back)
{
    check_map_refused((const uint8_t[]){0x00, 0x80}, 2, BAD_MAP);                      /* the IL change cut */
    check_map_refused((const uint8_t[]){0x80, 0x80, 0x80, 0x00, 0x00}, 5, BAD_MAP);    /* beyond 21 bits */
    check_map_refused((const uint8_t[]){0x03, 0x00}, 2, "fast code at 0x0003: " BAD_MAP); /* inside LDC */
    check_map_refused((const uint8_t[]){0x07, 0x00}, 2, "fast code at 0x0007: " BAD_MAP); /* past the code */
    check_map_refused((const uint8_t[]){0x06, 0x02, 0x00, 0x02}, 4, "fast code at 0x0006: " BAD_MAP); /* repeated */
}

TEST(load_refuses_a_fast_body_with_exception_clauses)
{
    uint16_t m;
    struct prog *p = ret_void_method(&m);
    uint8_t *row = ib_row(p->app, CLR_TBL_METHOD_DEF, m);
    ib_put16(row + CLR_METHODDEF_EH_FIRST, (uint16_t)p->app->count[CLR_TBL_EH]);
    ib_put16(row + CLR_METHODDEF_EH_COUNT, 1);
    memset(ib_row(p->app, CLR_TBL_EH, p->app->count[CLR_TBL_EH]++), 0, 24);
    check_refused(p, "fast code with exception handlers");
}

/* ---- execution ---- */

#define VOID_SIG(p) static_sig(p, CLR_ELEM_VOID, 0, 0, 0, 0)
#define INT_SIG(p, count) static_sig(p, CLR_ELEM_I4, count, CLR_ELEM_I4, CLR_ELEM_I4, CLR_ELEM_I4)
#define FIELD_SIG(p, elem) ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, elem))

TEST(arithmetic_shifts_conversions_and_compares_as_il)
{
    struct prog *p = prog_new();
    struct fc *f = fc_new();
    enum { A, B, R, X, Y, T = 11 };
    fc(f, CLR_FC_LDC, A, 7);
    fc(f, CLR_FC_LDC, B, (uint32_t)-3);
    static const unsigned binary[] = {CLR_FC_ADD, CLR_FC_SUB, CLR_FC_MUL, CLR_FC_AND, CLR_FC_OR,
                                      CLR_FC_XOR, CLR_FC_DIV, CLR_FC_REM, CLR_FC_DIV_UN, CLR_FC_REM_UN};
    for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++) {
        fc(f, binary[i], R, A, B);
        fc_print_i4(p, f, R, T);
    }
    fc(f, CLR_FC_LDC, X, 33); /* shifts take the count's low 5 bits */
    static const unsigned shifts[][3] = {{CLR_FC_SHL, A}, {CLR_FC_SHR, B}, {CLR_FC_SHR_UN, B}};
    for (size_t i = 0; i < 3; i++) {
        fc(f, shifts[i][0], R, shifts[i][1], X);
        fc_print_i4(p, f, R, T);
    }
    static const struct {
        unsigned op, src;
        int32_t imm;
    } imm[] = {{CLR_FC_ADD_IMM, A, 100}, {CLR_FC_SUB_IMM, A, 10},  {CLR_FC_MUL_IMM, B, -5},
               {CLR_FC_AND_IMM, B, 0xFF}, {CLR_FC_OR_IMM, A, 0x100}, {CLR_FC_XOR_IMM, A, -1},
               {CLR_FC_SHL_IMM, A, 32},  {CLR_FC_SHR_IMM, B, 1},    {CLR_FC_SHR_UN_IMM, B, 28}};
    for (size_t i = 0; i < sizeof imm / sizeof imm[0]; i++) {
        fc(f, imm[i].op, R, imm[i].src, (uint32_t)imm[i].imm);
        fc_print_i4(p, f, R, T);
    }
    fc(f, CLR_FC_NEG, R, B);
    fc_print_i4(p, f, R, T);
    fc(f, CLR_FC_NOT, R, A);
    fc_print_i4(p, f, R, T);
    fc(f, CLR_FC_LDC, X, 200);
    fc(f, CLR_FC_LDC, Y, 40000);
    static const unsigned conv[][2] = {{CLR_FC_CONV_I1, X}, {CLR_FC_CONV_U1, B}, {CLR_FC_CONV_I2, Y}, {CLR_FC_CONV_U2, B}};
    for (size_t i = 0; i < 4; i++) {
        fc(f, conv[i][0], R, conv[i][1]);
        fc_print_i4(p, f, R, T);
    }
    static const unsigned compare[] = {CLR_FC_CEQ, CLR_FC_CGT, CLR_FC_CGT_UN, CLR_FC_CLT, CLR_FC_CLT_UN};
    for (size_t i = 0; i < 5; i++) {
        fc(f, compare[i], R, A, B);
        fc_print_i4(p, f, R, T);
    }
    fc(f, CLR_FC_MOV, X, A);
    fc(f, CLR_FC_CEQ, R, A, X);
    fc_print_i4(p, f, R, T);
    fc(f, CLR_FC_LDC, X, 0x7FFFFFFF);
    fc(f, CLR_FC_ADD_IMM, R, X, 1); /* wraps */
    fc_print_i4(p, f, R, T);
    fc(f, CLR_FC_RET_VOID);
    const uint16_t run = fast_static(p, "Run", VOID_SIG(p), 12, f);
    const struct run *r = run_main_calling(p, run, false);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "4 10 -21 5 -1 -6 -2 1 0 7 "
                         "14 -2 2147483646 "
                         "107 -3 15 253 263 -8 7 -2 15 "
                         "3 -8 -56 253 -25536 65533 "
                         "0 1 0 0 1 1 -2147483648 ");
}

/* The bits Branches(a, b) sets: bit k for the k-th compare of a with b taken, bit 10 + k for a with 2, bit 20 for
 * BRTRUE a, bit 21 for BRFALSE a. */
static int32_t branch_bits(int32_t a, int32_t b)
{
    uint32_t bits = 0;
    for (unsigned pass = 0; pass < 2; pass++) {
        const int32_t y = pass == 0 ? b : 2;
        const bool taken[10] = {a == y, a != y, a < y, a <= y, a > y, a >= y, (uint32_t)a < (uint32_t)y,
                                (uint32_t)a <= (uint32_t)y, (uint32_t)a > (uint32_t)y, (uint32_t)a >= (uint32_t)y};
        for (unsigned k = 0; k < 10; k++)
            bits |= (uint32_t)taken[k] << (10 * pass + k);
    }
    return (int32_t)(bits | (a != 0 ? 1u << 20 : 1u << 21));
}

TEST(compare_and_branch_forms_take_their_branch_exactly_when_il_would)
{
    struct prog *p = prog_new();
    struct fc *f = fc_new();
    enum { A, B, R };
    fc(f, CLR_FC_LDC, R, 0);
    for (unsigned bit = 0; bit < 22; bit++) {
        const uint32_t taken = fc_label(f), next = fc_label(f);
        if (bit < 10)
            fc(f, CLR_FC_BEQ + bit, A, B, taken);
        else if (bit < 20)
            fc(f, CLR_FC_BEQ_IMM + bit - 10, A, 2u, taken);
        else
            fc(f, bit == 20 ? CLR_FC_BRTRUE : CLR_FC_BRFALSE, A, taken);
        fc(f, CLR_FC_BR, next);
        fc_mark(f, taken);
        fc(f, CLR_FC_OR_IMM, R, R, 1u << bit);
        fc_mark(f, next);
    }
    fc(f, CLR_FC_RET, R);
    const uint16_t branches = fast_static(p, "Branches", INT_SIG(p, 2), 1, f);
    static const int32_t pairs[][2] = {{1, 2}, {2, 2}, {3, 2}, {-1, 2}, {0, -5}, {-5, 0}, {2, -1}};
    char expected[512] = "";
    struct il *il = prog_main(p);
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        il_ldc_i4(il, pairs[i][0]);
        il_ldc_i4(il, pairs[i][1]);
        il_tok(il, CEE_CALL, TOK_METHOD_DEF(branches));
        prog_print_i4(p, il);
        prog_print_text(p, il, " ");
        snprintf(expected + strlen(expected), sizeof expected - strlen(expected), "%d ",
                 (int)branch_bits(pairs[i][0], pairs[i][1]));
    }
    check_output(p, expected);
}

TEST(reference_compares_and_switch)
{
    struct prog *p = prog_new();
    struct fc *f = fc_new();
    enum { X, Y, K, R, T };
    const struct {
        unsigned op;
        uint32_t bit;
    } tests[] = {{CLR_FC_BRTRUE_O, 1}, {CLR_FC_BRFALSE_O, 2}, {CLR_FC_BEQ_O, 4}, {CLR_FC_BNE_O, 8}};
    fc(f, CLR_FC_LDC, R, 0);
    for (size_t i = 0; i < 4; i++) {
        const uint32_t taken = fc_label(f), next = fc_label(f);
        if (tests[i].op == CLR_FC_BEQ_O || tests[i].op == CLR_FC_BNE_O)
            fc(f, tests[i].op, X, Y, taken);
        else
            fc(f, tests[i].op, X, taken);
        fc(f, CLR_FC_BR, next);
        fc_mark(f, taken);
        fc(f, CLR_FC_OR_IMM, R, R, tests[i].bit);
        fc_mark(f, next);
    }
    fc(f, CLR_FC_CEQ_O, T, X, Y);
    fc(f, CLR_FC_SHL_IMM, T, T, 4u);
    fc(f, CLR_FC_OR, R, R, T);
    fc(f, CLR_FC_CNE_O, T, X, Y);
    fc(f, CLR_FC_SHL_IMM, T, T, 5u);
    fc(f, CLR_FC_OR, R, R, T);
    uint32_t cases[3];
    for (unsigned k = 0; k < 3; k++)
        cases[k] = fc_label(f);
    fc(f, CLR_FC_SWITCH, K, 3, cases[0], cases[1], cases[2]);
    fc(f, CLR_FC_OR_IMM, R, R, 0x1000u); /* outside [0, 3): falls through */
    fc(f, CLR_FC_RET, R);
    for (unsigned k = 0; k < 3; k++) {
        fc_mark(f, cases[k]);
        fc(f, CLR_FC_OR_IMM, R, R, 0x100u << k);
        fc(f, CLR_FC_RET, R);
    }
    const uint16_t refs = fast_static(
        p, "Refs", static_sig(p, CLR_ELEM_I4, 3, CLR_ELEM_OBJECT, CLR_ELEM_OBJECT, CLR_ELEM_I4), 2, f);
    const uint32_t text = TOK_STRING(ib_string(p->app, "text"));
    struct il *il = prog_main(p);
    static const struct {
        bool x, y;
        int32_t k;
    } calls[] = {{true, true, 0}, {true, false, 2}, {false, false, 7}, {false, true, 1}, {true, true, -1}};
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        calls[i].x ? il_tok(il, CEE_LDSTR, text) : il_op(il, CEE_LDNULL);
        calls[i].y ? il_tok(il, CEE_LDSTR, text) : il_op(il, CEE_LDNULL);
        il_ldc_i4(il, calls[i].k);
        il_tok(il, CEE_CALL, TOK_METHOD_DEF(refs));
        prog_print_i4(p, il);
        prog_print_text(p, il, " ");
    }
    /* non-null 1, null 2, same 4|16, different 8|32; cases 0x100 0x200 0x400, else 0x1000 */
    check_output(p, "277 1065 4118 554 4117 ");
}

TEST(division_faults_reach_an_il_catch_in_the_caller)
{
    struct prog *p = prog_new();
    static const unsigned ops[] = {CLR_FC_DIV, CLR_FC_REM, CLR_FC_DIV_UN, CLR_FC_REM_UN};
    uint16_t m[4];
    for (unsigned i = 0; i < 4; i++) {
        struct fc *f = fc_new();
        fc_map(f, 2);
        fc(f, ops[i], 2, 0, 1);
        fc(f, CLR_FC_RET, 2);
        m[i] = fast_static(p, "Divide", INT_SIG(p, 2), 1, f);
    }
    struct il *il = prog_main(p);
    for (unsigned i = 0; i < 4; i++) {
        guarded_call2(p, il, m[i], 7, 0);
        guarded_call2(p, il, m[i], INT32_MIN, -1);
        guarded_call2(p, il, m[i], -7, 2);
    }
    check_output(p, "System.DivideByZeroException System.OverflowException -3 "
                         "System.DivideByZeroException System.OverflowException -1 "
                         "System.DivideByZeroException 0 2147483644 "
                         "System.DivideByZeroException -2147483648 1 ");
}

/* class Cell { int n; string s; Cell(int n, string s); int Get() => n; } in fast code. */
struct cell {
    uint16_t type, n, s, ctor, get;
};

static struct cell make_cell(struct prog *p)
{
    struct cell c;
    c.type = ib_type_def(p->app, "App", "Cell", 0, TOK_TYPE_REF(p->object_type_ref));
    c.n = ib_field_def(p->app, "n", 0, FIELD_SIG(p, CLR_ELEM_I4));
    c.s = ib_field_def(p->app, "s", 0, FIELD_SIG(p, CLR_ELEM_STRING));
    c.ctor = method(p, ".ctor", 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 2, CLR_ELEM_VOID, CLR_ELEM_I4,
                                                                CLR_ELEM_STRING)));
    c.get = method(p, "Get", 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 0, CLR_ELEM_I4)));
    struct fc *f = fc_new();
    fc(f, CLR_FC_STFLD, 0, 1, TOK_FIELD_DEF(c.n));
    fc(f, CLR_FC_STFLD, 0, 2, TOK_FIELD_DEF(c.s));
    fc(f, CLR_FC_RET_VOID);
    fast_body(p, c.ctor, 0, f);
    f = fc_new();
    fc(f, CLR_FC_LDFLD, 1, 0, TOK_FIELD_DEF(c.n));
    fc(f, CLR_FC_RET, 1);
    fast_body(p, c.get, 1, f);
    return c;
}

/* class Animal { virtual int Speak() => 1; }  class Dog : Animal { override int Speak() => 2; } */
struct animals {
    uint16_t animal, animal_ctor, speak, dog, dog_ctor;
};

static uint16_t speaker(struct prog *p, int32_t says)
{
    const uint16_t m = method(p, "Speak", MA_VIRTUAL, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 0, CLR_ELEM_I4)));
    struct fc *f = fc_new();
    fc(f, CLR_FC_LDC, 1, (uint32_t)says);
    fc(f, CLR_FC_RET, 1);
    fast_body(p, m, 1, f);
    return m;
}

static uint16_t empty_ctor(struct prog *p)
{
    const uint16_t m = method(p, ".ctor", 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 0, CLR_ELEM_VOID)));
    struct fc *f = fc_new();
    fc(f, CLR_FC_RET_VOID);
    fast_body(p, m, 0, f);
    return m;
}

static struct animals make_animals(struct prog *p)
{
    struct animals a;
    a.animal = ib_type_def(p->app, "App", "Animal", 0, TOK_TYPE_REF(p->object_type_ref));
    a.animal_ctor = empty_ctor(p);
    a.speak = speaker(p, 1);
    a.dog = ib_type_def(p->app, "App", "Dog", 0, TOK_TYPE_DEF(a.animal));
    a.dog_ctor = empty_ctor(p);
    speaker(p, 2);
    return a;
}

TEST(fields_constructor_arguments_and_a_static_constructor_that_runs_first)
{
    struct prog *p = prog_new();
    const uint16_t run = method(p, "Run", MA_STATIC, VOID_SIG(p));
    const struct cell c = make_cell(p);
    const uint16_t counter = ib_type_def(p->app, "App", "Counter", 0, TOK_TYPE_REF(p->object_type_ref));
    const uint16_t count = ib_field_def(p->app, "count", FA_STATIC, FIELD_SIG(p, CLR_ELEM_I4));
    struct il cctor;
    il_reset(&cctor);
    prog_print_text(p, &cctor, "cctor ");
    il_ldc_i4(&cctor, 40);
    il_tok(&cctor, CEE_STSFLD, TOK_FIELD_DEF(count));
    il_op(&cctor, CEE_RET);
    ib_type_set_cctor(p->app, counter, prog_method(p, ".cctor", VOID_SIG(p), IB_NONE, &cctor));
    struct fc *f = fc_new();
    enum { V, O, S, W, T = 5 };
    fc(f, CLR_FC_LDC, O, 5);
    fc(f, CLR_FC_LDSTR, S, TOK_STRING(ib_string(p->app, "five")), S);
    fc(f, CLR_FC_NEWOBJ, O, 2, TOK_METHOD_DEF(c.ctor)); /* new Cell(5, "five") */
    fc(f, CLR_FC_LDFLD, V, O, TOK_FIELD_DEF(c.n));
    fc_print_i4(p, f, V, T);
    fc(f, CLR_FC_LDFLD, V, O, TOK_FIELD_DEF(c.s));
    fc(f, CLR_FC_MOV, T, V);
    fc(f, CLR_FC_CALL, T, 1, p->write);
    fc(f, CLR_FC_MOV, W, O);
    fc(f, CLR_FC_CALL, W, 1, TOK_METHOD_DEF(c.get));
    fc_print_i4(p, f, W, T);
    fc(f, CLR_FC_LDC, V, 9);
    fc(f, CLR_FC_STFLD, O, V, TOK_FIELD_DEF(c.n));
    fc(f, CLR_FC_MOV, W, O);
    fc(f, CLR_FC_CALL, W, 1, TOK_METHOD_DEF(c.get));
    fc_print_i4(p, f, W, T);
    fc(f, CLR_FC_LDSFLD, V, TOK_FIELD_DEF(count), 2); /* runs the .cctor, then again */
    fc_print_i4(p, f, V, T);
    fc(f, CLR_FC_ADD_IMM, V, V, 2);
    fc(f, CLR_FC_STSFLD, V, TOK_FIELD_DEF(count), 2);
    fc(f, CLR_FC_LDSFLD, W, TOK_FIELD_DEF(count), 2);
    fc_print_i4(p, f, W, T);
    fc(f, CLR_FC_RET_VOID);
    fast_body(p, run, 6, f);
    const struct run *r = run_main_calling(p, run, false);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "5 five5 9 cctor 40 42 ");
}

TEST(calls_between_fast_code_il_and_internal_calls_with_results)
{
    struct prog *p = prog_new();
    struct il add3;
    il_reset(&add3);
    il_op(&add3, CEE_LDARG_0);
    il_ldc_i4(&add3, 3);
    il_op(&add3, CEE_ADD);
    il_op(&add3, CEE_RET);
    const uint16_t il_add3 = prog_method(p, "Add3", INT_SIG(p, 1), IB_NONE, &add3);
    struct fc *f = fc_new();
    fc(f, CLR_FC_ADD, 1, 0, 0);
    fc(f, CLR_FC_RET, 1);
    const uint16_t twice = fast_static(p, "Twice", INT_SIG(p, 1), 1, f);
    f = fc_new();
    fc(f, CLR_FC_LDC, 0, 20);
    fc(f, CLR_FC_CALL, 0, 1, TOK_METHOD_DEF(twice)); /* fast -> fast */
    fc_print_i4(p, f, 0, 1);
    fc(f, CLR_FC_CALL, 0, 1, TOK_METHOD_DEF(il_add3)); /* fast -> IL */
    fc_print_i4(p, f, 0, 1);
    fc(f, CLR_FC_RET_VOID);
    const uint16_t run = fast_static(p, "Run", VOID_SIG(p), 2, f);
    struct il *il = prog_main(p);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(run)); /* IL -> fast */
    il_ldc_i4(il, 5);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(twice)); /* a value returned into IL */
    prog_print_i4(p, il);
    check_output(p, "40 43 10");
}

TEST(callvirt_dispatches_each_receiver_type_at_one_call_site)
{
    struct prog *p = prog_new();
    const uint16_t ask = method(p, "Ask", MA_STATIC, static_sig(p, CLR_ELEM_I4, 1, CLR_ELEM_OBJECT, 0, 0));
    const uint16_t run = ib_method_def(p->app, "Run", MA_STATIC, 0, VOID_SIG(p),
                                       ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 3, CLR_ELEM_OBJECT, CLR_ELEM_OBJECT,
                                                                CLR_ELEM_I4)), 0);
    const struct animals a = make_animals(p);
    struct fc *f = fc_new();
    fc(f, CLR_FC_MOV, 1, 0);
    fc(f, CLR_FC_CALLVIRT, 1, 1, TOK_METHOD_DEF(a.speak));
    fc(f, CLR_FC_RET, 1);
    fast_body(p, ask, 1, f);
    f = fc_new();
    enum { ANIMAL, DOG, I, W, T };
    fc(f, CLR_FC_NEWOBJ, W, 0, TOK_METHOD_DEF(a.animal_ctor));
    fc(f, CLR_FC_MOV, ANIMAL, W);
    fc(f, CLR_FC_NEWOBJ, W, 0, TOK_METHOD_DEF(a.dog_ctor));
    fc(f, CLR_FC_MOV, DOG, W);
    const uint32_t top = fc_label(f);
    fc_mark(f, top);
    for (unsigned who = ANIMAL; who <= DOG; who++) {
        fc(f, CLR_FC_MOV, W, who);
        fc(f, CLR_FC_CALL, W, 1, TOK_METHOD_DEF(ask));
        fc_print_i4(p, f, W, T);
    }
    fc(f, CLR_FC_ADD_IMM, I, I, 1);
    fc(f, CLR_FC_BLT_IMM, I, 3, top);
    fc(f, CLR_FC_RET_VOID);
    static const uint8_t kinds[] = {CLR_K_O, CLR_K_O, CLR_K_I4};
    fc_finish(f);
    ib_fast_body(p->app, run, 2, kinds, f->code, (uint16_t)f->len, NULL, 0);
    const struct run *r = run_main_calling(p, run, false);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "1 2 1 2 1 2 ");
}

TEST(array_elements_of_each_width_and_references)
{
    struct prog *p = prog_new();
    const uint32_t sbyte = primitive(p, "SByte"), byte = primitive(p, "Byte"), i16 = primitive(p, "Int16"),
                   u16 = primitive(p, "UInt16"), i32 = primitive(p, "Int32"), string = corlib_type(p, "String");
    struct fc *f = fc_new();
    enum { ARR, IDX, VAL, OUT, LEN, T };
    const struct {
        uint32_t type;
        int32_t value;
        unsigned store, load1, load2;
    } widths[] = {{sbyte, 200, CLR_FC_STELEM_I1, CLR_FC_LDELEM_I1, CLR_FC_LDELEM_U1},
                  {byte, -1, CLR_FC_STELEM_I1, CLR_FC_LDELEM_U1, CLR_FC_LDELEM_I1},
                  {i16, 40000, CLR_FC_STELEM_I2, CLR_FC_LDELEM_I2, CLR_FC_LDELEM_U2},
                  {u16, -2, CLR_FC_STELEM_I2, CLR_FC_LDELEM_U2, CLR_FC_LDELEM_I2},
                  {i32, -7, CLR_FC_STELEM_I4, CLR_FC_LDELEM_I4, CLR_FC_LDELEM_I4}};
    fc(f, CLR_FC_LDC, LEN, 3);
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        fc(f, CLR_FC_NEWARR, ARR, LEN, widths[i].type, ARR);
        fc(f, CLR_FC_LDC, IDX, 2);
        fc(f, CLR_FC_LDC, VAL, (uint32_t)widths[i].value);
        fc(f, widths[i].store, ARR, IDX, VAL);
        fc(f, widths[i].load1, OUT, ARR, IDX);
        fc_print_i4(p, f, OUT, T);
        fc(f, widths[i].load2, OUT, ARR, IDX);
        fc_print_i4(p, f, OUT, T);
        fc(f, CLR_FC_LDC, IDX, 1); /* never written */
        fc(f, widths[i].load1, OUT, ARR, IDX);
        fc_print_i4(p, f, OUT, T);
    }
    fc(f, CLR_FC_LDLEN, OUT, ARR);
    fc_print_i4(p, f, OUT, T);
    fc(f, CLR_FC_NEWARR, ARR, LEN, string, ARR);
    fc(f, CLR_FC_LDSTR, VAL, TOK_STRING(ib_string(p->app, "text")), VAL);
    fc(f, CLR_FC_STELEM_REF, ARR, IDX, VAL);
    fc(f, CLR_FC_LDELEM_REF, T, ARR, IDX);
    fc(f, CLR_FC_CALL, T, 1, p->write);
    fc(f, CLR_FC_RET_VOID);
    const uint16_t run = fast_static(p, "Run", VOID_SIG(p), 6, f);
    const struct run *r = run_main_calling(p, run, false);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "-56 200 0 255 -1 0 -25536 40000 0 65534 -2 0 -7 -7 0 3 text");
}

TEST(array_faults_index_null_and_covariance_reach_an_il_catch)
{
    struct prog *p = prog_new();
    const uint32_t i32 = primitive(p, "Int32"), string = corlib_type(p, "String");
    struct fc *f = fc_new();
    fc(f, CLR_FC_LDELEM_I4, 2, 0, 1);
    fc(f, CLR_FC_RET, 2);
    const uint16_t load = fast_static(
        p, "Load", ib_sig(p->app, SIG_BYTES(0, 0, 2, CLR_ELEM_I4, CLR_ELEM_SZARRAY, CLR_ELEM_I4, CLR_ELEM_I4)), 1, f);
    f = fc_new();
    fc(f, CLR_FC_STELEM_REF, 0, 1, 2);
    fc(f, CLR_FC_RET_VOID);
    const uint16_t store = fast_static(
        p, "Store",
        ib_sig(p->app, SIG_BYTES(0, 0, 3, CLR_ELEM_VOID, CLR_ELEM_SZARRAY, CLR_ELEM_OBJECT, CLR_ELEM_I4, CLR_ELEM_OBJECT)),
        0, f);
    struct il *il = prog_main(p);
    static const int32_t indexes[] = {3, -1, 2};
    for (size_t i = 0; i < 3; i++) {
        const uint32_t start = il->len;
        il_ldc_i4(il, 3);
        il_tok(il, CEE_NEWARR, i32);
        il_ldc_i4(il, indexes[i]);
        il_tok(il, CEE_CALL, TOK_METHOD_DEF(load));
        guarded(p, il, start, true);
    }
    uint32_t start = il->len;
    il_op(il, CEE_LDNULL);
    il_ldc_i4(il, 0);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(load));
    guarded(p, il, start, true);
    const uint32_t elements[] = {string, TOK_TYPE_REF(p->object_type_ref)};
    for (size_t e = 0; e < 2; e++) {
        for (unsigned value = 0; value < 2; value++) { /* an int[], then a string */
            start = il->len;
            il_ldc_i4(il, 1);
            il_tok(il, CEE_NEWARR, elements[e]);
            il_ldc_i4(il, 0);
            if (value == 0) {
                il_ldc_i4(il, 1);
                il_tok(il, CEE_NEWARR, i32);
            } else {
                il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "s")));
            }
            il_tok(il, CEE_CALL, TOK_METHOD_DEF(store));
            il_ldc_i4(il, 1);
            guarded(p, il, start, true);
        }
    }
    check_output(p, "System.IndexOutOfRangeException System.IndexOutOfRangeException 0 "
                         "System.NullReferenceException System.ArrayTypeMismatchException 1 1 1 ");
}

TEST(box_unbox_casts_and_throw)
{
    struct prog *p = prog_new();
    const uint32_t i32 = primitive(p, "Int32");
    const uint16_t round = method(p, "Round", MA_STATIC, INT_SIG(p, 1));
    const uint16_t unbox = method(p, "Unbox", MA_STATIC, static_sig(p, CLR_ELEM_I4, 1, CLR_ELEM_OBJECT, 0, 0));
    const uint16_t cast = method(p, "Cast", MA_STATIC, static_sig(p, CLR_ELEM_I4, 1, CLR_ELEM_OBJECT, 0, 0));
    const uint16_t fail = method(p, "Fail", MA_STATIC, static_sig(p, CLR_ELEM_VOID, 1, CLR_ELEM_OBJECT, 0, 0));
    const struct animals a = make_animals(p);
    struct fc *f = fc_new();
    fc(f, CLR_FC_BOX, 1, 0, i32, 1);
    fc(f, CLR_FC_UNBOX_ANY, 1, 1, i32);
    fc(f, CLR_FC_ADD_IMM, 1, 1, 1);
    fc(f, CLR_FC_RET, 1);
    fast_body(p, round, 1, f);
    f = fc_new();
    fc(f, CLR_FC_UNBOX_ANY, 1, 0, i32);
    fc(f, CLR_FC_RET, 1);
    fast_body(p, unbox, 1, f);
    f = fc_new();
    const uint32_t not_dog = fc_label(f);
    fc(f, CLR_FC_ISINST, 1, 0, TOK_TYPE_DEF(a.dog));
    fc(f, CLR_FC_BRFALSE_O, 1, not_dog);
    fc(f, CLR_FC_LDC, 1, 2);
    fc(f, CLR_FC_RET, 1);
    fc_mark(f, not_dog);
    fc(f, CLR_FC_CASTCLASS, 1, 0, TOK_TYPE_DEF(a.animal));
    fc(f, CLR_FC_LDC, 1, 1);
    fc(f, CLR_FC_RET, 1);
    fast_body(p, cast, 1, f);
    f = fc_new();
    fc(f, CLR_FC_THROW, 0);
    fast_body(p, fail, 0, f);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 41);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(round));
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    const uint32_t text = TOK_STRING(ib_string(p->app, "text"));
    const uint32_t args[] = {TOK_METHOD_DEF(a.dog_ctor), TOK_METHOD_DEF(a.animal_ctor), text, 0};
    const uint16_t callees[] = {unbox, cast, fail};
    for (size_t c = 0; c < 3; c++) {
        for (size_t i = 0; i < 4; i++) {
            if (callees[c] == fail && args[i] == text)
                continue; /* a string is no exception object: an invalid program (below) */
            const uint32_t start = il->len;
            if (args[i] == 0)
                il_op(il, CEE_LDNULL);
            else
                il_tok(il, args[i] == text ? CEE_LDSTR : CEE_NEWOBJ, args[i]);
            il_tok(il, CEE_CALL, TOK_METHOD_DEF(callees[c]));
            if (callees[c] == fail)
                il_ldc_i4(il, 0);
            guarded(p, il, start, true);
        }
    }
    check_output(p, "42 System.InvalidCastException System.InvalidCastException System.InvalidCastException "
                         "System.NullReferenceException "
                         "2 1 System.InvalidCastException 1 "
                         "App.Dog App.Animal System.NullReferenceException ");
}

TEST(the_trace_of_an_exception_in_fast_code_prints_the_il_offset_of_its_map)
{
    struct prog *p = prog_new();
    struct fc *f = fc_new();
    fc_map(f, 0x20);
    fc(f, CLR_FC_LDC, 1, 0);
    fc_map(f, 0x0C); /* IL offsets may go down in code order */
    fc(f, CLR_FC_DIV, 2, 0, 1);
    fc_map(f, 0x130);
    fc(f, CLR_FC_RET, 2);
    const uint16_t deep = fast_static(p, "Deep", INT_SIG(p, 1), 2, f);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 5);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(deep)); /* IL_0001 */
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.DivideByZeroException: Attempted to divide by zero.\n"
                         "   at App.Program.Deep(Int32) IL_000c\n"
                         "   at App.Program.Main() IL_0001\n");
}

/* ---- hostile operands at run time ---- */

enum hostile {
    LDFLD_ON_INT,
    LDFLD_OF_ANOTHER_CLASS,
    STFLD_OF_A_REFERENCE_INTO_AN_INT,
    LDSFLD_OF_AN_INSTANCE_FIELD,
    LDELEM_I4_ON_OBJECTS,
    LDELEM_I4_ON_STRUCTS,
    STELEM_REF_OF_AN_INT,
    LDLEN_ON_A_STRING,
    CALLVIRT_ON_AN_INT,
    THROW_OF_A_STRING,
    BOX_AS_A_CLASS,
    HOSTILE_COUNT
};

static const char *const hostile_message[HOSTILE_COUNT] = {
    [LDFLD_ON_INT] = "Fast code used int32 as an object.",
    [LDFLD_OF_ANOTHER_CLASS] = "Fast code accessed a field the object does not have.",
    [STFLD_OF_A_REFERENCE_INTO_AN_INT] = "into a field that cannot take it.",
    [LDSFLD_OF_AN_INSTANCE_FIELD] = "Fast code accessed a field without static storage.",
    [LDELEM_I4_ON_OBJECTS] = "Fast code accessed an array of another element type.",
    [LDELEM_I4_ON_STRUCTS] = "Fast code accessed an array of another element type.",
    [STELEM_REF_OF_AN_INT] = "into an array of references.",
    [LDLEN_ON_A_STRING] = "Fast code used an object of another kind as an array.",
    [CALLVIRT_ON_AN_INT] = "Fast code's callvirt has no object for 'this'.",
    [THROW_OF_A_STRING] = "The value thrown is not an object.",
    [BOX_AS_A_CLASS] = "Fast code boxes only integers and enums.",
};

TEST(hostile_operands_at_run_time_are_invalid_programs_never_crashes)
{
    for (unsigned c = 0; c < HOSTILE_COUNT; c++) {
        struct prog *p = prog_new();
        const uint16_t run = method(p, "Run", MA_STATIC, VOID_SIG(p));
        const uint16_t value_type = ib_type_ref(p->app, p->corlib_ref, "System", "ValueType");
        const uint16_t point = ib_type_def(p->app, "App", "Point", TA_SEALED, TOK_TYPE_REF(value_type));
        ib_field_def(p->app, "X", 0, FIELD_SIG(p, CLR_ELEM_I4));
        const struct cell cell = make_cell(p);
        const struct animals a = make_animals(p);
        struct fc *f = fc_new();
        enum { X, Y, Z, W };
        fc(f, CLR_FC_LDC, X, 2);
        fc(f, CLR_FC_LDC, Z, 0);
        fc(f, CLR_FC_NEWOBJ, Y, 0, TOK_METHOD_DEF(a.animal_ctor));
        switch ((enum hostile)c) {
        case LDFLD_ON_INT:
            fc(f, CLR_FC_LDFLD, W, X, TOK_FIELD_DEF(cell.n));
            break;
        case LDFLD_OF_ANOTHER_CLASS:
            fc(f, CLR_FC_LDFLD, W, Y, TOK_FIELD_DEF(cell.n));
            break;
        case STFLD_OF_A_REFERENCE_INTO_AN_INT:
            fc(f, CLR_FC_MOV, X, Y);
            fc(f, CLR_FC_NEWOBJ, X, 2, TOK_METHOD_DEF(cell.ctor)); /* new Cell(animal, animal): n gets an object */
            break;
        case LDSFLD_OF_AN_INSTANCE_FIELD:
            fc(f, CLR_FC_LDSFLD, W, TOK_FIELD_DEF(cell.n), W);
            break;
        case LDELEM_I4_ON_OBJECTS:
            fc(f, CLR_FC_NEWARR, Y, X, TOK_TYPE_REF(p->object_type_ref), Y);
            fc(f, CLR_FC_LDELEM_I4, W, Y, Z);
            break;
        case LDELEM_I4_ON_STRUCTS:
            fc(f, CLR_FC_NEWARR, Y, X, TOK_TYPE_DEF(point), Y);
            fc(f, CLR_FC_LDELEM_I4, W, Y, Z);
            break;
        case STELEM_REF_OF_AN_INT:
            fc(f, CLR_FC_NEWARR, Y, X, TOK_TYPE_REF(p->object_type_ref), Y);
            fc(f, CLR_FC_STELEM_REF, Y, Z, X);
            break;
        case LDLEN_ON_A_STRING:
            fc(f, CLR_FC_LDSTR, Y, TOK_STRING(ib_string(p->app, "text")), Y);
            fc(f, CLR_FC_LDLEN, W, Y);
            break;
        case CALLVIRT_ON_AN_INT:
            fc(f, CLR_FC_CALLVIRT, X, 1, TOK_METHOD_DEF(a.speak));
            break;
        case THROW_OF_A_STRING:
            fc(f, CLR_FC_LDSTR, Y, TOK_STRING(ib_string(p->app, "text")), Y);
            fc(f, CLR_FC_THROW, Y);
            break;
        case BOX_AS_A_CLASS:
            fc(f, CLR_FC_BOX, W, X, TOK_TYPE_DEF(a.dog), W);
            break;
        case HOSTILE_COUNT:
            break;
        }
        fc(f, CLR_FC_RET_VOID);
        fast_body(p, run, 4, f);
        const struct run *r = run_main_calling(p, run, false);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, "Unhandled exception: System.InvalidProgramException: ");
        CHECK_CONTAINS(r->log, hostile_message[c]);
        CHECK_CONTAINS(r->log, "   at App.Program.Run()");
    }
}

/* ---- the collector ---- */

/* Churn(n): for i < n { var c = new Cell(i, "c"); sum[0] += c.Get(); new int[i]; write(c.s); keep = c; }
 * returns sum[0] + keep.n. The cell lives in a temporary across the call of Get, the allocation and the write. */
TEST(a_fast_loop_allocating_under_gc_stress_keeps_its_references)
{
    struct prog *p = prog_new();
    const uint16_t churn = ib_method_def(p->app, "Churn", MA_STATIC, 0, INT_SIG(p, 1),
                                         ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 3, CLR_ELEM_SZARRAY, CLR_ELEM_I4,
                                                                  CLR_ELEM_I4, CLR_ELEM_OBJECT)), 0);
    const uint32_t i32 = primitive(p, "Int32");
    const struct cell cell = make_cell(p);
    struct fc *f = fc_new();
    enum { N, SUM, I, KEEP, CELL, S, GET, ZERO, OLD };
    fc(f, CLR_FC_LDC, CELL, 1);
    fc(f, CLR_FC_NEWARR, SUM, CELL, i32, CELL);
    const uint32_t top = fc_label(f);
    fc_mark(f, top);
    fc(f, CLR_FC_MOV, CELL, I);
    fc(f, CLR_FC_LDSTR, S, TOK_STRING(ib_string(p->app, "c")), S);
    fc(f, CLR_FC_NEWOBJ, CELL, 2, TOK_METHOD_DEF(cell.ctor));
    fc(f, CLR_FC_MOV, GET, CELL);
    fc(f, CLR_FC_CALL, GET, 1, TOK_METHOD_DEF(cell.get));
    fc(f, CLR_FC_NEWARR, ZERO, GET, i32, ZERO); /* garbage, collected while the cell is live */
    fc(f, CLR_FC_LDC, ZERO, 0);
    fc(f, CLR_FC_LDELEM_I4, OLD, SUM, ZERO);
    fc(f, CLR_FC_ADD, OLD, OLD, GET);
    fc(f, CLR_FC_STELEM_I4, SUM, ZERO, OLD);
    fc(f, CLR_FC_LDFLD, S, CELL, TOK_FIELD_DEF(cell.s));
    fc(f, CLR_FC_CALL, S, 1, p->write);
    fc(f, CLR_FC_MOV, KEEP, CELL);
    fc(f, CLR_FC_ADD_IMM, I, I, 1);
    fc(f, CLR_FC_BLT, I, N, top); /* backward: counts against the time slice */
    fc(f, CLR_FC_LDFLD, CELL, KEEP, TOK_FIELD_DEF(cell.n));
    fc(f, CLR_FC_LDC, ZERO, 0);
    fc(f, CLR_FC_LDELEM_I4, OLD, SUM, ZERO);
    fc(f, CLR_FC_ADD, CELL, CELL, OLD);
    fc(f, CLR_FC_RET, CELL);
    fc_finish(f);
    static const uint8_t kinds[] = {CLR_K_O, CLR_K_I4, CLR_K_O};
    ib_fast_body(p->app, churn, 5, kinds, f->code, (uint16_t)f->len, NULL, 0);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 300);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(churn));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run_options options = {.gc_stress = true};
    const struct run *r = prog_run_with(p, &options);
    CHECK_STR_EQ(r->log, "");
    char expected[512];
    memset(expected, 'c', 300);
    snprintf(expected + 300, sizeof expected - 300, "%d", 299 * 300 / 2 + 299);
    CHECK_STR_EQ(r->out, expected);
}

/* Leave(): t0 = new int[3] (garbage once it returns). Peek(): reads t0, never written in its own frame, after a
 * collection freed that array. A temporary never written holds nothing: no stale reference to follow or mark. */
TEST(a_temporary_read_before_it_is_written_holds_no_stale_reference)
{
    struct prog *p = prog_new();
    const uint32_t i32 = primitive(p, "Int32");
    struct fc *f = fc_new();
    fc(f, CLR_FC_LDC, 1, 3);
    fc(f, CLR_FC_NEWARR, 0, 1, i32, 0);
    fc(f, CLR_FC_RET_VOID);
    const uint16_t leave = fast_static(p, "Leave", VOID_SIG(p), 2, f);
    f = fc_new();
    fc(f, CLR_FC_LDSTR, 1, TOK_STRING(ib_string(p->app, "x")), 2); /* a collection with t0 in the live bound */
    fc(f, CLR_FC_LDLEN, 1, 0);
    fc(f, CLR_FC_RET, 1);
    const uint16_t peek = fast_static(p, "Peek", static_sig(p, CLR_ELEM_I4, 0, 0, 0, 0), 2, f);
    struct il *il = prog_main(p);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(leave));
    il_ldc_i4(il, 1);
    il_tok(il, CEE_NEWARR, i32); /* collects the array under GC stress */
    il_op(il, CEE_POP);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(peek));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    for (unsigned stress = 0; stress < 2; stress++) {
        const struct run_options options = {.gc_stress = stress == 1};
        const struct run *r = prog_run_with(p, &options);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_STR_EQ(r->out, "");
        CHECK_CONTAINS(r->log, "System.InvalidProgramException: Common Language Runtime detected an invalid program. "
                               "Fast code used nothing as an object.");
    }
}
