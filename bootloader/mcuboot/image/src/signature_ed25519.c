/* Ed25519: the ED25519 TLV signs the 32-byte image digest as its message. */
#include <string.h>

#include "bl_ed25519.h"
#include "image_signature.h"

/* SubjectPublicKeyInfo of an Ed25519 key (RFC 8410): this prefix, then the 32 key bytes. */
static const uint8_t spki_prefix[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

bool mb_signature_len_ok(uint16_t len)
{
    return len == BL_ED25519_SIG_SIZE;
}

int mb_signature_verify(const struct mb_key *key, const uint8_t digest[32], const uint8_t *sig, size_t sig_len)
{
    if (sig_len != BL_ED25519_SIG_SIZE || key->der_len != sizeof spki_prefix + BL_ED25519_KEY_SIZE ||
        memcmp(key->der, spki_prefix, sizeof spki_prefix) != 0)
        return BL_CRYPTO_ERR_MALFORMED;
    return bl_ed25519_verify(sig, digest, 32, key->der + sizeof spki_prefix);
}
