#include "harness.h"
#include "clr_fixture.h"

TEST(hello_prints_literal)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    prog_print_text(p, il, "Hello, world\n");
    il_ldc_i4(il, 40);
    il_ldc_i4(il, 2);
    il_op(il, CEE_ADD);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "Hello, world\n42");
}
