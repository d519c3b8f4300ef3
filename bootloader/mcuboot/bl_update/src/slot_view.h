/*
 * A read-only flash_dev that shows an S slot's address range with the bytes of the upload slot, as
 * they will be once copied (header into the pad, image after). b0's own fw_info_find and b0_validate
 * then judge the copy before it exists, unchanged, at the addresses it is linked for.
 */
#ifndef SLOT_VIEW_H
#define SLOT_VIEW_H

#include <stdint.h>

#include "flash_dev.h"

struct slot_view {
    struct flash_dev dev;         /* base/size = the S slot; hand &dev to b0 */
    const struct flash_dev *real; /* where the bytes come from */
    uint32_t upload_addr;         /* the S slot's first byte is read from here */
};

/* dev.ctx points back at *view: keep it in place while dev is in use. */
void slot_view_init(struct slot_view *view, const struct flash_dev *real, uint32_t slot_start, uint32_t slot_size,
                    uint32_t upload_addr);

#endif /* SLOT_VIEW_H */
