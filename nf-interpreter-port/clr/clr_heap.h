/*
 * The managed heap: one caller-given region of blocks, each with a small header giving its size and
 * kind, laid back to back so that the heap can be walked block by block from its start.
 *
 * Free blocks (CLR_BLOCK_FREE) form one list in address order, which the collector's sweep rebuilds
 * (merging neighbours). Allocation is next-fit: it carves the request from the end of the free block
 * where the last one succeeded, so the common case touches one block; a block too small is passed over
 * (it stays on the list) and the search wraps around once. This file knows nothing of roots: the
 * runtime allocates through clr_gc_alloc (clr_gc.c), which collects and retries when this says no.
 */
#ifndef CLR_HEAP_H
#define CLR_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLR_HEAP_ALIGN 16u /* so that a free block's rest is 0 or a block: a block's size follows from the request */
#define CLR_HEAP_MIN_BLOCK 16u          /* a free block's header and link; every block is at least this */
#define CLR_HEAP_MAX_SIZE 0x7FFFFFF0u   /* blocks and links are 32-bit: a larger region is cut to this */
#define CLR_HEAP_NONE 0xFFFFFFFFu       /* the end of the free list */

enum clr_block_kind {
    CLR_BLOCK_FREE = 0,
    CLR_BLOCK_STRING = 1,
    CLR_BLOCK_OBJECT = 2, /* struct clr_object */
    CLR_BLOCK_ARRAY = 3,  /* struct clr_array */
    CLR_BLOCK_STACK = 4,  /* a started thread's frames, handler records and slots (struct clr_thread) */
    CLR_BLOCK_KIND_COUNT
};

/* gc_flags: set only while a collection runs. */
#define CLR_GC_MARKED 1u  /* reachable */
#define CLR_GC_SCANNED 2u /* its references are marked too (marked and not scanned: still to scan) */

/* Every heap block starts with this; the object follows (8-byte aligned). */
struct clr_block {
    uint32_t size; /* bytes of the block, header included, a multiple of CLR_HEAP_ALIGN */
    uint8_t kind;  /* enum clr_block_kind */
    uint8_t gc_flags;
    uint16_t reserved;
};

struct clr_heap {
    uint8_t *start;
    uint8_t *end;
    uint32_t free_head;  /* offset of the first free block, CLR_HEAP_NONE */
    uint32_t rover;      /* the free block whose link leads to where next-fit starts (CLR_HEAP_NONE: the head) */
    size_t free_bytes;
};

/* Uses [mem, mem + size) (the start aligned up, at most CLR_HEAP_MAX_SIZE bytes): one free block. */
void clr_heap_init(struct clr_heap *heap, void *mem, size_t size);

/*
 * A zeroed block of `kind` with `bytes` bytes of object after the header, or NULL when no free block
 * holds it. Does not collect: the runtime calls clr_gc_alloc.
 */
struct clr_block *clr_heap_alloc(struct clr_heap *heap, enum clr_block_kind kind, size_t bytes);

static inline bool clr_heap_contains(const struct clr_heap *heap, const void *p)
{
    return (const uint8_t *)p >= heap->start && (const uint8_t *)p < heap->end;
}
static inline struct clr_block *clr_heap_next(struct clr_block *b)
{
    return (struct clr_block *)((uint8_t *)b + b->size);
}

/*
 * The collector's sweep: every block not marked becomes free, runs of free blocks merge into one, the
 * free list is rebuilt in address order and the marks are cleared. Returns the bytes freed. `poison`
 * fills what was freed with CLR_HEAP_POISON (stress tests: a missed root then shows as garbage).
 */
#define CLR_HEAP_POISON 0xA5
size_t clr_heap_sweep(struct clr_heap *heap, bool poison);

size_t clr_heap_size(const struct clr_heap *heap);
size_t clr_heap_used(const struct clr_heap *heap);

#endif /* CLR_HEAP_H */
