/*
 * SHA-256 for image and key hashes (backend: mbedTLS, through its legacy or its PSA API).
 *
 *   bl_sha256_ctx ctx;
 *   bl_sha256_init(&ctx); bl_sha256_update(&ctx, part, len); ...; bl_sha256_finish(&ctx, digest);
 *
 * finish (or abort) releases the context; every call returns an enum bl_crypto_status value.
 */
#ifndef BL_SHA256_H
#define BL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "bl_crypto_status.h"

#define BL_SHA256_DIGEST_SIZE 32

/* Opaque storage so that callers need no mbedTLS headers; each backend asserts that its state fits. */
typedef struct bl_sha256_ctx {
    union {
        uint64_t align;
        unsigned char bytes[160];
    } opaque;
} bl_sha256_ctx;

int bl_sha256_init(bl_sha256_ctx *ctx);
int bl_sha256_update(bl_sha256_ctx *ctx, const void *data, size_t len);
int bl_sha256_finish(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE]);
/* Releases a context that will not be finished, e.g. after a flash read error. */
void bl_sha256_abort(bl_sha256_ctx *ctx);

/* One-shot: digest = SHA-256(data[0..len)). */
int bl_sha256(const void *data, size_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE]);

#endif /* BL_SHA256_H */
