/*
 * One-time-programmable memory, as b0 uses it for provisioning data and monotonic counters.
 * The nRF5340 emulates OTP in UICR through the KMU: 16-bit cells, accessed as full aligned 32-bit
 * words; a cell can be programmed once (only a cell reading 0xFFFF can be written) and is never
 * erased. Writing 0xFFFF into a cell leaves it unchanged, so one half of a word can be written
 * alone (0x1234FFFF over 0xFFFFAABB gives 0x1234AABB).
 * A board port supplies an otp_dev: the host simulator, the QEMU model, or the nRF5340 UICR driver.
 * Addresses are absolute (as the CPU sees them).
 */
#ifndef OTP_DEV_H
#define OTP_DEV_H

#include <stdint.h>

/* Error codes: negative, stable, shared by every implementation. */
enum otp_err {
    OTP_OK = 0,
    OTP_E_RANGE = -1,      /* address outside the OTP area */
    OTP_E_ALIGN = -2,      /* address not 32-bit aligned */
    OTP_E_WRITTEN = -3,    /* a cell to be written is already programmed (not 0xFFFF) */
    OTP_E_POWER_LOST = -4, /* simulated power cut: the device is dead until reboot */
    OTP_E_IO = -5          /* backing store failed (host file) */
};

struct otp_dev;

struct otp_dev_ops {
    int (*read_word)(const struct otp_dev *dev, uint32_t addr, uint32_t *value);
    /* Programs the cells of `value` that are not 0xFFFF; refuses the whole word if one is taken. */
    int (*write_word)(const struct otp_dev *dev, uint32_t addr, uint32_t value);
};

struct otp_dev {
    const struct otp_dev_ops *ops;
    uint32_t base; /* first address (nRF5340 app core: UICR.OTP at 0x00FF8100) */
    uint32_t size; /* bytes (nRF5340: 192 words = 0x300) */
    void *ctx;     /* implementation state */
};

static inline int otp_read_word(const struct otp_dev *d, uint32_t addr, uint32_t *value)
{
    return d->ops->read_word(d, addr, value);
}

static inline int otp_write_word(const struct otp_dev *d, uint32_t addr, uint32_t value)
{
    return d->ops->write_word(d, addr, value);
}

const char *otp_strerror(int err);

/* The checks every implementation makes first: OTP_E_RANGE unless the word at addr lies in the area,
   OTP_E_ALIGN unless addr is word aligned, else OTP_OK. */
int otp_dev_check(const struct otp_dev *d, uint32_t addr);

#endif /* OTP_DEV_H */
