/*
 * Managed pointers: ldloca, ldarga, ldsflda, ldind.* and stind.*, by-reference
 * parameters and a value type's 'this' (how Roslyn compiles `i.ToString()`: ldloca, call Int32::ToString).
 */
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

/* Main gets these locals (a locals signature of `count` types). */
static void main_locals(struct prog *p, const uint8_t *types, uint8_t count)
{
    uint8_t sig[32] = {CLR_SIG_LOCALS, count};
    memcpy(sig + 2, types, count);
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20, ib_sig(p->app, sig, (size_t)count + 2));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = count;
}

TEST(stind_and_ldind_through_a_local_convert_as_the_instruction_and_the_local_say)
{
    struct prog *p = prog_new();
    static const uint8_t types[] = {CLR_ELEM_I4, CLR_ELEM_U1, CLR_ELEM_I8, CLR_ELEM_R4, CLR_ELEM_R8, CLR_ELEM_STRING,
                                    CLR_ELEM_I2};
    main_locals(p, types, sizeof types);
    struct il *il = prog_main(p);
    /* int local: stind.i1 of 300 truncates to 44, ldind.i4 reads it back */
    il_op(il, CEE_LDLOCA_S); il_u8(il, 0);
    il_ldc_i4(il, 300);
    il_op(il, 0x52); /* stind.i1 */
    il_op(il, CEE_LDLOCA_S); il_u8(il, 0);
    il_op(il, 0x4A); /* ldind.i4 */
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    /* byte local: stind.i4 of -1 stores 255; ldind.i1 reads -1, ldind.u1 255 */
    il_op(il, CEE_LDLOCA_S); il_u8(il, 1);
    il_ldc_i4(il, -1);
    il_op(il, 0x54); /* stind.i4 */
    il_op(il, CEE_LDLOC_1);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOCA_S); il_u8(il, 1);
    il_op(il, 0x46); /* ldind.i1 */
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOCA_S); il_u8(il, 1);
    il_op(il, 0x47); /* ldind.u1 */
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    /* long, float, double, string, short (long form ldloca) */
    il_op(il, CEE_LDLOCA_S); il_u8(il, 2);
    il_ldc_i8(il, -5000000000LL);
    il_op(il, 0x55); /* stind.i8 */
    il_op(il, CEE_LDLOCA_S); il_u8(il, 2);
    il_op(il, 0x4C); /* ldind.i8 */
    prog_print_i8(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOCA_S); il_u8(il, 3);
    il_ldc_r8(il, 0.1);
    il_op(il, 0x56); /* stind.r4: rounds to float32 */
    il_op(il, CEE_LDLOCA_S); il_u8(il, 3);
    il_op(il, 0x4E); /* ldind.r4 */
    prog_print_r4(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOCA_S); il_u8(il, 4);
    il_ldc_r8(il, 2.5);
    il_op(il, 0x57); /* stind.r8 */
    il_op(il, CEE_LDLOCA_S); il_u8(il, 4);
    il_op(il, 0x4F); /* ldind.r8 */
    prog_print_r8(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOCA_S); il_u8(il, 5);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "text")));
    il_op(il, CEE_STIND_REF);
    il_op(il, CEE_LDLOCA_S); il_u8(il, 5);
    il_op(il, CEE_LDIND_REF);
    prog_print_str(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOCA); il_u16(il, 6);
    il_ldc_i4(il, 70000);
    il_op(il, 0x53); /* stind.i2 */
    il_op(il, CEE_LDLOCA); il_u16(il, 6);
    il_op(il, 0x49); /* ldind.u2 */
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "44 255 -1 255 -5000000000 0.1 2.5 text 4464");
}

TEST(by_reference_parameters_reach_locals_arguments_and_statics)
{
    struct prog *p = prog_new();
    const uint16_t counter = ib_field_def(p->app, "counter", FA_STATIC,
                                          ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I4)));
    /* static void Inc(ref int x) { x = x + 1; } */
    struct il inc;
    il_reset(&inc);
    il_op(&inc, CEE_LDARG_0);
    il_op(&inc, CEE_LDARG_0);
    il_op(&inc, 0x4A); /* ldind.i4 */
    il_ldc_i4(&inc, 1);
    il_op(&inc, CEE_ADD);
    il_op(&inc, 0x54); /* stind.i4 */
    il_op(&inc, CEE_RET);
    const uint16_t m_inc = prog_method(p, "Inc", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_BYREF, CLR_ELEM_I4)),
                                       IB_NONE, &inc);
    /* static int Twice(int a) { Inc(ref a); Inc(ref a); return a; } */
    struct il twice;
    il_reset(&twice);
    il_op(&twice, CEE_LDARGA_S); il_u8(&twice, 0);
    il_tok(&twice, CEE_CALL, TOK_METHOD_DEF(m_inc));
    il_op(&twice, CEE_LDARGA); il_u16(&twice, 0);
    il_tok(&twice, CEE_CALL, TOK_METHOD_DEF(m_inc));
    il_op(&twice, CEE_LDARG_0);
    il_op(&twice, CEE_RET);
    const uint16_t m_twice = prog_method(p, "AddTwo", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_I4, CLR_ELEM_I4)),
                                         IB_NONE, &twice);
    static const uint8_t types[] = {CLR_ELEM_I4};
    main_locals(p, types, 1);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 40);
    il_op(il, CEE_STLOC_0);
    il_op(il, CEE_LDLOCA_S); il_u8(il, 0);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m_inc));
    il_op(il, CEE_LDLOC_0);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_ldc_i4(il, 7);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m_twice));
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    for (int i = 0; i < 3; i++) {
        il_tok(il, CEE_LDSFLDA, TOK_FIELD_DEF(counter));
        il_tok(il, CEE_CALL, TOK_METHOD_DEF(m_inc));
    }
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(counter));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "41 9 3");
}

TEST(a_value_types_instance_method_takes_this_by_reference)
{
    struct prog *p = prog_new();
    const uint16_t value_type = ib_type_ref(p->app, p->corlib_ref, "System", "ValueType");
    const uint16_t app_type = p->program;
    (void)app_type;
    ib_type_def(p->app, "App", "Num", TA_SEALED, TOK_TYPE_REF(value_type));
    ib_field_def(p->app, "m_value", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I4)));
    /* public string Text() { return Number.Int32ToString(this * 10); } (this read with ldind.i4) */
    struct il text;
    il_reset(&text);
    il_op(&text, CEE_LDARG_0);
    il_op(&text, 0x4A); /* ldind.i4 */
    il_ldc_i4(&text, 10);
    il_op(&text, CEE_MUL);
    il_tok(&text, CEE_CALL, p->i4_to_s);
    il_op(&text, CEE_RET);
    il_finish(&text);
    const uint16_t m_text = ib_method_def(p->app, "Text", 0, 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 0, CLR_ELEM_STRING)),
                                          IB_NONE, 4);
    ib_method_body(p->app, m_text, text.code, text.len);
    ib_type_def(p->app, "App", "Holder", 0, 0);
    const uint16_t sfield = ib_field_def(p->app, "S", FA_STATIC, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I4)));
    static const uint8_t types[] = {CLR_ELEM_I4};
    main_locals(p, types, 1);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 4);
    il_op(il, CEE_STLOC_0);
    il_op(il, CEE_LDLOCA_S); il_u8(il, 0);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m_text));
    prog_print_str(p, il);
    il_ldc_i4(il, -2);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(sfield));
    il_tok(il, CEE_LDSFLDA, TOK_FIELD_DEF(sfield));
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m_text));
    prog_print_str(p, il);
    /* An object where the managed pointer belongs is invalid IL. */
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "x")));
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(m_text)); /* IL_0029 */
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->out, "40-20");
    CHECK_STR_EQ(r->log, "Unhandled exception: System.InvalidProgramException: Common Language Runtime detected an "
                         "invalid program. The 'this' of App.Num::Text is object, not a managed pointer.\n"
                         "   at App.Program.Main() IL_0029\n");
}

TEST(ldsflda_runs_the_type_initialiser_first)
{
    struct prog *p = prog_new();
    const uint16_t t = ib_type_def(p->app, "App", "T", TA_BEFORE_FIELD_INIT, 0);
    const uint16_t f = ib_field_def(p->app, "F", FA_STATIC, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I8)));
    struct il cctor;
    il_reset(&cctor);
    il_ldc_i8(&cctor, 1234567890123LL);
    il_tok(&cctor, CEE_STSFLD, TOK_FIELD_DEF(f));
    il_op(&cctor, CEE_RET);
    il_finish(&cctor);
    const uint16_t m = ib_method_def(p->app, ".cctor", MA_STATIC, 0, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)),
                                     IB_NONE, 4);
    ib_method_body(p->app, m, cctor.code, cctor.len);
    ib_type_set_cctor(p->app, t, m);
    struct il *il = prog_main(p);
    il_tok(il, CEE_LDSFLDA, TOK_FIELD_DEF(f));
    il_op(il, 0x4C); /* ldind.i8 */
    prog_print_i8(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "1234567890123");
}

TEST(ill_typed_indirections_are_invalid_programs)
{
    static const struct {
        uint8_t code[8];
        uint8_t len;
        const char *message;
    } cases[] = {
        {{CEE_LDC_I4_1, 0x4A, CEE_POP, CEE_RET}, 4, "IL_0001 ldind.i4 in App.Program::Main: int32."},
        {{CEE_LDLOCA_S, 0, 0x4C, CEE_POP, CEE_RET}, 5,
         "IL_0002 ldind.i8 in App.Program::Main: the location holds a value of another type."},
        {{CEE_LDLOCA_S, 0, CEE_LDNULL, CEE_STIND_REF, CEE_RET}, 5,
         "IL_0003 stind.ref in App.Program::Main: the location holds a value of another type."},
        {{CEE_LDLOCA_S, 0, CEE_LDC_I4_1, 0x55, CEE_RET}, 5, "IL_0003 stind.i8 in App.Program::Main: managed pointer and int32."},
        {{CEE_LDC_I4_1, CEE_LDC_I4_1, 0x54, CEE_RET}, 4, "IL_0002 stind.i4 in App.Program::Main: int32 and int32."},
        {{CEE_LDLOCA_S, 0, CEE_LDC_I4_1, CEE_ADD, CEE_POP, CEE_RET}, 6, "IL_0003 add in App.Program::Main: managed pointer and int32."},
        {{CEE_LDLOCA_S, 1, CEE_POP, CEE_RET}, 4, "IL_0000 ldloca.s in App.Program::Main: no such argument or local."},
        {{CEE_LDARGA_S, 0, CEE_POP, CEE_RET}, 4, "IL_0000 ldarga.s in App.Program::Main: no such argument or local."},
        {{CEE_LDLOCA_S, 0, CEE_LDC_I4_1, 0x4A, CEE_RET}, 5, "IL_0003 ldind.i4 in App.Program::Main: int32."},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct prog *p = prog_new();
        static const uint8_t types[] = {CLR_ELEM_I4};
        main_locals(p, types, 1);
        for (unsigned k = 0; k < cases[i].len; k++)
            il_u8(prog_main(p), cases[i].code[k]);
        const struct run *r = prog_run(p);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, "Unhandled exception: System.InvalidProgramException: ");
        CHECK_CONTAINS(r->log, cases[i].message);
    }
}
