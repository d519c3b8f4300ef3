/*
 * mb_image_validate of the signed 256 KiB image (image_blob.S), read through a read-only flash_dev over
 * memory: once with the imgtool P-256 key as the keyring, once hash-only (no keyring); the difference is
 * the signature check. Runs on bench/crypto's harness (bench.h: QEMU mps2-an505, or host for callgrind).
 * Each verdict is checked, so a broken build cannot report a fast "validation".
 */
#include <string.h>

#include "bench.h"
#include "mb_image.h"

extern const uint8_t bench_image[], bench_image_end[], bench_key_der[], bench_key_der_end[];

static int rom_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    if (addr < dev->base || addr - dev->base > dev->size || len > dev->size - (addr - dev->base))
        return FLASH_E_RANGE;
    memcpy(buf, (const uint8_t *)dev->ctx + (addr - dev->base), len);
    return FLASH_OK;
}

static int rom_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    (void)dev, (void)addr, (void)buf, (void)len;
    return FLASH_E_LOCKED;
}

static int rom_erase(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    (void)dev, (void)addr, (void)len;
    return FLASH_E_LOCKED;
}

static const struct flash_dev_ops rom_ops = {rom_read, rom_write, rom_erase};
static struct flash_dev rom = {.ops = &rom_ops, .page_size = 4096, .write_unit = 4, .erased_value = 0xFF};
static struct mb_key key = {.type = MB_KEY_ECDSA_P256};
static const struct mb_keyring keyring = {&key, 1};
static struct mb_image_info info;

/* noinline: callgrind attributes the instructions of each operation to one function. */
__attribute__((noinline)) static int op_validate_signed(void)
{
    return mb_image_validate(&rom, rom.base, rom.size, &keyring, &info) == MB_IMAGE_OK && info.key_index == 0;
}

__attribute__((noinline)) static int op_validate_hash_only(void)
{
    return mb_image_validate(&rom, rom.base, rom.size, NULL, &info) == MB_IMAGE_OK;
}

static void print_u32(uint32_t v)
{
    char buf[11];
    char *p = buf + sizeof buf;
    *--p = '\0';
    do
        *--p = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    bench_print(p);
}

static int measure(const char *name, int (*op)(void))
{
    bench_start();
    int ok = op();
    uint32_t instructions = bench_stop();
    bench_print(name);
    bench_print(" instructions=");
    print_u32(instructions);
    bench_print(" stack=");
    print_u32(bench_stack_used());
    bench_print(ok ? " ok\n" : " FAILED\n");
    return ok;
}

int bench_run_all(void)
{
    rom.ctx = (void *)bench_image;
    rom.size = (uint32_t)(bench_image_end - bench_image);
    key.der = bench_key_der;
    key.der_len = (size_t)(bench_key_der_end - bench_key_der);

    int ok = measure("validate_signed", op_validate_signed);
    bench_print("image: img_size=");
    print_u32(info.hdr.img_size);
    bench_print(" hdr_size=");
    print_u32(info.hdr.hdr_size);
    bench_print(" total_size=");
    print_u32(info.total_size);
    bench_print("\n");
    ok &= measure("validate_hash_only", op_validate_hash_only);
    return !ok;
}
