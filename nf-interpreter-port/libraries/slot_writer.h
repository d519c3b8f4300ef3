/*
 * The upload slot for SMP firmware update, in portable C over flash_dev (no runtime needed): the slot writer
 * (an upload into mcuboot_secondary) and, in slot_state.h, what the image group lists and the trailer writes.
 *
 * The writer only ever writes the upload slot, below its trailer: begin erases the trailer page first, so a
 * stale trailer never makes a half-written upload pending, then pages are erased just ahead of the writes.
 * Bytes are gathered into whole write units; the SHA-256 of the whole upload runs along; finish runs the
 * loader's own check (mb_loader_check_upload) so the answer to the last chunk names any refusal before a reset.
 */
#ifndef SLOT_WRITER_H
#define SLOT_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "bl_sha256.h"
#include "mb_loader.h"

/* Bytes gathered before one flash write: a multiple of every write unit (4 on the nRF5340). */
#define SLOT_WRITER_BUFFER 256u

/* Errors: flash_err (-1..-7) and mb_trailer_err (-20, -21) pass through unchanged. */
enum slot_err {
    SLOT_OK = 0,
    SLOT_E_IMAGE = -40,    /* no such image number (0..3) */
    SLOT_E_TOO_BIG = -41,  /* length is 0 or above the target image's maximum (slot_max_image_size) */
    SLOT_E_OFFSET = -42,   /* a write not at the next offset: offsets only grow, without gaps */
    SLOT_E_OVERRUN = -43,  /* a write past the announced length */
    SLOT_E_STATE = -44,    /* no upload in progress, or finish before the last byte */
    SLOT_E_BUSY = -45,     /* the upload slot holds a pending image, or the one a revert brings back */
    SLOT_E_REFUSED = -46,  /* the loader's check refuses the image (the verdict says why) */
    SLOT_E_NO_IMAGE = -47, /* the upload slot holds no valid image */
    SLOT_E_CRYPTO = -48,   /* the SHA-256 library failed */
};

/* What the slot code works on: the app core's flash, OTP and b0's record (as the loader sees them), the key. */
struct slot_device {
    struct mb_loader_port port; /* flash, otp, b0_record; the rest unused */
    const struct mb_keyring *keyring;
};

struct slot_writer {
    const struct slot_device *dev;
    bool open;
    uint8_t image;       /* the image number the upload was announced for */
    uint32_t length;     /* announced bytes */
    uint32_t received;   /* bytes accepted so far: the next offset */
    uint32_t flushed;    /* bytes written to flash (a multiple of the write unit) */
    uint32_t erased_end; /* absolute address: pages below it (from the slot start) are erased for this upload */
    uint8_t buffer[SLOT_WRITER_BUFFER];
    bl_sha256_ctx sha;
};

/* Largest upload for an image: app the swap's maximum, the others their partition (0: no such image). */
uint32_t slot_max_image_size(uint8_t image);

/* Starts an upload (a new begin abandons the previous one). Erases the upload slot's trailer page only. */
int slot_writer_begin(struct slot_writer *w, const struct slot_device *dev, uint8_t image, uint32_t length);

/* Appends len bytes at offset (= the bytes received so far). Erases pages as the writes reach them. */
int slot_writer_write(struct slot_writer *w, uint32_t offset, const void *data, uint32_t len);

/*
 * After the last byte: writes the buffered tail (padded with erased bytes to the write unit), returns the
 * SHA-256 of the upload and the loader's verdict on it. The upload is closed either way.
 */
int slot_writer_finish(struct slot_writer *w, uint8_t sha256[BL_SHA256_DIGEST_SIZE], struct mb_loader_check *verdict);

const char *slot_strerror(int err);

#endif /* SLOT_WRITER_H */
