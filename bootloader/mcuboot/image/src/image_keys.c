/*
 * Key selection and signature check. A KEYHASH or PUBKEY TLV picks the keyring key that the
 * signature TLVs after it are verified with; one verifying signature accepts the image.
 */
#include <string.h>

#include "image_signature.h"
#include "image_tlv.h"

#define NO_KEY (-1)
#define PUBKEY_MAX 128u /* DER of our key types: 91 bytes P-256, 44 bytes Ed25519 */

static bool usable(const struct mb_key *key)
{
    return key->type == MB_SIGNATURE_KEY_TYPE && key->der != NULL;
}

static enum mb_image_status key_by_hash(const struct mb_keyring *keyring, const uint8_t hash[32], int *index)
{
    *index = NO_KEY;
    for (size_t i = 0; i < keyring->count; i++) {
        const struct mb_key *key = &keyring->keys[i];
        uint8_t key_hash[BL_SHA256_DIGEST_SIZE];
        if (!usable(key))
            continue;
        if (bl_sha256(key->der, key->der_len, key_hash) != BL_CRYPTO_OK)
            return MB_IMAGE_E_CRYPTO;
        if (memcmp(key_hash, hash, sizeof key_hash) == 0) {
            *index = (int)i;
            break;
        }
    }
    return MB_IMAGE_OK;
}

static int key_by_der(const struct mb_keyring *keyring, const uint8_t *der, size_t len)
{
    for (size_t i = 0; i < keyring->count; i++) {
        const struct mb_key *key = &keyring->keys[i];
        if (usable(key) && key->der_len == len && memcmp(key->der, der, len) == 0)
            return (int)i;
    }
    return NO_KEY;
}

/* Key TLV -> *key (NO_KEY when none of ours matches). */
static enum mb_image_status select_key(const struct image_area *area, const struct mb_tlv *tlv,
                                       const struct mb_keyring *keyring, int *key)
{
    uint8_t value[PUBKEY_MAX];
    *key = NO_KEY;
    if (tlv->type == MB_TLV_PUBKEY && tlv->len > sizeof value)
        return MB_IMAGE_OK; /* longer than any key we hold */
    enum mb_image_status st = mb_area_read(area, tlv->value, value, tlv->len);
    if (st != MB_IMAGE_OK)
        return st;
    if (tlv->type == MB_TLV_KEYHASH)
        return key_by_hash(keyring, value, key); /* length 32 checked when the TLVs were collected */
    *key = key_by_der(keyring, value, tlv->len);
    return MB_IMAGE_OK;
}

static enum mb_image_status verify(const struct image_area *area, const struct mb_tlv *tlv, const struct mb_key *key,
                                   const uint8_t digest[32])
{
    uint8_t sig[MB_SIGNATURE_MAX_LEN]; /* length checked when the TLVs were collected */
    enum mb_image_status st = mb_area_read(area, tlv->value, sig, tlv->len);
    if (st != MB_IMAGE_OK)
        return st;
    switch (mb_signature_verify(key, digest, sig, tlv->len)) {
    case BL_CRYPTO_OK: return MB_IMAGE_OK;
    case BL_CRYPTO_ERR_INVALID_ARG:
    case BL_CRYPTO_ERR_INTERNAL: return MB_IMAGE_E_CRYPTO; /* no verdict: never pass, never blame the image */
    default: return MB_IMAGE_E_SIGNATURE;
    }
}

enum mb_image_status mb_image_check_signature(const struct image_area *area, const struct mb_tlv_layout *layout,
                                              const struct mb_keyring *keyring, const uint8_t digest[32],
                                              struct mb_image_info *out)
{
    /* The most telling failure wins: SIGNATURE over KEY_UNKNOWN over NO_SIGNATURE (enum order). */
    enum mb_image_status verdict = MB_IMAGE_E_NO_SIGNATURE;
    int key = NO_KEY;
    struct mb_tlv_iter it;
    struct mb_tlv tlv;
    bool found;
    mb_tlv_begin(&it, area, layout);
    for (;;) {
        enum mb_image_status st = mb_tlv_next(&it, &tlv, &found);
        if (st != MB_IMAGE_OK)
            return st;
        if (!found)
            return verdict;
        if (tlv.type == MB_TLV_KEYHASH || tlv.type == MB_TLV_PUBKEY) {
            st = select_key(area, &tlv, keyring, &key);
        } else if (tlv.type == MB_TLV_SIGNATURE) {
            st = key == NO_KEY ? MB_IMAGE_E_KEY_UNKNOWN : verify(area, &tlv, &keyring->keys[key], digest);
            if (st == MB_IMAGE_OK) {
                out->key_index = key;
                return MB_IMAGE_OK;
            }
            if (st == MB_IMAGE_E_KEY_UNKNOWN || st == MB_IMAGE_E_SIGNATURE) {
                verdict = st > verdict ? st : verdict;
                st = MB_IMAGE_OK;
            }
        }
        if (st != MB_IMAGE_OK)
            return st;
    }
}
