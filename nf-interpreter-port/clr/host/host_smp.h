/*
 * SMP transports of the simulated DK (smp_natives.h channels), loopback only:
 *   UDP on 127.0.0.1:PORT, one SMP packet per datagram, answers go to the last sender (mcumgr's UDP transport);
 *   a TCP listen socket on 127.0.0.1:PORT standing for the UART (like QEMU's -serial tcp:): one client at a time,
 *   bytes as they come; the C# server applies mcumgr's serial framing.
 * Every call is non-blocking.
 */
#ifndef HOST_SMP_H
#define HOST_SMP_H

#include <stddef.h>

#include "smp_natives.h"

#define HOST_SMP_UDP_MAX 4096u   /* largest datagram taken: above any buf_size the server reports (2475) */
#define HOST_SMP_STREAM_READ 512u /* bytes per stream read */

struct host_smp_endpoint {
    int fd;     /* the UDP socket, or the TCP listen socket */
    int client; /* TCP: the connected client, -1 when none */
    unsigned char peer[16]; /* UDP: struct sockaddr_in of the last sender */
    int has_peer;
    char name[40];
};

struct host_smp {
    struct host_smp_endpoint udp, serial;
    struct smp_channel channels[2];
    unsigned count;
};

/* Nothing open (what host_smp_close may be called on). */
void host_smp_init(struct host_smp *s);
/* Opens the ports that are not 0. 0, or -1 with a message in err. */
int host_smp_open(struct host_smp *s, int udp_port, int serial_port, char *err, size_t err_len);
void host_smp_close(struct host_smp *s);

#endif /* HOST_SMP_H */
