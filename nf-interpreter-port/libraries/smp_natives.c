/* The internal calls of nanoFramework.Hardware.Nrf's SmpChannel (smp_natives.h). */
#include "smp_natives.h"

#include "nrf_natives.h"

static const struct smp_channel *g_channels;
static uint32_t g_count;

void smp_natives_bind(const struct smp_channel *channels, uint32_t count)
{
    g_channels = channels;
    g_count = channels != NULL ? count : 0;
}

/* The channel of args[0], or NULL after throwing (*exc). */
static const struct smp_channel *channel(struct clr_runtime *rt, const struct clr_slot *args, enum clr_exception *exc)
{
    uint32_t index = (uint32_t)args[0].v.i4;
    *exc = index < g_count ? CLR_EXC_NONE
                           : clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE, "No SMP channel %lu on this board.",
                                       (unsigned long)index);
    return *exc == CLR_EXC_NONE ? &g_channels[index] : NULL;
}

/* The byte[] argument at args[i] with [from, from + count) inside it; NULL after throwing. */
static struct clr_array *bytes(struct clr_runtime *rt, const struct clr_slot *arg, int32_t from, int32_t count,
                               enum clr_exception *exc)
{
    struct clr_array *a = (struct clr_array *)arg->v.o;
    *exc = a == NULL ? clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL)
           : a->elem != CLR_ELEM_U1 || from < 0 || count < 0 || count > a->length - from
               ? clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE, "offset and count lie outside the array.")
               : CLR_EXC_NONE;
    return *exc == CLR_EXC_NONE ? a : NULL;
}

/* CountNative() */
enum clr_exception nrf_smp_count(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    (void)args;
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int32_t)g_count};
    return CLR_EXC_NONE;
}

/* IsStreamNative(channel) */
enum clr_exception nrf_smp_is_stream(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    const struct smp_channel *c = channel(rt, args, &exc);
    if (c != NULL)
        *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = c->stream};
    return exc;
}

/* MaxReceiveNative(channel) */
enum clr_exception nrf_smp_max_receive(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    const struct smp_channel *c = channel(rt, args, &exc);
    if (c != NULL)
        *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int32_t)c->max_receive};
    return exc;
}

/* NameNative(channel) */
enum clr_exception nrf_smp_name(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    const struct smp_channel *c = channel(rt, args, &exc);
    if (c == NULL)
        return exc;
    struct clr_string *s = clr_string_from_utf8(rt, (const uint8_t *)c->name, strlen(c->name));
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    *result = (struct clr_slot){.kind = CLR_K_O, .v.o = &s->block};
    return CLR_EXC_NONE;
}

/* ReceiveNative(channel, buffer): bytes copied, 0 when nothing arrived, <0 on a transport error. */
enum clr_exception nrf_smp_receive(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    const struct smp_channel *c = channel(rt, args, &exc);
    struct clr_array *buf = c != NULL ? bytes(rt, &args[1], 0, 0, &exc) : NULL;
    if (buf == NULL)
        return exc;
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = c->receive(c->ctx, buf->data, (uint32_t)buf->length)};
    return CLR_EXC_NONE;
}

/* SendNative(channel, buffer, offset, count): 0, or <0 when it could not be sent. */
enum clr_exception nrf_smp_send(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    const struct smp_channel *c = channel(rt, args, &exc);
    struct clr_array *buf = c != NULL ? bytes(rt, &args[1], args[2].v.i4, args[3].v.i4, &exc) : NULL;
    if (buf == NULL)
        return exc;
    *result = (struct clr_slot){.kind = CLR_K_I4,
                                .v.i4 = c->send(c->ctx, buf->data + args[2].v.i4, (uint32_t)args[3].v.i4)};
    return CLR_EXC_NONE;
}
