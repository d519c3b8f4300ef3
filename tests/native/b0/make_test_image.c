/*
 * Build-time helper for the b0 tests: makes variants of NCS-signed images. It never signs; openssl
 * does (see CMakeLists.txt), this tool only cuts and assembles bytes.
 *
 *   b0_test_image unsigned SIGNED_IMAGE VERSION OUT
 *       The signed region of SIGNED_IMAGE (fw_info.size bytes from the start) with fw_info.version set.
 *   b0_test_image append UNSIGNED SHA256 SIGNATURE_DER PUBLIC_KEY_DER OUT
 *       UNSIGNED, padded to a word, followed by the 176-byte validation block: the 32-byte SHA256,
 *       the key's X || Y from its SubjectPublicKeyInfo DER, and r || s from the DER ECDSA signature.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b0_validation.h"
#include "fw_info.h"

#define MAX_IMAGE 0x10000u

/* SubjectPublicKeyInfo of an uncompressed P-256 key, up to the point: SEQ, id-ecPublicKey, prime256v1, BIT STRING. */
static const uint8_t p256_spki_prefix[] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
                                           0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
                                           0x04};

static _Noreturn void fail(const char *fmt, const char *arg)
{
    fprintf(stderr, "b0_test_image: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static size_t read_file(const char *path, uint8_t *buf, size_t capacity)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail("cannot open %s", path);
    size_t len = fread(buf, 1, capacity, f);
    bool longer = fgetc(f) != EOF;
    fclose(f);
    if (longer)
        fail("%s is larger than this tool handles", path);
    return len;
}

static void write_file(const char *path, const uint8_t *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(buf, 1, len, f) != len || fclose(f) != 0)
        fail("cannot write %s", path);
}

/* The fw_info inside an image file (offsets as b0 searches them from the image start). */
static struct fw_info *find_fw_info(uint8_t *image, size_t len, const char *path)
{
    for (unsigned i = 0; i < FW_INFO_OFFSET_COUNT; i++) {
        uint32_t off = fw_info_offsets[i];
        if (off + sizeof(struct fw_info) > len)
            break;
        struct fw_info *info = (struct fw_info *)(image + off);
        if (info->magic[0] == FW_INFO_MAGIC_COMMON && info->magic[1] == FW_INFO_MAGIC_FIRMWARE_INFO)
            return info;
    }
    fail("no fw_info in %s", path);
}

static int make_unsigned(char **argv)
{
    static uint8_t image[MAX_IMAGE];
    size_t len = read_file(argv[0], image, sizeof image);
    struct fw_info *info = find_fw_info(image, len, argv[0]);
    char *end;
    errno = 0;
    unsigned long version = strtoul(argv[1], &end, 0);
    if (errno != 0 || *end != '\0' || version > UINT32_MAX)
        fail("bad version \"%s\"", argv[1]);
    info->version = (uint32_t)version;
    if (info->size > len)
        fail("%s is shorter than its fw_info.size", argv[0]);
    write_file(argv[2], image, info->size);
    return 0;
}

/* One DER INTEGER of a signature into 32 big-endian bytes. Returns the bytes consumed. */
static size_t der_integer(const uint8_t *der, size_t len, uint8_t out[32], const char *path)
{
    if (len < 2 || der[0] != 0x02 || der[1] > len - 2 || der[1] == 0)
        fail("%s: not a DER INTEGER", path);
    size_t n = der[1];
    const uint8_t *value = der + 2;
    while (n > 0 && *value == 0) {
        value++;
        n--;
    }
    if (n > 32)
        fail("%s: integer longer than 32 bytes", path);
    memset(out, 0, 32);
    memcpy(out + 32 - n, value, n);
    return 2 + (size_t)der[1];
}

static int make_appended(char **argv)
{
    static uint8_t image[MAX_IMAGE + B0_VALIDATION_SIZE + 4];
    uint8_t hash[64], sig[128], key[128];
    size_t len = read_file(argv[0], image, MAX_IMAGE);
    struct fw_info *info = find_fw_info(image, len, argv[0]);
    if (read_file(argv[1], hash, sizeof hash) != 32)
        fail("%s is not a 32-byte SHA-256", argv[1]);
    size_t sig_len = read_file(argv[2], sig, sizeof sig);
    if (sig_len < 8 || sig[0] != 0x30 || sig[1] != sig_len - 2)
        fail("%s: not a DER ECDSA signature", argv[2]);
    size_t key_len = read_file(argv[3], key, sizeof key);
    if (key_len != sizeof p256_spki_prefix + 64 || memcmp(key, p256_spki_prefix, sizeof p256_spki_prefix) != 0)
        fail("%s: not an uncompressed P-256 SubjectPublicKeyInfo", argv[3]);

    struct b0_validation_info block = {
        .magic = {FW_INFO_MAGIC_COMMON, B0_VALIDATION_MAGIC, B0_VALIDATION_MAGIC_COMPAT},
        .address = info->address,
    };
    memcpy(block.hash, hash, sizeof block.hash);
    memcpy(block.public_key, key + sizeof p256_spki_prefix, sizeof block.public_key);
    size_t used = der_integer(sig + 2, sig_len - 2, block.signature, argv[2]);
    if (der_integer(sig + 2 + used, sig_len - 2 - used, block.signature + 32, argv[2]) != sig_len - 2 - used)
        fail("%s: trailing bytes after s", argv[2]);

    size_t at = (len + 3) & ~(size_t)3; /* validation_data.py appends at the next word */
    memset(image + len, 0xFF, at - len);
    memcpy(image + at, &block, sizeof block);
    write_file(argv[4], image, at + sizeof block);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "unsigned") == 0)
        return make_unsigned(argv + 2);
    if (argc == 7 && strcmp(argv[1], "append") == 0)
        return make_appended(argv + 2);
    fprintf(stderr, "usage: b0_test_image unsigned SIGNED_IMAGE VERSION OUT\n"
                    "       b0_test_image append UNSIGNED SHA256 SIGNATURE_DER PUBLIC_KEY_DER OUT\n");
    return 2;
}
