/*
 * Build-time helper for the bootloader-update tests: edits an image file before (or after) it is
 * signed by openssl through b0_signed_variant / mb_test_image. It never signs.
 *
 *   blu_edit_image IN OUT SIZE [OFFSET=VALUE]...
 *       SIZE 0 keeps the image; otherwise fw_info.size becomes SIZE and the file is cut or padded to
 *       SIZE with a byte pattern (a larger b0 image, spanning several flash pages).
 *       Each OFFSET=VALUE then overwrites the 32-bit little-endian word at OFFSET.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_info.h"

#define MAX_IMAGE 0x10000u

static _Noreturn void fail(const char *what, const char *arg)
{
    fprintf(stderr, "blu_edit_image: %s %s\n", what, arg);
    exit(1);
}

static uint32_t number(const char *text)
{
    char *end;
    unsigned long v = strtoul(text, &end, 0);
    if (*text == '\0' || *end != '\0' || v > UINT32_MAX)
        fail("not a number:", text);
    return (uint32_t)v;
}

static struct fw_info *find_fw_info(uint8_t *image, size_t len)
{
    for (unsigned i = 0; i < FW_INFO_OFFSET_COUNT; i++) {
        struct fw_info *info = (struct fw_info *)(image + fw_info_offsets[i]);
        if (fw_info_offsets[i] + sizeof *info <= len && info->magic[0] == FW_INFO_MAGIC_COMMON &&
            info->magic[1] == FW_INFO_MAGIC_FIRMWARE_INFO)
            return info;
    }
    fail("no fw_info in", "the input");
}

int main(int argc, char **argv)
{
    static uint8_t image[MAX_IMAGE];
    if (argc < 4) {
        fprintf(stderr, "usage: blu_edit_image IN OUT SIZE [OFFSET=VALUE]...\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (in == NULL)
        fail("cannot open", argv[1]);
    size_t len = fread(image, 1, sizeof image, in);
    fclose(in);

    uint32_t size = number(argv[3]);
    if (size != 0) {
        if (size > MAX_IMAGE || size % 4 != 0)
            fail("size out of range:", argv[3]);
        for (size_t i = len; i < size; i++)
            image[i] = (uint8_t)(i * 7u + 3u);
        find_fw_info(image, len)->size = size;
        len = size;
    }
    for (int a = 4; a < argc; a++) {
        char *eq = strchr(argv[a], '=');
        if (eq == NULL)
            fail("not OFFSET=VALUE:", argv[a]);
        *eq = '\0';
        uint32_t off = number(argv[a]), value = number(eq + 1);
        if (off % 4 != 0 || off + 4 > len)
            fail("offset outside the image:", argv[a]);
        memcpy(image + off, &value, sizeof value);
    }
    FILE *out = fopen(argv[2], "wb");
    if (out == NULL || fwrite(image, 1, len, out) != len || fclose(out) != 0)
        fail("cannot write", argv[2]);
    return 0;
}
