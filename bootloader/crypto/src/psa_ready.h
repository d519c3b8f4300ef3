/* Shared start-up of the PSA backend files. */
#ifndef PSA_READY_H
#define PSA_READY_H

#include "bl_crypto_status.h"
#include "crypto_heap.h"
#include "psa/crypto.h"

/* psa_crypto_init() returns at once once it has succeeded, so every entry point may call this. */
static inline int psa_ready(void)
{
    crypto_heap_ready();
    return psa_crypto_init() == PSA_SUCCESS ? BL_CRYPTO_OK : BL_CRYPTO_ERR_INTERNAL;
}

#endif /* PSA_READY_H */
