/* The table of this library's functions that b0 exports to the second stage (bl_crypto_api.h). */
#include "bl_crypto_api.h"

const struct bl_crypto_api bl_crypto_api_export = {
    .magic = BL_CRYPTO_API_MAGIC,
    .version = BL_CRYPTO_API_VERSION,
    .size = sizeof(struct bl_crypto_api),
    .sha256_init = bl_sha256_init,
    .sha256_update = bl_sha256_update,
    .sha256_finish = bl_sha256_finish,
    .sha256_abort = bl_sha256_abort,
    .ecdsa_p256_verify = bl_ecdsa_p256_verify,
};
