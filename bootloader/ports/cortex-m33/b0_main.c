/*
 * b0 on a Cortex-M33 board: the portable core (bootloader/b0) with the board's flash, OTP, retained
 * record, lock, log and jump (m33_board.h). It never returns from a successful boot; when nothing can
 * be started it logs why and halts (QEMU: exit code BOARD_EXIT_HALTED).
 */
#include "b0.h"
#include "board_partitions.h"
#include "m33_board.h"

_Static_assert(PM_S0_SIZE == PM_S1_SIZE, "b0 gives S0 and S1 one slot size");

/* NCS's default number of unconfirmed starts before b0 falls back to the other slot. */
#define MAX_UNCONFIRMED_STARTS 3

static int port_lock(void *ctx, uint32_t addr, uint32_t len)
{
    (void)ctx;
    return board_lock(addr, len);
}

static void port_log(void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    board_vlog(fmt, args);
}

static void port_boot(void *ctx, uint32_t vector_table)
{
    (void)ctx;
    board_boot(vector_table);
}

int main(void)
{
    board_b0_start();
    const struct b0_config cfg = {
        .b0_address = PM_B0_ADDRESS,
        .b0_size = PM_B0_SIZE,
        .provision_address = PM_PROVISION_ADDRESS,
        .provision_size = PM_PROVISION_SIZE,
        .slot_size = PM_S0_SIZE,
        .max_unconfirmed_starts = MAX_UNCONFIRMED_STARTS,
    };
    const struct b0_port port = {
        .flash = board_flash(),
        .otp = board_otp(),
        .record = board_boot_record(),
        .lock = port_lock,
        .log = port_log,
        .boot = port_boot,
    };
    struct b0_decision decision;
    enum b0_status st = b0_run(&cfg, &port, &decision);
    board_log("b0 halted: %s.", b0_status_text(st));
    return BOARD_EXIT_HALTED;
}
