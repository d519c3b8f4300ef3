/*
 * Crypto failures, injected by linking with -Wl,--wrap (CMakeLists.txt here): each SHA-256 and
 * verify call of a validation fails in turn, and each status a verify call can return is mapped.
 * A library failure must be MB_IMAGE_E_CRYPTO: never OK, never a verdict on the image.
 */
#include "bl_ecdsa_p256.h"
#include "bl_ed25519.h"
#include "bl_sha256.h"
#include "rig.h"

static unsigned calls, fail_at;
static int fail_rc = BL_CRYPTO_ERR_INTERNAL;

static bool failing(void)
{
    return ++calls == fail_at;
}

int __real_bl_sha256_init(bl_sha256_ctx *ctx);
int __real_bl_sha256_update(bl_sha256_ctx *ctx, const void *data, size_t len);
int __real_bl_sha256_finish(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE]);
int __real_bl_sha256(const void *data, size_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE]);
int __wrap_bl_sha256_init(bl_sha256_ctx *ctx);
int __wrap_bl_sha256_update(bl_sha256_ctx *ctx, const void *data, size_t len);
int __wrap_bl_sha256_finish(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE]);
int __wrap_bl_sha256(const void *data, size_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE]);

int __wrap_bl_sha256_init(bl_sha256_ctx *ctx)
{
    return failing() ? BL_CRYPTO_ERR_INTERNAL : __real_bl_sha256_init(ctx);
}

int __wrap_bl_sha256_update(bl_sha256_ctx *ctx, const void *data, size_t len)
{
    return failing() ? BL_CRYPTO_ERR_INTERNAL : __real_bl_sha256_update(ctx, data, len);
}

int __wrap_bl_sha256_finish(bl_sha256_ctx *ctx, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    if (failing()) {
        bl_sha256_abort(ctx); /* a failing finish still releases the context */
        return BL_CRYPTO_ERR_INTERNAL;
    }
    return __real_bl_sha256_finish(ctx, digest);
}

int __wrap_bl_sha256(const void *data, size_t len, uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    return failing() ? BL_CRYPTO_ERR_INTERNAL : __real_bl_sha256(data, len, digest);
}

#ifdef MB_SIGNATURE_ED25519
int __real_bl_ed25519_verify(const uint8_t sig[BL_ED25519_SIG_SIZE], const uint8_t *msg, size_t msg_len,
                             const uint8_t key[BL_ED25519_KEY_SIZE]);
int __wrap_bl_ed25519_verify(const uint8_t sig[BL_ED25519_SIG_SIZE], const uint8_t *msg, size_t msg_len,
                             const uint8_t key[BL_ED25519_KEY_SIZE]);
int __wrap_bl_ed25519_verify(const uint8_t sig[BL_ED25519_SIG_SIZE], const uint8_t *msg, size_t msg_len,
                             const uint8_t key[BL_ED25519_KEY_SIZE])
{
    return failing() ? fail_rc : __real_bl_ed25519_verify(sig, msg, msg_len, key);
}
#define REFERENCE IMGTOOL("ed25519-basic.bin")
#else
int __real_bl_ecdsa_p256_verify(const uint8_t *key, size_t key_len, enum bl_ecdsa_p256_encoding key_encoding,
                                const uint8_t digest[BL_ECDSA_P256_DIGEST_SIZE], const uint8_t *sig,
                                size_t sig_len, enum bl_ecdsa_p256_encoding sig_encoding);
int __wrap_bl_ecdsa_p256_verify(const uint8_t *key, size_t key_len, enum bl_ecdsa_p256_encoding key_encoding,
                                const uint8_t digest[BL_ECDSA_P256_DIGEST_SIZE], const uint8_t *sig,
                                size_t sig_len, enum bl_ecdsa_p256_encoding sig_encoding);
int __wrap_bl_ecdsa_p256_verify(const uint8_t *key, size_t key_len, enum bl_ecdsa_p256_encoding key_encoding,
                                const uint8_t digest[BL_ECDSA_P256_DIGEST_SIZE], const uint8_t *sig,
                                size_t sig_len, enum bl_ecdsa_p256_encoding sig_encoding)
{
    return failing() ? fail_rc
                     : __real_bl_ecdsa_p256_verify(key, key_len, key_encoding, digest, sig, sig_len, sig_encoding);
}
#define REFERENCE IMGTOOL("p256-basic.bin")
#endif

static enum mb_image_status validate(struct rig *r, const struct mb_keyring *keyring, unsigned fail)
{
    struct mb_image_info info;
    calls = 0;
    fail_at = fail;
    enum mb_image_status st = rig_validate(r, SLOT, SLOT_SIZE, keyring, &info);
    fail_at = 0;
    return st;
}

TEST(every_failing_crypto_call_is_a_crypto_fault)
{
    static struct image img;
    struct rig r;
    rig_open(&r);
    image_read(&img, REFERENCE);
    rig_load_image(&r, SLOT, &img);
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    const struct mb_keyring *keyrings[] = {&keyring, NULL};
    for (size_t k = 0; k < 2; k++) {
        CHECK_STATUS(validate(&r, keyrings[k], 0), MB_IMAGE_OK);
        const unsigned total = calls;
        CHECK(total >= (keyrings[k] ? 5u : 3u)); /* init, updates, finish [, key hash, verify] */
        for (unsigned n = 1; n <= total; n++) {
            enum mb_image_status st = validate(&r, keyrings[k], n);
            if (st != MB_IMAGE_E_CRYPTO)
                test_fail(__FILE__, __LINE__, "call %u of %u failing gave \"%s\"", n, total, mb_image_status_text(st));
        }
    }
    rig_close(&r);
}

TEST(verify_results_map_to_crypto_fault_or_signature_verdict)
{
    static const struct {
        int rc;
        enum mb_image_status expected;
    } cases[] = {
        {BL_CRYPTO_ERR_INVALID_ARG, MB_IMAGE_E_CRYPTO},   {BL_CRYPTO_ERR_INTERNAL, MB_IMAGE_E_CRYPTO},
        {BL_CRYPTO_ERR_MALFORMED, MB_IMAGE_E_SIGNATURE},  {BL_CRYPTO_ERR_BAD_KEY, MB_IMAGE_E_SIGNATURE},
        {BL_CRYPTO_ERR_BAD_SIGNATURE, MB_IMAGE_E_SIGNATURE}, {1, MB_IMAGE_E_SIGNATURE}, {-99, MB_IMAGE_E_SIGNATURE},
    };
    static struct image img;
    struct rig r;
    rig_open(&r);
    image_read(&img, REFERENCE);
    rig_load_image(&r, SLOT, &img);
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    CHECK_STATUS(validate(&r, &keyring, 0), MB_IMAGE_OK);
    const unsigned verify_call = calls; /* the last crypto call */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fail_rc = cases[i].rc;
        CHECK_STATUS(validate(&r, &keyring, verify_call), cases[i].expected);
    }
    fail_rc = BL_CRYPTO_ERR_INTERNAL;
    rig_close(&r);
}
