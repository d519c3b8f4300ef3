/*
 * Build-time helper for the second-stage tests: assembles MCUboot images byte by byte. It never
 * signs; openssl does (see mb_test_images.cmake), so every signature comes from a reference tool.
 *
 *   mb_test_image payload SIZE SEED VECTOR OUT
 *       SIZE pseudo-random bytes (xorshift from SEED) starting with a vector table: word 0 an
 *       initial stack pointer, word 1 = VECTOR (the reset handler the second stage routes by).
 *   mb_test_image header PAYLOAD VERSION HEADER_SIZE SEC_CNT DEPENDENCIES OUT DIGEST_OUT
 *       Header (magic 0x96f3b83d, version M.m.r+b, zero padded to HEADER_SIZE) + payload +
 *       protected TLVs: SEC_CNT when SEC_CNT is not "-", one DEPENDENCY per "id:M.m.r+b" in the
 *       comma-separated DEPENDENCIES ("-" for none). DIGEST_OUT gets SHA-256 of all of it.
 *   mb_test_image finish UNSIGNED DIGEST SIG_TYPE SIG PUB_DER SLOT_SIZE TRAILER OUT
 *       Appends the unprotected TLVs: SHA256, KEYHASH = SHA-256(PUB_DER) and the signature
 *       (SIG_TYPE ecdsa: DER from `openssl pkeyutl`, ed25519: 64 bytes; none: SHA256 only).
 *       SLOT_SIZE "-" leaves the image unpadded; otherwise it is padded with 0xFF to SLOT_SIZE and
 *       TRAILER (test | confirm) writes the trailer as imgtool --pad [--confirm] does (max align 8).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bl_sha256.h"

#define MAX_IMAGE 0x80000u

static _Noreturn void fail(const char *what, const char *arg)
{
    fprintf(stderr, "mb_test_image: %s %s\n", what, arg);
    exit(1);
}

static size_t read_file(const char *path, uint8_t *buf, size_t capacity)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail("cannot open", path);
    size_t len = fread(buf, 1, capacity, f);
    bool longer = fgetc(f) != EOF;
    fclose(f);
    if (longer)
        fail("too large:", path);
    return len;
}

static void write_file(const char *path, const uint8_t *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(buf, 1, len, f) != len || fclose(f) != 0)
        fail("cannot write", path);
}

static uint32_t number(const char *text)
{
    char *end;
    unsigned long v = strtoul(text, &end, 0);
    if (*text == '\0' || *end != '\0' || v > UINT32_MAX)
        fail("not a number:", text);
    return (uint32_t)v;
}

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v);
    put16(p + 2, v >> 16);
}

/* "M.m.r+b" (the +b part optional) into MCUboot's 8-byte image_version. */
static void put_version(uint8_t *p, const char *text)
{
    unsigned major, minor, rev, build = 0;
    int n = sscanf(text, "%u.%u.%u+%u", &major, &minor, &rev, &build);
    if (n < 3 || major > 255 || minor > 255 || rev > 65535)
        fail("not a version M.m.r+b:", text);
    p[0] = (uint8_t)major;
    p[1] = (uint8_t)minor;
    put16(p + 2, rev);
    put32(p + 4, build);
}

static size_t add_tlv(uint8_t *at, uint16_t type, const uint8_t *value, uint16_t len)
{
    put16(at, type);
    put16(at + 2, len);
    memcpy(at + 4, value, len);
    return 4u + len;
}

static void sha256_file(const uint8_t *data, size_t len, uint8_t out[32])
{
    if (bl_sha256(data, len, out) != BL_CRYPTO_OK)
        fail("SHA-256 failed", "");
}

static int cmd_payload(char **a)
{
    static uint8_t buf[MAX_IMAGE];
    uint32_t size = number(a[0]), seed = number(a[1]) | 1u;
    if (size < 8 || size > MAX_IMAGE)
        fail("payload size out of range:", a[0]);
    for (uint32_t i = 0; i < size; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        buf[i] = (uint8_t)seed;
    }
    put32(buf, 0x20001000u);
    put32(buf + 4, number(a[2]) | 1u); /* Thumb bit, as a linker sets it */
    write_file(a[3], buf, size);
    return 0;
}

static int cmd_header(char **a)
{
    static uint8_t img[MAX_IMAGE];
    uint32_t hdr_size = number(a[2]);
    if (hdr_size < 32 || hdr_size > 0x1000)
        fail("header size out of range:", a[2]);
    size_t payload = read_file(a[0], img + hdr_size, MAX_IMAGE - hdr_size - 0x400);
    memset(img, 0, hdr_size);
    put32(img, 0x96f3b83du);
    put16(img + 8, hdr_size);
    put32(img + 12, (uint32_t)payload);
    put_version(img + 20, a[1]);

    uint8_t *prot = img + hdr_size + payload, *t = prot + 4;
    if (strcmp(a[3], "-") != 0) {
        uint8_t cnt[4];
        put32(cnt, number(a[3]));
        t += add_tlv(t, 0x50, cnt, 4);
    }
    if (strcmp(a[4], "-") != 0) {
        char list[256];
        snprintf(list, sizeof list, "%s", a[4]);
        for (char *dep = strtok(list, ","); dep != NULL; dep = strtok(NULL, ",")) {
            char *colon = strchr(dep, ':');
            if (colon == NULL)
                fail("dependency is not id:M.m.r+b:", dep);
            *colon = '\0';
            uint8_t value[12] = {(uint8_t)number(dep)};
            put_version(value + 4, colon + 1);
            t += add_tlv(t, 0x40, value, sizeof value);
        }
    }
    size_t prot_size = t == prot + 4 ? 0 : (size_t)(t - prot);
    if (prot_size != 0) {
        put16(prot, 0x6908);
        put16(prot + 2, (uint32_t)prot_size);
        put16(img + 10, (uint32_t)prot_size);
    }
    size_t total = hdr_size + payload + prot_size;
    uint8_t digest[32];
    sha256_file(img, total, digest);
    write_file(a[5], img, total);
    write_file(a[6], digest, sizeof digest);
    return 0;
}

static int cmd_finish(char **a)
{
    static uint8_t img[MAX_IMAGE];
    uint8_t digest[32], sig[128], pub[128], keyhash[32];
    size_t len = read_file(a[0], img, MAX_IMAGE - 0x400);
    if (read_file(a[1], digest, sizeof digest) != 32)
        fail("digest is not 32 bytes:", a[1]);

    uint8_t *info = img + len, *t = info + 4;
    t += add_tlv(t, 0x10, digest, 32);
    if (strcmp(a[2], "none") != 0) {
        size_t pub_len = read_file(a[4], pub, sizeof pub);
        sha256_file(pub, pub_len, keyhash);
        t += add_tlv(t, 0x01, keyhash, 32);
        size_t sig_len = read_file(a[3], sig, sizeof sig);
        uint16_t type = strcmp(a[2], "ecdsa") == 0 ? 0x22 : strcmp(a[2], "ed25519") == 0 ? 0x24 : 0;
        if (type == 0)
            fail("signature type is not ecdsa, ed25519 or none:", a[2]);
        t += add_tlv(t, type, sig, (uint16_t)sig_len);
    }
    put16(info, 0x6907);
    put16(info + 2, (uint32_t)(t - info));
    len = (size_t)(t - img);

    if (strcmp(a[5], "-") != 0) {
        uint32_t slot = number(a[5]);
        if (slot > MAX_IMAGE || slot < len + 0x1000)
            fail("slot size too small or too large:", a[5]);
        static const uint8_t magic[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                          0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};
        memset(img + len, 0xFF, slot - len);
        memcpy(img + slot - 16, magic, sizeof magic);
        if (strcmp(a[6], "confirm") == 0)
            img[slot - 24] = 0x01; /* image_ok */
        else if (strcmp(a[6], "test") != 0)
            fail("trailer is not test or confirm:", a[6]);
        len = slot;
    }
    write_file(a[7], img, len);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 6 && strcmp(argv[1], "payload") == 0)
        return cmd_payload(argv + 2);
    if (argc == 9 && strcmp(argv[1], "header") == 0)
        return cmd_header(argv + 2);
    if (argc == 10 && strcmp(argv[1], "finish") == 0)
        return cmd_finish(argv + 2);
    fprintf(stderr, "usage: see the comment at the top of mb_test_image.c\n");
    return 2;
}
