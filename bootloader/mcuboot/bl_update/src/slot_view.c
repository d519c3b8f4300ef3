#include "slot_view.h"

static int view_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    const struct slot_view *view = dev->ctx;
    if (addr < dev->base || (uint64_t)addr + len > (uint64_t)dev->base + dev->size)
        return FLASH_E_RANGE;
    return flash_read(view->real, view->upload_addr + (addr - dev->base), buf, len);
}

/* The view only ever serves checks: a write through it would be a bug. */
static int view_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    (void)dev, (void)addr, (void)buf, (void)len;
    return FLASH_E_LOCKED;
}

static int view_erase(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    (void)dev, (void)addr, (void)len;
    return FLASH_E_LOCKED;
}

static const struct flash_dev_ops view_ops = {view_read, view_write, view_erase};

void slot_view_init(struct slot_view *view, const struct flash_dev *real, uint32_t slot_start, uint32_t slot_size,
                    uint32_t upload_addr)
{
    view->real = real;
    view->upload_addr = upload_addr;
    view->dev = (struct flash_dev){
        .ops = &view_ops,
        .base = slot_start,
        .size = slot_size,
        .page_size = real->page_size,
        .write_unit = real->write_unit,
        .erased_value = real->erased_value,
        .ctx = view,
    };
}
