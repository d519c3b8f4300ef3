/*
 * The runtime's board part on QEMU's mps2-an505 (nfclr_board.h): no pins, so System.Device.Gpio drives the
 * logging stand-in, whose lines ("gpio: P0.28 -> 0") go to UART0 with the rest of the log. No clock: the
 * runtime's virtual clock runs Thread.Sleep and timers deterministically.
 */
#include "clr.h"
#include "gpio_log_port.h"
#include "nfclr_board.h"

void nfclr_board_setup(struct clr_config *cfg)
{
    static struct gpio_log_port gpio;
    static const struct clr_native_assembly *const natives[] = {&gpio_natives_assembly};
    gpio_natives_bind(gpio_log_port_init(&gpio, cfg->hal.log_line, cfg->hal.ctx));
    cfg->natives = natives;
    cfg->native_count = sizeof natives / sizeof natives[0];
}
