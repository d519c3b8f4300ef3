/* Test data helpers: hex strings, files under ../shared/vectors, PEM keys and MCUboot image TLVs. */
#ifndef CRYPTO_TEST_VECTORS_H
#define CRYPTO_TEST_VECTORS_H

#include <stddef.h>
#include <stdint.h>

/* Decodes exactly `len` bytes of hex (fails the test otherwise). */
void hex_to_bytes(const char *hex, uint8_t *out, size_t len);

/* Reads <repo>/../shared/vectors/<relative_path> into buf; returns its length. */
size_t read_vector(const char *relative_path, uint8_t *buf, size_t capacity);

/* DER body of a PEM file under ../shared/vectors; returns its length. */
size_t read_pem_der(const char *relative_path, uint8_t *der, size_t capacity);

void flip_bit(uint8_t *buf, size_t bit);

/* MCUboot image: the value of the first unprotected TLV of `type`, and the length of the hashed region. */
const uint8_t *mcuboot_tlv(const uint8_t *image, size_t image_len, uint16_t type, size_t *value_len);
size_t mcuboot_hashed_len(const uint8_t *image, size_t image_len);

/* RFC 6979 A.2.5 (P-256, SHA-256): public key U = Ux||Uy, SHA-256("sample") and its signature r||s. */
#define RFC6979_KEY "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6" \
                    "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"
#define RFC6979_SAMPLE_DIGEST "af2bdbe1aa9b6ec1e2ade1d694f41fc71a831d0268e9891562113d8a62add1bf"
#define RFC6979_SAMPLE_SIG "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716" \
                           "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"

#define MCUBOOT_TLV_SHA256 0x10
#define MCUBOOT_TLV_ECDSA_SIG 0x22
#define MCUBOOT_TLV_ED25519 0x24

#endif /* CRYPTO_TEST_VECTORS_H */
