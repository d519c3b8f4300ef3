/*
 * Slice 1 has no exception handlers: a runtime exception stops the program with .NET's type and message
 * texts and the managed stack trace (innermost first, IL offset of each frame's current instruction).
 */
#include <stdio.h>
#include <string.h>

#include "arith_case.h"
#include "harness.h"

static unsigned count_lines(const char *text)
{
    unsigned n = 0;
    for (; *text != '\0'; text++)
        n += *text == '\n';
    return n;
}

TEST(division_by_zero_stops_with_dotnets_message_and_the_stack_trace)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    prog_print_text(p, il, "before\n"); /* IL_0000 ldstr, IL_0005 call */
    il_ldc_i4(il, 1);                   /* IL_000a */
    il_ldc_i4(il, 0);                   /* IL_000b */
    il_op(il, CEE_DIV);                 /* IL_000c */
    prog_print_i4(p, il);
    prog_print_text(p, il, "after\n");
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_STR_EQ(r->out, "before\n");
    CHECK_STR_EQ(r->log, "Unhandled exception: System.DivideByZeroException: Attempted to divide by zero.\n"
                         "   at App.Program.Main() IL_000c\n");
}

TEST(the_trace_names_every_frame_with_its_parameters)
{
    struct prog *p = prog_new();
    const uint16_t inner = ib_type_def(p->app, "", "Inner", 0, 0);
    ib_type_set_enclosing(p->app, inner, p->program);
    struct il body;
    il_reset(&body);
    il_op(&body, CEE_NOP);
    il_op(&body, CEE_LDARG_0); /* IL_0001 */
    il_op(&body, CEE_LDC_I4_0);
    il_op(&body, CEE_REM); /* IL_0003 */
    il_op(&body, CEE_RET);
    const uint16_t divide = prog_method(
        p, "Divide",
        ib_sig(p->app, SIG_BYTES(0, 0, 3, CLR_ELEM_I4, CLR_ELEM_I4, CLR_ELEM_STRING, CLR_ELEM_SZARRAY, CLR_ELEM_R8)),
        IB_NONE, &body);
    struct il *il = prog_main(p);
    il_op(il, CEE_NOP);
    il_ldc_i4(il, 7);
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(divide)); /* IL_0004 */
    il_op(il, CEE_POP);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.DivideByZeroException: Attempted to divide by zero.\n"
                         "   at App.Program.Inner.Divide(Int32, String, Double[]) IL_0003\n"
                         "   at App.Program.Main() IL_0004\n");
}

TEST(overflow_exceptions)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_ldc_r8(il, 3e9);
    il_op(il, CEE_CONV_OVF_I4); /* IL_0009 */
    il_op(il, CEE_POP);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.OverflowException: Arithmetic operation resulted in an overflow.\n"
                         "   at App.Program.Main() IL_0009\n");
}

TEST(null_references)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALLVIRT, p->get_length); /* IL_0001 */
    il_op(il, CEE_POP);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.NullReferenceException: Object reference not set to an instance "
                         "of an object.\n   at App.Program.Main() IL_0001\n");
    /* call (not callvirt) reaches the method, which finds this null */
    p = prog_new();
    il = prog_main(p);
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALL, p->get_length);
    il_op(il, CEE_RET);
    r = prog_run(p);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.NullReferenceException: Object reference not set to an instance "
                         "of an object.\n   at System.String.get_Length()\n   at App.Program.Main() IL_0001\n");
}

TEST(index_out_of_range_in_get_chars)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "abc")));
    il_ldc_i4(il, 3);
    il_tok(il, CEE_CALLVIRT, p->get_chars); /* IL_0006 */
    il_op(il, CEE_POP);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.IndexOutOfRangeException: Index was outside the bounds of the "
                         "array.\n   at System.String.get_Chars(Int32)\n   at App.Program.Main() IL_0006\n");
}

/* static void Recurse(int n) { Recurse(n + 1); } with locals, called from Main */
static struct prog *endless_recursion(void)
{
    struct prog *p = prog_new();
    struct il body;
    il_reset(&body);
    const uint16_t self = (uint16_t)p->app->count[CLR_TBL_METHOD_DEF];
    il_op(&body, CEE_LDARG_0);
    il_op(&body, CEE_LDC_I4_1);
    il_op(&body, CEE_ADD);
    il_tok(&body, CEE_CALL, TOK_METHOD_DEF(self)); /* IL_0003 */
    il_op(&body, CEE_RET);
    prog_method(p, "Recurse", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_I4)),
                ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 2, CLR_ELEM_I8, CLR_ELEM_R8)), &body);
    il_op(prog_main(p), CEE_LDC_I4_0);
    il_tok(prog_main(p), CEE_CALL, TOK_METHOD_DEF(self)); /* IL_0001 */
    il_op(prog_main(p), CEE_RET);
    return p;
}

TEST(stack_overflow_at_the_call_depth_limit)
{
    const struct run_options depth_64 = {.ram = 4u << 20, .max_depth = 64, .stack_slots = 100000};
    const struct run *r = prog_run_with(endless_recursion(), &depth_64);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_EQ(count_lines(r->log), 1 + 15 + 1 + 4);
    CHECK(strncmp(r->log, "Unhandled exception: System.StackOverflowException: Operation caused a stack overflow.\n"
                          "   at App.Program.Recurse(Int32) IL_0003\n",
                  127) == 0);
    CHECK_CONTAINS(r->log, "   at App.Program.Recurse(Int32) IL_0003\n   ... 45 more frames ...\n"
                           "   at App.Program.Recurse(Int32) IL_0003\n");
    CHECK_CONTAINS(r->log, "   at App.Program.Main() IL_0001\n");
}

TEST(stack_overflow_when_the_slots_run_out)
{
    /* Main reserves 64 slots (max_stack) + 1 (newobj's spare), each Recurse 2 locals + 32 + 1: 205 slots
     * hold Main and 4 Recurse. */
    const struct run_options few_slots = {.max_depth = 2000, .stack_slots = 205};
    const struct run *r = prog_run_with(endless_recursion(), &few_slots);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_CONTAINS(r->log, "Unhandled exception: System.StackOverflowException: Operation caused a stack overflow.\n");
    CHECK_EQ(count_lines(r->log), 1 + 1 + 4);
    /* The default stack (1024 slots) holds 28 such frames, before the default depth of 64. */
    r = prog_run(endless_recursion());
    CHECK_CONTAINS(r->log, "   ... 9 more frames ...\n");
}

TEST(heap_exhaustion_throws_out_of_memory)
{
    /* string s = "x"; for (;;) s = s + s; */
    struct prog *p = prog_new();
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20,
             ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 1, CLR_ELEM_STRING)));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 1;
    struct il *il = prog_main(p);
    const uint32_t top = il_label(il);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "x")));
    il_op(il, CEE_STLOC_0);
    il_mark(il, top);
    il_op(il, CEE_LDLOC_0); /* IL_0006 */
    il_op(il, CEE_DUP);
    il_tok(il, CEE_CALL, p->concat); /* IL_0008 */
    il_op(il, CEE_STLOC_0);
    il_branch(il, CEE_BR_S, top);
    const struct run_options small = {.ram = 64 * 1024};
    const struct run *r = prog_run_with(p, &small);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.OutOfMemoryException: Insufficient memory to continue the "
                         "execution of the program.\n   at System.String.Concat(String, String)\n"
                         "   at App.Program.Main() IL_0008\n");
}

TEST(unsupported_instructions_stop_clearly)
{
    static const struct {
        uint8_t code[6];
        uint8_t len;
        const char *message;
    } cases[] = {
        {{CEE_LDC_I4_1, 0xFE, 0x0F, CEE_POP, CEE_RET}, 5, "IL_0001 localloc (0xfe0f) in App.Program::Main: this instruction is not supported by this runtime."},
        {{CEE_LDNULL, 0xC3, CEE_RET}, 3, "IL_0001 ckfinite (0xc3)"},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct prog *p = prog_new();
        ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20,
                 ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 1, CLR_ELEM_I4)));
        ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 1;
        for (unsigned k = 0; k < cases[i].len; k++)
            il_u8(prog_main(p), cases[i].code[k]);
        const struct run *r = prog_run(p);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, "Unhandled exception: System.NotSupportedException: ");
        CHECK_CONTAINS(r->log, cases[i].message);
    }
    /* ldtoken needs the corlib's handle structs (the test corlib has none); mkrefany is not supported */
    struct prog *p = prog_new();
    const uint16_t f = ib_field_def(p->app, "f", FA_STATIC, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I4)));
    (void)f;
    il_op(prog_main(p), CEE_LDC_I4_1);
    il_tok(prog_main(p), 0xD0 /* ldtoken */, TOK_TYPE_DEF(p->program));
    il_op(prog_main(p), CEE_RET);
    CHECK_CONTAINS(prog_run(p)->log, "System.NotSupportedException: ldtoken needs System.RuntimeTypeHandle, "
                                     "RuntimeFieldHandle and RuntimeMethodHandle in the corlib.");
    p = prog_new();
    il_op(prog_main(p), CEE_LDNULL);
    il_tok(prog_main(p), 0xC6 /* mkrefany */, TOK_TYPE_DEF(p->program));
    il_op(prog_main(p), CEE_RET);
    CHECK_CONTAINS(prog_run(p)->log, "IL_0001 mkrefany (0xc6)");
}

TEST(an_exception_in_a_type_initialiser_shows_the_cctor_frame)
{
    struct prog *p = prog_new();
    const uint16_t t = ib_type_def(p->app, "App", "T", 0, 0);
    const uint16_t cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)),
                                         IB_NONE, 4);
    const uint16_t m = ib_method_def(p->app, "M", MA_STATIC, 0, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), IB_NONE,
                                     4);
    ib_type_set_cctor(p->app, t, cctor);
    static const uint8_t div_zero[] = {CEE_LDC_I4_1, CEE_LDC_I4_0, CEE_DIV, CEE_POP, CEE_RET};
    ib_method_body(p->app, cctor, div_zero, sizeof div_zero);
    static const uint8_t ret[] = {CEE_RET};
    ib_method_body(p->app, m, ret, 1);
    il_op(prog_main(p), CEE_NOP);
    il_tok(prog_main(p), CEE_CALL, TOK_METHOD_DEF(m));
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "Unhandled exception: System.DivideByZeroException: Attempted to divide by zero.\n"
                         "   at App.T..cctor() IL_0002\n   at App.Program.Main() IL_0001\n");
}
