/*
 * NCS's fw_info for a second stage, placed at image + 0x200 by the board's linker script: what b0 finds, checks and
 * boots. The linker supplies the image's address, size and vector table; CMake supplies the version
 * from bootloader/VERSION. ImageTool's `b0 sign` checks every field before it signs.
 */
#include "fw_info.h"

#ifndef SECOND_STAGE_VERSION
#error "SECOND_STAGE_VERSION (bootloader/VERSION) must be defined by the build"
#endif

/* Linker symbols: only their addresses carry meaning. */
extern const char board_image_start[], board_image_size[], board_vectors[];

__attribute__((section(".fw_info"), used)) const struct fw_info board_fw_info = {
    .magic = {FW_INFO_MAGIC_COMMON, FW_INFO_MAGIC_FIRMWARE_INFO, FW_INFO_MAGIC_COMPAT},
    .total_size = FW_INFO_BASE_SIZE, /* no EXT_APIs */
    .size = (uint32_t)board_image_size,
    .version = SECOND_STAGE_VERSION,
    .address = (uint32_t)board_image_start,
    .boot_address = (uint32_t)board_vectors,
    .valid = FW_INFO_VALID,
};
