/*
 * Damaged images: every single-byte flip of header, payload (a sample) and both TLV areas must be
 * refused with the status of the part it hit; cut images, failing flash reads, and random headers and
 * TLVs from a fixed seed (no crash, no read outside the area: ASan, UBSan and the guard watch).
 */
#include <stdio.h>
#include <string.h>

#include "bl_sha256.h"
#include "built.h"
#include "rig.h"

#define BIT(st) (1u << (st))
#define STRUCTURE (BIT(MB_IMAGE_E_MAGIC) | BIT(MB_IMAGE_E_FLAGS) | BIT(MB_IMAGE_E_HEADER_SIZE) | \
                   BIT(MB_IMAGE_E_TOO_BIG) | BIT(MB_IMAGE_E_TLV_INFO) | BIT(MB_IMAGE_E_TLV_FORMAT))
/* Any refusal that is a verdict on the image (not FLASH, not CRYPTO, not OK). */
#define ANY_IMAGE_FAULT (BIT(MB_IMAGE_E_SIGNATURE + 1) - 2u)

#ifdef MB_SIGNATURE_ED25519
#define SIG_LEN 64u
#else
#define SIG_LEN 71u
#endif

static const char *reference_file(void)
{
#ifdef MB_SIGNATURE_ED25519
    return IMGTOOL("ed25519-basic.bin");
#else
    return IMGTOOL("p256-seccnt7.bin");
#endif
}

struct part {
    const char *name;
    unsigned allowed; /* BIT() of each status a flip there may give */
};

/* What a flip at `off` may give, from where it lands in the image. */
static struct part classify(const struct image *img, size_t off)
{
    const size_t hdr = get16(img->data + 8), prot = image_prot_offset(img), info = image_tlv_offset(img);
    if (off < MB_IMAGE_HEADER_SIZE)
        return (struct part){"header", STRUCTURE | BIT(MB_IMAGE_E_HASH)};
    if (off < hdr)
        return (struct part){"header padding", BIT(MB_IMAGE_E_HASH)};
    if (off < prot)
        return (struct part){"payload", BIT(MB_IMAGE_E_HASH)};
    if (off < prot + 4 && info != prot)
        return (struct part){"protected TLV info", BIT(MB_IMAGE_E_TLV_INFO)};
    if (off < info + 4 && off >= info)
        return (struct part){"TLV info", BIT(MB_IMAGE_E_TLV_INFO) | BIT(MB_IMAGE_E_TLV_FORMAT)};
    size_t at = off < info ? prot + 4 : info + 4;
    for (;;) {
        const uint16_t type = get16(img->data + at), len = get16(img->data + at + 2);
        if (off < at + 4) {
            if (at < info) /* type now unknown: the hash notices; length: format */
                return (struct part){"protected TLV header", BIT(MB_IMAGE_E_TLV_FORMAT) | BIT(MB_IMAGE_E_HASH)};
            return (struct part){"TLV header", BIT(MB_IMAGE_E_TLV_FORMAT) | BIT(MB_IMAGE_E_NO_HASH) |
                                                   BIT(MB_IMAGE_E_NO_SIGNATURE) | BIT(MB_IMAGE_E_KEY_UNKNOWN)};
        }
        if (off < at + 4u + len) {
            if (at < info)
                return (struct part){"protected TLV value", BIT(MB_IMAGE_E_HASH)};
            if (type == MB_TLV_SHA256)
                return (struct part){"SHA256 value", BIT(MB_IMAGE_E_HASH)};
            if (type == MB_TLV_KEYHASH)
                return (struct part){"KEYHASH value", BIT(MB_IMAGE_E_KEY_UNKNOWN)};
            if (type == MB_TLV_SIGNATURE)
                return (struct part){"signature value", BIT(MB_IMAGE_E_SIGNATURE)};
            test_fail(__FILE__, __LINE__, "unexpected TLV 0x%x in the test image", type);
        }
        at += 4u + len;
    }
}

static void flip_sweep(const char *path)
{
    static struct image img;
    static const uint8_t masks[] = {0x01, 0x80, 0xff};
    image_read(&img, path);
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    const size_t hdr = get16(img.data + 8), prot = image_prot_offset(&img);
    const size_t end = image_tlv_offset(&img) + get16(img.data + image_tlv_offset(&img) + 2);
    struct rig r;
    rig_open(&r);
    unsigned flips = 0;
    for (size_t off = 0; off < end; off++) {
        if (off >= hdr + 16 && off + 16 < prot && off % 53 != 0)
            continue; /* payload sample: its ends and every 53rd byte */
        const struct part part = classify(&img, off);
        for (size_t m = 0; m < sizeof masks; m++) {
            img.data[off] ^= masks[m];
            rig_load_image(&r, SLOT, &img);
            struct mb_image_info info;
            enum mb_image_status st = rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info);
            img.data[off] ^= masks[m];
            if (!(part.allowed & BIT(st)))
                test_fail(__FILE__, __LINE__, "%s: flip 0x%02x at 0x%zx (%s) gave \"%s\"", path, masks[m], off,
                          part.name, mb_image_status_text(st));
            flips++;
        }
    }
    rig_load_image(&r, SLOT, &img);
    struct mb_image_info info;
    CHECK_STATUS(rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info), MB_IMAGE_OK);
    CHECK(flips > 3 * 600);
    rig_close(&r);
}

TEST(every_byte_flip_of_the_reference_image_is_refused_by_its_rule)
{
    flip_sweep(reference_file());
}

TEST(every_byte_flip_of_an_image_with_protected_tlvs_is_refused_by_its_rule)
{
    char path[512];
    snprintf(path, sizeof path, "%s.bin", OURS("deps"));
    flip_sweep(path);
}

TEST(an_image_cut_anywhere_after_its_payload_is_refused)
{
    static struct image img;
    image_read(&img, reference_file());
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    struct rig r;
    rig_open(&r);
    for (size_t cut = image_prot_offset(&img); cut < img.len; cut++) {
        rig_load(&r, SLOT, img.data, cut); /* the rest of the slot reads erased */
        struct mb_image_info info;
        enum mb_image_status st = rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info);
        if (!(ANY_IMAGE_FAULT & BIT(st)))
            test_fail(__FILE__, __LINE__, "cut at 0x%zx: \"%s\"", cut, mb_image_status_text(st));
    }
    rig_close(&r);
}

TEST(an_area_smaller_than_the_image_is_too_big)
{
    static struct image img;
    image_read(&img, reference_file());
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    struct rig r;
    rig_open(&r);
    rig_load_image(&r, SLOT, &img);
    struct mb_image_info info;
    CHECK_STATUS(rig_validate(&r, SLOT, (uint32_t)img.len, &keyring, &info), MB_IMAGE_OK);
    for (uint32_t size = 0; size < img.len; size += size + 300 < img.len ? 37 : 1)
        CHECK_STATUS(rig_validate(&r, SLOT, size, &keyring, &info), MB_IMAGE_E_TOO_BIG);
    rig_close(&r);
}

static void fail_each_read(const char *path)
{
    static struct image img;
    image_read(&img, path);
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    struct rig r;
    rig_open(&r);
    rig_load_image(&r, SLOT, &img);
    struct mb_image_info info;
    CHECK_STATUS(rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info), MB_IMAGE_OK);
    const unsigned reads = r.guard.reads;
    CHECK(reads > 20);
    for (unsigned n = 1; n <= reads; n++) {
        r.guard.fail_at = n;
        enum mb_image_status st = rig_validate(&r, SLOT, SLOT_SIZE, &keyring, &info);
        if (st != MB_IMAGE_E_FLASH)
            test_fail(__FILE__, __LINE__, "%s: read %u of %u failing gave \"%s\"", path, n, reads,
                      mb_image_status_text(st));
    }
    r.guard.fail_at = 0;
    rig_close(&r);
}

TEST(every_failing_flash_read_is_a_flash_fault)
{
    fail_each_read(reference_file());
    char path[512];
    snprintf(path, sizeof path, "%s.bin", OURS("deps"));
    fail_each_read(path);
}

/* xorshift64*: the same sequence on every run */
static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

/* A TLV of a known or random type with a right, small or random length; returns the bytes used. */
static size_t random_tlv(uint8_t *p, size_t room)
{
    static const uint16_t types[] = {MB_TLV_SHA256,  MB_TLV_KEYHASH, MB_TLV_PUBKEY,     MB_TLV_ECDSA_SIG,
                                     MB_TLV_ED25519, MB_TLV_SEC_CNT, MB_TLV_DEPENDENCY, 0x00a0};
    static const uint16_t lens[] = {32, 32, 91, 71, 64, 4, 12, 5};
    if (room < 4)
        return 0;
    const unsigned k = rnd() % 9;
    const uint16_t type = k < 8 ? types[k] : (uint16_t)rnd();
    const unsigned how = rnd() % 8;
    uint16_t len = how < 5 && k < 8 ? lens[k] : how < 7 ? (uint16_t)(rnd() % 80) : (uint16_t)rnd();
    put16(p, type);
    put16(p + 2, len);
    return len + 4u <= room ? len + 4u : room;
}

/* Fills [at, end) with an info header of `magic` and random TLVs; the total is right most times. */
static void random_tlv_area(uint8_t *mem, size_t at, size_t end, uint16_t magic)
{
    size_t off = at + 4;
    const size_t want = at + 4 + rnd() % 160;
    while (off < want && off < end) {
        size_t n = random_tlv(mem + off, end - off);
        if (n == 0)
            break;
        off += n;
    }
    put16(mem + at, rnd() % 16 == 0 ? (uint16_t)rnd() : magic);
    put16(mem + at + 2, rnd() % 8 == 0 ? (uint16_t)rnd() : (uint16_t)(off - at));
}

TEST(random_headers_and_tlvs_never_pass_crash_or_read_outside_the_area)
{
    enum { MEM = 0x3000, BASE = 0x80000, ROUNDS = 20000 };
    static uint8_t mem[MEM];
    struct flash_dev dev;
    mem_flash_init(&dev, BASE, mem, MEM);
    struct guard guard;
    guard_init(&guard, &dev);
    const struct mb_key key = reference_key();
    const struct mb_keyring keyring = {&key, 1};
    unsigned seen[MB_IMAGE_STATUS_COUNT] = {0};
    rng_state = 0x9e3779b97f4a7c15ull;

    for (unsigned round = 0; round < ROUNDS; round++) {
        for (size_t i = 0; i < MEM; i += 4)
            put32(mem + i, rnd());
        /* the area ends where the device ends: a stray read would also fail there */
        const uint32_t area_size = rnd() % 8 == 0 ? rnd() % 64 : rnd() % (MEM + 1);
        uint8_t *a = mem + (MEM - area_size);
        bool planted_hash = false;
        if (rnd() % 4 != 0 && area_size >= MB_IMAGE_HEADER_SIZE) {
            put32(a, MB_IMAGE_MAGIC);
            put32(a + 16, rnd() % 8 == 0 ? rnd() : 0);
            put16(a + 8, rnd() % 8 == 0 ? (uint16_t)rnd() : (uint16_t)(32 + 4 * (rnd() % 64)));
            put32(a + 12, rnd() % 8 == 0 ? rnd() : rnd() % 0x800);
            put16(a + 10, rnd() % 3 == 0 ? 0 : rnd() % 8 == 0 ? (uint16_t)rnd() : (uint16_t)(4 + rnd() % 60));
            const uint64_t prot = (uint64_t)get16(a + 8) + get32(a + 12), info = prot + get16(a + 10);
            if (get16(a + 10) != 0 && prot + 4 <= area_size)
                random_tlv_area(a, prot, info < area_size ? info : area_size, MB_TLV_PROT_INFO_MAGIC);
            if (info + 4 + 36 <= area_size) {
                random_tlv_area(a, info, area_size, MB_TLV_INFO_MAGIC);
                if (rnd() % 2 == 0) { /* a right hash first, so that the rules after it run too */
                    put16(a + info + 4, MB_TLV_SHA256);
                    put16(a + info + 6, 32);
                    CHECK_EQ(bl_sha256(a, info, a + info + 8), BL_CRYPTO_OK);
                    planted_hash = true;
                }
                if (planted_hash && info + 40 + 36 + 4 <= area_size && rnd() % 2 == 0) {
                    put16(a + info + 40, MB_TLV_KEYHASH); /* our key, and a signature TLV to try it on */
                    put16(a + info + 42, 32);
                    CHECK_EQ(bl_sha256(key.der, key.der_len, a + info + 44), BL_CRYPTO_OK);
                    a[info + 44 + rnd() % 64] ^= 1; /* half the time it names no key of ours */
                    put16(a + info + 76, MB_TLV_SIGNATURE);
                    if (info + 80 + SIG_LEN <= area_size) {
                        put16(a + info + 78, SIG_LEN);
                        put16(a + info + 2, 80 + SIG_LEN);
                    }
                }
            }
        }
        const bool hash_only = round % 2 == 0;
        const uint32_t addr = BASE + (MEM - area_size);
        guard.lo = addr;
        guard.hi = addr + area_size;
        guard.outside = 0;
        struct mb_image_info info;
        enum mb_image_status st = mb_image_validate(&guard.dev, addr, area_size, hash_only ? NULL : &keyring, &info);
        if (guard.outside != 0 || st == MB_IMAGE_E_FLASH || st == MB_IMAGE_E_CRYPTO || st >= MB_IMAGE_STATUS_COUNT ||
            (st == MB_IMAGE_OK && !(hash_only && planted_hash)))
            test_fail(__FILE__, __LINE__, "round %u: \"%s\", %u reads outside the area", round,
                      mb_image_status_text(st), guard.outside);
        if (st == MB_IMAGE_OK || st == MB_IMAGE_E_TLV_FORMAT)
            CHECK(info.total_size <= area_size);
        seen[st]++;
        CHECK_EQ(mb_image_read_header(&guard.dev, addr, area_size, &info) == MB_IMAGE_E_FLASH, 0);
    }
    /* The generator reaches every rule up to the signature. */
    for (int st = MB_IMAGE_OK; st <= MB_IMAGE_E_SIGNATURE; st++)
        if (seen[st] == 0 && st != MB_IMAGE_E_ERASED)
            test_fail(__FILE__, __LINE__, "no round ended in \"%s\"", mb_image_status_text(st));
}
