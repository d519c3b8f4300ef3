/*
 * mbedTLS 3.6 configuration of the bootloader: verify only, SHA-256 + ECDSA P-256, legacy API.
 * Selected with -DMBEDTLS_CONFIG_FILE=<bl_mbedtls_config.h>; bl_mbedtls_config_psa.h adds the PSA API.
 * mbedTLS's build_info.h derives the internal options and runs check_config.h after this file.
 */
#ifndef BL_MBEDTLS_CONFIG_H
#define BL_MBEDTLS_CONFIG_H

/* Bignum inner loops in assembly (UMAAL on Cortex-M33 with DSP, x86-64 on the host). */
#define MBEDTLS_HAVE_ASM
/* No OS entropy and no clock: verification needs neither. */
#define MBEDTLS_NO_PLATFORM_ENTROPY

#define MBEDTLS_SHA256_C
/* Rolled-up compression loop: 1.4 KB less flash for 41 % more instructions per byte. */
#define MBEDTLS_SHA256_SMALLER

#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
/* Fast reduction modulo the P-256 prime: about 5x faster verification for under 1 KB. */
#ifndef BL_CRYPTO_NO_NIST_OPTIM /* measurement builds only */
#define MBEDTLS_ECP_NIST_OPTIM
#endif
#define MBEDTLS_ECDSA_C
/* Required by MBEDTLS_ECDSA_C (DER signature helpers) even though verification does not use them. */
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C

/* P-256 only: 32-byte numbers, small windows so that the heap stays under 4 KB. */
#define MBEDTLS_MPI_MAX_SIZE 32
#define MBEDTLS_MPI_WINDOW_SIZE 1
#define MBEDTLS_ECP_WINDOW_SIZE 2
/* The fixed-point table would be rebuilt in the heap on every verification: no gain. */
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 0

#if defined(BL_CRYPTO_STATIC_HEAP)
/*
 * Firmware has no malloc: mbedTLS allocates from a static buffer (crypto_heap.c). Without
 * NO_STD_FUNCTIONS, mbedtls_calloc would default to libc calloc and link newlib's malloc and _sbrk.
 */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_NO_STD_FUNCTIONS
#define MBEDTLS_MEMORY_BUFFER_ALLOC_C
/* The allocator stops on a corrupted heap: trap (crypto_heap.c) instead of linking libc's exit(). */
void crypto_heap_corrupted(int status);
#define MBEDTLS_PLATFORM_EXIT_MACRO crypto_heap_corrupted
#endif

#endif /* BL_MBEDTLS_CONFIG_H */
