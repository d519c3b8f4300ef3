/* The heap mbedTLS allocates its bignums from. */
#ifndef CRYPTO_HEAP_H
#define CRYPTO_HEAP_H

/* Call before any mbedTLS function that allocates; cheap after the first call. */
void crypto_heap_ready(void);

#endif /* CRYPTO_HEAP_H */
