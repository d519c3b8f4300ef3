/*
 * Firmware builds (BL_CRYPTO_STATIC_HEAP) give mbedTLS a static buffer, sized for one P-256
 * verification; host builds leave mbedTLS on libc calloc so that AddressSanitizer sees every block.
 */
#include "crypto_heap.h"

#include "mbedtls/build_info.h"

#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
#include <stdbool.h>

#include "mbedtls/memory_buffer_alloc.h"

static unsigned char heap[BL_CRYPTO_HEAP_SIZE];
static bool heap_ready;

void crypto_heap_ready(void)
{
    if (!heap_ready) {
        mbedtls_memory_buffer_alloc_init(heap, sizeof heap);
        heap_ready = true;
    }
}

/* Memory can no longer be trusted, so nothing may be verified: fault, and let the port's fault handler reset. */
void crypto_heap_corrupted(int status)
{
    (void)status;
    __builtin_trap();
}
#else
void crypto_heap_ready(void)
{
}
#endif
