/* bl_ed25519.h through libsodium's ref10 verification (no heap, no randomness, no sodium_init). */
#include "bl_ed25519.h"

#include "crypto_sign_ed25519.h"

int bl_ed25519_verify(const uint8_t sig[BL_ED25519_SIG_SIZE], const uint8_t *msg, size_t msg_len,
                      const uint8_t key[BL_ED25519_KEY_SIZE])
{
    if (sig == NULL || key == NULL || (msg == NULL && msg_len != 0))
        return BL_CRYPTO_ERR_INVALID_ARG;
    return crypto_sign_ed25519_verify_detached(sig, msg, msg_len, key) == 0 ? BL_CRYPTO_OK
                                                                           : BL_CRYPTO_ERR_BAD_SIGNATURE;
}
