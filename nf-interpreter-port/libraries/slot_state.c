/* Image state and trailer writes for SMP (slot_state.h). */
#include "slot_state.h"

#include <string.h>

#include "board_partitions.h"
#include "mb_slot_copy.h"
#include "mb_swap.h"

static struct mb_swap_pair app_pair(const struct slot_device *dev)
{
    const struct flash_dev *flash = dev->port.flash;
    return (struct mb_swap_pair){{flash, PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_SIZE},
                                 {flash, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE},
                                 IMAGE_NUMBER_APP};
}

/* The app's slot pair and what the next boot does with it (mb_swap_peek). */
struct next_boot {
    struct mb_swap_pair pair;
    enum mb_swap_type type;
    bool resume; /* an interrupted swap */
};

static int next_boot(const struct slot_device *dev, struct next_boot *next)
{
    next->pair = app_pair(dev);
    int err = mb_swap_peek(&next->pair, &next->type, &next->resume);
    return err == MB_SWAP_OK ? SLOT_OK : err == MB_SWAP_E_POWER_LOST ? FLASH_E_POWER_LOST : FLASH_E_IO;
}

/* Hash-only validation (what the listing needs: the hash TLV matches); false when there is no such image. */
static bool read_image(const struct slot_device *dev, uint32_t addr, uint32_t size, struct mb_image_info *img)
{
    return mb_image_validate(dev->port.flash, addr, size, NULL, img) == MB_IMAGE_OK;
}

/*
 * The image the loader routes the upload to: by reset vector, image 3 by the trailer's number; before a
 * request is written, a vector in no slot can only be a C# deployment (the check refuses anything else).
 */
static uint8_t upload_image(const struct mb_swap_pair *pair, const struct mb_image_info *img)
{
    struct mb_trailer_state trailer;
    bool requested = mb_trailer_read(&pair->secondary, &trailer) == MB_TRAILER_OK && trailer.magic == MB_MAGIC_GOOD;
    return mb_loader_route_image(img->reset_vector, requested ? trailer.image_number : IMAGE_NUMBER_MANAGED);
}

static void add(struct slot_image *out, int *count, uint8_t image, uint8_t slot, uint8_t flags,
                const struct mb_image_info *img)
{
    struct slot_image *e = &out[(*count)++];
    *e = (struct slot_image){.image = image, .slot = slot, .flags = SLOT_F_BOOTABLE | flags,
                             .version = img->hdr.version};
    memcpy(e->hash, img->hash, sizeof e->hash);
}

static uint8_t upload_flags(enum mb_swap_type type)
{
    switch (type) {
    case MB_SWAP_TYPE_TEST:
        return SLOT_F_PENDING;
    case MB_SWAP_TYPE_PERM:
        return SLOT_F_PENDING | SLOT_F_PERMANENT;
    case MB_SWAP_TYPE_REVERT:
        return SLOT_F_CONFIRMED;
    default:
        return 0;
    }
}

int slot_list(const struct slot_device *dev, struct slot_image *out)
{
    struct next_boot next;
    int err = next_boot(dev, &next);
    if (err != SLOT_OK)
        return err;
    struct mb_image_info upload;
    uint8_t upload_to = MB_NO_IMAGE;
    if (read_image(dev, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE, &upload))
        upload_to = upload_image(&next.pair, &upload);
    const struct b0_boot_record *record = dev->port.b0_record;
    const uint32_t installed[IMAGE_COUNT][2] = {
        [IMAGE_NUMBER_APP] = {PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE},
        [IMAGE_NUMBER_BOOTLOADER] = {!b0_boot_record_valid(record) ? 0u
                                     : record->slot == 0     ? PM_S0_ADDRESS
                                                             : PM_S1_ADDRESS,
                                     PM_S0_SIZE},
        [IMAGE_NUMBER_MANAGED] = {PM_MANAGED_DEPLOY_ADDRESS, PM_MANAGED_DEPLOY_SIZE},
    }; /* the net core's flash cannot be read from the app core */
    int count = 0;
    for (uint8_t image = 0; image < IMAGE_COUNT; image++) {
        struct mb_image_info img;
        if (installed[image][0] != 0 && read_image(dev, installed[image][0], installed[image][1], &img)) {
            bool reverting = image == IMAGE_NUMBER_APP && next.type == MB_SWAP_TYPE_REVERT;
            add(out, &count, image, 0, SLOT_F_ACTIVE | (reverting ? 0 : SLOT_F_CONFIRMED), &img);
        }
        if (upload_to == image)
            add(out, &count, image, 1, upload_flags(next.type), &upload);
    }
    return count;
}

int slot_upload_busy(const struct slot_device *dev)
{
    struct next_boot next;
    int err = next_boot(dev, &next);
    if (err != SLOT_OK)
        return err;
    return next.resume || next.type != MB_SWAP_TYPE_NONE ? SLOT_E_BUSY : SLOT_OK;
}

int slot_set_pending(const struct slot_device *dev, bool permanent, struct mb_loader_check *verdict)
{
    struct next_boot next;
    int err = next_boot(dev, &next);
    if (err != SLOT_OK)
        return err;
    if (next.resume || next.type == MB_SWAP_TYPE_REVERT)
        return SLOT_E_BUSY;
    struct mb_image_info img;
    if (!read_image(dev, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE, &img))
        return SLOT_E_NO_IMAGE;
    uint8_t image = upload_image(&next.pair, &img);
    if (image == MB_NO_IMAGE || mb_loader_check_upload(&dev->port, dev->keyring, image, verdict) != MB_CHECK_ACCEPTED)
        return image == MB_NO_IMAGE ? SLOT_E_NO_IMAGE : SLOT_E_REFUSED;
    return mb_trailer_set_pending(&next.pair.secondary, image, permanent);
}

int slot_confirm_running(const struct slot_device *dev)
{
    const struct mb_swap_pair pair = app_pair(dev);
    return mb_trailer_set_confirmed(&pair.primary);
}

int slot_erase_upload(const struct slot_device *dev)
{
    int err = slot_upload_busy(dev);
    if (err != SLOT_OK)
        return err;
    return mb_slot_erase_image(dev->port.flash, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE,
                               PM_MCUBOOT_SECONDARY_SIZE, NULL);
}
