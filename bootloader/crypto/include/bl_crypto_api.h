/*
 * b0's verify functions, exported to the second stage so that it need not carry its own copy of
 * mbedTLS (as NCS's b0 exports its crypto through EXT_APIs). b0 keeps a pointer to the table in word
 * BL_CRYPTO_API_VECTOR_WORD of its vector table, a word ARMv8-M reserves; the second stage's import
 * layer (library bl_crypto_import) checks the pointer lies in b0's partition and the table's magic,
 * version and size before any call, and fails closed (BL_CRYPTO_ERR_INTERNAL) otherwise.
 */
#ifndef BL_CRYPTO_API_H
#define BL_CRYPTO_API_H

#include <stddef.h>
#include <stdint.h>

#include "bl_ecdsa_p256.h"
#include "bl_sha256.h"

#define BL_CRYPTO_API_MAGIC 0xB0C7A9A1u
#define BL_CRYPTO_API_VERSION 1u /* raised when a member changes; members are only appended */
#define BL_CRYPTO_API_VECTOR_WORD 8u

struct bl_crypto_api {
    uint32_t magic;
    uint32_t version;
    uint32_t size; /* sizeof(struct bl_crypto_api) of the exporter */
    int (*sha256_init)(bl_sha256_ctx *ctx);
    int (*sha256_update)(bl_sha256_ctx *ctx, const void *data, size_t len);
    int (*sha256_finish)(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE]);
    void (*sha256_abort)(bl_sha256_ctx *ctx);
    int (*ecdsa_p256_verify)(const uint8_t *key, size_t key_len, enum bl_ecdsa_p256_encoding key_encoding,
                             const uint8_t digest[BL_ECDSA_P256_DIGEST_SIZE], const uint8_t *sig, size_t sig_len,
                             enum bl_ecdsa_p256_encoding sig_encoding);
};

/* The table b0 exports (library bl_crypto). */
extern const struct bl_crypto_api bl_crypto_api_export;

#endif /* BL_CRYPTO_API_H */
