/*
 * Test rig for mb_image: a simulated nRF5340 flash seen through a guard (counts reads, fails the n-th
 * on request, records any read outside the area under validation), image files, the public keys
 * derived at build time, and small editors for images (TLVs, header fields).
 * Compiled into each test executable, so MB_SIGNATURE_ED25519 is that of the library it links.
 */
#ifndef MB_IMAGE_RIG_H
#define MB_IMAGE_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board_partitions.h"
#include "flash_sim.h"
#include "harness.h"
#include "mb_image.h"

#define IMGTOOL(name) MB_IMGTOOL_VECTORS_DIR "/" name
#define BUILT(name) MB_TEST_IMAGES_DIR "/" name

#define SLOT PM_MCUBOOT_SECONDARY_ADDRESS
#define SLOT_SIZE PM_MCUBOOT_SECONDARY_SIZE

/* Large enough for imgtool's slot-sized p256-pad-confirm.bin (0x60000). */
#define IMAGE_MAX 0x60000u

struct image {
    uint8_t data[IMAGE_MAX];
    size_t len;
};

/* Reads through to `inner`; see the top comment. */
struct guard {
    struct flash_dev dev;
    const struct flash_dev *inner;
    uint32_t lo, hi;    /* allowed window [lo, hi) */
    unsigned reads;     /* read calls since the last rig_validate */
    unsigned fail_at;   /* 1-based read call that fails (FLASH_E_IO); 0 = none */
    unsigned outside;   /* reads that left the window */
};

struct rig {
    struct flash_sim *sim;
    struct guard guard;
};

void rig_open(struct rig *r);
void rig_close(struct rig *r);
/* Erases the pages covering [addr, addr + len) and writes data there (0xFF-padded to a word). */
void rig_load(struct rig *r, uint32_t addr, const uint8_t *data, size_t len);
void rig_load_image(struct rig *r, uint32_t addr, const struct image *img);
/* mb_image_validate through the guard; fails the test if a read left [addr, addr + size). */
enum mb_image_status rig_validate(struct rig *r, uint32_t addr, uint32_t size, const struct mb_keyring *keyring,
                                  struct mb_image_info *info);

/* A guard over any flash_dev, with the window set to the whole device. */
void guard_init(struct guard *g, const struct flash_dev *inner);
/* A read-only flash_dev over memory (for the fuzzing loops, which rewrite the area every round). */
void mem_flash_init(struct flash_dev *dev, uint32_t base, const uint8_t *mem, uint32_t size);

void image_read(struct image *img, const char *path);
/* Reads a file of exactly `len` bytes. */
void file_read(const char *path, uint8_t *buf, size_t len);

/* The public key keys/<name>.der, made from its PEM by openssl at build time. */
struct mb_key test_key(enum mb_key_type type, const char *name);
/* The key the reference images of this build's signature type are signed with. */
struct mb_key reference_key(void);

uint16_t get16(const uint8_t *p);
uint32_t get32(const uint8_t *p);
void put16(uint8_t *p, uint32_t v);
void put32(uint8_t *p, uint32_t v);

/* Offsets inside an image from its header. */
size_t image_prot_offset(const struct image *img);   /* hdr_size + img_size */
size_t image_tlv_offset(const struct image *img);    /* + protect_tlv_size: the unprotected TLV info */
/* Offset of the first TLV of `type` in the unprotected area (its 4-byte TLV header), or 0. */
size_t image_find_tlv(const struct image *img, uint16_t type);
/* Appends a TLV to the unprotected area (which must end the image) and updates its total. */
void image_append_tlv(struct image *img, uint16_t type, const void *value, uint16_t len);
/* Replaces the first unprotected TLV of old_type by new_type/value (lengths may differ). */
void image_replace_tlv(struct image *img, uint16_t old_type, uint16_t new_type, const void *value, uint16_t len);

/*
 * Hash-only images crafted in memory, for rules no signing tool would break:
 *   craft_begin(c, hdr_size, img_size); [craft_prot_begin; craft_tlv...; craft_prot_end;]
 *   craft_info_begin(c); craft_hash_tlv(c); [craft_tlv...;] craft_info_end(c);
 * The payload starts with a vector table whose reset handler is CRAFT_RESET_VECTOR.
 */
#define CRAFT_RESET_VECTOR 0x00028321u
struct craft {
    struct image img;
    size_t section; /* offset of the TLV info being written */
};
void craft_begin(struct craft *c, uint16_t hdr_size, uint32_t img_size);
void craft_prot_begin(struct craft *c);
void craft_prot_end(struct craft *c);
void craft_info_begin(struct craft *c);
void craft_info_end(struct craft *c);
void craft_tlv(struct craft *c, uint16_t type, const void *value, uint16_t len);
/* SHA256 TLV over [0, unprotected TLV info). */
void craft_hash_tlv(struct craft *c);
/* A complete hash-only image with no protected TLVs. */
void craft_simple(struct craft *c, uint16_t hdr_size, uint32_t img_size);

/* CHECK_EQ on statuses, printing their texts. */
#define CHECK_STATUS(actual, expected)                                                                     \
    do {                                                                                                   \
        enum mb_image_status a_ = (actual), e_ = (expected);                                               \
        if (a_ != e_)                                                                                      \
            test_fail(__FILE__, __LINE__, "%s is %d \"%s\", expected %d \"%s\"", #actual, (int)a_,         \
                      mb_image_status_text(a_), (int)e_, mb_image_status_text(e_));                        \
    } while (0)

#endif /* MB_IMAGE_RIG_H */
