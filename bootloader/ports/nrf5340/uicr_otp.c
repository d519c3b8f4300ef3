/*
 * The UICR OTP (the provisioning area) as an otp_dev (otp_dev.h). PS-KMU: every access is a whole aligned
 * word; each 16-bit half can be written once, only while it reads 0xFFFF; a half written as 0xFFFF is left
 * alone. The word goes through the NVMC's normal write path (CONFIG=Wen), as nrfx writes UICR. Only ERASEALL
 * clears UICR, so a taken half is refused here before anything is written, and the word is read back.
 */
#include "board_partitions.h"
#include "nrf5340_drivers.h"
#include "nrf_reg.h"

#define HALF_BLANK 0xFFFFu

static int otp_read(const struct otp_dev *d, uint32_t addr, uint32_t *value)
{
    int rc = otp_dev_check(d, addr);
    if (rc == OTP_OK)
        *value = nrf_reg_read(addr);
    return rc;
}

static int otp_write(const struct otp_dev *d, uint32_t addr, uint32_t value)
{
    int rc = otp_dev_check(d, addr);
    if (rc != OTP_OK)
        return rc;
    const uint32_t old = nrf_reg_read(addr);
    uint32_t expect = old;
    for (unsigned shift = 0; shift <= 16; shift += 16) {
        const uint32_t half = (value >> shift) & 0xFFFFu;
        if (half == HALF_BLANK)
            continue;
        if (((old >> shift) & 0xFFFFu) != HALF_BLANK)
            return OTP_E_WRITTEN;
        expect = (expect & ~(0xFFFFu << shift)) | half << shift;
    }
    if (expect == old)
        return OTP_OK; /* nothing to program */
    if (nvmc_program_word(addr, value) != FLASH_OK)
        return OTP_E_IO;
    return nrf_reg_read(addr) == expect ? OTP_OK : OTP_E_IO;
}

static const struct otp_dev_ops ops = {.read_word = otp_read, .write_word = otp_write};

static const struct otp_dev otp = {.ops = &ops, .base = MEM_OTP_BASE, .size = MEM_OTP_SIZE};

const struct otp_dev *uicr_otp(void)
{
    return &otp;
}
