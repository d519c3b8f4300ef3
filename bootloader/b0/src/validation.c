#include <inttypes.h>
#include <string.h>

#include "b0.h"
#include "b0_counter.h"
#include "b0_log.h"
#include "b0_validation.h"
#include "bl_ecdsa_p256.h"
#include "bl_sha256.h"

#define HASH_CHUNK 256u
#define HASH_LOG_BYTES 8u /* enough of a digest to tell two apart in a log */

static enum b0_status crypto_failed(const struct b0_port *port, const char *what, int rc)
{
    b0_log(port, "The crypto library failed during %s (status %d).", what, rc);
    return B0_E_CRYPTO;
}

/* SHA-256 of flash [start, start + len). */
static enum b0_status flash_sha256(const struct b0_port *port, uint32_t start, uint32_t len,
                                   uint8_t digest[BL_SHA256_DIGEST_SIZE])
{
    bl_sha256_ctx ctx;
    int rc = bl_sha256_init(&ctx);
    if (rc != BL_CRYPTO_OK)
        return crypto_failed(port, "SHA-256 init", rc);
    uint8_t chunk[HASH_CHUNK];
    for (uint32_t done = 0; done < len;) {
        uint32_t n = len - done < HASH_CHUNK ? len - done : HASH_CHUNK;
        int err = flash_read(port->flash, start + done, chunk, n);
        if (err != FLASH_OK) {
            bl_sha256_abort(&ctx);
            b0_log(port, "Cannot read the image at 0x%08" PRIx32 ": %s.", start + done, flash_strerror(err));
            return b0_flash_status(err);
        }
        rc = bl_sha256_update(&ctx, chunk, n);
        if (rc != BL_CRYPTO_OK) {
            bl_sha256_abort(&ctx);
            return crypto_failed(port, "SHA-256 update", rc);
        }
        done += n;
    }
    rc = bl_sha256_finish(&ctx, digest);
    return rc == BL_CRYPTO_OK ? B0_OK : crypto_failed(port, "SHA-256 finish", rc);
}

static enum b0_status read_flash(const struct b0_port *port, uint32_t addr, void *buf, size_t len)
{
    int err = flash_read(port->flash, addr, buf, len);
    if (err == FLASH_OK)
        return B0_OK;
    b0_log(port, "Cannot read flash at 0x%08" PRIx32 ": %s.", addr, flash_strerror(err));
    return b0_flash_status(err);
}

/* The fw_info fields, up to the signed-region checks. */
static enum b0_status check_fw_info(const struct b0_config *cfg, const struct b0_port *port,
                                    const struct b0_provision *prov, uint32_t counter_version, unsigned slot,
                                    const struct fw_info_found *found)
{
    const struct fw_info *info = &found->info;
    const uint32_t slot_start = prov->slot_address[slot];
    const uint64_t slot_end = (uint64_t)slot_start + cfg->slot_size;

    if (fw_info_check_format(info) != B0_OK) {
        b0_log(port,
               "Invalid firmware info format at 0x%08" PRIx32 ": total_size %" PRIu32
               " (at least 60, a multiple of 4) for %" PRIu32 " EXT_APIs and %" PRIu32 " requests.",
               found->address, info->total_size, info->ext_api_num, info->ext_api_request_num);
        return B0_E_FWINFO_FORMAT;
    }
    if (info->address < slot_start || info->address > found->address) {
        b0_log(port,
               "The firmware doesn't belong at destination addr: fw_info at 0x%08" PRIx32 " gives address 0x%08" PRIx32
               ", expected slot %u start 0x%08" PRIx32 " up to the fw_info.",
               found->address, info->address, slot, slot_start);
        return B0_E_ADDRESS;
    }
    struct fw_info_found again;
    enum b0_status st = fw_info_find(port->flash, info->address, &again);
    if (st == B0_E_FLASH || st == B0_E_POWER_LOST)
        return st;
    if (st != B0_OK) {
        b0_log(port,
               "Firmware info doesn't point to itself: fw_info at 0x%08" PRIx32
               ", but none is found from its address 0x%08" PRIx32 ".",
               found->address, info->address);
        return B0_E_FWINFO_SELF;
    }
    if (again.address != found->address) {
        b0_log(port,
               "Firmware info doesn't point to itself: fw_info at 0x%08" PRIx32 ", but its address 0x%08" PRIx32
               " leads to 0x%08" PRIx32 ".",
               found->address, info->address, again.address);
        return B0_E_FWINFO_SELF;
    }
    if (info->valid != FW_INFO_VALID) {
        b0_log(port, "Firmware has been invalidated: 0x%08" PRIx32 ".", info->valid);
        return B0_E_INVALIDATED;
    }
    if (info->version > B0_VERSION_MAX) {
        b0_log(port, "Firmware version %" PRIu32 " is above %u, the largest the monotonic counter can record.",
               info->version, B0_VERSION_MAX);
        return B0_E_VERSION_RANGE;
    }
    if (info->version < counter_version) {
        b0_log(port, "Firmware version (%" PRIu32 ") is smaller than monotonic counter (%" PRIu32 ").", info->version,
               counter_version);
        return B0_E_ROLLBACK;
    }
    const uint64_t image_end = (uint64_t)info->address + info->size;
    const uint64_t block = (image_end + 3) & ~(uint64_t)3;
    if (info->size == 0 || info->size > cfg->slot_size || info->total_size > info->size ||
        block + B0_VALIDATION_SIZE > slot_end) {
        b0_log(port,
               "Invalid size or total_size in firmware info: size 0x%" PRIx32 ", total_size %" PRIu32
               "; the image and its %u-byte validation block must fit slot %u (0x%08" PRIx32 ", 0x%" PRIx32 " bytes).",
               info->size, info->total_size, B0_VALIDATION_SIZE, slot, slot_start, cfg->slot_size);
        return B0_E_SIZE;
    }
    if ((uint64_t)found->address + info->total_size > image_end) {
        b0_log(port,
               "Firmware info is not within signed region: 0x%08" PRIx32 "..0x%08" PRIx32 " outside 0x%08" PRIx32
               "..0x%08" PRIx32 ".",
               found->address, found->address + info->total_size, info->address, (uint32_t)image_end);
        return B0_E_FWINFO_OUTSIDE;
    }
    if (info->boot_address % 4 != 0 || info->boot_address < info->address ||
        (uint64_t)info->boot_address + 8 > image_end) {
        b0_log(port,
               "Boot address is not within signed region: vector table 0x%08" PRIx32
               " (8 bytes, word aligned) outside 0x%08" PRIx32 "..0x%08" PRIx32 ".",
               info->boot_address, info->address, (uint32_t)image_end);
        return B0_E_BOOT_ADDRESS;
    }
    uint32_t vectors[2]; /* initial MSP, reset handler */
    st = read_flash(port, info->boot_address, vectors, sizeof vectors);
    if (st != B0_OK)
        return st;
    if (vectors[1] < info->address || vectors[1] >= image_end) {
        b0_log(port,
               "Reset handler is not within signed region: 0x%08" PRIx32 " outside 0x%08" PRIx32 "..0x%08" PRIx32 ".",
               vectors[1], info->address, (uint32_t)image_end);
        return B0_E_RESET_VECTOR;
    }
    return B0_OK;
}

/* The provisioned key whose hash matches `public_key`: B0_OK, B0_E_KEY_UNKNOWN or B0_E_KEY_REVOKED. */
static enum b0_status find_key(const struct b0_port *port, const struct b0_provision *prov,
                               const uint8_t public_key[BL_ECDSA_P256_RAW_KEY_SIZE], uint32_t *index)
{
    uint8_t hash[BL_SHA256_DIGEST_SIZE];
    int rc = bl_sha256(public_key, BL_ECDSA_P256_RAW_KEY_SIZE, hash);
    if (rc != BL_CRYPTO_OK)
        return crypto_failed(port, "the key hash", rc);
    uint32_t revoked = prov->num_keys;
    for (uint32_t i = 0; i < prov->num_keys; i++) {
        if (memcmp(prov->keys[i].hash, hash, B0_KEY_HASH_SIZE) != 0)
            continue;
        if (prov->keys[i].valid) {
            *index = i;
            return B0_OK;
        }
        if (revoked == prov->num_keys)
            revoked = i;
    }
    char hex[2 * B0_KEY_HASH_SIZE + 1];
    b0_hex(hex, hash, B0_KEY_HASH_SIZE);
    if (revoked < prov->num_keys) {
        b0_log(port, "Key %" PRIu32 " has been invalidated: the image is signed with a revoked key (hash %s).", revoked,
               hex);
        return B0_E_KEY_REVOKED;
    }
    b0_log(port, "Public key hash %s matches none of the %" PRIu32 " provisioned keys.", hex, prov->num_keys);
    return B0_E_KEY_UNKNOWN;
}

enum b0_status b0_validate(const struct b0_config *cfg, const struct b0_port *port, const struct b0_provision *prov,
                           uint32_t counter_version, unsigned slot, const struct fw_info_found *found,
                           uint32_t *key_index)
{
    enum b0_status st = check_fw_info(cfg, port, prov, counter_version, slot, found);
    if (st != B0_OK)
        return st;
    const struct fw_info *info = &found->info;

    const uint32_t block = (info->address + info->size + 3u) & ~3u; /* fits: checked against the slot */
    struct b0_validation_info vinfo;
    st = read_flash(port, block, &vinfo, sizeof vinfo);
    if (st != B0_OK)
        return st;
    if (vinfo.magic[0] != FW_INFO_MAGIC_COMMON || vinfo.magic[1] != B0_VALIDATION_MAGIC ||
        vinfo.magic[2] != B0_VALIDATION_MAGIC_COMPAT) {
        b0_log(port,
               "Could not find valid firmware validation info at 0x%08" PRIx32 ": magic %08" PRIx32 " %08" PRIx32
               " %08" PRIx32 ", expected %08x %08x %08x.",
               block, vinfo.magic[0], vinfo.magic[1], vinfo.magic[2], FW_INFO_MAGIC_COMMON, B0_VALIDATION_MAGIC,
               B0_VALIDATION_MAGIC_COMPAT);
        return B0_E_NO_VALIDATION_INFO;
    }
    if (vinfo.address != info->address) {
        b0_log(port,
               "Validation info doesn't belong to this firmware: it is for 0x%08" PRIx32
               ", the image is at 0x%08" PRIx32 ".",
               vinfo.address, info->address);
        return B0_E_VALIDATION_ADDRESS;
    }

    uint8_t digest[BL_SHA256_DIGEST_SIZE];
    st = flash_sha256(port, info->address, info->size, digest);
    if (st != B0_OK)
        return st;
    if (memcmp(digest, vinfo.hash, sizeof digest) != 0) {
        char actual[2 * HASH_LOG_BYTES + 1], expected[2 * HASH_LOG_BYTES + 1];
        b0_hex(actual, digest, HASH_LOG_BYTES);
        b0_hex(expected, vinfo.hash, HASH_LOG_BYTES);
        b0_log(port,
               "Firmware hash mismatch: SHA-256 of 0x%08" PRIx32 "..0x%08" PRIx32
               " is %s..., the validation info holds %s....",
               info->address, info->address + info->size, actual, expected);
        return B0_E_HASH;
    }

    uint32_t index;
    st = find_key(port, prov, vinfo.public_key, &index);
    if (st != B0_OK)
        return st;
    b0_log(port, "Verifying signature against key %" PRIu32 ".", index);
    /* NCS signs the 32-byte image hash, so ECDSA's own SHA-256 makes the digest SHA-256(SHA-256(image)). */
    uint8_t signed_digest[BL_SHA256_DIGEST_SIZE];
    int rc = bl_sha256(digest, sizeof digest, signed_digest);
    if (rc != BL_CRYPTO_OK)
        return crypto_failed(port, "the signed digest", rc);
    rc = bl_ecdsa_p256_verify(vinfo.public_key, sizeof vinfo.public_key, BL_ECDSA_P256_RAW, signed_digest,
                              vinfo.signature, sizeof vinfo.signature, BL_ECDSA_P256_RAW);
    if (rc == BL_CRYPTO_ERR_INTERNAL)
        return crypto_failed(port, "ECDSA verification", rc);
    if (rc != BL_CRYPTO_OK) {
        b0_log(port, "Failed to validate signature with key %" PRIu32 " (status %d).", index, rc);
        return B0_E_SIGNATURE;
    }
    b0_log(port, "Firmware signature verified.");
    *key_index = index;
    return B0_OK;
}
