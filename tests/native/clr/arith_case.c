#include "arith_case.h"

#include <string.h>

#include "harness.h"

void push_val(struct prog *p, struct il *il, struct val v)
{
    switch (v.kind) {
    case V_I4:
        il_ldc_i4(il, (int32_t)v.i);
        break;
    case V_I8:
        il_ldc_i8(il, v.i);
        break;
    case V_I:
        il_ldc_i8(il, v.i);
        il_op(il, CEE_CONV_I);
        break;
    case V_R4:
        il_ldc_r4(il, (float)v.d);
        break;
    case V_R8:
        il_ldc_r8(il, v.d);
        break;
    case V_NULL:
        il_op(il, CEE_LDNULL);
        break;
    case V_STR:
        il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "s")));
        break;
    }
}

void print_val(struct prog *p, struct il *il, enum val_kind kind)
{
    switch (kind) {
    case V_I4:
        prog_print_i4(p, il);
        break;
    case V_I:
        il_op(il, CEE_CONV_I8);
        prog_print_i8(p, il);
        break;
    case V_I8:
        prog_print_i8(p, il);
        break;
    case V_R4:
        prog_print_r4(p, il);
        break;
    default:
        prog_print_r8(p, il);
        break;
    }
}

void check_op(unsigned op, struct val a, struct val b, bool b_present, enum val_kind result, const char *expected,
              const char *file, int line)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    push_val(p, il, a);
    if (b_present)
        push_val(p, il, b);
    il_op(il, op);
    print_val(p, il, result);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    if (strncmp(expected, "System.", 7) == 0) {
        char want[128];
        strcpy(want, "Unhandled exception: ");
        strcat(want, expected);
        strcat(want, ": ");
        if (r->result != CLR_UNHANDLED_EXCEPTION || strncmp(r->log, want, strlen(want)) != 0)
            test_fail(file, line, "%s: expected %s, got result %d, output \"%s\", log \"%s\"", clr_opcode_name(op),
                      expected, r->result, r->out, r->log);
        return;
    }
    if (r->result != CLR_OK || strcmp(r->out, expected) != 0)
        test_fail(file, line, "%s: expected \"%s\", got result %d, output \"%s\", log \"%s\"", clr_opcode_name(op),
                  expected, r->result, r->out, r->log);
}
