/* The nRF5340 app core's RESET.RESETREAS bits, as text for the boot log. */
#ifndef MB_RESET_REASON_H
#define MB_RESET_REASON_H

#include <stddef.h>
#include <stdint.h>

/* Writes e.g. "pin reset, watchdog 0" (or "power-on" when no bit is set) into buf; returns buf. */
const char *mb_reset_reason_text(uint32_t resetreas, char *buf, size_t len);

#endif /* MB_RESET_REASON_H */
