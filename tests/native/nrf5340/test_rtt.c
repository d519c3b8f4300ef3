/* The RTT log buffer (rtt.c): SEGGER's documented control-block layout and the ring a debugger drains. */
#include <stddef.h>
#include <string.h>

#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_drivers.h"
#include "nrf_reg.h"
#include "rtt_layout.h"

TEST(rtt_control_block_has_the_documented_layout)
{
    CHECK_EQ(offsetof(struct rtt_control_block, id), 0);
    CHECK_EQ(offsetof(struct rtt_control_block, max_up), 16);
    CHECK_EQ(offsetof(struct rtt_control_block, max_down), 20);
    CHECK_EQ(offsetof(struct rtt_control_block, up), 24);
    CHECK_EQ(offsetof(struct rtt_control_block, down), 48);
    CHECK_EQ(offsetof(struct rtt_ring, name), 0);
    CHECK_EQ(offsetof(struct rtt_ring, buffer), 4);
    CHECK_EQ(offsetof(struct rtt_ring, size), 8);
    CHECK_EQ(offsetof(struct rtt_ring, wr_off), 12);
    CHECK_EQ(offsetof(struct rtt_ring, rd_off), 16);
    CHECK_EQ(offsetof(struct rtt_ring, flags), 20);
}

TEST(rtt_init_fills_the_block_and_the_id_a_debugger_scans_for)
{
    fake_reset();
    rtt_init();
    CHECK_MEM_EQ(rtt_control_block.id, "SEGGER RTT\0\0\0\0\0", 16);
    CHECK_EQ(rtt_control_block.max_up, 1);
    CHECK_EQ(rtt_control_block.max_down, 1);
    CHECK_EQ(rtt_control_block.up.size, 1024);
    CHECK_EQ(rtt_control_block.up.wr_off, 0);
    CHECK_EQ(rtt_control_block.up.rd_off, 0);
    CHECK_EQ(rtt_control_block.up.flags, RTT_MODE_SKIP);
    CHECK(rtt_control_block.up.buffer != 0 && rtt_control_block.up.name != 0);
}

/* What a debugger does: read from rd_off up to wr_off, then advance rd_off. */
static size_t drain(char *out, size_t cap)
{
    struct rtt_ring *up = &rtt_control_block.up;
    size_t n = 0;
    const char *data = fake_dma_ptr(up->buffer);
    while (up->rd_off != up->wr_off && n < cap) {
        out[n++] = data[up->rd_off];
        up->rd_off = (up->rd_off + 1) % up->size;
    }
    return n;
}

TEST(rtt_write_appends_and_wraps_around)
{
    fake_reset();
    rtt_init();
    char out[1100];
    char line[300];
    memset(line, 'x', sizeof line);
    for (int i = 0; i < 5; i++) { /* 1500 bytes through a 1024-byte ring, drained in between */
        line[0] = (char)('0' + i);
        CHECK(rtt_write(line, sizeof line));
        CHECK_EQ(drain(out, sizeof out), sizeof line);
        CHECK_MEM_EQ(out, line, sizeof line);
    }
}

TEST(rtt_write_drops_a_line_that_does_not_fit_whole)
{
    fake_reset();
    rtt_init();
    char line[600];
    memset(line, 'y', sizeof line);
    CHECK(rtt_write(line, sizeof line));
    CHECK(!rtt_write(line, sizeof line)); /* no debugger drained it: skipped, not cut */
    CHECK_EQ(rtt_control_block.up.wr_off, sizeof line);
    CHECK(rtt_write(line, 1023 - sizeof line)); /* exactly the room left: size - 1 bytes in all */
    CHECK(!rtt_write("z", 1));
}
