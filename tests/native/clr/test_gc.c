/*
 * The garbage collector: the heap's free list (reuse, merging, exhaustion, huge requests, the verifier)
 * on a bare heap, then programs: garbage far beyond the heap's size, live data, statics and reference
 * arrays kept intact, a 100,000-long list marked through the mark stack's overflow path, managed pointers
 * into objects and arrays keeping them alive, a catchable OutOfMemoryException and System.GC's calls.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "clr_fixture.h"
#include "clr_internal.h"

/* ---- the heap alone (a runtime with no assemblies: only string blocks) ---- */

static struct clr_runtime g_rt;
static _Alignas(16) uint8_t g_mem[4096];
#define FILLED 4080u /* a heap of 85 blocks of 48 bytes */

static struct clr_heap *fresh_heap(size_t size)
{
    memset(&g_rt, 0, sizeof g_rt);
    memset(g_mem, 0xEE, sizeof g_mem);
    clr_heap_init(&g_rt.heap, g_mem, size);
    return &g_rt.heap;
}

static bool heap_ok(void)
{
    char msg[200];
    const bool ok = clr_gc_verify(&g_rt, msg, sizeof msg);
    if (!ok)
        fprintf(stderr, "verifier: %s\n", msg);
    return ok;
}

/*
 * A heap filled with 48-byte blocks (blocks[] runs downwards in memory: each is carved from the free
 * block's end), then swept with all but the `dead` ones marked. Returns the bytes freed.
 */
static size_t sweep_full_heap(struct clr_block **blocks, const size_t *dead, size_t dead_count, bool poison)
{
    struct clr_heap *heap = fresh_heap(FILLED);
    size_t n = 0;
    for (struct clr_block *b; n < FILLED / 48 && (b = clr_heap_alloc(heap, CLR_BLOCK_STRING, 40)) != NULL;)
        blocks[n++] = b;
    CHECK_EQ(n, FILLED / 48);
    CHECK_EQ(heap->free_bytes, 0);
    for (size_t i = 0; i < n; i++)
        blocks[i]->gc_flags = CLR_GC_MARKED;
    for (size_t i = 0; i < dead_count; i++)
        blocks[dead[i]]->gc_flags = 0;
    const size_t freed = clr_heap_sweep(heap, poison);
    CHECK(heap_ok());
    return freed;
}

TEST(blocks_are_zeroed_aligned_and_walkable)
{
    struct clr_heap *heap = fresh_heap(sizeof g_mem);
    CHECK_EQ(clr_heap_size(heap), sizeof g_mem);
    CHECK_EQ(clr_heap_used(heap), 0);
    struct clr_block *a = clr_heap_alloc(heap, CLR_BLOCK_STRING, 1);
    struct clr_block *b = clr_heap_alloc(heap, CLR_BLOCK_STRING, 100);
    CHECK(a != NULL && b != NULL);
    CHECK_EQ(a->size, 16);  /* the minimum block */
    CHECK_EQ(b->size, 112); /* 8 + 100, rounded up to 16 */
    CHECK_EQ((uintptr_t)a % CLR_HEAP_ALIGN, 0);
    const uint8_t *payload = (const uint8_t *)(b + 1);
    for (unsigned i = 0; i < 100; i++)
        CHECK_EQ(payload[i], 0);
    CHECK_EQ(clr_heap_used(heap), 128);
    CHECK(heap_ok());
}

TEST(a_freed_block_is_reused)
{
    struct clr_block *blocks[FILLED / 48];
    static const size_t dead[] = {5};
    CHECK_EQ(sweep_full_heap(blocks, dead, 1, false), 48);
    CHECK(clr_heap_alloc(&g_rt.heap, CLR_BLOCK_STRING, 40) == blocks[5]);
    CHECK(clr_heap_alloc(&g_rt.heap, CLR_BLOCK_STRING, 1) == NULL);
    CHECK(heap_ok());
}

TEST(free_neighbours_merge_in_the_sweep)
{
    struct clr_block *blocks[FILLED / 48];
    static const size_t dead[] = {9, 10, 11};
    CHECK_EQ(sweep_full_heap(blocks, dead, 3, true), 3 * 48);
    CHECK_EQ(g_rt.heap.free_bytes, 3 * 48);
    CHECK_EQ(blocks[11]->kind, CLR_BLOCK_FREE);
    CHECK_EQ(blocks[11]->size, 3 * 48);
    CHECK_EQ(blocks[10]->kind, CLR_BLOCK_FREE); /* absorbed: a stale reference sees a free block */
    CHECK_EQ(((const uint8_t *)blocks[10])[40], CLR_HEAP_POISON);
    /* One request of all three fits now. */
    CHECK(clr_heap_alloc(&g_rt.heap, CLR_BLOCK_STRING, 3 * 48 - 8) == blocks[11]);
    CHECK(heap_ok());
}

TEST(exhaustion_and_huge_requests_fail_cleanly)
{
    struct clr_heap *heap = fresh_heap(sizeof g_mem);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, SIZE_MAX) == NULL);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, SIZE_MAX - 7) == NULL);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, UINT32_MAX) == NULL);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, sizeof g_mem - 7) == NULL);
    CHECK(heap_ok());
    struct clr_block *all = clr_heap_alloc(heap, CLR_BLOCK_STRING, sizeof g_mem - 8);
    CHECK(all != NULL && all->size == sizeof g_mem);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, 0) == NULL);
    CHECK_EQ(clr_heap_used(heap), sizeof g_mem);
    CHECK(heap_ok());
    CHECK_EQ(clr_heap_sweep(heap, false), sizeof g_mem);
    CHECK_EQ(clr_heap_used(heap), 0);
    CHECK(heap_ok());
    /* Requests round up to a multiple of 16 bytes: no free rest can be too small to be a block. */
    struct clr_block *most = clr_heap_alloc(heap, CLR_BLOCK_STRING, sizeof g_mem - 16);
    CHECK(most != NULL && most->size == sizeof g_mem);
    /* A region too small for one block is an empty heap. */
    fresh_heap(12);
    CHECK_EQ(clr_heap_size(&g_rt.heap), 0);
    CHECK(clr_heap_alloc(&g_rt.heap, CLR_BLOCK_STRING, 0) == NULL);
    CHECK(heap_ok());
}

TEST(next_fit_passes_over_small_blocks_and_wraps_around)
{
    struct clr_block *blocks[FILLED / 48];
    /* Free: one 48-byte block (index 3), three merged (20..22) and one more single (40). */
    static const size_t dead[] = {3, 20, 21, 22, 40};
    sweep_full_heap(blocks, dead, 5, false);
    struct clr_heap *heap = &g_rt.heap;
    /* The list is in address order: 40, 22 (144 bytes), 3. A 100-byte request skips 40. */
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, 100) == (struct clr_block *)((uint8_t *)blocks[22] + 144 - 112));
    /* The rover stays at the merged block (32 bytes left): a 40-byte request goes on to 3, then wraps to 40. */
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, 40) == blocks[3]);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, 40) == blocks[40]);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, 24) == blocks[22]);
    CHECK(clr_heap_alloc(heap, CLR_BLOCK_STRING, 0) == NULL);
    CHECK(heap_ok());
}

TEST(the_verifier_finds_broken_blocks_and_lists)
{
    char msg[200];
    struct clr_heap *heap = fresh_heap(sizeof g_mem);
    struct clr_block *a = clr_heap_alloc(heap, CLR_BLOCK_STRING, 40);
    struct clr_block *b = clr_heap_alloc(heap, CLR_BLOCK_STRING, 40);
    CHECK(heap_ok());
    a->size = 12;
    CHECK(!clr_gc_verify(&g_rt, msg, sizeof msg));
    CHECK_CONTAINS(msg, "block size");
    a->size = 48;
    a->gc_flags = CLR_GC_MARKED;
    CHECK(!clr_gc_verify(&g_rt, msg, sizeof msg));
    CHECK_CONTAINS(msg, "mark left over");
    a->gc_flags = 0;
    ((struct clr_string *)a)->length = 100;
    CHECK(!clr_gc_verify(&g_rt, msg, sizeof msg));
    CHECK_CONTAINS(msg, "string longer than its block");
    ((struct clr_string *)a)->length = 0;
    a->kind = CLR_BLOCK_FREE; /* free but not on the list */
    CHECK(!clr_gc_verify(&g_rt, msg, sizeof msg));
    CHECK_CONTAINS(msg, "missing from the free list");
    b->kind = CLR_BLOCK_FREE; /* and next to the heap's free block */
    CHECK(!clr_gc_verify(&g_rt, msg, sizeof msg));
    CHECK_CONTAINS(msg, "two free neighbours");
    a->kind = b->kind = CLR_BLOCK_STRING;
    heap->free_bytes -= 8;
    CHECK(!clr_gc_verify(&g_rt, msg, sizeof msg));
    CHECK_CONTAINS(msg, "free byte count");
    heap->free_bytes += 8;
    CHECK(heap_ok());
}

TEST(temporary_roots_are_bounded)
{
    fresh_heap(sizeof g_mem);
    struct clr_block *b = clr_gc_alloc(&g_rt, CLR_BLOCK_STRING, 8);
    for (unsigned i = 0; i < CLR_GC_TEMP_ROOTS; i++)
        CHECK(clr_gc_push_root(&g_rt, b));
    CHECK(!clr_gc_push_root(&g_rt, b));
    clr_gc_collect(&g_rt); /* held by the temporary roots */
    CHECK_EQ(g_rt.gc.freed_total, 0);
    for (unsigned i = 0; i < CLR_GC_TEMP_ROOTS; i++)
        clr_gc_pop_root(&g_rt);
    clr_gc_pop_root(&g_rt); /* one too many: nothing happens */
    clr_gc_collect(&g_rt);
    CHECK_EQ(g_rt.gc.freed_total, 16);
    CHECK_EQ(g_rt.gc.collections, 2);
    CHECK(heap_ok());
}

/* ---- programs ---- */

static uint32_t g_object;                                    /* TypeRef System.Object in app */
static uint32_t g_collect, g_total_memory, g_run; /* MethodRefs of the GC calls */

static uint32_t gc_call(struct prog *p, const char *name_space, const char *name, const uint8_t *sig, size_t len)
{
    const uint16_t type = ib_type_ref(p->app, p->corlib_ref, name_space, "GC");
    return TOK_METHOD_REF(ib_method_ref(p->app, type, name, ib_sig(p->app, sig, len)));
}

static struct prog *start(const uint8_t *local_types, uint8_t len, uint8_t count)
{
    struct prog *p = prog_new();
    g_object = TOK_TYPE_REF(ib_type_ref(p->app, p->corlib_ref, "System", "Object"));
    g_collect = gc_call(p, "System", "Collect", SIG_BYTES(0, 0, 0, CLR_ELEM_VOID));
    g_total_memory = gc_call(p, "System", "GetTotalMemory", SIG_BYTES(0, 0, 1, CLR_ELEM_I8, CLR_ELEM_BOOLEAN));
    g_run = gc_call(p, "nanoFramework.Runtime.Native", "Run", SIG_BYTES(0, 0, 1, CLR_ELEM_U4, CLR_ELEM_BOOLEAN));
    uint8_t sig[32] = {CLR_SIG_LOCALS, count};
    memcpy(sig + 2, local_types, len);
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20, ib_sig(p->app, sig, (size_t)len + 2));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = count;
    return p;
}

static void ldloc(struct il *il, uint8_t n)
{
    il_op(il, CEE_LDLOC_S);
    il_u8(il, n);
}

static void stloc(struct il *il, uint8_t n)
{
    il_op(il, CEE_STLOC_S);
    il_u8(il, n);
}

/* for (local var = 0; var < count; var++) { body } */
struct loop {
    uint32_t top, test;
    uint8_t var;
    int32_t count;
};

static struct loop loop_begin(struct il *il, uint8_t var, int32_t count)
{
    struct loop l = {il_label(il), il_label(il), var, count};
    il_ldc_i4(il, 0);
    stloc(il, var);
    il_branch(il, CEE_BR, l.test);
    il_mark(il, l.top);
    return l;
}

static void loop_end(struct il *il, struct loop l)
{
    ldloc(il, l.var);
    il_ldc_i4(il, 1);
    il_op(il, CEE_ADD);
    stloc(il, l.var);
    il_mark(il, l.test);
    ldloc(il, l.var);
    il_ldc_i4(il, l.count);
    il_branch(il, CEE_BLT, l.top);
}

/* count times: new object[len], dropped at once. */
static void garbage(struct il *il, uint8_t counter, int32_t count, int32_t len)
{
    const struct loop l = loop_begin(il, counter, count);
    il_ldc_i4(il, len);
    il_tok(il, CEE_NEWARR, g_object);
    il_op(il, CEE_POP);
    loop_end(il, l);
}

/* Pushes new object[] { x.ToString() }, x being local `local` (or `constant` when local is -1). */
static void text_in_array(struct prog *p, struct il *il, int local, int32_t constant)
{
    il_ldc_i4(il, 1);
    il_tok(il, CEE_NEWARR, g_object);
    il_op(il, CEE_DUP);
    il_ldc_i4(il, 0);
    if (local >= 0)
        ldloc(il, (uint8_t)local);
    else
        il_ldc_i4(il, constant);
    il_tok(il, CEE_CALL, p->i4_to_s);
    il_op(il, CEE_STELEM_REF);
}

struct node {
    uint16_t type, ctor, a, b;
};

/* class <name> { <a_elem> a; object b; Node() {} } */
static struct node node_class(struct prog *p, const char *name, uint8_t a_elem)
{
    struct node n;
    n.type = ib_type_def(p->app, "App", name, 0, g_object);
    n.a = ib_field_def(p->app, "a", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, a_elem)));
    n.b = ib_field_def(p->app, "b", 0, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_OBJECT)));
    static const uint8_t ret[] = {CEE_RET};
    n.ctor = ib_method_def(p->app, ".ctor", 0, 0, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 0, CLR_ELEM_VOID)),
                           IB_NONE, 8);
    ib_method_body(p->app, n.ctor, ret, sizeof ret);
    return n;
}

TEST(a_loop_allocating_100_times_the_heap_finishes)
{
    static const uint8_t locals[] = {CLR_ELEM_I4};
    struct prog *p = start(locals, sizeof locals, 1);
    struct il *il = prog_main(p);
    garbage(il, 0, 25000, 128); /* 1 KiB each */
    prog_print_text(p, il, "done");
    il_op(il, CEE_RET);
    const struct run_options opt = {.ram = 256 * 1024};
    const struct run *r = prog_run_with(p, &opt);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "done");
    CHECK_STR_EQ(r->log, "");
    CHECK(r->memory.bytes_freed >= 100 * (uint64_t)r->memory.heap_size);
    CHECK(r->memory.collections >= 100);
    CHECK(r->memory.live_bytes < 4096);
}

/*
 * object[] arr = new object[100]; arr[i] = (i * 7).ToString(); keep = new object[1] { 12345.ToString() };
 * garbage; print arr[0], arr[57], arr[99], keep[0]
 */
static struct prog *live_data_program(void)
{
    static const uint8_t locals[] = {CLR_ELEM_SZARRAY, CLR_ELEM_OBJECT, CLR_ELEM_I4, CLR_ELEM_I4};
    struct prog *p = start(locals, sizeof locals, 3);
    const uint16_t keep = ib_field_def(p->app, "keep", FA_STATIC,
                                       ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_SZARRAY, CLR_ELEM_OBJECT)));
    struct il *il = prog_main(p);
    il_ldc_i4(il, 100);
    il_tok(il, CEE_NEWARR, g_object);
    stloc(il, 0);
    const struct loop l = loop_begin(il, 1, 100);
    ldloc(il, 0);
    ldloc(il, 1);
    ldloc(il, 1);
    il_ldc_i4(il, 7);
    il_op(il, CEE_MUL);
    il_tok(il, CEE_CALL, p->i4_to_s);
    il_op(il, CEE_STELEM_REF);
    loop_end(il, l);
    text_in_array(p, il, -1, 12345);
    il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(keep));
    garbage(il, 2, 3000, 64);
    static const int32_t shown[] = {0, 57, 99};
    for (unsigned i = 0; i < 3; i++) {
        ldloc(il, 0);
        il_ldc_i4(il, shown[i]);
        il_op(il, CEE_LDELEM_REF);
        prog_print_str(p, il);
        prog_print_text(p, il, " ");
    }
    il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(keep));
    il_ldc_i4(il, 0);
    il_op(il, CEE_LDELEM_REF);
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    return p;
}

TEST(live_data_statics_and_reference_arrays_survive_collections_intact)
{
    const struct run_options opt = {.ram = 256 * 1024};
    const struct run *r = prog_run_with(live_data_program(), &opt);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "0 399 693 12345");
    CHECK(r->memory.collections >= 3);
    /* The same under stress: a collection (and a poisoned sweep) before every allocation. */
    const struct run_options stress = {.ram = 256 * 1024, .gc_stress = true};
    r = prog_run_with(live_data_program(), &stress);
    CHECK_STR_EQ(r->out, "0 399 693 12345");
    CHECK(r->memory.collections > 3000);
}

/*
 * for (i = 0; i < 100000; i++) head = new Node { a = new object[] { i.ToString() }, b = head };
 * GC.Collect(); count the nodes and the payloads' total length.
 * Each node's payload array waits on the mark stack while the list goes on: it overflows.
 */
TEST(a_100000_long_list_is_marked_through_the_overflow_path)
{
    static const uint8_t locals[] = {CLR_ELEM_OBJECT, CLR_ELEM_I4, CLR_ELEM_I4, CLR_ELEM_I4};
    struct prog *p = start(locals, sizeof locals, 4);
    const struct node n = node_class(p, "Node", CLR_ELEM_OBJECT);
    struct il *il = prog_main(p);
    const struct loop l = loop_begin(il, 1, 100000);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(n.ctor));
    il_op(il, CEE_DUP);
    text_in_array(p, il, 1, 0);
    il_tok(il, CEE_STFLD, TOK_FIELD_DEF(n.a));
    il_op(il, CEE_DUP);
    ldloc(il, 0);
    il_tok(il, CEE_STFLD, TOK_FIELD_DEF(n.b));
    stloc(il, 0);
    loop_end(il, l);
    il_tok(il, CEE_CALL, g_collect);
    const uint32_t top = il_label(il), test = il_label(il);
    il_branch(il, CEE_BR, test);
    il_mark(il, top);
    ldloc(il, 2);
    il_ldc_i4(il, 1);
    il_op(il, CEE_ADD);
    stloc(il, 2);
    ldloc(il, 3);
    ldloc(il, 0);
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(n.a));
    il_ldc_i4(il, 0);
    il_op(il, CEE_LDELEM_REF);
    il_tok(il, CEE_CALL, p->get_length);
    il_op(il, CEE_ADD);
    stloc(il, 3);
    ldloc(il, 0);
    il_tok(il, CEE_LDFLD, TOK_FIELD_DEF(n.b));
    stloc(il, 0);
    il_mark(il, test);
    ldloc(il, 0);
    il_branch(il, CEE_BRTRUE, top);
    ldloc(il, 2);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    ldloc(il, 3);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run_options opt = {.ram = 32u << 20};
    const struct run *r = prog_run_with(p, &opt);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "100000 488890"); /* 10 one-digit numbers, 90 two-digit, ... 90000 five-digit */
    CHECK_STR_EQ(r->log, "");
    CHECK(r->memory.collections >= 1);
    CHECK(r->memory.mark_rescans >= 1);
}

/*
 * static void Check(ref int v) { GC.Collect(); garbage; print v }
 * Check(ref new Holder { a = 1234 }.a); Check(ref new int[4] { [2] = 99 }[2]): only the managed pointers
 * keep the holder and the array alive.
 */
TEST(interior_pointers_keep_their_object_or_array_alive)
{
    static const uint8_t locals[] = {CLR_ELEM_I4};
    struct prog *p = start(locals, sizeof locals, 1);
    const uint32_t int32 = TOK_TYPE_REF(ib_type_ref(p->app, p->corlib_ref, "System", "Int32"));
    ib_type_def(p->corlib, "System", "Int32", 0x109, 0);
    const struct node h = node_class(p, "Holder", CLR_ELEM_I4);
    struct il check;
    il_reset(&check);
    il_tok(&check, CEE_CALL, g_collect);
    garbage(&check, 0, 50, 8);
    il_op(&check, CEE_LDARG_0);
    il_op(&check, 0x4A); /* ldind.i4 */
    prog_print_i4(p, &check);
    prog_print_text(p, &check, " ");
    il_op(&check, CEE_RET);
    const uint16_t check_method =
        prog_method(p, "Check", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_BYREF, CLR_ELEM_I4)),
                    ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 1, CLR_ELEM_I4)), &check);
    struct il *il = prog_main(p);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(h.ctor));
    il_op(il, CEE_DUP);
    il_ldc_i4(il, 1234);
    il_tok(il, CEE_STFLD, TOK_FIELD_DEF(h.a));
    il_tok(il, CEE_LDFLDA, TOK_FIELD_DEF(h.a));
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(check_method));
    il_ldc_i4(il, 4);
    il_tok(il, CEE_NEWARR, int32);
    il_op(il, CEE_DUP);
    il_ldc_i4(il, 2);
    il_ldc_i4(il, 99);
    il_op(il, 0x9E); /* stelem.i4 */
    il_ldc_i4(il, 2);
    il_tok(il, CEE_LDELEMA, int32);
    il_tok(il, CEE_CALL, TOK_METHOD_DEF(check_method));
    il_op(il, CEE_RET);
    const struct run_options stress = {.ram = 256 * 1024, .gc_stress = true};
    const struct run *r = prog_run_with(p, &stress);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "1234 99 ");
    CHECK_STR_EQ(r->log, "");
    CHECK(r->memory.collections > 100);
}

/*
 * try { for (;;) head = new Node { b = head }; } catch (OutOfMemoryException) { }
 * head = null; garbage; print "continued"
 */
TEST(true_exhaustion_throws_a_catchable_out_of_memory_exception)
{
    static const uint8_t locals[] = {CLR_ELEM_OBJECT, CLR_ELEM_I4};
    struct prog *p = start(locals, sizeof locals, 2);
    const uint16_t exception = ib_type_def(p->corlib, "System", "Exception", 0, TOK_TYPE_DEF(0));
    ib_field_def(p->corlib, "_message", 0, ib_sig(p->corlib, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_STRING)));
    ib_type_def(p->corlib, "System", "OutOfMemoryException", 0, TOK_TYPE_DEF(exception));
    const uint32_t oom = TOK_TYPE_REF(ib_type_ref(p->app, p->corlib_ref, "System", "OutOfMemoryException"));
    const struct node n = node_class(p, "Node", CLR_ELEM_OBJECT);
    struct il *il = prog_main(p);
    const uint32_t top = il_label(il), after = il_label(il);
    il_mark(il, top);
    il_tok(il, CEE_NEWOBJ, TOK_METHOD_DEF(n.ctor));
    il_op(il, CEE_DUP);
    ldloc(il, 0);
    il_tok(il, CEE_STFLD, TOK_FIELD_DEF(n.b));
    stloc(il, 0);
    il_branch(il, CEE_BR, top);
    const uint32_t handler = il->len;
    il_op(il, CEE_POP);
    il_branch(il, 0xDD /* leave */, after);
    const uint32_t handler_end = il->len;
    il_mark(il, after);
    il_op(il, CEE_LDNULL);
    stloc(il, 0);
    garbage(il, 1, 1000, 16);
    prog_print_text(p, il, "continued");
    il_op(il, CEE_RET);
    /* The clause (table 11): catch OutOfMemoryException around the loop. */
    uint8_t *m = ib_row(p->app, CLR_TBL_METHOD_DEF, p->main);
    const uint16_t index = (uint16_t)p->app->count[CLR_TBL_EH]++;
    m[32] = (uint8_t)index, m[33] = 0, m[34] = 1, m[35] = 0;
    uint8_t *c = ib_row(p->app, CLR_TBL_EH, index);
    memset(c, 0, 24);
    ib_put32(c + 4, 0);
    ib_put32(c + 8, handler);
    ib_put32(c + 12, handler);
    ib_put32(c + 16, handler_end);
    ib_put32(c + 20, oom);
    const struct run_options opt = {.ram = 128 * 1024};
    const struct run *r = prog_run_with(p, &opt);
    CHECK_STR_EQ(r->log, "");
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "continued");
    CHECK(r->memory.collections >= 2);
    CHECK(r->memory.live_bytes < r->memory.heap_size / 4);
}

/* GetTotalMemory(false) grows by an allocation's block, GetTotalMemory(true) collects it; Run collects and gives the free bytes. */
TEST(the_gc_calls_collect_and_report)
{
    static const uint8_t locals[] = {CLR_ELEM_I8, CLR_ELEM_I8};
    struct prog *p = start(locals, sizeof locals, 2);
    struct il *il = prog_main(p);
    il_ldc_i4(il, 0);
    il_tok(il, CEE_CALL, g_total_memory);
    stloc(il, 0);
    il_ldc_i4(il, 1000);
    il_tok(il, CEE_NEWARR, g_object);
    il_op(il, CEE_POP);
    il_ldc_i4(il, 0);
    il_tok(il, CEE_CALL, g_total_memory);
    stloc(il, 1);
    ldloc(il, 1);
    ldloc(il, 0);
    il_op(il, CEE_SUB);
    prog_print_i8(p, il); /* the array's block */
    prog_print_text(p, il, " ");
    il_ldc_i4(il, 1);
    il_tok(il, CEE_CALL, g_total_memory); /* collects: the array is gone */
    ldloc(il, 1);
    il_op(il, CEE_CLT);
    prog_print_i4(p, il);
    prog_print_text(p, il, " ");
    il_ldc_i4(il, 1);
    il_tok(il, CEE_CALL, g_run);
    prog_print_u4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_EQ(r->result, CLR_OK);
    char expected[64];
    snprintf(expected, sizeof expected, "%u 1 %zu", (unsigned)((24 + 1000 * sizeof(void *) + 15) & ~(size_t)15),
             r->memory.heap_size - r->memory.live_bytes);
    CHECK_STR_EQ(r->out, expected);
    CHECK_EQ(r->memory.collections, 2);
}
