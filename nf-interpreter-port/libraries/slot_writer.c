/* The upload into mcuboot_secondary (slot_writer.h). */
#include "slot_writer.h"

#include <string.h>

#include "board_partitions.h"
#include "mb_trailer.h"
#include "slot_state.h"

_Static_assert(SLOT_WRITER_BUFFER % MEM_FLASH_WRITE_UNIT == 0, "the buffer holds whole write units");

uint32_t slot_max_image_size(uint8_t image)
{
    switch (image) {
    case IMAGE_NUMBER_APP:
        return PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE;
    case IMAGE_NUMBER_NET:
        return PM_NET_APP_SIZE;
    case IMAGE_NUMBER_BOOTLOADER:
        return PM_S0_SIZE; /* header in the pad, then the code: one S slot */
    case IMAGE_NUMBER_MANAGED:
        return PM_MANAGED_DEPLOY_SIZE;
    default:
        return 0;
    }
}

int slot_writer_begin(struct slot_writer *w, const struct slot_device *dev, uint8_t image, uint32_t length)
{
    const struct flash_dev *flash = dev->port.flash;
    w->open = false;
    if (image >= IMAGE_COUNT)
        return SLOT_E_IMAGE;
    if (length == 0 || length > slot_max_image_size(image))
        return SLOT_E_TOO_BIG;
    int err = slot_upload_busy(dev);
    if (err != SLOT_OK)
        return err;
    const struct mb_area upload = {flash, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE};
    uint32_t trailer = mb_trailer_first_page(&upload);
    /* The trailer first: from here on a cut leaves nothing pending, whatever the pages below hold. */
    err = flash_erase(flash, trailer, PM_MCUBOOT_SECONDARY_END_ADDRESS - trailer);
    if (err != FLASH_OK)
        return err;
    *w = (struct slot_writer){.dev = dev, .image = image, .length = length, .erased_end = PM_MCUBOOT_SECONDARY_ADDRESS};
    if (bl_sha256_init(&w->sha) != 0)
        return SLOT_E_CRYPTO;
    w->open = true;
    return SLOT_OK;
}

/* Writes the buffer's first `len` bytes (a multiple of the write unit) after erasing the pages they reach. */
static int flush(struct slot_writer *w, uint32_t len)
{
    const struct flash_dev *flash = w->dev->port.flash;
    uint32_t addr = PM_MCUBOOT_SECONDARY_ADDRESS + w->flushed;
    while (w->erased_end < addr + len) {
        int err = flash_erase(flash, w->erased_end, flash->page_size);
        if (err != FLASH_OK)
            return err;
        w->erased_end += flash->page_size;
    }
    int err = flash_write(flash, addr, w->buffer, len);
    if (err == FLASH_OK)
        w->flushed += len;
    return err;
}

int slot_writer_write(struct slot_writer *w, uint32_t offset, const void *data, uint32_t len)
{
    if (!w->open)
        return SLOT_E_STATE;
    if (offset != w->received)
        return SLOT_E_OFFSET;
    if (len > w->length - w->received)
        return SLOT_E_OVERRUN;
    const uint8_t *p = data;
    while (len > 0) {
        uint32_t used = w->received - w->flushed;
        uint32_t n = SLOT_WRITER_BUFFER - used < len ? SLOT_WRITER_BUFFER - used : len;
        memcpy(w->buffer + used, p, n);
        if (bl_sha256_update(&w->sha, p, n) != 0) {
            w->open = false;
            return SLOT_E_CRYPTO;
        }
        w->received += n;
        p += n;
        len -= n;
        if (used + n == SLOT_WRITER_BUFFER) {
            int err = flush(w, SLOT_WRITER_BUFFER);
            if (err != FLASH_OK) {
                w->open = false; /* the slot is not what was received: start again */
                return err;
            }
        }
    }
    return SLOT_OK;
}

int slot_writer_finish(struct slot_writer *w, uint8_t sha256[BL_SHA256_DIGEST_SIZE], struct mb_loader_check *verdict)
{
    if (!w->open || w->received != w->length)
        return SLOT_E_STATE;
    w->open = false;
    const struct flash_dev *flash = w->dev->port.flash;
    uint32_t tail = w->received - w->flushed;
    uint32_t padded = (tail + flash->write_unit - 1) / flash->write_unit * flash->write_unit;
    memset(w->buffer + tail, flash->erased_value, padded - tail);
    int err = padded > 0 ? flush(w, padded) : FLASH_OK;
    if (err != FLASH_OK)
        return err;
    if (bl_sha256_finish(&w->sha, sha256) != 0)
        return SLOT_E_CRYPTO;
    mb_loader_check_upload(&w->dev->port, w->dev->keyring, w->image, verdict);
    return SLOT_OK;
}

const char *slot_strerror(int err)
{
    switch (err) {
    case SLOT_OK:
        return "ok";
    case SLOT_E_IMAGE:
        return "no such image number (0 app, 1 net core, 2 bootloader, 3 C# deployment)";
    case SLOT_E_TOO_BIG:
        return "the upload is empty or larger than its image's slot";
    case SLOT_E_OFFSET:
        return "not the next offset of the upload";
    case SLOT_E_OVERRUN:
        return "data past the announced length";
    case SLOT_E_STATE:
        return "no upload in progress, or not all of it received";
    case SLOT_E_BUSY:
        return "the upload slot holds a pending image or the one a revert brings back; reset first";
    case SLOT_E_REFUSED:
        return "the bootloader would refuse the image";
    case SLOT_E_NO_IMAGE:
        return "the upload slot holds no valid image";
    case SLOT_E_CRYPTO:
        return "SHA-256 failed";
    case MB_TRAILER_E_BAD_MAGIC:
        return "the trailer's magic is damaged";
    case MB_TRAILER_E_ARGS:
        return "trailer arguments";
    default:
        return flash_strerror(err);
    }
}
