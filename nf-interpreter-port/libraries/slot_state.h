/*
 * The image group's view of the slots, computed from MCUboot's trailers with mb_swap's functions, and the
 * trailer writes "image test", "image confirm <hash>" and "image confirm" make, exactly as the loader reads them.
 *
 * Listed (only images whose hash TLV matches): image 0 slot 0 (mcuboot_primary), image 2 slot 0 (the S slot b0
 * started), image 3 slot 0 (managed_deploy), and the upload slot as slot 1 of the image the loader routes it to.
 * Flags as Zephyr's img_mgmt derives them from the next boot's swap type (../shared/reference/mcuboot-smp.md A5):
 * installed images are active, and confirmed unless a revert is due; the upload slot is pending on TEST,
 * pending + permanent on PERM, confirmed on REVERT (the image a revert brings back).
 */
#ifndef SLOT_STATE_H
#define SLOT_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "slot_writer.h"

#define SLOT_F_BOOTABLE 0x01u
#define SLOT_F_PENDING 0x02u
#define SLOT_F_CONFIRMED 0x04u
#define SLOT_F_ACTIVE 0x08u
#define SLOT_F_PERMANENT 0x10u

/* At most one installed image per number with a readable slot (0, 2, 3) and the upload slot. */
#define SLOT_LIST_MAX 4u

struct slot_image {
    uint8_t image; /* 0 app, 1 net core, 2 bootloader, 3 C# deployment */
    uint8_t slot;  /* 0 installed, 1 the upload slot */
    uint8_t flags; /* SLOT_F_* */
    struct mb_version version;
    uint8_t hash[32]; /* the SHA256 TLV */
};

/* Fills out (SLOT_LIST_MAX entries), images ascending, slot order within; returns the count or a flash_err. */
int slot_list(const struct slot_device *dev, struct slot_image *out);

/* SLOT_E_BUSY while the next boot would swap or revert with the upload slot (or finish a swap), else SLOT_OK. */
int slot_upload_busy(const struct slot_device *dev);

/*
 * "image test" (permanent false) / "image confirm <hash of the upload>" (true): the loader's check first
 * (SLOT_E_REFUSED with its verdict), then the trailer request with the image number the loader routes the
 * upload by (0 for the app). A request already standing is kept (SLOT_OK, nothing written).
 */
int slot_set_pending(const struct slot_device *dev, bool permanent, struct mb_loader_check *verdict);

/* "image confirm" without hash: image_ok in mcuboot_primary's trailer (nothing written when already confirmed). */
int slot_confirm_running(const struct slot_device *dev);

/* Erases the upload slot, trailer page first; SLOT_E_BUSY while it is pending or holds the revert image. */
int slot_erase_upload(const struct slot_device *dev);

#endif /* SLOT_STATE_H */
