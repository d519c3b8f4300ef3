/* bl_sha256.h through mbedTLS's legacy SHA-256 module. */
#include "bl_sha256.h"

#include "mbedtls/sha256.h"

_Static_assert(sizeof(mbedtls_sha256_context) <= sizeof(((bl_sha256_ctx *)0)->opaque),
               "bl_sha256_ctx is too small for mbedtls_sha256_context");

static mbedtls_sha256_context *state(bl_sha256_ctx *ctx)
{
    return (mbedtls_sha256_context *)(void *)&ctx->opaque;
}

int bl_sha256_init(bl_sha256_ctx *ctx)
{
    if (ctx == NULL)
        return BL_CRYPTO_ERR_INVALID_ARG;
    mbedtls_sha256_init(state(ctx));
    return mbedtls_sha256_starts(state(ctx), 0) == 0 ? BL_CRYPTO_OK : BL_CRYPTO_ERR_INTERNAL;
}

int bl_sha256_update(bl_sha256_ctx *ctx, const void *data, size_t len)
{
    if (ctx == NULL || (data == NULL && len != 0))
        return BL_CRYPTO_ERR_INVALID_ARG;
    return mbedtls_sha256_update(state(ctx), data, len) == 0 ? BL_CRYPTO_OK : BL_CRYPTO_ERR_INTERNAL;
}

int bl_sha256_finish(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    if (ctx == NULL || digest == NULL)
        return BL_CRYPTO_ERR_INVALID_ARG;
    int rc = mbedtls_sha256_finish(state(ctx), digest);
    mbedtls_sha256_free(state(ctx));
    return rc == 0 ? BL_CRYPTO_OK : BL_CRYPTO_ERR_INTERNAL;
}

void bl_sha256_abort(bl_sha256_ctx *ctx)
{
    if (ctx != NULL)
        mbedtls_sha256_free(state(ctx));
}

int bl_sha256(const void *data, size_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    if ((data == NULL && len != 0) || digest == NULL)
        return BL_CRYPTO_ERR_INVALID_ARG;
    return mbedtls_sha256(data, len, digest, 0) == 0 ? BL_CRYPTO_OK : BL_CRYPTO_ERR_INTERNAL;
}
