#include "clr_heap.h"

#include <string.h>

/* A free block: its header, then the offset of the next free block (links are offsets from the start). */
struct free_block {
    struct clr_block block;
    uint32_t next;
};

static uintptr_t align_up(uintptr_t v)
{
    return (v + CLR_HEAP_ALIGN - 1) & ~(uintptr_t)(CLR_HEAP_ALIGN - 1);
}

static struct free_block *at(const struct clr_heap *heap, uint32_t offset)
{
    return (struct free_block *)(heap->start + offset);
}

/* The link held by free block `owner` (CLR_HEAP_NONE: the list head). */
static uint32_t *link_of(struct clr_heap *heap, uint32_t owner)
{
    return owner == CLR_HEAP_NONE ? &heap->free_head : &at(heap, owner)->next;
}

void clr_heap_init(struct clr_heap *heap, void *mem, size_t size)
{
    uint8_t *start = (uint8_t *)align_up((uintptr_t)mem);
    uint8_t *end = (uint8_t *)mem + size;
    if (start > end)
        start = end;
    size_t bytes = (size_t)(end - start) & ~(size_t)(CLR_HEAP_ALIGN - 1);
    if (bytes > CLR_HEAP_MAX_SIZE)
        bytes = CLR_HEAP_MAX_SIZE;
    if (bytes < CLR_HEAP_MIN_BLOCK)
        bytes = 0;
    *heap = (struct clr_heap){.start = start, .end = start + bytes, .free_head = CLR_HEAP_NONE,
                              .rover = CLR_HEAP_NONE, .free_bytes = bytes};
    if (bytes > 0) {
        *at(heap, 0) = (struct free_block){.block = {.size = (uint32_t)bytes, .kind = CLR_BLOCK_FREE},
                                           .next = CLR_HEAP_NONE};
        heap->free_head = 0;
    }
}

/* From the block `*owner` links to, up to (not including) `stop`: the owner of the first block of `size`. */
static bool find(struct clr_heap *heap, uint32_t *owner, uint32_t stop, uint32_t size)
{
    uint32_t offset;
    for (uint32_t o = *owner; (offset = *link_of(heap, o)) != stop; o = offset) {
        if (at(heap, offset)->block.size >= size) {
            *owner = o;
            return true;
        }
    }
    return false;
}

struct clr_block *clr_heap_alloc(struct clr_heap *heap, enum clr_block_kind kind, size_t bytes)
{
    /* Checked before rounding so that a huge request cannot wrap around. */
    if (bytes > heap->free_bytes)
        return NULL;
    size_t size = (size_t)align_up(sizeof(struct clr_block) + bytes);
    if (size < CLR_HEAP_MIN_BLOCK)
        size = CLR_HEAP_MIN_BLOCK;
    if (size > heap->free_bytes)
        return NULL;
    /* Next-fit: from the rover to the end of the list, then from the head back to the rover. */
    uint32_t owner = heap->rover;
    if (!find(heap, &owner, CLR_HEAP_NONE, (uint32_t)size)) {
        const uint32_t stop = *link_of(heap, heap->rover);
        owner = CLR_HEAP_NONE;
        if (!find(heap, &owner, stop, (uint32_t)size))
            return NULL;
    }
    uint32_t *link = link_of(heap, owner);
    struct free_block *fb = at(heap, *link);
    uint8_t *p;
    if (fb->block.size - size >= CLR_HEAP_MIN_BLOCK) {
        /* Carved from the end: the free block only shrinks, the list stays as it is. */
        fb->block.size -= (uint32_t)size;
        p = (uint8_t *)fb + fb->block.size;
    } else {
        /* The whole block: sizes are multiples of CLR_HEAP_MIN_BLOCK, so it fits exactly. */
        *link = fb->next;
        p = (uint8_t *)fb;
    }
    heap->rover = owner;
    heap->free_bytes -= size;
    memset(p, 0, size);
    struct clr_block *block = (struct clr_block *)p;
    block->size = (uint32_t)size;
    block->kind = (uint8_t)kind;
    return block;
}

size_t clr_heap_sweep(struct clr_heap *heap, bool poison)
{
    size_t freed = 0, free_bytes = 0;
    uint32_t *tail = &heap->free_head;
    struct free_block *run = NULL; /* the free block being extended by its free neighbours */
    for (struct clr_block *b = (struct clr_block *)heap->start, *next; (uint8_t *)b < heap->end; b = next) {
        next = clr_heap_next(b);
        if ((b->gc_flags & CLR_GC_MARKED) != 0) {
            b->gc_flags = 0;
            run = NULL;
            continue;
        }
        if (b->kind != CLR_BLOCK_FREE) {
            freed += b->size;
            if (poison) /* stale references read garbage, not the old values */
                memset(b + 1, CLR_HEAP_POISON, b->size - sizeof *b);
        }
        free_bytes += b->size;
        if (run != NULL) {
            run->block.size += b->size;
            b->kind = CLR_BLOCK_FREE; /* a stale reference to the absorbed block now sees a free one */
            continue;
        }
        run = (struct free_block *)b;
        run->block.kind = CLR_BLOCK_FREE;
        run->block.gc_flags = 0;
        *tail = (uint32_t)((uint8_t *)b - heap->start);
        tail = &run->next;
    }
    *tail = CLR_HEAP_NONE;
    heap->rover = CLR_HEAP_NONE;
    heap->free_bytes = free_bytes;
    return freed;
}

size_t clr_heap_size(const struct clr_heap *heap)
{
    return (size_t)(heap->end - heap->start);
}

size_t clr_heap_used(const struct clr_heap *heap)
{
    return clr_heap_size(heap) - heap->free_bytes;
}
