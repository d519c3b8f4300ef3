#include "otp_dev.h"

const char *otp_strerror(int err)
{
    switch (err) {
    case OTP_OK: return "ok";
    case OTP_E_RANGE: return "address outside the OTP area";
    case OTP_E_ALIGN: return "OTP access not aligned to a 32-bit word";
    case OTP_E_WRITTEN: return "OTP cell already programmed (a cell can be written only once)";
    case OTP_E_POWER_LOST: return "power lost during an OTP write: device unusable until reboot";
    case OTP_E_IO: return "OTP backing store failed";
    default: return "unknown OTP error";
    }
}

int otp_dev_check(const struct otp_dev *d, uint32_t addr)
{
    if (addr < d->base || addr - d->base > d->size - 4)
        return OTP_E_RANGE;
    return addr % 4 == 0 ? OTP_OK : OTP_E_ALIGN;
}
