/*
 * nanoFramework.Hardware.Nrf's internal calls for SMP transports (SmpChannel): the board's channels, each
 * either datagrams (one SMP packet per receive: UDP, BLE writes) or a byte stream (a UART, or the host's TCP
 * socket standing for one; the C# server applies mcumgr's serial framing). Receive never blocks: C# polls it
 * between short sleeps, so other managed threads keep running.
 */
#ifndef SMP_NATIVES_H
#define SMP_NATIVES_H

#include <stdbool.h>
#include <stdint.h>

struct smp_channel {
    const char *name;     /* e.g. "udp 127.0.0.1:1337", for the app's "ready" line */
    bool stream;          /* true: bytes of a stream; false: one datagram per receive */
    uint32_t max_receive; /* largest datagram (or stream read) */
    /* Copies what has arrived (one datagram, or the stream bytes available, at most cap): bytes, 0 for none, <0 error. */
    int (*receive)(void *ctx, uint8_t *buf, uint32_t cap);
    /* Sends one datagram (to whoever sent the last one) or stream bytes: 0, or <0 when nobody listens. */
    int (*send)(void *ctx, const uint8_t *buf, uint32_t len);
    void *ctx;
};

/* The board's channels (used in place; count 0: none). */
void smp_natives_bind(const struct smp_channel *channels, uint32_t count);

#endif /* SMP_NATIVES_H */
