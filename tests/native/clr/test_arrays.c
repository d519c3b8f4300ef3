/*
 * Single-dimension, zero-based arrays: newarr, ldlen, ldelem.* and stelem.* with their
 * conversions, ldelema (a managed pointer into the array), bounds and null checks, covariance checks on
 * stelem.ref, arrays of arrays through TypeSpec tokens, and Object.ToString/Array.Length on arrays.
 */
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

/* Main gets `count` locals whose types take `len` signature bytes. */
static void main_locals(struct prog *p, const uint8_t *types, uint8_t len, uint8_t count)
{
    uint8_t sig[32] = {CLR_SIG_LOCALS, count};
    memcpy(sig + 2, types, len);
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20, ib_sig(p->app, sig, (size_t)len + 2));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = count;
}

static uint32_t corlib_type(struct prog *p, const char *name)
{
    return TOK_TYPE_REF(ib_type_ref(p->app, p->corlib_ref, "System", name));
}

TEST(elements_store_and_load_with_the_array_type_conversions)
{
    struct prog *p = prog_new();
    static const uint8_t types[] = {CLR_ELEM_SZARRAY, CLR_ELEM_U1, CLR_ELEM_SZARRAY, CLR_ELEM_R8};
    main_locals(p, types, sizeof types, 2);
    const uint32_t byte_type = corlib_type(p, "Byte"), double_type = corlib_type(p, "Double");
    /* Byte and Double are not in the fixture's corlib: make them. */
    ib_type_def(p->corlib, "System", "Byte", 0x109, 0);
    ib_type_def(p->corlib, "System", "Double", 0x109, 0);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 3);
    il_tok(il, CEE_NEWARR, byte_type);
    il_op(il, CEE_STLOC_0);
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 1);
    il_ldc_i4(il, 300);
    il_op(il, 0x9C); /* stelem.i1: 300 -> 44 */
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 2);
    il_ldc_i4(il, -1);
    il_op(il, 0x9E); /* stelem.i4 into a byte: 255 */
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 2);
    il_op(il, 0x90); /* ldelem.i1: -1 */
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 2);
    il_op(il, 0x91); /* ldelem.u1: 255 */
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    /* bytes[1] += 1 through ldelema */
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 1);
    il_tok(il, CEE_LDELEMA, byte_type);
    il_op(il, CEE_DUP);
    il_op(il, 0x47); /* ldind.u1 */
    il_ldc_i4(il, 1);
    il_op(il, CEE_ADD);
    il_op(il, 0x52); /* stind.i1 */
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 1);
    il_tok(il, CEE_LDELEM, byte_type);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_0);
    il_op(il, CEE_LDLEN);
    il_op(il, CEE_CONV_I4);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_ldc_i4(il, 2);
    il_tok(il, CEE_NEWARR, double_type);
    il_op(il, CEE_STLOC_1);
    il_op(il, CEE_LDLOC_1);
    il_ldc_i4(il, 0);
    il_ldc_r4(il, 0.1f);
    il_op(il, 0xA1); /* stelem.r8 of a float32 */
    il_op(il, CEE_LDLOC_1);
    il_ldc_i4(il, 0);
    il_op(il, 0x99); /* ldelem.r8 */
    prog_print_r8(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_1);
    il_ldc_i4(il, 1);
    il_op(il, 0x99);
    prog_print_r8(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_1);
    il_tok(il, CEE_CALLVIRT, p->object_to_s);
    prog_print_str(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_0);
    il_tok(il, CEE_CALLVIRT, p->array_length);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "-1 255 45 3 0.10000000149011612 0 System.Double[] 3");
}

TEST(arrays_of_references_and_arrays_of_arrays)
{
    struct prog *p = prog_new();
    static const uint8_t types[] = {CLR_ELEM_SZARRAY, CLR_ELEM_SZARRAY, CLR_ELEM_STRING};
    main_locals(p, types, sizeof types, 1);
    const uint32_t spec = 0x1B000000u | ib_sig(p->app, SIG_BYTES(3, CLR_ELEM_SZARRAY, CLR_ELEM_STRING));
    struct il *il = prog_main(p);
    il_ldc_i4(il, 2);
    il_tok(il, CEE_NEWARR, spec);
    il_op(il, CEE_STLOC_0);
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 1);
    il_ldc_i4(il, 1);
    il_tok(il, CEE_NEWARR, TOK_TYPE_REF(p->string_type_ref));
    il_op(il, CEE_STELEM_REF);
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 1);
    il_op(il, CEE_LDELEM_REF);
    il_ldc_i4(il, 0);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "inner")));
    il_op(il, CEE_STELEM_REF);
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 1);
    il_op(il, CEE_LDELEM_REF);
    il_ldc_i4(il, 0);
    il_op(il, CEE_LDELEM_REF);
    prog_print_str(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 0);
    il_op(il, CEE_LDELEM_REF);
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_CEQ);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_op(il, CEE_LDLOC_0);
    il_ldc_i4(il, 1);
    il_op(il, CEE_LDELEM_REF);
    il_tok(il, CEE_CALLVIRT, p->object_to_s);
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "inner 1 System.String[]");
}

TEST(bad_indexes_null_arrays_negative_sizes_and_wrong_element_types_throw)
{
    static const char *const expected[] = {
        "System.IndexOutOfRangeException: Index was outside the bounds of the array.",
        "System.IndexOutOfRangeException: Index was outside the bounds of the array.",
        "System.NullReferenceException: Object reference not set to an instance of an object.",
        "System.NullReferenceException: Object reference not set to an instance of an object.",
        "System.OverflowException: Arithmetic operation resulted in an overflow.",
        "System.ArrayTypeMismatchException: Attempted to access an element as a type incompatible with the array.",
        "System.InvalidProgramException: Common Language Runtime detected an invalid program. IL_0007 ldelem.r8 in "
        "App.Program::Main: the array's elements are of another type.",
        "System.InvalidProgramException: Common Language Runtime detected an invalid program. IL_0006 ldelem.i4 in "
        "App.Program::Main: the object is not an array.",
    };
    for (unsigned i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        struct prog *p = prog_new();
        struct il *il = prog_main(p);
        const uint32_t strings = TOK_TYPE_REF(p->string_type_ref);
        switch (i) {
        case 0:
        case 1:
            il_ldc_i4(il, 2);
            il_tok(il, CEE_NEWARR, strings);
            il_ldc_i4(il, i == 0 ? 2 : -1);
            il_op(il, CEE_LDELEM_REF);
            break;
        case 2:
            il_op(il, CEE_LDNULL);
            il_op(il, CEE_LDLEN);
            break;
        case 3:
            il_op(il, CEE_LDNULL);
            il_ldc_i4(il, 0);
            il_op(il, CEE_LDELEM_REF);
            break;
        case 4:
            il_ldc_i4(il, -1);
            il_tok(il, CEE_NEWARR, strings);
            break;
        case 5: /* a string[] seen as object[]: storing a string[] into it */
            il_ldc_i4(il, 1);
            il_tok(il, CEE_NEWARR, strings);
            il_ldc_i4(il, 0);
            il_ldc_i4(il, 1);
            il_tok(il, CEE_NEWARR, strings);
            il_op(il, CEE_STELEM_REF);
            il_op(il, CEE_LDNULL);
            break;
        case 6:
            il_ldc_i4(il, 1);
            il_tok(il, CEE_NEWARR, strings);
            il_ldc_i4(il, 0);
            il_op(il, 0x99); /* ldelem.r8 */
            break;
        default:
            il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "s")));
            il_ldc_i4(il, 0);
            il_op(il, 0x94); /* ldelem.i4 */
            break;
        }
        il_op(il, CEE_POP);
        il_op(il, CEE_RET);
        const struct run *r = prog_run(p);
        CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
        CHECK_CONTAINS(r->log, expected[i]);
    }
}

TEST(arrays_of_structs_hold_default_values_until_written)
{
    struct prog *p = prog_new();
    const uint16_t value_type = ib_type_ref(p->app, p->corlib_ref, "System", "ValueType");
    const uint16_t point = ib_type_def(p->app, "App", "Point", TA_SEALED, TOK_TYPE_REF(value_type));
    const uint16_t x = ib_field_def(p->app, "X", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I4)));
    struct il *il = prog_main(p);
    il_ldc_i4(il, 2);
    il_tok(il, CEE_NEWARR, TOK_TYPE_DEF(point));
    il_op(il, CEE_DUP);
    il_ldc_i4(il, 1);
    il_tok(il, CEE_LDELEMA, TOK_TYPE_DEF(point)); /* points[1].X = 5 */
    il_ldc_i4(il, 5);
    il_tok(il, CEE_STFLD, TOK_FIELD_DEF(x));
    il_op(il, CEE_DUP);
    il_ldc_i4(il, 1);
    il_tok(il, CEE_LDELEM, TOK_TYPE_DEF(point));
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(x));
    prog_print_i4(p, il);
    il_ldc_i4(il, 0);
    il_tok(il, CEE_LDELEM, TOK_TYPE_DEF(point)); /* never written: the default */
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(x));
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "50");
}
