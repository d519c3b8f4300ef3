/*
 * The parts of m33_board.h the AN505 has nothing for: no RESETREAS (0, reported as a power-on reset), no
 * net core, no watchdog; the jump and reset are the Cortex-M33's own.
 */
#include "an505_port.h"

void board_early_init(void)
{
}

uint32_t board_reset_reason(void)
{
    return 0;
}

const struct mb_pcd_app_port *board_pcd(void)
{
    return NULL; /* the loader refuses net-core images */
}

void board_watchdog_feed(void)
{
}

noreturn void board_boot(uint32_t vector_table)
{
    cm33_boot(vector_table);
}

noreturn void board_reset(void)
{
    cm33_reset(); /* RAM is kept; the reset stub restores flash from the flash file, as the chip keeps it */
}
