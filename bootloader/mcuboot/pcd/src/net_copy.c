#include <inttypes.h>
#include <string.h>

#include "net_copy.h"
#include "pcd_log.h"

#define LOG(port, ...) pcd_log((port)->log, (port)->ctx, __VA_ARGS__)
#define PIECE 512u /* NCS's CONFIG_PCD_BUF_SIZE; a multiple of every write unit */

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

static int failed(const struct mb_pcd_net_port *port, const char *what, uint32_t addr, int err)
{
    LOG(port, "Failed to transfer image: cannot %s at 0x%08" PRIx32 ": %s.", what, addr, flash_strerror(err));
    return err;
}

/* Writes one page's share of the image; the page is erased. */
static int write_page(const struct mb_pcd_net_port *port, uint32_t dst, uint32_t src, uint32_t len)
{
    const struct flash_dev *net = port->net_flash;
    uint8_t piece[PIECE];
    for (uint32_t done = 0; done < len;) {
        uint32_t n = min_u32(PIECE, len - done);
        int err = flash_read(port->app_flash, src + done, piece, n);
        if (err != FLASH_OK)
            return failed(port, "read the update", src + done, err);
        uint32_t padded = (n + net->write_unit - 1) / net->write_unit * net->write_unit;
        if (padded > PIECE)
            return failed(port, "pad a piece to the write unit", dst + done, FLASH_E_ALIGN);
        memset(piece + n, 0xFF, padded - n);
        err = flash_write(net, dst + done, piece, padded);
        if (err != FLASH_OK)
            return failed(port, "write net flash", dst + done, err);
        done += n;
    }
    return FLASH_OK;
}

int net_copy(const struct mb_pcd_net_port *port, uint32_t dst, uint32_t src, uint32_t len)
{
    const uint32_t page = port->net_flash->page_size;
    for (uint32_t off = 0; off < len; off += page) {
        int err = flash_erase(port->net_flash, dst + off, page);
        if (err != FLASH_OK)
            return failed(port, "erase net flash page", dst + off, err);
        err = write_page(port, dst + off, src + off, min_u32(page, len - off));
        if (err != FLASH_OK)
            return err;
    }
    return FLASH_OK;
}
