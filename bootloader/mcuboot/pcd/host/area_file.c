#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mb_pcd_host.h"

int mb_pcd_host_area_open(struct mb_pcd_host_area *area, const char *path, uint32_t size, char *err, size_t err_len)
{
    bool created;
    return backing_file_open(&area->mem, path, size, 0x00, &created, err, err_len);
}

void mb_pcd_host_area_close(struct mb_pcd_host_area *area)
{
    backing_file_close(&area->mem);
}

static void check_range(const struct mb_pcd_host_area *area, uint32_t offset, size_t len)
{
    if (offset > area->mem.size || len > area->mem.size - offset) {
        fprintf(stderr, "pcd_sram access 0x%x + %zu outside its %zu bytes\n", (unsigned)offset, len, area->mem.size);
        abort();
    }
}

void mb_pcd_host_area_read(const struct mb_pcd_host_area *area, uint32_t offset, void *buf, size_t len)
{
    check_range(area, offset, len);
    memcpy(buf, area->mem.data + offset, len);
}

void mb_pcd_host_area_write(struct mb_pcd_host_area *area, uint32_t offset, const void *buf, size_t len)
{
    check_range(area, offset, len);
    memcpy(area->mem.data + offset, buf, len);
}
