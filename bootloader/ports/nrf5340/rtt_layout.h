/* SEGGER RTT's control block as the debugger reads it (32-bit target: every field 4 bytes). */
#ifndef RTT_LAYOUT_H
#define RTT_LAYOUT_H

#include <stdint.h>

#define RTT_ID_SIZE 16
#define RTT_MODE_SKIP 0u

struct rtt_ring {
    uint32_t name;   /* address of a NUL-terminated name */
    uint32_t buffer; /* address of the ring's bytes */
    uint32_t size;
    uint32_t wr_off; /* written by the producer */
    uint32_t rd_off; /* written by the consumer */
    uint32_t flags;
};

struct rtt_control_block {
    char id[RTT_ID_SIZE];
    int32_t max_up;
    int32_t max_down;
    struct rtt_ring up;   /* up-buffer 0: target -> debugger */
    struct rtt_ring down; /* down-buffer 0: debugger -> target */
};

_Static_assert(sizeof(struct rtt_ring) == 24, "RTT buffer descriptors are 24 bytes");
_Static_assert(sizeof(struct rtt_control_block) == 24 + 2 * 24, "RTT control block: ID, counts, one up, one down");

extern struct rtt_control_block rtt_control_block;

#endif /* RTT_LAYOUT_H */
