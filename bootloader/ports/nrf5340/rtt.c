/*
 * A log channel a J-Link debugger reads without a UART: SEGGER RTT's documented control block, found by
 * the debugger scanning RAM for the ID "SEGGER RTT". Layout (32-bit fields): ID[16], MaxNumUpBuffers,
 * MaxNumDownBuffers, then per buffer {sName, pBuffer, SizeOfBuffer, WrOff, RdOff, Flags}; the target writes
 * WrOff, the debugger RdOff. Flags 0 = "no block, skip": a line that does not fit is dropped whole.
 */
#include <string.h>

#include "nrf5340_drivers.h"
#include "nrf_reg.h"
#include "rtt_layout.h"

static char up_data[1024];
static char down_data[16];
static const char channel_name[] = "Terminal";
static const char rtt_id[RTT_ID_SIZE] = "SEGGER RTT";

struct rtt_control_block rtt_control_block;

void rtt_init(void)
{
    struct rtt_control_block *cb = &rtt_control_block;
    memset(cb, 0, sizeof *cb);
    cb->max_up = 1;
    cb->max_down = 1;
    cb->up = (struct rtt_ring){nrf_dma_addr(channel_name), nrf_dma_addr(up_data), sizeof up_data, 0, 0, RTT_MODE_SKIP};
    cb->down = (struct rtt_ring){nrf_dma_addr(channel_name), nrf_dma_addr(down_data), sizeof down_data, 0, 0,
                                 RTT_MODE_SKIP};
    /* The ID last and from its end, so a debugger never finds a block half set up. */
    nrf_barrier();
    for (size_t i = RTT_ID_SIZE; i-- > 0;)
        ((volatile char *)cb->id)[i] = rtt_id[i];
    nrf_barrier();
}

bool rtt_write(const char *text, size_t len)
{
    struct rtt_ring *up = &rtt_control_block.up;
    const uint32_t rd = ((volatile struct rtt_ring *)up)->rd_off, wr = up->wr_off;
    const uint32_t room = rd > wr ? rd - wr - 1 : up->size - (wr - rd) - 1;
    if (len > room || wr >= up->size)
        return false;
    const size_t first = len < up->size - wr ? len : up->size - wr;
    memcpy(up_data + wr, text, first);
    memcpy(up_data, text + first, len - first);
    nrf_barrier(); /* the bytes before the offset that publishes them */
    up->wr_off = (uint32_t)((wr + len) % up->size);
    return true;
}
