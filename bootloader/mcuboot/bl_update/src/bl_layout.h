/*
 * Where the bootloader copies live, from board_partitions.h: each S slot is a pad holding the MCUboot
 * header of the installed copy, then the image (fw_info inside, b0's validation block after it), then
 * room for the MCUboot TLVs. The upload slot (mcuboot_secondary) ends with the trailer page.
 */
#ifndef BL_LAYOUT_H
#define BL_LAYOUT_H

#include <stdint.h>

#include "board_partitions.h"

struct bl_slot {
    unsigned index;       /* 0 = S0, 1 = S1 */
    uint32_t start, size; /* the whole partition: what b0 is provisioned with, what a copy may fill */
    uint32_t pad_size;    /* room for the MCUboot header */
    uint32_t image_start, image_size; /* s0_image / s1_image: where the code is linked */
};

_Static_assert(PM_S0_PAD_ADDRESS == PM_S0_ADDRESS && PM_S1_PAD_ADDRESS == PM_S1_ADDRESS, "pads start the S slots");
_Static_assert(PM_S0_IMAGE_ADDRESS == PM_S0_ADDRESS + PM_S0_PAD_SIZE &&
                   PM_S1_IMAGE_ADDRESS == PM_S1_ADDRESS + PM_S1_PAD_SIZE,
               "the image follows the pad, as an MCUboot header precedes its payload");
_Static_assert(PM_S0_SIZE == PM_S1_SIZE && PM_S0_PAD_SIZE == PM_S1_PAD_SIZE && PM_S0_IMAGE_SIZE == PM_S1_IMAGE_SIZE,
               "b0 takes one slot size for S0 and S1");

static inline struct bl_slot bl_slot(unsigned index)
{
    if (index == 0)
        return (struct bl_slot){0, PM_S0_ADDRESS, PM_S0_SIZE, PM_S0_PAD_SIZE, PM_S0_IMAGE_ADDRESS, PM_S0_IMAGE_SIZE};
    return (struct bl_slot){1, PM_S1_ADDRESS, PM_S1_SIZE, PM_S1_PAD_SIZE, PM_S1_IMAGE_ADDRESS, PM_S1_IMAGE_SIZE};
}

/* The upload slot starting at `addr`, with mcuboot_secondary's size. */
struct bl_upload {
    uint32_t addr, size;
    uint32_t trailer_page; /* its last page: MCUboot's trailer (magic, flags, swap status) fits in it */
    uint32_t image_room;   /* bytes an image may use before the trailer page */
};

static inline struct bl_upload bl_upload(uint32_t addr, uint32_t page_size)
{
    return (struct bl_upload){addr, PM_MCUBOOT_SECONDARY_SIZE, addr + PM_MCUBOOT_SECONDARY_SIZE - page_size,
                              PM_MCUBOOT_SECONDARY_SIZE - page_size};
}

#endif /* BL_LAYOUT_H */
