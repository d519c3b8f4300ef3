/*
 * Static fields (per type storage, typed like locals) and type initialisers in .NET 10's observable
 * order: a beforefieldinit type at its first static field access, a type with an explicit static
 * constructor also at the first call of one of its methods.
 */
#include <string.h>

#include "arith_case.h"
#include "harness.h"

static uint32_t void_sig(struct prog *p)
{
    return ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID));
}

static uint32_t field_sig(struct prog *p, uint8_t elem)
{
    return ib_sig(p->app, (const uint8_t[]){CLR_SIG_FIELD, elem}, 2);
}

static void body(struct prog *p, uint16_t method, struct il *il)
{
    il_finish(il);
    ib_method_body(p->app, method, il->code, il->len);
}

TEST(static_fields_start_at_zero_and_keep_what_is_stored)
{
    struct prog *p = prog_new();
    const uint16_t i4 = ib_field_def(p->app, "i4", FA_STATIC, field_sig(p, CLR_ELEM_I4));
    const uint16_t i8 = ib_field_def(p->app, "i8", FA_STATIC, field_sig(p, CLR_ELEM_I8));
    const uint16_t r4 = ib_field_def(p->app, "r4", FA_STATIC, field_sig(p, CLR_ELEM_R4));
    const uint16_t r8 = ib_field_def(p->app, "r8", FA_STATIC, field_sig(p, CLR_ELEM_R8));
    const uint16_t s = ib_field_def(p->app, "s", FA_STATIC, field_sig(p, CLR_ELEM_STRING));
    const uint16_t u1 = ib_field_def(p->app, "u1", FA_STATIC, field_sig(p, CLR_ELEM_U1));
    struct il *il = prog_main(p);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(i4));
    prog_print_i4(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(i8));
    prog_print_i8(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(r4));
    prog_print_r4(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(r8));
    prog_print_r8(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(s));
    prog_print_str(p, il); /* null writes nothing */
    prog_print_text(p, il, "|");
    il_ldc_i4(il, -7);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(i4));
    il_ldc_i8(il, 1LL << 40);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(i8));
    il_ldc_r8(il, 0.1);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(r4)); /* rounds to float32 */
    il_ldc_r4(il, 0.5f);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(r8));
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "text")));
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(s));
    il_ldc_i4(il, 300);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(u1)); /* truncates to a byte */
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(i4));
    prog_print_i4(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(i8));
    prog_print_i8(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(r4));
    il_op(il, CEE_CONV_R8);
    prog_print_r8(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(r8));
    prog_print_r8(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(s));
    prog_print_str(p, il);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(u1));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "0000|-710995116277760.100000001490116120.5text44");
}

TEST(storing_the_wrong_kind_into_a_static_is_invalid_il)
{
    struct prog *p = prog_new();
    const uint16_t f = ib_field_def(p->app, "f", FA_STATIC, field_sig(p, CLR_ELEM_I4));
    il_ldc_i8(prog_main(p), 1);
    il_tok(prog_main(p), CEE_STSFLD, TOK_FIELD_DEF(f));
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_CONTAINS(r->log, "IL_0009 stsfld in App.Program::Main: int64.");
}

TEST(constants_and_instance_fields_have_no_static_storage)
{
    struct prog *p = prog_new();
    const uint16_t k = ib_field_def(p->app, "K", FA_STATIC | FA_LITERAL, field_sig(p, CLR_ELEM_I4));
    const uint16_t inst = ib_field_def(p->app, "x", 0, field_sig(p, CLR_ELEM_I4));
    il_tok(prog_main(p), CEE_LDSFLD, TOK_FIELD_DEF(k));
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_CONTAINS(r->log, "IL_0000 ldsfld in App.Program::Main: the field is a constant, without storage.");
    p = prog_new();
    ib_field_def(p->app, "K", FA_STATIC | FA_LITERAL, field_sig(p, CLR_ELEM_I4));
    ib_field_def(p->app, "x", 0, field_sig(p, CLR_ELEM_I4));
    il_tok(prog_main(p), CEE_LDSFLD, TOK_FIELD_DEF(inst));
    il_op(prog_main(p), CEE_RET);
    r = prog_run(p);
    CHECK_CONTAINS(r->log, "IL_0000 ldsfld in App.Program::Main: the field is not static.");
}

TEST(static_fields_of_another_assembly_through_field_refs)
{
    struct prog *p = prog_new();
    /* mscorlib's last type (System.Math) gets a static string field. */
    ib_field_def(p->corlib, "Cache", FA_STATIC, ib_sig(p->corlib, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_STRING)));
    const uint16_t math = ib_type_ref(p->app, p->corlib_ref, "System", "Math");
    const uint16_t cache = ib_field_ref(p->app, math, "Cache", field_sig(p, CLR_ELEM_STRING));
    struct il *il = prog_main(p);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "kept")));
    il_tok(il, CEE_STSFLD, TOK_FIELD_REF(cache));
    il_tok(il, CEE_LDSFLD, TOK_FIELD_REF(cache));
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "kept");
}

TEST(enum_typed_statics_and_locals_hold_the_underlying_type)
{
    struct prog *p = prog_new();
    /* enum Color : byte { Red, Green }: value__ is an instance field of the underlying type. */
    const uint16_t color = ib_type_def(p->app, "App", "Color", TA_SEALED, TOK_TYPE_REF(p->enum_type_ref));
    ib_field_def(p->app, "value__", 0, field_sig(p, CLR_ELEM_U1));
    const uint32_t color_sig = ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_VALUETYPE, SIG_TOKEN(TOK_TYPE_DEF(color))));
    ib_field_def(p->app, "Green", FA_STATIC | FA_LITERAL, color_sig);
    ib_type_def(p->app, "App", "Holder", 0, 0);
    const uint16_t f = ib_field_def(p->app, "Current", FA_STATIC, color_sig);
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20,
             ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 1, CLR_ELEM_VALUETYPE, SIG_TOKEN(TOK_TYPE_DEF(color)))));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 1;
    struct il *il = prog_main(p);
    il_ldc_i4(il, 257);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(f)); /* a byte enum keeps the low byte */
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(f));
    prog_print_i4(p, il);
    il_ldc_i4(il, 258);
    il_op(il, CEE_STLOC_0);
    il_op(il, CEE_LDLOC_0);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "12");
}

TEST(struct_statics_start_as_their_default_value)
{
    struct prog *p = prog_new();
    const uint16_t value_type = ib_type_ref(p->app, p->corlib_ref, "System", "ValueType");
    const uint16_t point = ib_type_def(p->app, "App", "Point", TA_SEALED, TOK_TYPE_REF(value_type));
    const uint16_t x = ib_field_def(p->app, "X", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I4)));
    ib_type_def(p->app, "App", "Holder", 0, 0);
    const uint16_t f = ib_field_def(p->app, "P", FA_STATIC,
                                    ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_VALUETYPE, SIG_TOKEN(TOK_TYPE_DEF(point)))));
    struct il *il = prog_main(p);
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(f));
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(x));
    prog_print_i4(p, il);
    il_tok(il, CEE_LDSFLDA, TOK_FIELD_DEF(f));
    il_ldc_i4(il, 7);
    il_tok(il, CEE_STFLD, TOK_FIELD_DEF(x));
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(f));
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(x));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "07");
}

/*
 * The C# program below, compiled by hand into IL the way Roslyn compiles it. .NET 10 on this machine
 * (dotnet run, Debug and Release alike) printed:
 *   start / A init / A.X=1 / before B.M / B cctor / B.M / before C.M / C.M / before D.Get / D.Get /
 *   D init / D=1 / before E.Y write / E init / after E.Y write / after G false / G init / G n=1 /
 *   P init / pf=1
 *
 *   static class Log { public static int Say(string s) { Console.WriteLine(s); return 1; } }
 *   class A { public static int X = Log.Say("A init"); }
 *   class B { public static int X; static B() { Log.Say("B cctor"); X = 5; } public static void M() { Log.Say("B.M"); } }
 *   class C { public static int X = Log.Say("C init"); public static void M() { Log.Say("C.M"); } }
 *   class D { public static int X = Log.Say("D init"); public static int Get() { Log.Say("D.Get"); return X; } }
 *   class E { public static int X = Log.Say("E init"); public static int Y; }
 *   class G { static int n = Log.Say("G init"); public static void Touch(bool b) { if (b) Log.Say("G n=" + n); } }
 *   class P {
 *     static int pf = Log.Say("P init");
 *     static void Main() {
 *       Log.Say("start"); Log.Say("A.X=" + A.X); Log.Say("before B.M"); B.M(); Log.Say("before C.M"); C.M();
 *       Log.Say("before D.Get"); Log.Say("D=" + D.Get()); Log.Say("before E.Y write"); E.Y = 3;
 *       Log.Say("after E.Y write"); G.Touch(false); Log.Say("after G false"); G.Touch(true); Log.Say("pf=" + pf);
 *     }
 *   }
 */
struct cctor_program {
    struct prog *p;
    uint16_t say;
};

static void say(struct cctor_program *c, struct il *il, const char *text, bool keep)
{
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(c->p->app, text)));
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(c->say));
    if (!keep)
        il_op(il, CEE_POP);
}

/* "<prefix>" + <int on the stack>, said. */
static void say_with_number(struct cctor_program *c, struct il *il)
{
    il_tok(il, CEE_CALL, c->p->i4_to_s);
    il_tok(il, CEE_CALL, c->p->concat);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(c->say));
    il_op(il, CEE_POP);
}

/* A .cctor for a field initialiser "static int X = Log.Say(text)". */
static void initialiser(struct cctor_program *c, uint16_t cctor, const char *text, uint16_t field)
{
    struct il il;
    il_reset(&il);
    say(c, &il, text, true);
    il_tok(&il, CEE_STSFLD, TOK_FIELD_DEF(field));
    il_op(&il, CEE_RET);
    body(c->p, cctor, &il);
}

TEST(type_initialisers_run_in_dotnets_order)
{
    struct cctor_program c = {.p = prog_new()};
    struct prog *p = c.p;
    const uint32_t i4 = field_sig(p, CLR_ELEM_I4);
    const uint32_t v = void_sig(p);
    /* P = App.Program: beforefieldinit, static int pf */
    ib_put32(ib_row(p->app, CLR_TBL_TYPE_DEF, p->program) + 8, TA_BEFORE_FIELD_INIT);
    const uint16_t pf = ib_field_def(p->app, "pf", FA_STATIC, i4);
    const uint16_t p_cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, v, IB_NONE, 8);
    ib_type_set_cctor(p->app, p->program, p_cctor);
    ib_type_def(p->app, "App", "Log", 0, 0);
    c.say = ib_method_def(p->app, "Say", MA_STATIC, 0, ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_I4, CLR_ELEM_STRING)),
                          IB_NONE, 8);
    const uint16_t a = ib_type_def(p->app, "App", "A", TA_BEFORE_FIELD_INIT, 0);
    const uint16_t a_x = ib_field_def(p->app, "X", FA_STATIC, i4);
    const uint16_t a_cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, v, IB_NONE, 8);
    ib_type_set_cctor(p->app, a, a_cctor);
    const uint16_t b = ib_type_def(p->app, "App", "B", 0, 0);
    const uint16_t b_x = ib_field_def(p->app, "X", FA_STATIC, i4);
    const uint16_t b_cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, v, IB_NONE, 8);
    const uint16_t b_m = ib_method_def(p->app, "M", MA_STATIC, 0, v, IB_NONE, 8);
    ib_type_set_cctor(p->app, b, b_cctor);
    const uint16_t ct = ib_type_def(p->app, "App", "C", TA_BEFORE_FIELD_INIT, 0);
    const uint16_t c_x = ib_field_def(p->app, "X", FA_STATIC, i4);
    const uint16_t c_cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, v, IB_NONE, 8);
    const uint16_t c_m = ib_method_def(p->app, "M", MA_STATIC, 0, v, IB_NONE, 8);
    ib_type_set_cctor(p->app, ct, c_cctor);
    const uint16_t d = ib_type_def(p->app, "App", "D", TA_BEFORE_FIELD_INIT, 0);
    const uint16_t d_x = ib_field_def(p->app, "X", FA_STATIC, i4);
    const uint16_t d_cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, v, IB_NONE, 8);
    const uint16_t d_get = ib_method_def(p->app, "Get", MA_STATIC, 0, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_I4)),
                                         IB_NONE, 8);
    ib_type_set_cctor(p->app, d, d_cctor);
    const uint16_t e = ib_type_def(p->app, "App", "E", TA_BEFORE_FIELD_INIT, 0);
    const uint16_t e_x = ib_field_def(p->app, "X", FA_STATIC, i4);
    const uint16_t e_y = ib_field_def(p->app, "Y", FA_STATIC, i4);
    const uint16_t e_cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, v, IB_NONE, 8);
    ib_type_set_cctor(p->app, e, e_cctor);
    const uint16_t g = ib_type_def(p->app, "App", "G", TA_BEFORE_FIELD_INIT, 0);
    const uint16_t g_n = ib_field_def(p->app, "n", FA_STATIC, i4);
    const uint16_t g_cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, v, IB_NONE, 8);
    const uint16_t g_touch = ib_method_def(p->app, "Touch", MA_STATIC, 0,
                                           ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_BOOLEAN)), IB_NONE, 8);
    ib_type_set_cctor(p->app, g, g_cctor);

    struct il il;
    il_reset(&il); /* Log.Say: Console.WriteLine(s) is WriteNative(Concat(s, "\n")) in our corlib */
    il_op(&il, CEE_LDARG_0);
    il_tok(&il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "\n")));
    il_tok(&il, CEE_CALL, p->concat);
    il_tok(&il, CEE_CALL, p->write);
    il_op(&il, CEE_LDC_I4_1);
    il_op(&il, CEE_RET);
    body(p, c.say, &il);
    initialiser(&c, p_cctor, "P init", pf);
    initialiser(&c, a_cctor, "A init", a_x);
    initialiser(&c, c_cctor, "C init", c_x);
    initialiser(&c, d_cctor, "D init", d_x);
    initialiser(&c, e_cctor, "E init", e_x);
    initialiser(&c, g_cctor, "G init", g_n);
    il_reset(&il);
    say(&c, &il, "B cctor", false);
    il_op(&il, CEE_LDC_I4_5);
    il_tok(&il, CEE_STSFLD, TOK_FIELD_DEF(b_x));
    il_op(&il, CEE_RET);
    body(p, b_cctor, &il);
    il_reset(&il);
    say(&c, &il, "B.M", false);
    il_op(&il, CEE_RET);
    body(p, b_m, &il);
    il_reset(&il);
    say(&c, &il, "C.M", false);
    il_op(&il, CEE_RET);
    body(p, c_m, &il);
    il_reset(&il);
    say(&c, &il, "D.Get", false);
    il_tok(&il, CEE_LDSFLD, TOK_FIELD_DEF(d_x));
    il_op(&il, CEE_RET);
    body(p, d_get, &il);
    il_reset(&il);
    const uint32_t skip = il_label(&il);
    il_op(&il, CEE_LDARG_0);
    il_branch(&il, CEE_BRFALSE_S, skip);
    il_tok(&il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "G n=")));
    il_tok(&il, CEE_LDSFLD, TOK_FIELD_DEF(g_n));
    say_with_number(&c, &il);
    il_mark(&il, skip);
    il_op(&il, CEE_RET);
    body(p, g_touch, &il);

    struct il *m = prog_main(p);
    say(&c, m, "start", false);
    il_tok(m, CEE_LDSTR, TOK_STRING(ib_string(p->app, "A.X=")));
    il_tok(m, CEE_LDSFLD, TOK_FIELD_DEF(a_x));
    say_with_number(&c, m);
    say(&c, m, "before B.M", false);
    il_tok(m, CEE_CALL, TOK_METHOD_DEF(b_m));
    say(&c, m, "before C.M", false);
    il_tok(m, CEE_CALL, TOK_METHOD_DEF(c_m));
    say(&c, m, "before D.Get", false);
    il_tok(m, CEE_LDSTR, TOK_STRING(ib_string(p->app, "D=")));
    il_tok(m, CEE_CALL, TOK_METHOD_DEF(d_get));
    say_with_number(&c, m);
    say(&c, m, "before E.Y write", false);
    il_op(m, CEE_LDC_I4_3);
    il_tok(m, CEE_STSFLD, TOK_FIELD_DEF(e_y));
    say(&c, m, "after E.Y write", false);
    il_op(m, CEE_LDC_I4_0);
    il_tok(m, CEE_CALL, TOK_METHOD_DEF(g_touch));
    say(&c, m, "after G false", false);
    il_op(m, CEE_LDC_I4_1);
    il_tok(m, CEE_CALL, TOK_METHOD_DEF(g_touch));
    il_tok(m, CEE_LDSTR, TOK_STRING(ib_string(p->app, "pf=")));
    il_tok(m, CEE_LDSFLD, TOK_FIELD_DEF(pf));
    say_with_number(&c, m);
    il_op(m, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "start\nA init\nA.X=1\nbefore B.M\nB cctor\nB.M\nbefore C.M\nC.M\nbefore D.Get\nD.Get\n"
                         "D init\nD=1\nbefore E.Y write\nE init\nafter E.Y write\nafter G false\nG init\nG n=1\n"
                         "P init\npf=1\n");
}

TEST(a_precise_entry_type_is_initialised_before_main)
{
    struct prog *p = prog_new();
    const uint16_t cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, void_sig(p), IB_NONE, 8);
    ib_type_set_cctor(p->app, p->program, cctor);
    struct il il;
    il_reset(&il);
    prog_print_text(p, &il, "cctor ");
    il_op(&il, CEE_RET);
    body(p, cctor, &il);
    prog_print_text(p, prog_main(p), "main");
    il_op(prog_main(p), CEE_RET);
    CHECK_STR_EQ(prog_run(p)->out, "cctor main");
}

TEST(a_type_initialiser_runs_once_and_sees_its_own_statics_while_running)
{
    struct prog *p = prog_new();
    const uint16_t t = ib_type_def(p->app, "App", "T", 0, 0);
    const uint16_t x = ib_field_def(p->app, "X", FA_STATIC, field_sig(p, CLR_ELEM_I4));
    const uint16_t cctor = ib_method_def(p->app, ".cctor", MA_STATIC, 0, void_sig(p), IB_NONE, 8);
    const uint16_t get = ib_method_def(p->app, "Get", MA_STATIC, 0, ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_I4)),
                                       IB_NONE, 8);
    ib_type_set_cctor(p->app, t, cctor);
    struct il il;
    il_reset(&il); /* .cctor: print X (still 0), call Get (no second .cctor), X = 7 */
    prog_print_text(p, &il, "init:");
    il_tok(&il, CEE_LDSFLD, TOK_FIELD_DEF(x));
    prog_print_i4(p, &il);
    il_tok(&il, CEE_CALL, TOK_METHOD_DEF(get));
    prog_print_i4(p, &il);
    il_ldc_i4(&il, 7);
    il_tok(&il, CEE_STSFLD, TOK_FIELD_DEF(x));
    il_op(&il, CEE_RET);
    body(p, cctor, &il);
    il_reset(&il);
    il_tok(&il, CEE_LDSFLD, TOK_FIELD_DEF(x));
    il_op(&il, CEE_RET);
    body(p, get, &il);
    struct il *m = prog_main(p);
    for (int i = 0; i < 3; i++) {
        prog_print_text(p, m, " ");
        il_tok(m, CEE_CALL, TOK_METHOD_DEF(get));
        prog_print_i4(p, m);
    }
    il_op(m, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, " init:007 7 7");
}
