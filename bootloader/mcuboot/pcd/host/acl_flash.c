/* The net core's ACL write protection (2 KiB pages) as a wrapper around its flash_dev. */
#include "mb_pcd_host.h"

static const struct mb_pcd_host_acl_flash *acl(const struct flash_dev *dev)
{
    return dev->ctx;
}

static bool touches_lock(const struct mb_pcd_host_acl_flash *f, uint32_t addr, size_t len)
{
    for (unsigned i = 0; i < f->count; i++) {
        if ((uint64_t)addr < (uint64_t)f->locked[i].addr + f->locked[i].len &&
            f->locked[i].addr < (uint64_t)addr + len)
            return true;
    }
    return false;
}

static int acl_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    return flash_read(acl(dev)->inner, addr, buf, len);
}

static int acl_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    return touches_lock(acl(dev), addr, len) ? FLASH_E_LOCKED : flash_write(acl(dev)->inner, addr, buf, len);
}

static int acl_erase(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    return touches_lock(acl(dev), addr, len) ? FLASH_E_LOCKED : flash_erase(acl(dev)->inner, addr, len);
}

static const struct flash_dev_ops acl_ops = {.read = acl_read, .write = acl_write, .erase = acl_erase};

void mb_pcd_host_acl_flash_init(struct mb_pcd_host_acl_flash *flash, const struct flash_dev *inner)
{
    *flash = (struct mb_pcd_host_acl_flash){.dev = *inner, .inner = inner};
    flash->dev.ops = &acl_ops;
    flash->dev.ctx = flash;
}

int mb_pcd_host_acl_lock(struct mb_pcd_host_acl_flash *flash, uint32_t addr, uint32_t len)
{
    const struct flash_dev *d = flash->inner;
    if (addr % d->page_size != 0 || len % d->page_size != 0)
        return FLASH_E_ALIGN;
    if (addr < d->base || (uint64_t)addr + len > (uint64_t)d->base + d->size)
        return FLASH_E_RANGE;
    if (flash->count == MB_PCD_HOST_ACL_RANGES)
        return FLASH_E_IO;
    flash->locked[flash->count].addr = addr;
    flash->locked[flash->count].len = len;
    flash->count++;
    return FLASH_OK;
}
