/*
 * The one flash interface every flash user shares (bootloader stages, slot writer, NVS).
 * A board port supplies a flash_dev: the host simulator, the QEMU model, or the nRF5340 NVMC driver.
 * Addresses are absolute (as the CPU sees them); base/size describe the whole device.
 */
#ifndef FLASH_DEV_H
#define FLASH_DEV_H

#include <stddef.h>
#include <stdint.h>

/* Error codes: negative, stable, shared by every implementation. */
enum flash_err {
    FLASH_OK = 0,
    FLASH_E_RANGE = -1,       /* address/length outside the device */
    FLASH_E_ALIGN = -2,       /* write not word aligned / erase not page aligned */
    FLASH_E_NOT_ERASED = -3,  /* write would set a bit that is 0 (only 1->0 is possible) */
    FLASH_E_WRITE_LIMIT = -4, /* more than the allowed writes to one word since its erase */
    FLASH_E_LOCKED = -5,      /* region write-protected (SPU lock) */
    FLASH_E_POWER_LOST = -6,  /* simulated power cut: the device is dead until reboot */
    FLASH_E_IO = -7           /* backing store failed (host file) */
};

struct flash_dev;

struct flash_dev_ops {
    int (*read)(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len);
    /* addr and len multiples of write_unit. */
    int (*write)(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len);
    /* addr and len multiples of page_size. */
    int (*erase)(const struct flash_dev *dev, uint32_t addr, size_t len);
};

struct flash_dev {
    const struct flash_dev_ops *ops;
    uint32_t base;        /* first address */
    uint32_t size;        /* bytes */
    uint32_t page_size;   /* erase unit (nRF5340 app core: 4096) */
    uint32_t write_unit;  /* program unit (nRF5340: 4) */
    uint8_t erased_value; /* 0xFF */
    void *ctx;            /* implementation state */
};

static inline int flash_read(const struct flash_dev *d, uint32_t addr, void *buf, size_t len)
{
    return d->ops->read(d, addr, buf, len);
}

static inline int flash_write(const struct flash_dev *d, uint32_t addr, const void *buf, size_t len)
{
    return d->ops->write(d, addr, buf, len);
}

static inline int flash_erase(const struct flash_dev *d, uint32_t addr, size_t len)
{
    return d->ops->erase(d, addr, len);
}

const char *flash_strerror(int err);

/* The checks every implementation makes first: FLASH_E_RANGE unless [addr, addr + len) lies in the device,
   FLASH_E_ALIGN unless addr and len are multiples of align (1 for reads), else FLASH_OK. */
int flash_dev_check(const struct flash_dev *d, uint32_t addr, size_t len, uint32_t align);

#endif /* FLASH_DEV_H */
