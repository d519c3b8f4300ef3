/*
 * The garbage collector: mark from the roots, then sweep (clr_heap.c). Marking never recurses: blocks
 * to scan wait on a small ring (CLR_GC_MARK_STACK); when it is full the oldest entry is evicted and
 * stays marked but not scanned, and walks over the heap pick such blocks up until none is left, so a
 * structure of any shape or length is marked in fixed RAM and C stack. Managed pointers (CLR_K_REF) may
 * point into a block (a field, an element, a box's value): they are collected in batches, sorted, and
 * resolved to their blocks in one heap walk per batch.
 */
#include "clr_internal.h"

/* Arrays of references and of structs hold block pointers. */
static bool holds_blocks(const struct clr_array *a)
{
    return a->elem == CLR_ELEM_OBJECT || a->elem == CLR_ELEM_VALUETYPE;
}

/* Blocks without references to scan: strings, arrays of primitives, thread stacks (their thread's roots). */
static bool is_leaf(const struct clr_block *b)
{
    return b->kind == CLR_BLOCK_STRING || b->kind == CLR_BLOCK_STACK ||
           (b->kind == CLR_BLOCK_ARRAY && !holds_blocks((const struct clr_array *)b));
}

static void mark(struct clr_runtime *rt, struct clr_block *b)
{
    if (!clr_heap_contains(&rt->heap, b) || b->gc_flags != 0 || b->kind == CLR_BLOCK_FREE)
        return;
    if (is_leaf(b)) {
        b->gc_flags = CLR_GC_MARKED | CLR_GC_SCANNED;
        return;
    }
    b->gc_flags = CLR_GC_MARKED;
    struct clr_gc *gc = &rt->gc;
    if (gc->mark_count == CLR_GC_MARK_STACK) { /* evict the oldest: a heap walk scans it later */
        gc->mark_bottom = (gc->mark_bottom + 1) % CLR_GC_MARK_STACK;
        gc->mark_count--;
        gc->overflowed = true;
    }
    gc->mark_stack[(gc->mark_bottom + gc->mark_count++) % CLR_GC_MARK_STACK] = b;
}

/* An object, string, array or stack block held in a C field (NULL: nothing; mark checks the heap's bounds). */
static void mark_object(struct clr_runtime *rt, void *block)
{
    mark(rt, block);
}

/* The blocks holding the batch's addresses: sorted, then matched in one walk. */
static void flush_interior(struct clr_runtime *rt)
{
    struct clr_gc *gc = &rt->gc;
    const uint32_t n = gc->interior_count;
    gc->interior_count = 0;
    const uint8_t **p = gc->interior;
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t j = i; j > 0 && p[j] < p[j - 1]; j--) {
            const uint8_t *t = p[j];
            p[j] = p[j - 1];
            p[j - 1] = t;
        }
    uint32_t i = 0;
    for (struct clr_block *b = (struct clr_block *)rt->heap.start; i < n && (uint8_t *)b < rt->heap.end;
         b = clr_heap_next(b)) {
        const uint8_t *end = (const uint8_t *)b + b->size;
        if (p[i] >= end)
            continue;
        mark(rt, b);
        while (i < n && p[i] < end)
            i++;
    }
}

static void mark_slot(struct clr_runtime *rt, const struct clr_slot *s)
{
    if (s->kind == CLR_K_O || (s->kind == CLR_K_REF && s->ref_elem == CLR_ELEM_VALUETYPE)) {
        mark(rt, s->v.o); /* an object, or a struct's address (its block's start) */
    } else if (s->kind == CLR_K_REF && clr_heap_contains(&rt->heap, s->v.raw)) {
        rt->gc.interior[rt->gc.interior_count++] = s->v.raw;
        if (rt->gc.interior_count == CLR_GC_INTERIOR_BATCH)
            flush_interior(rt);
    }
}

static void mark_slots(struct clr_runtime *rt, const struct clr_slot *slots, size_t count)
{
    for (size_t i = 0; i < count; i++)
        mark_slot(rt, &slots[i]);
}

static void scan(struct clr_runtime *rt, struct clr_block *b)
{
    b->gc_flags |= CLR_GC_SCANNED;
    if (b->kind == CLR_BLOCK_OBJECT) {
        const struct clr_object *o = (const struct clr_object *)b;
        mark_slots(rt, o->fields, o->field_count);
    } else if (b->kind == CLR_BLOCK_ARRAY && holds_blocks((const struct clr_array *)b)) {
        const struct clr_array *a = (const struct clr_array *)b;
        for (int32_t i = 0; i < a->length; i++) {
            struct clr_block *e;
            memcpy(&e, a->data + (size_t)i * sizeof e, sizeof e);
            mark(rt, e);
        }
    }
}

/* Scans until nothing waits: neither on the mark stack nor in the interior batch. */
static void drain(struct clr_runtime *rt)
{
    struct clr_gc *gc = &rt->gc;
    for (;;) {
        while (gc->mark_count > 0) {
            gc->mark_count--;
            scan(rt, gc->mark_stack[(gc->mark_bottom + gc->mark_count) % CLR_GC_MARK_STACK]);
        }
        if (gc->interior_count == 0)
            return;
        flush_interior(rt);
    }
}

/*
 * One call stack's roots: each frame's locals and evaluation stack (a callee's arguments are its
 * caller's top stack slots; the entry frame's sit below its locals) and its running handlers' exceptions.
 */
static void mark_stack(struct clr_runtime *rt, const struct clr_frame *frames, uint32_t depth,
                       const struct clr_eh_record *eh, uint32_t eh_count)
{
    if (depth > 0)
        mark_slots(rt, frames[0].args, frames[0].arg_count);
    for (uint32_t i = 0; i < depth; i++) {
        mark_slots(rt, frames[i].locals, frames[i].local_count);
        mark_slots(rt, frames[i].stack_base, (size_t)(frames[i].sp - frames[i].stack_base));
    }
    for (uint32_t i = 0; i < eh_count; i++)
        mark_object(rt, eh[i].exception);
}

/*
 * Every thread's call stack (the running thread's is in rt, the others' in their struct clr_thread), its
 * stack block, Thread object and what it waits for; the locked objects.
 */
static void mark_threads(struct clr_runtime *rt)
{
    for (uint32_t i = 0; i < CLR_MAX_THREADS; i++) {
        const struct clr_thread *t = &rt->threads[i];
        if (t->state == CLR_THREAD_FREE)
            continue;
        mark_object(rt, t->managed);
        mark_object(rt, t->wait_object);
        if (t->state == CLR_THREAD_DONE)
            continue;
        mark_object(rt, t->stack_block);
        if (i == rt->current)
            mark_stack(rt, rt->frames, rt->depth, rt->eh, rt->eh_count);
        else
            mark_stack(rt, t->frames, t->depth, t->eh, t->eh_count);
    }
    for (uint32_t i = 0; i < CLR_MAX_LOCKS; i++)
        mark_object(rt, rt->locks[i].object);
}

/* Every root of the runtime. */
static void mark_roots(struct clr_runtime *rt)
{
    mark_threads(rt);
    for (uint32_t i = 0; i < rt->assembly_count; i++) {
        const struct clr_assembly *a = &rt->assemblies[i];
        mark_slots(rt, a->statics, a->static_count);
        for (uint32_t k = 0; k < a->literal_count; k++)
            mark_object(rt, a->literals[k].string);
    }
    mark_object(rt, rt->exception_object);
    mark_object(rt, rt->out_of_memory);
    for (unsigned i = 0; i < CLR_FAILED_INITS; i++)
        mark_object(rt, rt->failed_inits[i].exception);
    mark_object(rt, rt->empty_string);
    for (uint32_t i = 0; i < rt->gc.temp_count; i++)
        mark_object(rt, rt->gc.temp_roots[i]);
}

/* Out of line: its buffer takes C stack only under stress. */
__attribute__((noinline)) static void verify_after_collection(struct clr_runtime *rt)
{
    char fault[CLR_LOG_LINE_MAX / 2];
    if (!clr_gc_verify(rt, fault, sizeof fault)) {
        clr_log(rt, "heap verification failed after collection %u: %s", (unsigned)rt->gc.collections, fault);
        rt->gc.corrupt = true;
    }
}

void clr_gc_collect(struct clr_runtime *rt)
{
    struct clr_gc *gc = &rt->gc;
    gc->mark_bottom = gc->mark_count = gc->interior_count = 0;
    gc->overflowed = false;
    mark_roots(rt);
    drain(rt);
    while (gc->overflowed) {
        gc->overflowed = false;
        gc->rescans++;
        for (struct clr_block *b = (struct clr_block *)rt->heap.start; (uint8_t *)b < rt->heap.end;
             b = clr_heap_next(b)) {
            if (b->gc_flags == CLR_GC_MARKED) {
                scan(rt, b);
                drain(rt);
            }
        }
    }
    const size_t freed = clr_heap_sweep(&rt->heap, gc->stress);
    gc->collections++;
    gc->freed_total += freed;
    gc->live_after = clr_heap_used(&rt->heap);
    if (gc->stress && !gc->corrupt)
        verify_after_collection(rt);
}

/* clr_gc_alloc when the heap had no room at once (or under stress): collect, then try again. */
struct clr_block *clr_gc_alloc_collecting(struct clr_runtime *rt, enum clr_block_kind kind, size_t bytes)
{
    if (rt->gc.corrupt || (!rt->gc.stress && bytes >= clr_heap_size(&rt->heap)))
        return NULL;
    clr_gc_collect(rt);
    return rt->gc.corrupt ? NULL : clr_heap_alloc(&rt->heap, kind, bytes);
}

bool clr_gc_push_root(struct clr_runtime *rt, void *block)
{
    if (rt->gc.temp_count == CLR_GC_TEMP_ROOTS)
        return false;
    rt->gc.temp_roots[rt->gc.temp_count++] = block;
    return true;
}

void clr_gc_pop_root(struct clr_runtime *rt)
{
    if (rt->gc.temp_count > 0)
        rt->gc.temp_count--;
}

/* ---- the verifier ---- */

/* Does a live block's reference lead to a live block (or nowhere)? */
static bool reference_ok(const struct clr_heap *heap, const struct clr_block *r)
{
    return r == NULL || (clr_heap_contains(heap, r) && ((uintptr_t)r - (uintptr_t)heap->start) % CLR_HEAP_ALIGN == 0 &&
                         r->kind != CLR_BLOCK_FREE && r->kind < CLR_BLOCK_KIND_COUNT);
}

/* The fault of one live block's contents, NULL if none. */
static const char *content_fault(const struct clr_runtime *rt, const struct clr_block *b)
{
    const struct clr_heap *heap = &rt->heap;
    if (b->kind == CLR_BLOCK_STRING) {
        const struct clr_string *s = (const struct clr_string *)b;
        return s->length < 0 || offsetof(struct clr_string, chars) + 2 * (size_t)s->length > b->size
                   ? "a string longer than its block" : NULL;
    }
    if (b->kind == CLR_BLOCK_STACK)
        return NULL; /* frames and slots: checked as their thread's roots */
    if (b->kind == CLR_BLOCK_OBJECT) {
        const struct clr_object *o = (const struct clr_object *)b;
        if (offsetof(struct clr_object, fields) + (size_t)o->field_count * sizeof o->fields[0] > b->size ||
            CLR_HANDLE_ASSEMBLY(o->type) >= rt->assembly_count)
            return "an object with more fields than its block or of no loaded type";
        for (uint32_t i = 0; i < o->field_count; i++)
            if (o->fields[i].kind == CLR_K_O && !reference_ok(heap, o->fields[i].v.o))
                return "an object field referring to a free block or outside the heap";
        return NULL;
    }
    const struct clr_array *a = (const struct clr_array *)b;
    if (a->length < 0 || a->elem_size != clr_array_elem_size(a->elem) ||
        offsetof(struct clr_array, data) + (size_t)a->length * a->elem_size > b->size)
        return "an array longer than its block or of a wrong element size";
    for (int32_t i = 0; holds_blocks(a) && i < a->length; i++) {
        const struct clr_block *e;
        memcpy(&e, a->data + (size_t)i * sizeof e, sizeof e);
        if (!reference_ok(heap, e))
            return "an array element referring to a free block or outside the heap";
    }
    return NULL;
}

bool clr_gc_verify(struct clr_runtime *rt, char *msg, size_t cap)
{
    const struct clr_heap *heap = &rt->heap;
    uint32_t listed = heap->free_head; /* the free list, walked along with the heap */
    bool rover_seen = heap->rover == CLR_HEAP_NONE, previous_free = false;
    size_t free_bytes = 0;
    const char *fault = NULL;
    const struct clr_block *b = (const struct clr_block *)heap->start;
    for (; fault == NULL && (const uint8_t *)b < heap->end; b = (const struct clr_block *)((const uint8_t *)b + b->size)) {
        const uint32_t offset = (uint32_t)((const uint8_t *)b - heap->start);
        if (b->size < CLR_HEAP_MIN_BLOCK || b->size % CLR_HEAP_ALIGN != 0 || b->size > (size_t)(heap->end - (const uint8_t *)b))
            fault = "a block size that is too small, unaligned or past the heap's end";
        else if (b->kind >= CLR_BLOCK_KIND_COUNT || b->gc_flags != 0)
            fault = "an unknown block kind or a mark left over";
        else if (b->kind != CLR_BLOCK_FREE)
            fault = content_fault(rt, b);
        else if (previous_free)
            fault = "two free neighbours the sweep did not merge";
        else if (listed != offset)
            fault = "a free block missing from the free list, or the list out of address order";
        else {
            free_bytes += b->size;
            rover_seen |= heap->rover == offset;
            listed = ((const uint32_t *)(b + 1))[0];
        }
        previous_free = b->kind == CLR_BLOCK_FREE;
        if (fault != NULL)
            clr_format(msg, cap, "%s (block at heap offset %u)", fault, (unsigned)offset);
    }
    if (fault == NULL && (listed != CLR_HEAP_NONE || free_bytes != heap->free_bytes || !rover_seen)) {
        fault = "the free list, the free byte count or the allocation rover disagrees with the blocks";
        clr_format(msg, cap, "%s", fault);
    }
    return fault == NULL;
}
