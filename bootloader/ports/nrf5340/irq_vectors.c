/*
 * The app core's 69 interrupt lines (IRQn 0..68, CRYPTOCELL last; MDK nrf5340_application.h), placed by the
 * linker script behind the 16 system vectors. No stage enables an interrupt yet, so every line goes to the
 * fault handler, which logs and halts rather than running into an empty slot.
 */
#include "m33_board.h"

#define IRQ_LINES 69

noreturn void board_fault_handler(void);

typedef void (*vector)(void);

#define V4 board_fault_handler, board_fault_handler, board_fault_handler, board_fault_handler
#define V16 V4, V4, V4, V4

__attribute__((section(".vectors.irq"), used)) const vector board_irq_vectors[IRQ_LINES] = {
    V16, V16, V16, V16, V4, board_fault_handler,
};
