/*
 * Results shared by the bootloader's crypto primitives (bl_sha256.h, bl_ecdsa_p256.h, bl_ed25519.h).
 * Only BL_CRYPTO_OK means "verified"; callers must treat every other value as a rejection.
 */
#ifndef BL_CRYPTO_STATUS_H
#define BL_CRYPTO_STATUS_H

enum bl_crypto_status {
    BL_CRYPTO_OK = 0,
    BL_CRYPTO_ERR_INVALID_ARG = -1,    /* NULL pointer, wrong length or unknown format */
    BL_CRYPTO_ERR_MALFORMED = -2,      /* DER not well formed, wrong algorithm or curve */
    BL_CRYPTO_ERR_BAD_KEY = -3,        /* public key is not a valid point of the curve */
    BL_CRYPTO_ERR_BAD_SIGNATURE = -4,  /* signature does not verify (includes r or s out of range) */
    BL_CRYPTO_ERR_INTERNAL = -5,       /* library failure, e.g. the crypto heap is exhausted */
};

#endif /* BL_CRYPTO_STATUS_H */
