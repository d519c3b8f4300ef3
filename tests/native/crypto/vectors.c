#include "vectors.h"

#include <stdio.h>
#include <string.h>

#include "harness.h"

void hex_to_bytes(const char *hex, uint8_t *out, size_t len)
{
    if (strlen(hex) != 2 * len)
        test_fail(__FILE__, __LINE__, "hex string of %zu characters, expected %zu", strlen(hex), 2 * len);
    for (size_t i = 0; i < len; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1)
            test_fail(__FILE__, __LINE__, "bad hex at offset %zu", 2 * i);
        out[i] = (uint8_t)v;
    }
}

size_t read_vector(const char *relative_path, uint8_t *buf, size_t capacity)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SHARED_VECTORS_DIR, relative_path);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        test_fail(__FILE__, __LINE__, "cannot open %s", path);
    size_t len = fread(buf, 1, capacity, f);
    int more = fgetc(f) != EOF;
    fclose(f);
    if (len == 0 || more)
        test_fail(__FILE__, __LINE__, "%s is empty or larger than %zu bytes", path, capacity);
    return len;
}

static int base64_value(char c)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *p = c ? strchr(alphabet, c) : NULL;
    return p ? (int)(p - alphabet) : -1;
}

size_t read_pem_der(const char *relative_path, uint8_t *der, size_t capacity)
{
    char text[4096];
    size_t len = read_vector(relative_path, (uint8_t *)text, sizeof text - 1);
    text[len] = '\0';
    const char *body = memchr(text, '\n', len);
    const char *end = body ? strstr(body, "-----END") : NULL;
    if (body == NULL || end == NULL || strncmp(text, "-----BEGIN", 10) != 0)
        test_fail(__FILE__, __LINE__, "%s is not PEM", relative_path);
    size_t out = 0;
    unsigned acc = 0, bits = 0;
    for (const char *p = body; p < end && *p != '='; p++) {
        int v = base64_value(*p);
        if (v < 0)
            continue; /* line breaks */
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (out == capacity)
                test_fail(__FILE__, __LINE__, "%s: DER larger than %zu bytes", relative_path, capacity);
            der[out++] = (uint8_t)(acc >> bits);
        }
    }
    return out;
}

void flip_bit(uint8_t *buf, size_t bit)
{
    buf[bit / 8] ^= (uint8_t)(0x80u >> (bit % 8));
}

static uint32_t le16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
    return le16(p) | le16(p + 2) << 16;
}

/* Header: magic u32, load_addr u32, hdr_size u16, protected_tlv_size u16, img_size u32 (little-endian). */
size_t mcuboot_hashed_len(const uint8_t *image, size_t image_len)
{
    if (image_len < 32 || le32(image) != 0x96f3b83du)
        test_fail(__FILE__, __LINE__, "not an MCUboot image");
    size_t len = le16(image + 8) + le32(image + 12) + le16(image + 10);
    if (len + 4 > image_len)
        test_fail(__FILE__, __LINE__, "MCUboot image truncated");
    return len;
}

/* Unprotected TLV area: info {magic 0x6907, total length}, then {type u16, length u16, value}. */
const uint8_t *mcuboot_tlv(const uint8_t *image, size_t image_len, uint16_t type, size_t *value_len)
{
    size_t at = mcuboot_hashed_len(image, image_len);
    if (le16(image + at) != 0x6907)
        test_fail(__FILE__, __LINE__, "no TLV info magic at 0x%zx", at);
    size_t end = at + le16(image + at + 2);
    if (end > image_len)
        test_fail(__FILE__, __LINE__, "TLV area runs past the image");
    for (at += 4; at + 4 <= end; at += 4 + le16(image + at + 2)) {
        if (le16(image + at) == type && at + 4 + le16(image + at + 2) <= end) {
            *value_len = le16(image + at + 2);
            return image + at + 4;
        }
    }
    test_fail(__FILE__, __LINE__, "TLV 0x%x not found", type);
}
