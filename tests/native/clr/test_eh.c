/*
 * Exception handling: throw, rethrow, leave, endfinally; catch clauses matched by class
 * with base classes, finally blocks run by leave and by the second pass (innermost first), unhandled
 * exceptions (no finally runs, as .NET's first pass finds no handler) and their report.
 */
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

#define EH_CATCH 0
#define EH_FINALLY 2

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

/* Appends a clause to `method` (its clauses must be added together, innermost first). */
static void clause(struct ib_assembly *a, uint16_t method, uint16_t kind, uint32_t try_start, uint32_t try_end,
                   uint32_t handler_start, uint32_t handler_end, uint32_t extra)
{
    uint8_t *m = ib_row(a, CLR_TBL_METHOD_DEF, method);
    const uint16_t index = (uint16_t)a->count[CLR_TBL_EH]++;
    if (m[34] == 0 && m[35] == 0)
        put16(m + 32, index);
    put16(m + 34, (uint16_t)(m[34] + 1));
    uint8_t *r = ib_row(a, CLR_TBL_EH, index);
    memset(r, 0, 24);
    put16(r, kind);
    ib_put32(r + 4, try_start);
    ib_put32(r + 8, try_end);
    ib_put32(r + 12, handler_start);
    ib_put32(r + 16, handler_end);
    ib_put32(r + 20, extra);
}

struct errs {
    uint16_t base, derived, base_ctor, derived_ctor;
};

/* class Err : object { }  class Sub : Err { } with empty constructors. */
static struct errs make_errs(struct prog *p)
{
    static const uint8_t ctor_sig[] = {0, CLR_SIG_HASTHIS, 0, CLR_ELEM_VOID};
    struct errs e;
    const uint16_t object = ib_type_ref(p->app, p->corlib_ref, "System", "Object");
    struct il il;
    e.base = ib_type_def(p->app, "App", "Err", 0, TOK_TYPE_REF(object));
    il_reset(&il);
    il_op(&il, CEE_RET);
    il_finish(&il);
    e.base_ctor = ib_method_def(p->app, ".ctor", 0, 0, ib_sig(p->app, ctor_sig, sizeof ctor_sig), IB_NONE, 8);
    ib_method_body(p->app, e.base_ctor, il.code, il.len);
    e.derived = ib_type_def(p->app, "App", "Sub", 0, TOK_TYPE_DEF(e.base));
    e.derived_ctor = ib_method_def(p->app, ".ctor", 0, 0, ib_sig(p->app, ctor_sig, sizeof ctor_sig), IB_NONE, 8);
    ib_method_body(p->app, e.derived_ctor, il.code, il.len);
    return e;
}

/* try { try { throw new Sub(); } finally { "finally " } } catch (Err) { "caught " } "end" */
TEST(catch_by_base_class_after_finally)
{
    struct prog *p = prog_new();
    const struct errs e = make_errs(p);
    struct il *il = prog_main(p);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(e.derived_ctor));
    il_op(il, CEE_THROW);
    const uint32_t fin = il->len;
    prog_print_text(p, il, "finally ");
    il_op(il, 0xDC); /* endfinally */
    const uint32_t cat = il->len;
    il_op(il, CEE_POP);
    prog_print_text(p, il, "caught ");
    const uint32_t end = il_label(il);
    il_branch(il, 0xDE /* leave.s */, end);
    const uint32_t after = il->len;
    il_mark(il, end);
    prog_print_text(p, il, "end");
    il_op(il, CEE_RET);
    clause(p->app, p->main, EH_FINALLY, 0, fin, fin, cat, 0);
    clause(p->app, p->main, EH_CATCH, 0, cat, cat, after, TOK_TYPE_DEF(e.base));
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "finally caught end");
}

/* An exception no clause catches: no finally runs, the report names the class. */
TEST(unhandled_user_exception_runs_no_finally)
{
    struct prog *p = prog_new();
    const struct errs e = make_errs(p);
    struct il *il = prog_main(p);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(e.base_ctor));
    il_op(il, CEE_THROW);
    const uint32_t fin = il->len;
    prog_print_text(p, il, "finally ");
    il_op(il, 0xDC);
    const uint32_t cat = il->len;
    il_op(il, CEE_POP);
    prog_print_text(p, il, "caught ");
    il_op(il, CEE_RET);
    const uint32_t after = il->len;
    clause(p->app, p->main, EH_FINALLY, 0, fin, fin, cat, 0);
    clause(p->app, p->main, EH_CATCH, 0, cat, cat, after, TOK_TYPE_DEF(e.derived)); /* Sub: does not match */
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_STR_EQ(r->out, "");
    CHECK_CONTAINS(r->log, "Unhandled exception: App.Err: Exception of type 'App.Err' was thrown.");
    CHECK_CONTAINS(r->log, "   at App.Program.Main() IL_0005");
}

/* leave out of a try runs its finally: try { "try " leave } finally { "finally " } "after" */
TEST(leave_runs_finally)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    prog_print_text(p, il, "try ");
    const uint32_t end = il_label(il);
    il_branch(il, 0xDD /* leave */, end);
    const uint32_t fin = il->len;
    prog_print_text(p, il, "finally ");
    il_op(il, 0xDC);
    const uint32_t after = il->len;
    il_mark(il, end);
    prog_print_text(p, il, "after");
    il_op(il, CEE_RET);
    clause(p->app, p->main, EH_FINALLY, 0, fin, fin, after, 0);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "try finally after");
}

/* try { try { throw } catch (Err) { "first " rethrow } } catch (Sub) { "second" } */
TEST(rethrow_keeps_the_object)
{
    struct prog *p = prog_new();
    const struct errs e = make_errs(p);
    struct il *il = prog_main(p);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(e.derived_ctor));
    il_op(il, CEE_THROW);
    const uint32_t c1 = il->len;
    il_op(il, CEE_POP);
    prog_print_text(p, il, "first ");
    il_op(il, 0xFE1A); /* rethrow */
    const uint32_t c2 = il->len;
    il_op(il, CEE_POP);
    prog_print_text(p, il, "second");
    const uint32_t end = il_label(il);
    il_branch(il, 0xDE, end);
    const uint32_t after = il->len;
    il_mark(il, end);
    il_op(il, CEE_RET);
    clause(p->app, p->main, EH_CATCH, 0, c1, c1, c2, TOK_TYPE_DEF(e.base));
    clause(p->app, p->main, EH_CATCH, 0, c2, c2, after, TOK_TYPE_DEF(e.derived));
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "first second");
}

/* throw null is a NullReferenceException; endfinally outside a handler is an invalid program. */
TEST(throw_null_and_stray_endfinally)
{
    struct prog *p = prog_new();
    il_op(prog_main(p), CEE_LDNULL);
    il_op(prog_main(p), CEE_THROW);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_CONTAINS(r->log, "Unhandled exception: System.NullReferenceException:");
    p = prog_new();
    il_op(prog_main(p), 0xDC);
    r = prog_run(p);
    CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
    CHECK_CONTAINS(r->log, "System.InvalidProgramException");
}

/* try { throw new Err(); } filter { "filter " accept } { "handler" }: accepted, then (accept 0) unhandled. */
TEST(filters_accept_or_decline)
{
    for (int accept = 0; accept < 2; accept++) {
        struct prog *p = prog_new();
        const struct errs e = make_errs(p);
        struct il *il = prog_main(p);
        il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(e.base_ctor));
        il_op(il, CEE_THROW);
        const uint32_t filter = il->len;
        il_op(il, CEE_POP);
        prog_print_text(p, il, "filter ");
        il_ldc_i4(il, accept);
        il_op(il, 0xFE11); /* endfilter */
        const uint32_t handler = il->len;
        il_op(il, CEE_POP);
        prog_print_text(p, il, "handler");
        const uint32_t end = il_label(il);
        il_branch(il, 0xDE, end);
        const uint32_t after = il->len;
        il_mark(il, end);
        il_op(il, CEE_RET);
        clause(p->app, p->main, 1 /* filter */, 0, filter, handler, after, filter);
        const struct run *r = prog_run(p);
        if (accept) {
            CHECK_EQ(r->result, CLR_OK);
            CHECK_STR_EQ(r->out, "filter handler");
        } else {
            CHECK_EQ(r->result, CLR_UNHANDLED_EXCEPTION);
            CHECK_STR_EQ(r->out, "filter ");
            CHECK_CONTAINS(r->log, "Unhandled exception: App.Err:");
            CHECK_CONTAINS(r->log, "   at App.Program.Main() IL_0005");
        }
    }
}
