/*
 * PSA's random source (MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG). The verify-only bootloader has no entropy
 * source wired, so this fails closed: any PSA operation that needs randomness (key generation,
 * signing, psa_generate_random) returns PSA_ERROR_INSUFFICIENT_ENTROPY instead of weak output.
 * A build that needs randomness must replace this file with one backed by the hardware RNG.
 */
#include "psa/crypto.h"

psa_status_t mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *context, uint8_t *output,
                                             size_t output_size, size_t *output_length)
{
    (void)context;
    (void)output;
    (void)output_size;
    *output_length = 0;
    return PSA_ERROR_INSUFFICIENT_ENTROPY;
}
