/*
 * Branches (every form, integers and floats with NaN, as ECMA-335 III.3 defines the .un forms), switch,
 * calls with arguments and results, recursion, and the conversions stores into typed arguments, locals
 * and results perform.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arith_case.h"
#include "harness.h"

/* Prints "t" when the branch is taken, "n" otherwise. */
static const char *branch_result(unsigned op, struct val a, struct val b, bool two_operands)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    const uint32_t taken = il_label(il);
    push_val(p, il, a);
    if (two_operands)
        push_val(p, il, b);
    il_branch(il, op, taken);
    prog_print_text(p, il, "n");
    il_op(il, CEE_RET);
    il_mark(il, taken);
    prog_print_text(p, il, "t");
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    return r->result == CLR_OK ? r->out : r->log;
}

/* Expected results for beq bge bgt ble blt bne.un bge.un bgt.un ble.un blt.un, in that order. */
static void check_branches(struct val a, struct val b, const char *expected)
{
    static const unsigned short_ops[] = {CEE_BEQ_S, CEE_BGE_S, CEE_BGT_S, CEE_BLE_S, CEE_BLT_S,
                                         CEE_BNE_UN_S, CEE_BGE_UN_S, CEE_BGT_UN_S, CEE_BLE_UN_S, CEE_BLT_UN_S};
    for (unsigned i = 0; i < 10; i++) {
        const char want[2] = {expected[i], 0};
        CHECK_STR_EQ(branch_result(short_ops[i], a, b, true), want);
        CHECK_STR_EQ(branch_result(short_ops[i] - CEE_BR_S + CEE_BR, a, b, true), want); /* long form */
    }
}

TEST(conditional_branches_on_integers)
{
    /*                               beq bge bgt ble blt bne bge.un bgt.un ble.un blt.un */
    check_branches(I4(-1), I4(1), "nnntttttnn");
    check_branches(I4(1), I4(1), "ttntnntntn");
    check_branches(I8(-5), I8(INT64_MIN), "nttnntttnn");
    check_branches(I4(-1), NI(-1), "ttntnntntn");
}

TEST(conditional_branches_on_floats_and_nan)
{
    check_branches(R8(NAN), R8(1), "nnnnnttttt");
    check_branches(R8(2), R8(1), "nttnntttnn");
    check_branches(R4(1), R4(1), "ttntnntntn");
    check_branches(R8(-0.0), R4(0), "ttntnntntn");
}

TEST(brtrue_and_brfalse)
{
    CHECK_STR_EQ(branch_result(CEE_BRTRUE_S, I4(0), NUL, false), "n");
    CHECK_STR_EQ(branch_result(CEE_BRFALSE_S, I4(0), NUL, false), "t");
    CHECK_STR_EQ(branch_result(CEE_BRTRUE, I8(5), NUL, false), "t");
    CHECK_STR_EQ(branch_result(CEE_BRTRUE, NI(-1), NUL, false), "t");
    CHECK_STR_EQ(branch_result(CEE_BRTRUE_S, NUL, NUL, false), "n");
    CHECK_STR_EQ(branch_result(CEE_BRFALSE, STR, NUL, false), "n");
    CHECK_STR_EQ(branch_result(CEE_BR_S, NUL, NUL, false), "t");
    CHECK_CONTAINS(branch_result(CEE_BRTRUE_S, R8(1), NUL, false), "System.InvalidProgramException");
    CHECK_CONTAINS(branch_result(CEE_BEQ_S, I4(1), I8(1), true), "System.InvalidProgramException");
}

TEST(switch_jumps_by_index_and_falls_through_outside)
{
    static const int32_t inputs[] = {0, 1, 2, 3, -1, INT32_MIN};
    static const char *const expected[] = {"zero", "one", "two", "other", "other", "other"};
    for (unsigned i = 0; i < 6; i++) {
        struct prog *p = prog_new();
        struct il *il = prog_main(p);
        uint32_t targets[3] = {il_label(il), il_label(il), il_label(il)};
        il_ldc_i4(il, inputs[i]);
        il_switch(il, 3, targets);
        prog_print_text(p, il, "other");
        il_op(il, CEE_RET);
        static const char *const names[] = {"zero", "one", "two"};
        for (unsigned k = 0; k < 3; k++) {
            il_mark(il, targets[k]);
            prog_print_text(p, il, names[k]);
            il_op(il, CEE_RET);
        }
        CHECK_STR_EQ(prog_run(p)->out, expected[i]);
    }
}

TEST(loops_with_backward_branches)
{
    /* sum of 1..100000 in an int64 local, counting down in an int32 local */
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20,
             ib_sig(p->app, SIG_BYTES(2, 2, CLR_ELEM_I4, CLR_ELEM_I8)));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 2;
    const uint32_t top = il_label(il), done = il_label(il);
    il_ldc_i4(il, 100000);
    il_op(il, CEE_STLOC_0);
    il_mark(il, top);
    il_op(il, CEE_LDLOC_0);
    il_branch(il, CEE_BRFALSE_S, done);
    il_op(il, CEE_LDLOC_1);
    il_op(il, CEE_LDLOC_0);
    il_op(il, CEE_CONV_I8);
    il_op(il, CEE_ADD);
    il_op(il, CEE_STLOC_1);
    il_op(il, CEE_LDLOC_0);
    il_op(il, CEE_LDC_I4_1);
    il_op(il, CEE_SUB);
    il_op(il, CEE_STLOC_0);
    il_branch(il, CEE_BR, top);
    il_mark(il, done);
    il_op(il, CEE_LDLOC_1);
    prog_print_i8(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "5000050000");
}

TEST(calls_pass_arguments_and_return_values)
{
    struct prog *p = prog_new();
    struct il body;
    il_reset(&body);
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_LDARG_1);
    il_op(&body, CEE_SUB);
    il_op(&body, CEE_LDARG_2);
    il_op(&body, CEE_CONV_I4);
    il_op(&body, CEE_MUL);
    il_op(&body, CEE_RET);
    const uint16_t f = prog_method(p, "F",
                                   ib_sig(p->app, SIG_BYTES(0, 0, 3, CLR_ELEM_I4, CLR_ELEM_I4, CLR_ELEM_I4, CLR_ELEM_I8)),
                                   IB_NONE, &body);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 10);
    il_ldc_i4(il, 3);
    il_ldc_i8(il, 6);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(f));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "42");
}

/* static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2) */
static uint16_t add_fib(struct prog *p)
{
    struct il body;
    il_reset(&body);
    const uint16_t self = (uint16_t)p->app->count[CLR_TBL_METHOD_DEF];
    const uint32_t recurse = il_label(&body);
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_LDC_I4_2);
    il_branch(&body, CEE_BGE_S, recurse);
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_RET);
    il_mark(&body, recurse);
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_LDC_I4_1);
    il_op(&body, CEE_SUB);
    il_tok(&body, CEE_CALL, TOK_METHOD_DEF(self));
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_LDC_I4_2);
    il_op(&body, CEE_SUB);
    il_tok(&body, CEE_CALL, TOK_METHOD_DEF(self));
    il_op(&body, CEE_ADD);
    il_op(&body, CEE_RET);
    return prog_method(p, "Fib", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_I4, CLR_ELEM_I4)), IB_NONE, &body);
}

TEST(recursion)
{
    struct prog *p = prog_new();
    const uint16_t fib = add_fib(p);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 20);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(fib));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "6765");
}

TEST(deep_recursion_within_the_configured_depth)
{
    /* static long Sum(int n) => n == 0 ? 0 : n + Sum(n - 1), 5000 frames deep */
    struct prog *p = prog_new();
    struct il body;
    il_reset(&body);
    const uint16_t self = (uint16_t)p->app->count[CLR_TBL_METHOD_DEF];
    const uint32_t recurse = il_label(&body);
    il_op(&body, CEE_LDARG_0);
    il_branch(&body, CEE_BRTRUE_S, recurse);
    il_ldc_i8(&body, 0);
    il_op(&body, CEE_RET);
    il_mark(&body, recurse);
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_CONV_I8);
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_LDC_I4_1);
    il_op(&body, CEE_SUB);
    il_tok(&body, CEE_CALL, TOK_METHOD_DEF(self));
    il_op(&body, CEE_ADD);
    il_op(&body, CEE_RET);
    const uint16_t sum = prog_method(p, "Sum", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_I8, CLR_ELEM_I4)), IB_NONE,
                                     &body);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 5000);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(sum));
    prog_print_i8(p, il);
    il_op(il, CEE_RET);
    /* Main + Sum(5000) .. Sum(0): exactly 5002 frames. */
    uint8_t image[64 * 1024];
    const size_t n = prog_image(p, image, sizeof image);
    const struct run_options deep = {.ram = 8u << 20, .max_depth = 5002, .stack_slots = 200000};
    const struct run *r = run_image(image, n, &deep);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "12502500");
    const struct run_options one_less = {.ram = 8u << 20, .max_depth = 5001, .stack_slots = 200000};
    r = run_image(image, n, &one_less);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_CONTAINS(r->log, "Unhandled exception: System.StackOverflowException: Operation caused a stack overflow.\n");
}

/* A method taking one argument of `param` type that prints it with printer `kind`. */
static uint16_t add_echo(struct prog *p, uint8_t param, enum val_kind kind)
{
    struct il body;
    il_reset(&body);
    il_op(&body, CEE_LDARG_0);
    print_val(p, &body, kind);
    prog_print_text(p, &body, " ");
    il_op(&body, CEE_RET);
    char name[16];
    snprintf(name, sizeof name, "Echo%02x", param);
    return prog_method(p, name, ib_sig(p->app, (const uint8_t[]){0, 0, 1, CLR_ELEM_VOID, param}, 5), IB_NONE, &body);
}

TEST(arguments_take_their_parameter_types)
{
    struct prog *p = prog_new();
    const uint16_t u1 = add_echo(p, CLR_ELEM_U1, V_I4), i1 = add_echo(p, CLR_ELEM_I1, V_I4),
                   i2 = add_echo(p, CLR_ELEM_I2, V_I4), ch = add_echo(p, CLR_ELEM_CHAR, V_I4),
                   bo = add_echo(p, CLR_ELEM_BOOLEAN, V_I4), r4 = add_echo(p, CLR_ELEM_R4, V_R8),
                   r8 = add_echo(p, CLR_ELEM_R8, V_R8), u = add_echo(p, CLR_ELEM_U, V_I);
    struct il *il = prog_main(p);
    const struct {
        uint16_t method;
        struct val v;
    } calls[] = {{u1, I4(300)}, {i1, I4(200)}, {i2, I4(40000)}, {ch, I4(0x1FFFF)}, {bo, I4(2)},
                 {r4, R8(0.1)}, {r8, R4(0.1f)}, {u, I4(-1)}};
    for (unsigned i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        push_val(p, il, calls[i].v);
        il_tok(il, CEE_CALL, TOK_METHOD_DEF(calls[i].method));
    }
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "44 -56 -25536 65535 2 0.10000000149011612 0.10000000149011612 4294967295 ");
}

TEST(locals_take_their_types_and_start_at_zero)
{
    struct prog *p = prog_new();
    /* locals: byte, sbyte, float32, float64, string, int64, uint16, int32, bool */
    const uint32_t locals = ib_sig(p->app, SIG_BYTES(2, 9, CLR_ELEM_U1, CLR_ELEM_I1, CLR_ELEM_R4, CLR_ELEM_R8,
                                                     CLR_ELEM_STRING, CLR_ELEM_I8, CLR_ELEM_U2, CLR_ELEM_I4,
                                                     CLR_ELEM_BOOLEAN));
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20, locals);
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 9;
    struct il *il = prog_main(p);
    /* zero values first */
    il_op(il, CEE_LDLOC_0);
    prog_print_i4(p, il);
    il_op(il, CEE_LDLOC_2);
    prog_print_r4(p, il);
    il_op(il, CEE_LDLOC_3);
    prog_print_r8(p, il);
    il_op(il, CEE_LDLOC_S);
    il_u8(il, 4);
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_CEQ);
    prog_print_i4(p, il);
    il_op(il, CEE_LDLOC_S);
    il_u8(il, 5);
    prog_print_i8(p, il);
    prog_print_text(p, il, "|");
    /* stores convert */
    il_ldc_i4(il, 300);
    il_op(il, CEE_STLOC_0);
    il_op(il, CEE_LDLOC_0);
    prog_print_i4(p, il);
    il_ldc_i4(il, 200);
    il_op(il, CEE_STLOC_1);
    il_op(il, CEE_LDLOC_1);
    prog_print_i4(p, il);
    il_ldc_r8(il, 0.1);
    il_op(il, CEE_STLOC_2);
    il_op(il, CEE_LDLOC_2);
    il_op(il, CEE_CONV_R8);
    prog_print_r8(p, il);
    il_ldc_r4(il, 0.1f);
    il_op(il, CEE_STLOC_3);
    il_op(il, CEE_LDLOC_3);
    prog_print_r8(p, il);
    il_ldc_i4(il, -1);
    il_op(il, CEE_STLOC); /* long forms */
    il_u16(il, 6);
    il_op(il, CEE_LDLOC);
    il_u16(il, 6);
    prog_print_i4(p, il);
    il_ldc_i4(il, 7);
    il_op(il, CEE_STLOC_S);
    il_u8(il, 7);
    il_op(il, CEE_LDLOC_S);
    il_u8(il, 7);
    il_op(il, CEE_DUP);
    il_op(il, CEE_ADD);
    prog_print_i4(p, il);
    il_ldc_i4(il, 258);
    il_op(il, CEE_STLOC_S);
    il_u8(il, 8);
    il_op(il, CEE_LDLOC_S);
    il_u8(il, 8);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "00010|"
                         "44" "-56" "0.10000000149011612" "0.10000000149011612" "65535" "14" "2");
}

TEST(starg_and_long_argument_forms)
{
    struct prog *p = prog_new();
    struct il body;
    il_reset(&body);
    il_op(&body, CEE_LDARG_0);
    il_ldc_i4(&body, 1000);
    il_op(&body, CEE_ADD);
    il_op(&body, CEE_STARG_S);
    il_u8(&body, 0);
    il_op(&body, CEE_LDARG);
    il_u16(&body, 0);
    il_op(&body, CEE_LDC_I4_2);
    il_op(&body, CEE_MUL);
    il_op(&body, CEE_STARG);
    il_u16(&body, 0);
    il_op(&body, CEE_LDARG_S);
    il_u8(&body, 0);
    il_op(&body, CEE_RET);
    const uint16_t m = prog_method(p, "G", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_I2, CLR_ELEM_I2)), IB_NONE, &body);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 16000);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    CHECK_STR_EQ(prog_run(p)->out, "-31536"); /* (short)(17000 * 2) */
}

TEST(results_take_the_return_type)
{
    struct prog *p = prog_new();
    struct il body;
    il_reset(&body);
    il_ldc_r8(&body, 0.1);
    il_op(&body, CEE_RET);
    const uint16_t f = prog_method(p, "F", ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_R4)), IB_NONE, &body);
    il_reset(&body);
    il_ldc_i4(&body, 511);
    il_op(&body, CEE_RET);
    const uint16_t b = prog_method(p, "B", ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_U1)), IB_NONE, &body);
    struct il *il = prog_main(p);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(f));
    prog_print_r4(p, il); /* the float32 parameter takes it as float32 in any case; check the kind: */
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(f));
    il_op(il, CEE_CONV_R8);
    prog_print_r8(p, il);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(b));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "0.10.10000000149011612255");
}

TEST(int_main_is_accepted_and_its_value_dropped)
{
    struct prog *p = prog_new();
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 16, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_I4)));
    il_ldc_i4(prog_main(p), 3);
    il_op(prog_main(p), CEE_RET);
    CHECK_EQ(prog_run(p)->result, CLR_OK);
}

static const struct run *run_main_il(const uint8_t *code, size_t len)
{
    struct prog *p = prog_new();
    for (size_t i = 0; i < len; i++)
        il_u8(prog_main(p), code[i]);
    return prog_run(p);
}

TEST(malformed_bodies_end_in_invalid_program)
{
    static const uint8_t pop_empty[] = {CEE_POP, CEE_RET};
    static const uint8_t no_ret[] = {CEE_NOP};
    static const uint8_t bad_local[] = {CEE_LDLOC_0, CEE_RET};
    static const uint8_t bad_arg[] = {CEE_LDARG_1, CEE_RET};
    static const uint8_t overflow_stack[] = {CEE_LDC_I4_0, CEE_BR_S, 0xFD}; /* pushes forever: max_stack 64 */
    static const uint8_t ret_value_from_void[] = {CEE_LDC_I4_0, CEE_LDC_I4_0, CEE_STLOC_0, CEE_RET};
    const struct {
        const uint8_t *code;
        size_t len;
        const char *log;
    } cases[] = {
        {pop_empty, sizeof pop_empty, "IL_0000 pop in App.Program::Main: the evaluation stack is too short."},
        {no_ret, sizeof no_ret, "Execution ran past the end of App.Program::Main."},
        {bad_local, sizeof bad_local, "IL_0000 ldloc.0 in App.Program::Main: no such argument or local."},
        {bad_arg, sizeof bad_arg, "IL_0000 ldarg.1 in App.Program::Main: no such argument or local."},
        {overflow_stack, sizeof overflow_stack, "IL_0000 ldc.i4.0 in App.Program::Main: the evaluation stack is "
                                                "deeper than the method's max_stack."},
        {ret_value_from_void, sizeof ret_value_from_void, "IL_0002 stloc.0 in App.Program::Main: no such argument"},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct run *r = run_main_il(cases[i].code, cases[i].len);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, "Unhandled exception: System.InvalidProgramException: Common Language Runtime "
                               "detected an invalid program. ");
        CHECK_CONTAINS(r->log, cases[i].log);
    }
}

TEST(dup_pop_nop_ldnull)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_op(il, CEE_NOP);
    il_ldc_i4(il, 21);
    il_op(il, CEE_DUP);
    il_op(il, CEE_ADD);
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_POP);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    CHECK_STR_EQ(prog_run(p)->out, "42");
}
