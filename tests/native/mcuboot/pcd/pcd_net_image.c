/*
 * Build-time helper for the PCD tests: the unsigned part of a net-core app as NCS builds it for b0n,
 * i.e. linked at ADDRESS with a vector table first and NCS's fw_info at CONFIG_FW_INFO_OFFSET 0x200.
 * The 176-byte validation block is appended afterwards by b0_test_image (tests/native/b0) from a
 * signature openssl makes, so this tool never signs.
 *
 *   pcd_net_image SIZE SEED VERSION ADDRESS OUT
 *       SIZE bytes (the signed region, fw_info.size): word 0 the initial MSP (top of net-core RAM),
 *       word 1 the reset handler inside the image, pseudo-random filler (xorshift from SEED), and
 *       at 0x200 an fw_info {size SIZE, version VERSION, address = boot_address = ADDRESS, valid}.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw_info.h"

#define FW_INFO_AT 0x200u
#define NET_RAM_END 0x21010000u
#define MAX_SIZE 0xF000u /* b0_test_image takes up to 64 KiB */

static unsigned long number(const char *text)
{
    char *end;
    unsigned long v = strtoul(text, &end, 0);
    if (*text == '\0' || *end != '\0' || v > UINT32_MAX) {
        fprintf(stderr, "pcd_net_image: not a number: %s\n", text);
        exit(1);
    }
    return v;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: pcd_net_image SIZE SEED VERSION ADDRESS OUT\n");
        return 2;
    }
    static uint8_t image[MAX_SIZE];
    uint32_t size = (uint32_t)number(argv[1]), seed = (uint32_t)number(argv[2]) | 1u;
    uint32_t version = (uint32_t)number(argv[3]), address = (uint32_t)number(argv[4]);
    if (size < FW_INFO_AT + sizeof(struct fw_info) || size > MAX_SIZE) {
        fprintf(stderr, "pcd_net_image: SIZE must be 0x%x..0x%x\n", FW_INFO_AT + (unsigned)sizeof(struct fw_info),
                MAX_SIZE);
        return 1;
    }
    for (uint32_t i = 0; i < size; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        image[i] = (uint8_t)seed;
    }
    const uint32_t vectors[2] = {NET_RAM_END, (address + FW_INFO_AT + sizeof(struct fw_info)) | 1u};
    memcpy(image, vectors, sizeof vectors);
    const struct fw_info info = {
        .magic = {FW_INFO_MAGIC_COMMON, FW_INFO_MAGIC_FIRMWARE_INFO, FW_INFO_MAGIC_COMPAT},
        .total_size = FW_INFO_BASE_SIZE,
        .size = size,
        .version = version,
        .address = address,
        .boot_address = address,
        .valid = FW_INFO_VALID,
    };
    memcpy(image + FW_INFO_AT, &info, sizeof info);

    FILE *f = fopen(argv[5], "wb");
    if (f == NULL || fwrite(image, 1, size, f) != size || fclose(f) != 0) {
        fprintf(stderr, "pcd_net_image: cannot write %s\n", argv[5]);
        return 1;
    }
    return 0;
}
