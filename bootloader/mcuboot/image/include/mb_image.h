/*
 * MCUboot image format: header, TLV areas and the complete validation of an image in flash
 * (hash, key, signature, security counter and dependency TLVs collected for the caller's rules).
 * Format facts: MCUboot's docs/design.md and image.h (see ../shared/reference/mcuboot-smp.md A1).
 */
#ifndef MB_IMAGE_H
#define MB_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flash_dev.h"

#define MB_IMAGE_MAGIC 0x96f3b83du
#define MB_IMAGE_HEADER_SIZE 32u
#define MB_TLV_INFO_MAGIC 0x6907u
#define MB_TLV_PROT_INFO_MAGIC 0x6908u

/* TLV types. */
#define MB_TLV_KEYHASH 0x01u
#define MB_TLV_PUBKEY 0x02u
#define MB_TLV_SHA256 0x10u
#define MB_TLV_ECDSA_SIG 0x22u
#define MB_TLV_ED25519 0x24u
#define MB_TLV_DEPENDENCY 0x40u
#define MB_TLV_SEC_CNT 0x50u

/* Header flags. */
#define MB_IMAGE_F_PIC 0x1u
#define MB_IMAGE_F_ENCRYPTED_AES128 0x4u
#define MB_IMAGE_F_ENCRYPTED_AES256 0x8u
#define MB_IMAGE_F_NON_BOOTABLE 0x10u
#define MB_IMAGE_F_RAM_LOAD 0x20u

#define MB_MAX_DEPENDENCIES 4u

/* The signature type is a build choice (CMake MB_SIGNATURE_TYPE, PUBLIC define on mb_image). */
#ifdef MB_SIGNATURE_ED25519
#define MB_TLV_SIGNATURE MB_TLV_ED25519
#define MB_SIGNATURE_KEY_TYPE MB_KEY_ED25519
#else
#define MB_TLV_SIGNATURE MB_TLV_ECDSA_SIG
#define MB_SIGNATURE_KEY_TYPE MB_KEY_ECDSA_P256
#endif

struct mb_version {
    uint8_t major;
    uint8_t minor;
    uint16_t revision;
    uint32_t build_num;
};

struct mb_image_header {
    uint32_t magic;
    uint32_t load_addr;
    uint16_t hdr_size;
    uint16_t protect_tlv_size;
    uint32_t img_size;
    uint32_t flags;
    struct mb_version version;
};

struct mb_dependency {
    uint8_t image_id;
    struct mb_version min_version;
};

/* What validation learned about an image; filled as far as validation got. */
struct mb_image_info {
    struct mb_image_header hdr;
    uint32_t reset_vector;   /* word at hdr_size + 4: routes S0/S1 and net-core images (0 if img_size < 8) */
    uint32_t total_size;     /* header + payload + protected TLVs + TLV area: bytes a copy must move */
    uint8_t hash[32];        /* the SHA256 TLV (equal to the computed digest when validation passed) */
    bool has_security_counter;
    uint32_t security_counter;
    uint8_t dependency_count;
    struct mb_dependency dependencies[MB_MAX_DEPENDENCIES];
    int key_index;           /* index into the keyring of the key that verified the signature, -1 if none */
};

/*
 * A public key the second stage accepts. The signature type is a build choice (one, not both): keys of
 * the other type are never selected. A key whose DER does not parse verifies nothing (E_SIGNATURE).
 */
enum mb_key_type {
    MB_KEY_ECDSA_P256, /* key = SubjectPublicKeyInfo DER (imgtool getpub); KEYHASH = SHA-256 of these bytes */
    MB_KEY_ED25519,    /* key = SubjectPublicKeyInfo DER (44 bytes); KEYHASH = SHA-256 of these bytes */
};

struct mb_key {
    enum mb_key_type type;
    const uint8_t *der;
    size_t der_len;
};

struct mb_keyring {
    const struct mb_key *keys;
    size_t count;
};

enum mb_image_status {
    MB_IMAGE_OK = 0,
    MB_IMAGE_E_ERASED,          /* header magic reads 0xffffffff (erased): no image */
    MB_IMAGE_E_MAGIC,           /* header magic is not 0x96f3b83d */
    MB_IMAGE_E_FLAGS,           /* encrypted, RAM-load, PIC or non-bootable: not supported here */
    MB_IMAGE_E_HEADER_SIZE,     /* hdr_size below 32 or not a multiple of 4 */
    MB_IMAGE_E_TOO_BIG,         /* header + payload + TLVs do not fit the area (area_size) */
    MB_IMAGE_E_TLV_INFO,        /* protected or unprotected TLV info header missing or wrong size */
    MB_IMAGE_E_TLV_FORMAT,      /* a TLV runs past its area, a known TLV has the wrong length or is
                                   repeated (SHA256, SEC_CNT), more than MB_MAX_DEPENDENCIES */
    MB_IMAGE_E_TLV_UNPROTECTED, /* SEC_CNT or DEPENDENCY outside the protected area */
    MB_IMAGE_E_NO_HASH,         /* no SHA256 TLV */
    MB_IMAGE_E_HASH,            /* SHA-256 over header, payload and protected TLVs differs */
    MB_IMAGE_E_NO_SIGNATURE,    /* keys are configured but the image carries no signature TLV of our type */
    MB_IMAGE_E_KEY_UNKNOWN,     /* KEYHASH/PUBKEY matches no key of the keyring */
    MB_IMAGE_E_SIGNATURE,       /* the signature does not verify */
    MB_IMAGE_E_FLASH,           /* flash read failed */
    MB_IMAGE_E_CRYPTO,          /* crypto library failure (not a verdict on the image) */
    MB_IMAGE_STATUS_COUNT
};

/*
 * Short lower-case English phrase naming the rule, for lines like "image refused: <text>";
 * "unknown image status" for values outside the enum.
 */
const char *mb_image_status_text(enum mb_image_status status);

/*
 * Reads and decodes the 32-byte header at area_addr (no validation beyond magic, flags and sizes
 * against area_size, the bytes the image may use before the trailer). Also fills reset_vector.
 * Checks, in order: ERASED, MAGIC, FLAGS, HEADER_SIZE, TOO_BIG (hdr + img + prot + a TLV info header).
 * No read leaves [area_addr, area_addr + area_size); an area that wraps past 4 GiB is E_FLASH.
 */
enum mb_image_status mb_image_read_header(const struct flash_dev *flash, uint32_t area_addr, uint32_t area_size,
                                          struct mb_image_info *out);

/*
 * Full validation of the image at area_addr: header, TLV areas, SHA-256, and (keyring->count > 0)
 * the key and signature. out is filled with everything read, also when the image is refused.
 * keyring may be NULL or empty for hash-only validation. Returns the first failing rule in the order
 * of enum mb_image_status (TLV_FORMAT and TLV_UNPROTECTED in the order the TLVs come; FLASH and
 * CRYPTO when they happen). A KEYHASH or PUBKEY TLV selects the key for the signature TLVs after it;
 * one verifying signature accepts the image, else SIGNATURE beats KEY_UNKNOWN beats NO_SIGNATURE.
 * Stack: under 0.7 KB plus the crypto library's (Cortex-M33, -Os); no heap of its own.
 */
enum mb_image_status mb_image_validate(const struct flash_dev *flash, uint32_t area_addr, uint32_t area_size,
                                       const struct mb_keyring *keyring, struct mb_image_info *out);

/* The key this build trusts (library mb_signing_key, generated from CMake's MB_SIGNING_KEY). */
extern const struct mb_keyring mb_signing_keyring;
extern const bool mb_signing_key_development; /* a DEVELOPMENT-ONLY key */

/* <0, 0, >0 comparing major, minor, revision, then build_num only when with_build is true. */
int mb_version_cmp(const struct mb_version *a, const struct mb_version *b, bool with_build);

/* Longest "M.m.r+b" with its terminator: "255.255.65535+4294967295". */
#define MB_VERSION_TEXT_SIZE 25u

/* Writes "M.m.r+b" into buf, always terminated (len > 0); truncated below MB_VERSION_TEXT_SIZE bytes. */
void mb_version_format(const struct mb_version *v, char *buf, size_t len);

#endif /* MB_IMAGE_H */
