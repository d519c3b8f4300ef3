/*
 * The SPU's flash regions and the net core's bus domain. Regions are MEM_FLASH_LOCK_REGION (16 KiB on
 * production silicon, Zephyr's soc/nordic/nrf53/Kconfig). A lock is NCS's fprotect: secure, read + execute,
 * no write, LOCK ("can't be changed until the next reset", MDK), so it outlives the jump to the next stage
 * and is undone only by a reset. Writing a locked region raises FLASHACCERR on the bus: nvmc.c asks
 * spu_flash_writable first and refuses instead.
 */
#include "board_partitions.h"
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

#define LOCKED_PERM (SPU_PERM_SECATTR | SPU_PERM_READ | SPU_PERM_EXECUTE | SPU_PERM_LOCK) /* 0x115 */

_Static_assert(MEM_FLASH_SIZE / MEM_FLASH_LOCK_REGION <= 64, "the SPU has 64 flash regions");

static uint32_t region_of(uint32_t addr)
{
    return (addr - MEM_FLASH_BASE) / MEM_FLASH_LOCK_REGION;
}

int spu_flash_lock(uint32_t addr, uint32_t len)
{
    const int rc = flash_dev_check(nvmc_flash(), addr, len, MEM_FLASH_LOCK_REGION);
    if (rc != FLASH_OK)
        return rc;
    for (uint32_t a = addr; a < addr + len; a += MEM_FLASH_LOCK_REGION) {
        const uint32_t reg = NRF_SPU + SPU_FLASHREGION_PERM(region_of(a));
        nrf_reg_write(reg, LOCKED_PERM);
        /* A region locked earlier with other permissions ignores the write: check what holds. */
        if ((nrf_reg_read(reg) & (SPU_PERM_LOCK | SPU_PERM_WRITE)) != SPU_PERM_LOCK)
            return FLASH_E_IO;
    }
    return FLASH_OK;
}

bool spu_flash_writable(uint32_t addr)
{
    return (nrf_reg_read(NRF_SPU + SPU_FLASHREGION_PERM(region_of(addr))) & SPU_PERM_WRITE) != 0;
}

void spu_extdomain_secure(void)
{
    nrf_reg_write(NRF_SPU + SPU_EXTDOMAIN_PERM(0), SPU_PERM_SECATTR);
}
