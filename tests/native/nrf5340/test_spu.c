/* SPU flash-region locks (spu.c) as b0 and the second stage use them: NCS fprotect's PERM, until reset. */
#include "board_partitions.h"
#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

TEST(spu_lock_sets_fprotect_permissions_on_every_16k_region)
{
    fake_reset();
    CHECK_EQ(spu_flash_lock(PM_B0_ADDRESS, PM_B0_SIZE), FLASH_OK); /* b0: 32 KiB = regions 0 and 1 */
    CHECK(fake_find_write(0, NRF_SPU + SPU_FLASHREGION_PERM(0), 0x115) >= 0);
    CHECK(fake_find_write(0, NRF_SPU + SPU_FLASHREGION_PERM(1), 0x115) >= 0);
    CHECK_EQ(fake_find_write(0, NRF_SPU + SPU_FLASHREGION_PERM(2), 0x115), -1);
    CHECK(!spu_flash_writable(PM_B0_ADDRESS));
    CHECK(!spu_flash_writable(PM_B0_ADDRESS + PM_B0_SIZE - 4));
    CHECK(spu_flash_writable(PM_B0_ADDRESS + PM_B0_SIZE));
}

TEST(spu_lock_holds_until_reset)
{
    fake_reset();
    CHECK_EQ(spu_flash_lock(PM_S0_ADDRESS, PM_S0_SIZE), FLASH_OK);
    /* Anything may try to open the region again: LOCK keeps it closed. */
    const uint32_t region = PM_S0_ADDRESS / MEM_FLASH_LOCK_REGION;
    nrf_reg_write(NRF_SPU + SPU_FLASHREGION_PERM(region), 0x17);
    CHECK(!spu_flash_writable(PM_S0_ADDRESS));
    fake_reset(); /* a reset opens it */
    CHECK(spu_flash_writable(PM_S0_ADDRESS));
}

TEST(spu_lock_refuses_unaligned_and_out_of_range)
{
    fake_reset();
    CHECK_EQ(spu_flash_lock(PM_S0_IMAGE_ADDRESS, 0x4000), FLASH_E_ALIGN); /* 0x8200: not a region start */
    CHECK_EQ(spu_flash_lock(PM_S0_ADDRESS, 0x1000), FLASH_E_ALIGN);
    CHECK_EQ(spu_flash_lock(MEM_FLASH_SIZE - 0x4000, 0x8000), FLASH_E_RANGE);
    const struct fake_access *log;
    CHECK_EQ(fake_log(&log), 0);
}

TEST(spu_lock_reports_a_region_locked_earlier_with_write_allowed)
{
    fake_reset();
    nrf_reg_write(NRF_SPU + SPU_FLASHREGION_PERM(4), 0x17 | SPU_PERM_LOCK); /* someone locked it writable */
    CHECK_EQ(spu_flash_lock(4 * MEM_FLASH_LOCK_REGION, MEM_FLASH_LOCK_REGION), FLASH_E_IO);
}

TEST(spu_extdomain_secure_sets_secattr)
{
    fake_reset();
    spu_extdomain_secure();
    CHECK(fake_find_write(0, NRF_SPU + SPU_EXTDOMAIN_PERM(0), 1u << 4) >= 0);
}
