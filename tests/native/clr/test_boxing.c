/*
 * Boxing: box, unbox.any and unbox of primitives and enums, isinst/castclass on boxed
 * values, and what is left for later (structs).
 */
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

/* enum App.<name> : <underlying> */
static uint16_t make_enum(struct prog *p, const char *name, uint8_t underlying)
{
    const uint16_t e = ib_type_def(p->app, "App", name, TA_SEALED, TOK_TYPE_REF(p->enum_type_ref));
    ib_field_def(p->app, "value__", 0, ib_sig(p->app, (const uint8_t[]){CLR_SIG_FIELD, underlying}, 2));
    return e;
}

TEST(box_and_unbox_keep_the_value_and_its_type)
{
    struct prog *p = prog_new();
    const uint16_t small = make_enum(p, "Small", CLR_ELEM_U1);
    const uint16_t other = make_enum(p, "Other", CLR_ELEM_U1);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 300);
    il_tok(il, CEE_BOX, TOK_TYPE_DEF(small)); /* stored as a byte: 44 */
    il_op(il, CEE_DUP);
    il_tok(il, CEE_UNBOX_ANY, TOK_TYPE_DEF(small));
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_DUP);
    il_tok(il, CEE_ISINST, TOK_TYPE_DEF(small));
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_CGT_UN);
    prog_print_i4(p, il);
    il_op(il, CEE_DUP);
    il_tok(il, CEE_ISINST, TOK_TYPE_DEF(other));
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_CGT_UN);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    /* an enum unboxes as another enum of the same underlying type, as .NET allows */
    il_op(il, CEE_DUP);
    il_tok(il, CEE_UNBOX_ANY, TOK_TYPE_DEF(other));
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    /* unbox gives the address of the value */
    il_tok(il, CEE_UNBOX, TOK_TYPE_DEF(small));
    il_op(il, 0x47); /* ldind.u1 */
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    /* box of a reference type does nothing; unbox.any of one is castclass */
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "str")));
    il_tok(il, CEE_BOX, TOK_TYPE_REF(p->string_type_ref));
    il_tok(il, CEE_UNBOX_ANY, TOK_TYPE_REF(p->string_type_ref));
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "44 10 44 44 str");
}

TEST(unboxing_the_wrong_type_or_null_throws_and_an_int_is_not_a_struct)
{
    static const char *const expected[] = {
        "System.InvalidCastException: Unable to cast object of type 'App.Small' to type 'App.Wide'.",
        "System.NullReferenceException: Object reference not set to an instance of an object.",
        "System.InvalidCastException: Unable to cast object of type 'System.String' to type 'App.Small'.",
        "System.InvalidProgramException: Common Language Runtime detected an invalid program. Only a value of the "
        "struct's type can be boxed as it.",
    };
    for (unsigned i = 0; i < 4; i++) {
        struct prog *p = prog_new();
        const uint16_t small = make_enum(p, "Small", CLR_ELEM_U1);
        const uint16_t wide = make_enum(p, "Wide", CLR_ELEM_I8);
        const uint16_t value_type = ib_type_ref(p->app, p->corlib_ref, "System", "ValueType");
        const uint16_t point = ib_type_def(p->app, "App", "Point", TA_SEALED, TOK_TYPE_REF(value_type));
        struct il *il = prog_main(p);
        switch (i) {
        case 0:
            il_ldc_i4(il, 1);
            il_tok(il, CEE_BOX, TOK_TYPE_DEF(small));
            il_tok(il, CEE_UNBOX_ANY, TOK_TYPE_DEF(wide));
            break;
        case 1:
            il_op(il, CEE_LDNULL);
            il_tok(il, CEE_UNBOX_ANY, TOK_TYPE_DEF(small));
            break;
        case 2:
            il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "s")));
            il_tok(il, CEE_UNBOX_ANY, TOK_TYPE_DEF(small));
            break;
        default:
            il_ldc_i4(il, 1);
            il_tok(il, CEE_BOX, TOK_TYPE_DEF(point));
            break;
        }
        il_op(il, CEE_POP);
        il_op(il, CEE_RET);
        const struct run *r = prog_run(p);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, expected[i]);
    }
}
