/* bl_sha256.h through the PSA hash API. */
#include "bl_sha256.h"

#include "psa_ready.h"

_Static_assert(sizeof(psa_hash_operation_t) <= sizeof(((bl_sha256_ctx *)0)->opaque),
               "bl_sha256_ctx is too small for psa_hash_operation_t");

static psa_hash_operation_t *operation(bl_sha256_ctx *ctx)
{
    return (psa_hash_operation_t *)(void *)&ctx->opaque;
}

/* A failed PSA operation must still be aborted to release it. */
static int status_of(bl_sha256_ctx *ctx, psa_status_t st)
{
    if (st == PSA_SUCCESS)
        return BL_CRYPTO_OK;
    psa_hash_abort(operation(ctx));
    return BL_CRYPTO_ERR_INTERNAL;
}

int bl_sha256_init(bl_sha256_ctx *ctx)
{
    if (ctx == NULL)
        return BL_CRYPTO_ERR_INVALID_ARG;
    *operation(ctx) = psa_hash_operation_init();
    int rc = psa_ready();
    if (rc != BL_CRYPTO_OK)
        return rc;
    return status_of(ctx, psa_hash_setup(operation(ctx), PSA_ALG_SHA_256));
}

int bl_sha256_update(bl_sha256_ctx *ctx, const void *data, size_t len)
{
    if (ctx == NULL || (data == NULL && len != 0))
        return BL_CRYPTO_ERR_INVALID_ARG;
    return status_of(ctx, psa_hash_update(operation(ctx), data, len));
}

int bl_sha256_finish(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    size_t len;
    if (ctx == NULL || digest == NULL)
        return BL_CRYPTO_ERR_INVALID_ARG;
    return status_of(ctx, psa_hash_finish(operation(ctx), digest, BL_SHA256_DIGEST_SIZE, &len));
}

void bl_sha256_abort(bl_sha256_ctx *ctx)
{
    if (ctx != NULL)
        psa_hash_abort(operation(ctx));
}

int bl_sha256(const void *data, size_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    size_t out_len;
    if ((data == NULL && len != 0) || digest == NULL)
        return BL_CRYPTO_ERR_INVALID_ARG;
    int rc = psa_ready();
    if (rc != BL_CRYPTO_OK)
        return rc;
    return psa_hash_compute(PSA_ALG_SHA_256, data, len, digest, BL_SHA256_DIGEST_SIZE, &out_len) == PSA_SUCCESS
               ? BL_CRYPTO_OK
               : BL_CRYPTO_ERR_INTERNAL;
}
