/*
 * The smoke tests' app, linked at mcuboot_primary + 0x200 behind the MCUboot header the build tool
 * signs in front of it. It reports what the second stage left in the boot info (ram_retained +
 * MB_BOOT_INFO_OFFSET): the version it validated and started, and why; then ends the emulation.
 * Started for a test, it resets without confirming: the flash (the emulator's flash file) keeps the
 * swap's state across the reset, so the next boot must revert, as on the chip.
 */
#include "an505_port.h"
#include "mb_boot_info.h"

int main(void)
{
    const struct mb_boot_info *info =
        (const struct mb_boot_info *)((const char *)board_ram_retained() + MB_BOOT_INFO_OFFSET);
    if (!mb_boot_info_valid(info)) {
        board_log("app: started, but the second stage left no valid boot info.");
        return BOARD_EXIT_HALTED;
    }
    char version[MB_VERSION_TEXT_SIZE];
    mb_version_format(&info->app_version, version, sizeof version);
    board_log("app: started, version %s (%s).", version, mb_boot_outcome_text((enum mb_boot_outcome)info->outcome));
    if (info->outcome == MB_BOOT_SWAPPED_TEST) {
        board_log("app: resetting without confirming this version.");
        board_reset();
    }
    return BOARD_EXIT_OK;
}
