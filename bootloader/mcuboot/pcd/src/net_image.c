/*
 * b0n's image checks, in NCS's order (bl_validation.c validate_firmware, hash mode). Source and
 * destination differ before the copy: fw_info and data are read at src, addresses are judged
 * against dst, where the image will run.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "b0_validation.h"
#include "bl_sha256.h"
#include "fw_info.h"
#include "net_image.h"
#include "pcd_log.h"

#define LOG(port, ...) pcd_log((port)->log, (port)->ctx, __VA_ARGS__)
#define HASH_CHUNK 256u
#define BLOCK_SEARCH 4u /* NCS looks for the validation block 0..4 bytes after the image */

static enum b0_status device_status(int err)
{
    return err == FLASH_E_POWER_LOST ? B0_E_POWER_LOST : B0_E_FLASH;
}

static enum b0_status read_at(const struct mb_pcd_net_port *port, const struct flash_dev *flash, uint32_t addr,
                              void *buf, size_t len)
{
    int err = flash_read(flash, addr, buf, len);
    if (err == FLASH_OK)
        return B0_OK;
    LOG(port, "Cannot read flash at 0x%08" PRIx32 ": %s.", addr, flash_strerror(err));
    return device_status(err);
}

static bool within(uint64_t start, uint64_t len, uint64_t region, uint64_t region_len)
{
    return start >= region && start + len <= region + region_len;
}

static enum b0_status find_fw_info(const struct mb_pcd_net_port *port, const struct net_image_at *at,
                                   struct fw_info_found *found)
{
    enum b0_status st = fw_info_find(at->flash, at->src, found);
    if (st == B0_E_FWINFO_NOT_FOUND)
        LOG(port, "No fw_info in the image at 0x%08" PRIx32 " (+ 0x0, 0x200, 0x400, 0x800 or 0x1000).", at->src);
    else if (st == B0_E_FWINFO_COMPAT)
        LOG(port, "fw_info at 0x%08" PRIx32 " has compatibility word 0x%08" PRIx32 ", expected 0x%08x (fw_info v2, nRF53).",
            found->address, found->info.magic[2], FW_INFO_MAGIC_COMPAT);
    else if (st != B0_OK)
        LOG(port, "Cannot read the image at 0x%08" PRIx32 ": %s.", at->src, b0_status_text(st));
    return st;
}

/* The fw_info fields, up to the vector table (read from the source, judged at the destination). */
static enum b0_status check_fw_info(const struct mb_pcd_net_port *port, const struct net_image_at *at,
                                    const struct fw_info_found *found)
{
    const struct fw_info *info = &found->info;
    if (fw_info_check_format(info) != B0_OK) {
        LOG(port, "Invalid firmware info format at 0x%08" PRIx32 ": total_size %" PRIu32 ".", found->address,
            info->total_size);
        return B0_E_FWINFO_FORMAT;
    }
    if (info->address != at->dst) {
        LOG(port, "The firmware doesn't belong at destination addr: it is linked for 0x%08" PRIx32
                  ", net_app starts at 0x%08" PRIx32 ".",
            info->address, at->dst);
        return B0_E_ADDRESS;
    }
    if (info->valid != FW_INFO_VALID) {
        LOG(port, "Firmware has been invalidated: 0x%08" PRIx32 ".", info->valid);
        return B0_E_INVALIDATED;
    }
    if (info->size == 0 || info->size > at->slot_size || info->total_size > info->size) {
        LOG(port, "Invalid size or total_size in firmware info: size 0x%" PRIx32 ", total_size %" PRIu32
                  "; net_app takes 0x%" PRIx32 " bytes.",
            info->size, info->total_size, at->slot_size);
        return B0_E_SIZE;
    }
    if (!within(found->address, info->total_size, at->src, info->size)) {
        LOG(port, "Firmware info is not within signed region: 0x%08" PRIx32 " outside 0x%08" PRIx32 "..0x%08" PRIx32 ".",
            found->address, at->src, at->src + info->size);
        return B0_E_FWINFO_OUTSIDE;
    }
    if (info->boot_address % 4 != 0 || !within(info->boot_address, 8, at->dst, info->size)) {
        LOG(port, "Boot address is not within signed region: 0x%08" PRIx32 " outside 0x%08" PRIx32 "..0x%08" PRIx32 ".",
            info->boot_address, at->dst, at->dst + info->size);
        return B0_E_BOOT_ADDRESS;
    }
    uint32_t vectors[2]; /* initial MSP, reset handler */
    enum b0_status st = read_at(port, at->flash, at->src + (info->boot_address - at->dst), vectors, sizeof vectors);
    if (st != B0_OK)
        return st;
    if (!within(vectors[1], 1, at->dst, info->size)) {
        LOG(port, "Reset handler is not within signed region: 0x%08" PRIx32 " outside 0x%08" PRIx32 "..0x%08" PRIx32 ".",
            vectors[1], at->dst, at->dst + info->size);
        return B0_E_RESET_VECTOR;
    }
    return B0_OK;
}

/* The validation block within BLOCK_SEARCH bytes after the signed region, and inside the payload. */
static enum b0_status find_block(const struct mb_pcd_net_port *port, const struct net_image_at *at,
                                 const struct fw_info *info, struct b0_validation_info *block)
{
    static const uint32_t magic[3] = {FW_INFO_MAGIC_COMMON, B0_VALIDATION_MAGIC, B0_VALIDATION_MAGIC_COMPAT};
    for (uint32_t k = 0; k <= BLOCK_SEARCH; k++) {
        uint32_t off = info->size + k;
        if ((uint64_t)off + sizeof *block > at->len)
            break;
        uint32_t found[3];
        enum b0_status st = read_at(port, at->flash, at->src + off, found, sizeof found);
        if (st != B0_OK)
            return st;
        if (memcmp(found, magic, sizeof magic) == 0)
            return read_at(port, at->flash, at->src + off, block, sizeof *block);
    }
    LOG(port, "Could not find valid firmware validation info at 0x%08" PRIx32 " (+ 0..4) within the 0x%" PRIx32
              "-byte payload.",
        at->src + info->size, at->len);
    return B0_E_NO_VALIDATION_INFO;
}

static enum b0_status check_hash(const struct mb_pcd_net_port *port, const struct net_image_at *at, uint32_t size,
                                 const uint8_t expected[BL_SHA256_DIGEST_SIZE])
{
    bl_sha256_ctx ctx;
    if (bl_sha256_init(&ctx) != BL_CRYPTO_OK)
        return B0_E_CRYPTO;
    uint8_t chunk[HASH_CHUNK];
    for (uint32_t done = 0; done < size;) {
        uint32_t n = size - done < HASH_CHUNK ? size - done : HASH_CHUNK;
        enum b0_status st = read_at(port, at->flash, at->src + done, chunk, n);
        if (st == B0_OK && bl_sha256_update(&ctx, chunk, n) != BL_CRYPTO_OK)
            st = B0_E_CRYPTO;
        if (st != B0_OK) {
            bl_sha256_abort(&ctx);
            return st;
        }
        done += n;
    }
    uint8_t digest[BL_SHA256_DIGEST_SIZE];
    if (bl_sha256_finish(&ctx, digest) != BL_CRYPTO_OK)
        return B0_E_CRYPTO;
    if (memcmp(digest, expected, sizeof digest) != 0) {
        LOG(port, "Firmware hash mismatch: SHA-256 of 0x%08" PRIx32 "..0x%08" PRIx32
                  " is %02x%02x%02x%02x..., the validation info holds %02x%02x%02x%02x....",
            at->src, at->src + size, digest[0], digest[1], digest[2], digest[3], expected[0], expected[1],
            expected[2], expected[3]);
        return B0_E_HASH;
    }
    LOG(port, "Firmware hash verified.");
    return B0_OK;
}

enum b0_status net_image_check(const struct mb_pcd_net_port *port, const struct net_image_at *at)
{
    struct fw_info_found found;
    enum b0_status st = find_fw_info(port, at, &found);
    if (st == B0_OK)
        st = check_fw_info(port, at, &found);
    if (st != B0_OK)
        return st;
    struct b0_validation_info block;
    st = find_block(port, at, &found.info, &block);
    if (st != B0_OK)
        return st;
    if (block.address != found.info.address) {
        LOG(port, "Validation info doesn't belong to this firmware: it is for 0x%08" PRIx32 ", the image for 0x%08" PRIx32 ".",
            block.address, found.info.address);
        return B0_E_VALIDATION_ADDRESS;
    }
    return check_hash(port, at, found.info.size, block.hash);
}
