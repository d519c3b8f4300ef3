/* The app core's flash file mapped read only: the net core reads the update there, never writes. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mb_pcd_host.h"

static int ro_read(const struct flash_dev *dev, uint32_t addr, void *buf, size_t len)
{
    const struct mb_pcd_host_ro_flash *f = dev->ctx;
    if (addr < dev->base || addr - dev->base > dev->size || len > dev->size - (addr - dev->base))
        return FLASH_E_RANGE;
    memcpy(buf, f->data + (addr - dev->base), len);
    return FLASH_OK;
}

static int ro_write(const struct flash_dev *dev, uint32_t addr, const void *buf, size_t len)
{
    (void)dev, (void)addr, (void)buf, (void)len;
    return FLASH_E_LOCKED;
}

static int ro_erase(const struct flash_dev *dev, uint32_t addr, size_t len)
{
    (void)dev, (void)addr, (void)len;
    return FLASH_E_LOCKED;
}

static const struct flash_dev_ops ro_ops = {.read = ro_read, .write = ro_write, .erase = ro_erase};

int mb_pcd_host_ro_flash_open(struct mb_pcd_host_ro_flash *flash, const char *path, uint32_t base, uint32_t size,
                              uint32_t page_size, char *err, size_t err_len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sim_set_error(err, err_len, "cannot open app flash %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (uint64_t)st.st_size != size) {
        sim_set_error(err, err_len, "app flash %s must hold exactly %u bytes", path, (unsigned)size);
        close(fd);
        return -1;
    }
    void *data = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (data == MAP_FAILED) {
        sim_set_error(err, err_len, "cannot map app flash %s: %s", path, strerror(errno));
        return -1;
    }
    *flash = (struct mb_pcd_host_ro_flash){
        .dev = {.ops = &ro_ops, .base = base, .size = size, .page_size = page_size, .write_unit = 4,
                .erased_value = 0xFF},
        .data = data,
    };
    flash->dev.ctx = flash;
    return 0;
}

void mb_pcd_host_ro_flash_close(struct mb_pcd_host_ro_flash *flash)
{
    if (flash->data != NULL)
        munmap((void *)flash->data, flash->dev.size);
    flash->data = NULL;
}
