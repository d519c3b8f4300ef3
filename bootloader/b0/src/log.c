#include <stdarg.h>

#include "b0_log.h"

void b0_log(const struct b0_port *port, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    port->log(port->ctx, fmt, args);
    va_end(args);
}

void b0_hex(char *out, const uint8_t *bytes, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 0x0F];
    }
    out[2 * n] = '\0';
}

enum b0_status b0_flash_status(int err)
{
    return err == FLASH_E_POWER_LOST ? B0_E_POWER_LOST : B0_E_FLASH;
}

enum b0_status b0_otp_status(int err)
{
    return err == OTP_E_POWER_LOST ? B0_E_POWER_LOST : B0_E_OTP;
}
