#include "flash_dev.h"

const char *flash_strerror(int err)
{
    switch (err) {
    case FLASH_OK: return "ok";
    case FLASH_E_RANGE: return "address or length outside the flash device";
    case FLASH_E_ALIGN: return "write not aligned to the write unit or erase not aligned to a page";
    case FLASH_E_NOT_ERASED: return "write would set a bit that is 0 (flash can only clear bits; erase first)";
    case FLASH_E_WRITE_LIMIT: return "word already written the maximum number of times since its erase";
    case FLASH_E_LOCKED: return "flash region is write-protected until reset";
    case FLASH_E_POWER_LOST: return "power lost during a flash operation: device unusable until reboot";
    case FLASH_E_IO: return "flash backing store failed";
    default: return "unknown flash error";
    }
}

int flash_dev_check(const struct flash_dev *d, uint32_t addr, size_t len, uint32_t align)
{
    if (addr < d->base || addr - d->base > d->size || len > d->size - (addr - d->base))
        return FLASH_E_RANGE;
    return addr % align != 0 || len % align != 0 ? FLASH_E_ALIGN : FLASH_OK;
}
