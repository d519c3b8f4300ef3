#include "rig.h"

#include <stdio.h>
#include <string.h>

#include "bl_sha256.h"

static int guard_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    struct guard *g = dev->ctx;
    g->reads++;
    if ((uint64_t)addr < g->lo || (uint64_t)addr + len > g->hi)
        g->outside++;
    if (g->fail_at != 0 && g->reads == g->fail_at)
        return FLASH_E_IO;
    return flash_read(g->inner, addr, buf, len);
}

static int guard_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    const struct guard *g = dev->ctx;
    return flash_write(g->inner, addr, buf, len);
}

static int guard_erase(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    const struct guard *g = dev->ctx;
    return flash_erase(g->inner, addr, len);
}

static const struct flash_dev_ops guard_ops = {guard_read, guard_write, guard_erase};

void guard_init(struct guard *g, const struct flash_dev *inner)
{
    memset(g, 0, sizeof *g);
    g->inner = inner;
    g->dev = *inner;
    g->dev.ops = &guard_ops;
    g->dev.ctx = g;
    g->lo = inner->base;
    g->hi = inner->base + inner->size;
}

static int mem_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    if (addr < dev->base || (uint64_t)addr - dev->base + len > dev->size)
        return FLASH_E_RANGE;
    memcpy(buf, (const uint8_t *)dev->ctx + (addr - dev->base), len);
    return FLASH_OK;
}

static int mem_refuse(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    (void)dev, (void)addr, (void)len;
    return FLASH_E_LOCKED;
}

static int mem_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    (void)buf;
    return mem_refuse(dev, addr, len);
}

static const struct flash_dev_ops mem_ops = {mem_read, mem_write, mem_refuse};

void mem_flash_init(struct flash_dev *dev, uint32_t base, const uint8_t *mem, uint32_t size)
{
    *dev = (struct flash_dev){.ops = &mem_ops, .base = base, .size = size, .page_size = 4096, .write_unit = 4,
                              .erased_value = 0xFF, .ctx = (void *)mem};
}

void rig_open(struct rig *r)
{
    char err[FLASH_SIM_ERROR_LEN] = "";
    r->sim = flash_sim_open(&flash_sim_nrf5340_app, err, sizeof err);
    if (r->sim == NULL)
        test_fail(__FILE__, __LINE__, "flash_sim_open: %s", err);
    guard_init(&r->guard, flash_sim_dev(r->sim));
}

void rig_close(struct rig *r)
{
    flash_sim_close(r->sim);
    r->sim = NULL;
}

void rig_load(struct rig *r, uint32_t addr, const uint8_t *data, size_t len)
{
    const struct flash_dev *dev = flash_sim_dev(r->sim);
    const uint32_t page = dev->page_size;
    const uint32_t first = addr / page * page, end = (uint32_t)((addr + len + page - 1) / page * page);
    int err = flash_erase(dev, first, end - first);
    for (size_t off = 0; err == FLASH_OK && off < len; off += 4) {
        uint8_t word[4] = {0xFF, 0xFF, 0xFF, 0xFF};
        memcpy(word, data + off, len - off < 4 ? len - off : 4);
        err = flash_write(dev, addr + (uint32_t)off, word, sizeof word);
    }
    if (err != FLASH_OK)
        test_fail(__FILE__, __LINE__, "loading %zu bytes at 0x%x: %s", len, addr, flash_strerror(err));
}

void rig_load_image(struct rig *r, uint32_t addr, const struct image *img)
{
    rig_load(r, addr, img->data, img->len);
}

enum mb_image_status rig_validate(struct rig *r, uint32_t addr, uint32_t size, const struct mb_keyring *keyring,
                                  struct mb_image_info *info)
{
    struct guard *g = &r->guard;
    g->lo = addr;
    g->hi = addr + size;
    g->reads = 0;
    g->outside = 0;
    enum mb_image_status st = mb_image_validate(&g->dev, addr, size, keyring, info);
    if (g->outside != 0)
        test_fail(__FILE__, __LINE__, "%u reads outside 0x%x..0x%x", g->outside, addr, addr + size);
    return st;
}

void image_read(struct image *img, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        test_fail(__FILE__, __LINE__, "cannot open %s", path);
    img->len = fread(img->data, 1, sizeof img->data, f);
    bool longer = fgetc(f) != EOF;
    fclose(f);
    if (img->len == 0 || longer)
        test_fail(__FILE__, __LINE__, "%s: empty or larger than %u bytes", path, IMAGE_MAX);
}

void file_read(const char *path, uint8_t *buf, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        test_fail(__FILE__, __LINE__, "cannot open %s", path);
    size_t got = fread(buf, 1, len, f);
    bool longer = fgetc(f) != EOF;
    fclose(f);
    if (got != len || longer)
        test_fail(__FILE__, __LINE__, "%s: expected exactly %zu bytes", path, len);
}

struct mb_key test_key(enum mb_key_type type, const char *name)
{
    static struct {
        char name[32];
        uint8_t der[128];
        size_t len;
    } cache[8];
    for (size_t i = 0; i < sizeof cache / sizeof cache[0]; i++) {
        if (cache[i].len == 0) {
            char full[512];
            snprintf(full, sizeof full, "%s/%s.der", MB_IMAGE_TEST_KEYS_DIR, name);
            FILE *f = fopen(full, "rb");
            if (f == NULL)
                test_fail(__FILE__, __LINE__, "cannot open %s", full);
            cache[i].len = fread(cache[i].der, 1, sizeof cache[i].der, f);
            fclose(f);
            snprintf(cache[i].name, sizeof cache[i].name, "%s", name);
        }
        if (strcmp(cache[i].name, name) == 0)
            return (struct mb_key){type, cache[i].der, cache[i].len};
    }
    test_fail(__FILE__, __LINE__, "too many test keys");
}

struct mb_key reference_key(void)
{
#ifdef MB_SIGNATURE_ED25519
    return test_key(MB_KEY_ED25519, "ed25519");
#else
    return test_key(MB_KEY_ECDSA_P256, "p256");
#endif
}

uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

uint32_t get32(const uint8_t *p)
{
    return get16(p) | (uint32_t)get16(p + 2) << 16;
}

void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

void put32(uint8_t *p, uint32_t v)
{
    put16(p, v);
    put16(p + 2, v >> 16);
}

size_t image_prot_offset(const struct image *img)
{
    return get16(img->data + 8) + (size_t)get32(img->data + 12);
}

size_t image_tlv_offset(const struct image *img)
{
    return image_prot_offset(img) + get16(img->data + 10);
}

size_t image_find_tlv(const struct image *img, uint16_t type)
{
    const size_t info = image_tlv_offset(img), end = info + get16(img->data + info + 2);
    for (size_t off = info + 4; off + 4 <= end; off += 4u + get16(img->data + off + 2))
        if (get16(img->data + off) == type)
            return off;
    return 0;
}

static void check_room(const struct image *img, size_t len)
{
    if (len > sizeof img->data)
        test_fail(__FILE__, __LINE__, "edited image exceeds %u bytes", IMAGE_MAX);
}

void image_append_tlv(struct image *img, uint16_t type, const void *value, uint16_t len)
{
    const size_t info = image_tlv_offset(img), end = info + get16(img->data + info + 2);
    if (end != img->len)
        test_fail(__FILE__, __LINE__, "the TLV area does not end the image");
    check_room(img, end + 4u + len);
    put16(img->data + end, type);
    put16(img->data + end + 2, len);
    memcpy(img->data + end + 4, value, len);
    img->len = end + 4u + len;
    put16(img->data + info + 2, (uint32_t)(img->len - info));
}

void image_replace_tlv(struct image *img, uint16_t old_type, uint16_t new_type, const void *value, uint16_t len)
{
    const size_t info = image_tlv_offset(img), at = image_find_tlv(img, old_type);
    if (at == 0 || info + get16(img->data + info + 2) != img->len)
        test_fail(__FILE__, __LINE__, "no TLV 0x%x, or the TLV area does not end the image", old_type);
    const size_t old_end = at + 4u + get16(img->data + at + 2), new_end = at + 4u + len;
    check_room(img, img->len - old_end + new_end);
    memmove(img->data + new_end, img->data + old_end, img->len - old_end);
    img->len = img->len - old_end + new_end;
    put16(img->data + at, new_type);
    put16(img->data + at + 2, len);
    memcpy(img->data + at + 4, value, len);
    put16(img->data + info + 2, (uint32_t)(img->len - info));
}

void craft_begin(struct craft *c, uint16_t hdr_size, uint32_t img_size)
{
    check_room(&c->img, (size_t)hdr_size + img_size);
    memset(c->img.data, 0, hdr_size);
    put32(c->img.data, MB_IMAGE_MAGIC);
    put16(c->img.data + 8, hdr_size);
    put32(c->img.data + 12, img_size);
    c->img.data[20] = 1; /* version 1.0.0+0 */
    for (uint32_t i = 0; i < img_size; i++)
        c->img.data[hdr_size + i] = (uint8_t)(i * 7 + 3);
    if (img_size >= 8) {
        put32(c->img.data + hdr_size, 0x20001000u);
        put32(c->img.data + hdr_size + 4, CRAFT_RESET_VECTOR);
    }
    c->img.len = (size_t)hdr_size + img_size;
    c->section = 0;
}

static void section_begin(struct craft *c)
{
    check_room(&c->img, c->img.len + 4);
    c->section = c->img.len;
    c->img.len += 4;
}

static uint16_t section_end(struct craft *c, uint16_t magic)
{
    const uint16_t total = (uint16_t)(c->img.len - c->section);
    put16(c->img.data + c->section, magic);
    put16(c->img.data + c->section + 2, total);
    return total;
}

void craft_prot_begin(struct craft *c)
{
    section_begin(c);
}

void craft_prot_end(struct craft *c)
{
    put16(c->img.data + 10, section_end(c, MB_TLV_PROT_INFO_MAGIC));
}

void craft_info_begin(struct craft *c)
{
    section_begin(c);
}

void craft_info_end(struct craft *c)
{
    section_end(c, MB_TLV_INFO_MAGIC);
}

void craft_tlv(struct craft *c, uint16_t type, const void *value, uint16_t len)
{
    check_room(&c->img, c->img.len + 4u + len);
    put16(c->img.data + c->img.len, type);
    put16(c->img.data + c->img.len + 2, len);
    if (len != 0)
        memcpy(c->img.data + c->img.len + 4, value, len);
    c->img.len += 4u + len;
}

void craft_hash_tlv(struct craft *c)
{
    uint8_t digest[BL_SHA256_DIGEST_SIZE];
    if (bl_sha256(c->img.data, c->section, digest) != BL_CRYPTO_OK)
        test_fail(__FILE__, __LINE__, "bl_sha256 failed");
    craft_tlv(c, MB_TLV_SHA256, digest, sizeof digest);
}

void craft_simple(struct craft *c, uint16_t hdr_size, uint32_t img_size)
{
    craft_begin(c, hdr_size, img_size);
    craft_info_begin(c);
    craft_hash_tlv(c);
    craft_info_end(c);
}
