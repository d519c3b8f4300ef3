/* Log and device-error helpers shared by b0's source files (not part of the public interface). */
#ifndef B0_LOG_H
#define B0_LOG_H

#include <stddef.h>
#include <stdint.h>

#include "b0_port.h"
#include "b0_status.h"

void b0_log(const struct b0_port *port, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Lower-case hex of bytes[0..n) into out (2n + 1 bytes). */
void b0_hex(char *out, const uint8_t *bytes, size_t n);

/* Maps a flash_err / otp_err code to B0_E_POWER_LOST or the device's generic error. */
enum b0_status b0_flash_status(int err);
enum b0_status b0_otp_status(int err);

#endif /* B0_LOG_H */
