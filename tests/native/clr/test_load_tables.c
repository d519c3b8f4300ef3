/*
 * The tables the loader builds in RAM: what clr_memory_use reports per kind, a vtable shared with the base
 * type when a class declares no virtual method, one literal cache entry per distinct literal, and the
 * largest vtable a byte per method slot can address.
 */
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"

/* An instance method void() of the open type whose body is `il` (finished here). */
static uint16_t method(struct prog *p, const char *name, uint16_t flags, struct il *il)
{
    return prog_instance_method(p, name, flags, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 0, CLR_ELEM_VOID)), il);
}

static uint16_t empty_ctor(struct prog *p)
{
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_RET);
    return method(p, ".ctor", 0, &il);
}

/* Main calls `virtual_method` on a new object made by `ctor`. */
static const struct run *run_new_then_callvirt(struct prog *p, uint16_t ctor, uint16_t virtual_method)
{
    struct il *il = prog_main(p);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(ctor));
    il_tok(il, CEE_CALLVIRT, TOK_METHOD_DEF(virtual_method));
    il_op(il, CEE_RET);
    return prog_run(p);
}

enum derived_kind { NO_DERIVED, DERIVED_PLAIN, DERIVED_OVERRIDING };

/*
 * class Base { virtual void V() { print "Base.V" } }, then (kind) class Derived : Base with a constructor only,
 * or overriding V; Main calls V on a new Derived (or a new Base without one).
 */
static const struct run *run_classes(enum derived_kind kind)
{
    struct prog *p = prog_new();
    const uint16_t base = ib_type_def(p->app, "App", "Base", 0, TOK_TYPE_REF(p->object_type_ref));
    const uint16_t base_ctor = empty_ctor(p);
    const uint16_t base_v = prog_printer(p, "V", MA_VIRTUAL | 0x0100, "Base.V");
    uint16_t ctor = base_ctor;
    if (kind != NO_DERIVED) {
        ib_type_def(p->app, "App", "Derived", 0, TOK_TYPE_DEF(base));
        ctor = empty_ctor(p);
        if (kind == DERIVED_OVERRIDING)
            prog_printer(p, "V", MA_VIRTUAL, "Derived.V");
    }
    return run_new_then_callvirt(p, ctor, base_v);
}

TEST(memory_use_reports_the_tables_per_kind)
{
    const struct run *r = run_classes(DERIVED_OVERRIDING);
    CHECK_EQ(r->result, CLR_OK);
    size_t sum = 0;
    for (unsigned k = 0; k < CLR_TABLE_KINDS; k++) {
        sum += r->memory.table_kind[k];
        CHECK(strcmp(clr_table_kind_name((enum clr_table_kind)k), "?") != 0);
    }
    CHECK_EQ(r->memory.tables, sum);
    CHECK(r->memory.state > 0);
    CHECK(r->memory.table_kind[CLR_TABLE_TYPE_INFOS] > 0);
    CHECK(r->memory.table_kind[CLR_TABLE_METHOD_SLOTS] > 0);
    CHECK(r->memory.table_kind[CLR_TABLE_LITERALS] > 0);
    CHECK_STR_EQ(clr_table_kind_name(CLR_TABLE_KINDS), "?");
}

TEST(a_class_without_virtual_methods_shares_its_base_vtable)
{
    const size_t without = run_classes(NO_DERIVED)->memory.table_kind[CLR_TABLE_VTABLES];
    const struct run *r = run_classes(DERIVED_PLAIN);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "Base.V");
    CHECK_EQ(r->memory.table_kind[CLR_TABLE_VTABLES], without);
    r = run_classes(DERIVED_OVERRIDING);
    CHECK_STR_EQ(r->out, "Derived.V");
    CHECK(r->memory.table_kind[CLR_TABLE_VTABLES] > without);
}

/* Main prints `first` (and `second` when not NULL), each `times` times. */
static size_t literal_bytes(const char *first, const char *second, unsigned times)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    for (unsigned i = 0; i < times; i++) {
        prog_print_text(p, il, first);
        if (second != NULL)
            prog_print_text(p, il, second);
    }
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_OK);
    return r->memory.table_kind[CLR_TABLE_LITERALS];
}

TEST(a_literal_loaded_in_several_places_takes_one_cache_entry)
{
    const size_t once = literal_bytes("x", NULL, 1);
    CHECK_EQ(literal_bytes("x", NULL, 5), once);
    CHECK(literal_bytes("x", "y", 5) > once);
}

/* class Big : Object with `count` newslot virtual methods, the last printing "last"; Main calls the last. */
static const struct run *run_big_vtable(unsigned count)
{
    struct prog *p = prog_new();
    ib_type_def(p->app, "App", "Big", 0, TOK_TYPE_REF(p->object_type_ref));
    const uint16_t ctor = empty_ctor(p);
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_RET);
    for (unsigned i = 0; i + 1 < count; i++)
        method(p, "M", MA_VIRTUAL | 0x0100, &il);
    const uint16_t last = prog_printer(p, "Last", MA_VIRTUAL | 0x0100, "last");
    return run_new_then_callvirt(p, ctor, last);
}

TEST(vtables_up_to_254_slots_load_and_bigger_ones_are_refused)
{
    const struct run *r = run_big_vtable(240);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "last");
    r = run_big_vtable(255);
    CHECK_EQ(r->load, CLR_REFUSED);
    CHECK_CONTAINS(r->log, "assembly App: type App.Big has more than 65534 instance fields or 254 vtable slots");
}
