/*
 * bl_sha256.h and bl_ecdsa_p256.h for a stage that runs after b0: every call goes through the table
 * b0 exports (bl_crypto_api.h). Nothing here computes a hash or checks a signature itself.
 */
#include "bl_crypto_api.h"
#include "board_partitions.h"

static const struct bl_crypto_api *b0_table(void)
{
    uintptr_t b0 = PM_B0_ADDRESS;
    __asm__("" : "+r"(b0)); /* b0 may start at address 0: keep the compiler from treating it as NULL */
    uint32_t addr = ((const volatile uint32_t *)b0)[BL_CRYPTO_API_VECTOR_WORD];
    if (addr - PM_B0_ADDRESS > PM_B0_SIZE - sizeof(struct bl_crypto_api) || addr % 4 != 0)
        return NULL; /* outside b0 (unsigned: below it wraps above), or misaligned */
    const struct bl_crypto_api *api = (const struct bl_crypto_api *)(uintptr_t)addr;
    if (api->magic != BL_CRYPTO_API_MAGIC || api->version != BL_CRYPTO_API_VERSION ||
        api->size < sizeof(struct bl_crypto_api))
        return NULL;
    return api;
}

int bl_sha256_init(bl_sha256_ctx *ctx)
{
    const struct bl_crypto_api *api = b0_table();
    return api != NULL ? api->sha256_init(ctx) : BL_CRYPTO_ERR_INTERNAL;
}

int bl_sha256_update(bl_sha256_ctx *ctx, const void *data, size_t len)
{
    const struct bl_crypto_api *api = b0_table();
    return api != NULL ? api->sha256_update(ctx, data, len) : BL_CRYPTO_ERR_INTERNAL;
}

int bl_sha256_finish(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    const struct bl_crypto_api *api = b0_table();
    return api != NULL ? api->sha256_finish(ctx, digest) : BL_CRYPTO_ERR_INTERNAL;
}

void bl_sha256_abort(bl_sha256_ctx *ctx)
{
    const struct bl_crypto_api *api = b0_table();
    if (api != NULL)
        api->sha256_abort(ctx);
}

int bl_sha256(const void *data, size_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    bl_sha256_ctx ctx;
    int rc = bl_sha256_init(&ctx);
    if (rc != BL_CRYPTO_OK)
        return rc;
    rc = bl_sha256_update(&ctx, data, len);
    if (rc != BL_CRYPTO_OK) {
        bl_sha256_abort(&ctx);
        return rc;
    }
    return bl_sha256_finish(&ctx, digest);
}

int bl_ecdsa_p256_verify(const uint8_t *key, size_t key_len, enum bl_ecdsa_p256_encoding key_encoding,
                         const uint8_t digest[BL_ECDSA_P256_DIGEST_SIZE], const uint8_t *sig, size_t sig_len,
                         enum bl_ecdsa_p256_encoding sig_encoding)
{
    const struct bl_crypto_api *api = b0_table();
    return api != NULL ? api->ecdsa_p256_verify(key, key_len, key_encoding, digest, sig, sig_len, sig_encoding)
                       : BL_CRYPTO_ERR_INTERNAL;
}
