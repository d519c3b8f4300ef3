/*
 * Classes: newobj and constructor chains, instance fields, virtual dispatch through
 * vtables built at load (override, newslot, base calls, sealed), Object.ToString, castclass/isinst and
 * null checks.
 */
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

static const uint8_t void_this_sig[] = {0, CLR_SIG_HASTHIS, 0, CLR_ELEM_VOID};

struct classes {
    uint16_t base, derived, x, s, big, base_ctor, derived_ctor, base_v, base_w, derived_w, derived_v;
};

/*
 * class Base { int x; long big; Base(int x) { this.x = x; } virtual void V() { print "Base.V " + x }
 *              virtual void W() { print "Base.W " } }
 * class Derived : Base { string s; Derived(int x, string s) : base(x) { this.s = s; }
 *              override void V() { print "Derived.V "; base.V(); } new virtual void W() { print "Derived.W " } }
 */
static struct classes make_classes(struct prog *p)
{
    struct classes c;
    const uint16_t object = ib_type_ref(p->app, p->corlib_ref, "System", "Object");
    c.base = ib_type_def(p->app, "App", "Base", 0, TOK_TYPE_REF(object));
    c.x = ib_field_def(p->app, "x", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I4)));
    c.big = ib_field_def(p->app, "big", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I8)));
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_LDARG_0);
    il_op(&il, CEE_LDARG_1);
    il_tok(&il, CEE_STFLD, TOK_FIELD_DEF(c.x));
    il_op(&il, CEE_RET);
    c.base_ctor = prog_instance_method(p, ".ctor", 0,
                                       ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 1, CLR_ELEM_VOID, CLR_ELEM_I4)), &il);
    il_reset(&il);
    prog_print_text(p, &il, "Base.V ");
    il_op(&il, CEE_LDARG_0);
    il_tok(&il, CEE_LDFLD, TOK_FIELD_DEF(c.x));
    prog_print_i4(p, &il);
    prog_print_text(p, &il, " ");
    il_op(&il, CEE_RET);
    c.base_v =
        prog_instance_method(p, "V", MA_VIRTUAL | 0x0100, ib_sig(p->app, void_this_sig, sizeof void_this_sig), &il);
    c.base_w = prog_printer(p, "W", MA_VIRTUAL | 0x0100, "Base.W ");
    c.derived = ib_type_def(p->app, "App", "Derived", 0, TOK_TYPE_DEF(c.base));
    c.s = ib_field_def(p->app, "s", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_STRING)));
    il_reset(&il);
    il_op(&il, CEE_LDARG_0);
    il_op(&il, CEE_LDARG_1);
    il_tok(&il, CEE_CALL, TOK_METHOD_DEF(c.base_ctor));
    il_op(&il, CEE_LDARG_0);
    il_op(&il, CEE_LDARG_2);
    il_tok(&il, CEE_STFLD, TOK_FIELD_DEF(c.s));
    il_op(&il, CEE_RET);
    c.derived_ctor = prog_instance_method(p, ".ctor", 0,
                            ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 2, CLR_ELEM_VOID, CLR_ELEM_I4, CLR_ELEM_STRING)), &il);
    il_reset(&il);
    prog_print_text(p, &il, "Derived.V ");
    il_op(&il, CEE_LDARG_0);
    il_tok(&il, CEE_CALL, TOK_METHOD_DEF(c.base_v)); /* base.V() */
    il_op(&il, CEE_RET);
    c.derived_v = prog_instance_method(p, "V", MA_VIRTUAL, ib_sig(p->app, void_this_sig, sizeof void_this_sig), &il);
    c.derived_w = prog_printer(p, "W", MA_VIRTUAL | 0x0100, "Derived.W ");
    return c;
}

TEST(newobj_runs_the_constructor_chain_and_callvirt_dispatches_on_the_object_type)
{
    struct prog *p = prog_new();
    const struct classes c = make_classes(p);
    static const uint8_t locals[] = {CLR_SIG_LOCALS, 2, CLR_ELEM_CLASS, SIG_TOKEN(TOK_TYPE_DEF(0)), CLR_ELEM_OBJECT};
    uint8_t sig[sizeof locals];
    memcpy(sig, locals, sizeof sig);
    sig[3] = (uint8_t)c.base;
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20, ib_sig(p->app, sig, sizeof sig));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 2;
    struct il *il = prog_main(p);
    il_ldc_i4(il, 7);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "seven")));
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(c.derived_ctor));
    il_op(il, CEE_STLOC_0);
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_CALLVIRT, TOK_METHOD_DEF(c.base_v)); /* Derived.V Base.V 7 */
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_CALLVIRT, TOK_METHOD_DEF(c.base_w)); /* newslot: Base.W */
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_CALLVIRT, TOK_METHOD_DEF(c.derived_w));
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(c.s));
    prog_print_str(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(c.big)); /* never stored: 0 */
    prog_print_i8(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_CALLVIRT, p->object_to_s);
    prog_print_str(p, il);
    prog_print_text(p, il, " ");
    /* a plain Base, through ldflda and stind */
    il_ldc_i4(il, 1);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(c.base_ctor));
    il_op(il, CEE_DUP);
    il_op(il, CEE_STLOC_1);
    il_tok(il, CEE_LDFLDA, TOK_FIELD_DEF(c.x));
    il_ldc_i4(il, 42);
    il_op(il, 0x54); /* stind.i4 */
    il_op(il, CEE_LDLOC_1);
    il_tok(il, CEE_CALLVIRT, TOK_METHOD_DEF(c.base_v));
    il_op(il, CEE_LDLOC_1);
    il_tok(il, CEE_CALLVIRT, p->object_to_s);
    prog_print_str(p, il);
    /* isinst: a Base is not a Derived; a Derived is a Base */
    il_op(il, CEE_LDLOC_1);
    il_tok(il, CEE_ISINST, TOK_TYPE_DEF(c.derived));
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_CEQ);
    prog_print_i4(p, il);
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_CASTCLASS, TOK_TYPE_DEF(c.base));
    il_tok(il, CEE_ISINST, TOK_TYPE_DEF(c.derived));
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_CEQ);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "Derived.V Base.V 7 Base.W Derived.W seven 0 App.Derived Base.V 42 App.Base10");
}

TEST(null_receivers_and_failed_casts_throw)
{
    for (unsigned i = 0; i < 4; i++) {
        struct prog *p = prog_new();
        const struct classes c = make_classes(p);
        struct il *il = prog_main(p);
        il_op(il, CEE_NOP);
        switch (i) {
        case 0:
            il_op(il, CEE_LDNULL);
            il_tok(il, CEE_CALLVIRT, TOK_METHOD_DEF(c.base_v));
            break;
        case 1:
            il_op(il, CEE_LDNULL);
            il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(c.x));
            il_op(il, CEE_POP);
            break;
        case 2:
            il_ldc_i4(il, 1);
            il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(c.base_ctor));
            il_tok(il, CEE_CASTCLASS, TOK_TYPE_DEF(c.derived));
            il_op(il, CEE_POP);
            break;
        default:
            il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "s")));
            il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(c.x));
            il_op(il, CEE_POP);
            break;
        }
        il_op(il, CEE_RET);
        const struct run *r = prog_run(p);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        static const char *const expected[] = {
            "Unhandled exception: System.NullReferenceException: Object reference not set to an instance of an "
            "object.\n   at App.Program.Main() IL_0002\n",
            "Unhandled exception: System.NullReferenceException: Object reference not set to an instance of an "
            "object.\n   at App.Program.Main() IL_0002\n",
            "Unhandled exception: System.InvalidCastException: Unable to cast object of type 'App.Base' to type "
            "'App.Derived'.\n   at App.Program.Main() IL_0007\n",
            "Unhandled exception: System.InvalidProgramException: Common Language Runtime detected an invalid program. "
            "IL_0006 ldfld in App.Program::Main: the object has no such field.\n   at App.Program.Main() IL_0006\n",
        };
        CHECK_STR_EQ(r->log, expected[i]);
    }
}

TEST(an_abstract_class_cannot_be_created)
{
    struct prog *p = prog_new();
    const uint16_t object = ib_type_ref(p->app, p->corlib_ref, "System", "Object");
    ib_type_def(p->app, "App", "Abstract", 0x80, TOK_TYPE_REF(object));
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_RET);
    const uint16_t ctor = prog_instance_method(p, ".ctor", 0, ib_sig(p->app, void_this_sig, sizeof void_this_sig), &il);
    il_tok(prog_main(p), CEE_NEWOBJ, TOK_METHOD_DEF(ctor));
    il_op(prog_main(p), CEE_POP);
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_CONTAINS(r->log, "IL_0000 newobj in App.Program::Main: the type is abstract.");
}
