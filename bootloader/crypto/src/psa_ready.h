/* Shared start-up of the PSA backend files. */
#ifndef PSA_READY_H
#define PSA_READY_H

#include "bl_crypto_status.h"
#include "crypto_heap.h"
#include "psa/crypto.h"

#ifdef BL_CRYPTO_CC3XX
/* CryptoCell on: the peripheral enabled and Nordic's platform library started (cc3xx_ready.c). */
int bl_cc3xx_ready(void);
#endif

/* psa_crypto_init() returns at once once it has succeeded, so every entry point may call this. */
static inline int psa_ready(void)
{
    crypto_heap_ready();
#ifdef BL_CRYPTO_CC3XX
    if (bl_cc3xx_ready() != BL_CRYPTO_OK)
        return BL_CRYPTO_ERR_INTERNAL;
#endif
    return psa_crypto_init() == PSA_SUCCESS ? BL_CRYPTO_OK : BL_CRYPTO_ERR_INTERNAL;
}

#endif /* PSA_READY_H */
