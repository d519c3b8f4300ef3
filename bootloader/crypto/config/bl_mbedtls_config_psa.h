/*
 * The verify set of bl_mbedtls_config.h, reached through the PSA Crypto API (psa_hash_*, psa_import_key,
 * psa_verify_hash). The PSA_WANT_* symbols are derived from the legacy options.
 */
#ifndef BL_MBEDTLS_CONFIG_PSA_H
#define BL_MBEDTLS_CONFIG_PSA_H

#include "bl_mbedtls_config.h"

#define MBEDTLS_PSA_CRYPTO_C
/*
 * PSA's random generator comes from psa_external_rng.c instead of CTR_DRBG + entropy (about 7 KB):
 * verification needs no randomness, and that hook fails closed until a hardware RNG is wired.
 */
#define MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG
/* One volatile key at a time: the public key being checked. */
#define MBEDTLS_PSA_KEY_SLOT_COUNT 1

#endif /* BL_MBEDTLS_CONFIG_PSA_H */
