/* Loopback UDP and TCP endpoints for SMP on the host (host_smp.h). */
#define _POSIX_C_SOURCE 200809L

#include "host_smp.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

_Static_assert(sizeof(struct sockaddr_in) <= sizeof(((struct host_smp_endpoint *)0)->peer), "peer holds an IPv4 address");

static int nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL, 0);
    return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static int open_endpoint(struct host_smp_endpoint *e, int type, int port, char *err, size_t err_len)
{
    const char *kind = type == SOCK_DGRAM ? "udp" : "serial (tcp)";
    *e = (struct host_smp_endpoint){.fd = socket(AF_INET, type, 0), .client = -1};
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    if (e->fd < 0 || setsockopt(e->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(e->fd, (struct sockaddr *)&addr, sizeof addr) != 0 || (type == SOCK_STREAM && listen(e->fd, 1) != 0) ||
        nonblocking(e->fd) != 0) {
        snprintf(err, err_len, "cannot open the SMP %s endpoint 127.0.0.1:%d: %s", kind, port, strerror(errno));
        if (e->fd >= 0)
            close(e->fd);
        e->fd = -1;
        return -1;
    }
    snprintf(e->name, sizeof e->name, "%s 127.0.0.1:%d", type == SOCK_DGRAM ? "udp" : "serial", port);
    return 0;
}

static int udp_receive(void *ctx, uint8_t *buf, uint32_t cap)
{
    struct host_smp_endpoint *e = ctx;
    struct sockaddr_in from;
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(e->fd, buf, cap, MSG_TRUNC, (struct sockaddr *)&from, &len);
    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
    memcpy(e->peer, &from, sizeof from);
    e->has_peer = 1;
    return (size_t)n > cap ? 0 : (int)n; /* a datagram larger than the buffer is dropped, as a full netbuf would */
}

static int udp_send(void *ctx, const uint8_t *buf, uint32_t len)
{
    struct host_smp_endpoint *e = ctx;
    if (!e->has_peer)
        return -1;
    return sendto(e->fd, buf, len, 0, (const struct sockaddr *)e->peer, sizeof(struct sockaddr_in)) == (ssize_t)len
               ? 0
               : -1;
}

static void drop_client(struct host_smp_endpoint *e)
{
    close(e->client);
    e->client = -1;
}

static int stream_receive(void *ctx, uint8_t *buf, uint32_t cap)
{
    struct host_smp_endpoint *e = ctx;
    if (e->client < 0) {
        e->client = accept(e->fd, NULL, NULL);
        if (e->client < 0)
            return 0;
        if (nonblocking(e->client) != 0)
            drop_client(e);
        return 0;
    }
    ssize_t n = recv(e->client, buf, cap, 0);
    if (n > 0)
        return (int)n;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
        drop_client(e); /* the client left: wait for the next one */
    return 0;
}

static int stream_send(void *ctx, const uint8_t *buf, uint32_t len)
{
    struct host_smp_endpoint *e = ctx;
    uint32_t sent = 0;
    while (e->client >= 0 && sent < len) {
        ssize_t n = send(e->client, buf + sent, len - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += (uint32_t)n;
            continue;
        }
        struct pollfd p = {.fd = e->client, .events = POLLOUT};
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && poll(&p, 1, 1000) == 1)
            continue;
        drop_client(e);
    }
    return sent == len ? 0 : -1;
}

void host_smp_init(struct host_smp *s)
{
    *s = (struct host_smp){.udp = {.fd = -1, .client = -1}, .serial = {.fd = -1, .client = -1}};
}

int host_smp_open(struct host_smp *s, int udp_port, int serial_port, char *err, size_t err_len)
{
    host_smp_init(s);
    if (udp_port != 0) {
        if (open_endpoint(&s->udp, SOCK_DGRAM, udp_port, err, err_len) != 0)
            return -1;
        s->channels[s->count++] = (struct smp_channel){s->udp.name, false, HOST_SMP_UDP_MAX, udp_receive, udp_send,
                                                       &s->udp};
    }
    if (serial_port != 0) {
        if (open_endpoint(&s->serial, SOCK_STREAM, serial_port, err, err_len) != 0) {
            host_smp_close(s);
            return -1;
        }
        s->channels[s->count++] = (struct smp_channel){s->serial.name, true, HOST_SMP_STREAM_READ, stream_receive,
                                                       stream_send, &s->serial};
    }
    return 0;
}

void host_smp_close(struct host_smp *s)
{
    struct host_smp_endpoint *all[] = {&s->udp, &s->serial};
    for (unsigned i = 0; i < 2; i++) {
        if (all[i]->client >= 0)
            drop_client(all[i]);
        if (all[i]->fd >= 0)
            close(all[i]->fd);
        all[i]->fd = -1;
    }
    s->count = 0;
}
