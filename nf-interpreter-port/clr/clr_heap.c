#include "clr_heap.h"

#include <string.h>

static uintptr_t align_up(uintptr_t v)
{
    return (v + CLR_HEAP_ALIGN - 1) & ~(uintptr_t)(CLR_HEAP_ALIGN - 1);
}

void clr_heap_init(struct clr_heap *heap, void *mem, size_t size)
{
    uint8_t *start = (uint8_t *)align_up((uintptr_t)mem);
    uint8_t *end = (uint8_t *)mem + size;
    if (start > end)
        start = end;
    heap->start = start;
    heap->top = start;
    heap->end = start + ((size_t)(end - start) & ~(size_t)(CLR_HEAP_ALIGN - 1));
}

struct clr_block *clr_heap_alloc(struct clr_heap *heap, enum clr_block_kind kind, size_t bytes)
{
    const size_t room = (size_t)(heap->end - heap->top);
    /* Checked before rounding so that a huge request cannot wrap around. */
    if (bytes > room)
        return NULL;
    const size_t size = (size_t)align_up(sizeof(struct clr_block) + bytes);
    if (size > room || size > UINT32_MAX)
        return NULL;
    struct clr_block *block = (struct clr_block *)heap->top;
    memset(block, 0, size);
    block->size = (uint32_t)size;
    block->kind = (uint8_t)kind;
    heap->top += size;
    return block;
}

size_t clr_heap_size(const struct clr_heap *heap)
{
    return (size_t)(heap->end - heap->start);
}

size_t clr_heap_used(const struct clr_heap *heap)
{
    return (size_t)(heap->top - heap->start);
}
