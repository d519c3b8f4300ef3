/*
 * The internal calls of System.Device.Gpio's GpioController: the board's gpio_port for C#. The managed side
 * checks pin numbers against NativePinCount before every call; the checks here keep a bad caller from
 * reaching the board's driver all the same.
 */
#include "gpio_natives.h"

#include "clr_internal.h"

static const struct gpio_port *g_port;

void gpio_natives_bind(const struct gpio_port *port)
{
    g_port = port;
}

static bool valid_pin(int32_t pin)
{
    return g_port != NULL && pin >= 0 && (uint32_t)pin < g_port->pin_count;
}

static void int_result(struct clr_slot *result, int32_t value)
{
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = value};
}

static enum clr_exception pin_count(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    (void)args;
    int_result(result, g_port != NULL ? (int32_t)g_port->pin_count : 0);
    return CLR_EXC_NONE;
}

/* NativeSetPinMode(pin, mode): 0, or -1 when the pin or the mode is not supported. */
static enum clr_exception set_pin_mode(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    const int32_t pin = args[0].v.i4, mode = args[1].v.i4;
    const bool known = mode >= GPIO_MODE_INPUT && mode <= GPIO_MODE_OUTPUT;
    int_result(result, valid_pin(pin) && known ? g_port->set_mode(g_port->ctx, (uint32_t)pin, (enum gpio_mode)mode) : -1);
    return CLR_EXC_NONE;
}

static enum clr_exception write_pin(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    if (!valid_pin(args[0].v.i4))
        return clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE, "The pin number is not a pin of this board.");
    g_port->write(g_port->ctx, (uint32_t)args[0].v.i4, args[1].v.i4 != 0);
    return CLR_EXC_NONE;
}

static enum clr_exception read_pin(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    if (!valid_pin(args[0].v.i4))
        return clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE, "The pin number is not a pin of this board.");
    int_result(result, g_port->read(g_port->ctx, (uint32_t)args[0].v.i4) != 0);
    return CLR_EXC_NONE;
}

static const struct clr_native_method methods[] = {
    {"System.Device.Gpio.GpioController::NativePinCount()", pin_count},
    {"System.Device.Gpio.GpioController::NativeRead(System.Int32)", read_pin},
    {"System.Device.Gpio.GpioController::NativeSetPinMode(System.Int32,System.Int32)", set_pin_mode},
    {"System.Device.Gpio.GpioController::NativeWrite(System.Int32,System.Int32)", write_pin},
};

const struct clr_native_assembly gpio_natives_assembly = {"System.Device.Gpio", methods,
                                                          sizeof methods / sizeof methods[0]};
