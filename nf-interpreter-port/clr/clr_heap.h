/*
 * The managed heap: one caller-given region of blocks, each with a small header giving its size and
 * kind, laid back to back so that the heap can be walked block by block.
 *
 * Slice 1 allocates by bumping a pointer and never frees (OutOfMemoryException when full). The API is
 * the one a mark-sweep collector keeps: allocation may fail and is the only way to get a block, blocks
 * are parsable from the start, and the header has room for the mark bit.
 */
#ifndef CLR_HEAP_H
#define CLR_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define CLR_HEAP_ALIGN 8u

enum clr_block_kind {
    CLR_BLOCK_FREE = 0, /* for the collector */
    CLR_BLOCK_STRING = 1,
    CLR_BLOCK_OBJECT = 2, /* struct clr_object */
    CLR_BLOCK_ARRAY = 3,  /* struct clr_array */
    CLR_BLOCK_STACK = 4,  /* a started thread's frames, handler records and slots (struct clr_thread) */
};

/* Every heap block starts with this; the object follows (8-byte aligned). */
struct clr_block {
    uint32_t size; /* bytes of the block, header included, a multiple of CLR_HEAP_ALIGN */
    uint8_t kind;  /* enum clr_block_kind */
    uint8_t gc_flags;
    uint16_t reserved;
};

struct clr_heap {
    uint8_t *start;
    uint8_t *top; /* next free byte */
    uint8_t *end;
};

/* Uses [mem, mem + size); the start is aligned up to CLR_HEAP_ALIGN. */
void clr_heap_init(struct clr_heap *heap, void *mem, size_t size);

/*
 * A zeroed block of `kind` with `bytes` bytes of object after the header, or NULL when the heap is
 * full (the caller throws OutOfMemoryException).
 */
struct clr_block *clr_heap_alloc(struct clr_heap *heap, enum clr_block_kind kind, size_t bytes);

size_t clr_heap_size(const struct clr_heap *heap);
size_t clr_heap_used(const struct clr_heap *heap);

#endif /* CLR_HEAP_H */
