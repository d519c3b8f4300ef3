/*
 * The nRF5340 DK's pins (Zephyr's boards/nordic/nrf5340dk: nrf5340_cpuapp_common-pinctrl.dtsi,
 * nrf5340dk_common.dtsi). Pin numbers count P0.0..P0.31 as 0..31 and P1.n as 32 + n, as GpioController does.
 */
#ifndef NRF5340DK_PINS_H
#define NRF5340DK_PINS_H

/* UARTE0 on the interface MCU's VCOM, 115200 8N1. */
#define DK_UART0_TX 20u
#define DK_UART0_RX 22u
#define DK_UART0_RTS 19u
#define DK_UART0_CTS 21u

/* LED1..LED4 and Button1..Button4: all active low; buttons need the pull-up. */
#define DK_LED1 28u
#define DK_LED2 29u
#define DK_LED3 30u
#define DK_LED4 31u
#define DK_BUTTON1 23u
#define DK_BUTTON2 24u
#define DK_BUTTON3 8u
#define DK_BUTTON4 9u

/* The 32.768 kHz crystal's pins: MCUSEL=Peripheral for the LFXO to run (Zephyr soc.c). */
#define DK_XL1 0u
#define DK_XL2 1u

#endif /* NRF5340DK_PINS_H */
