/*
 * The nRF5340's UICR OTP on the AN505: emulator RAM at MEM_OTP_BASE + an505_otp_offset (the AN505
 * has nothing at the nRF5340 address), with the rules of bootloader/common/include/otp_dev.h:
 * aligned 32-bit access, 16-bit cells programmable once, 0xFFFF in a value leaves its cell alone.
 */
#include "an505_port.h"
#include "board_partitions.h"

extern const char an505_otp_offset[]; /* a value, not an object: see an505.ld */

#define CELL_BLANK 0xFFFFu

static volatile uint32_t *word_at(const struct otp_dev *d, uint32_t addr)
{
    (void)d;
    return (volatile uint32_t *)((uintptr_t)an505_otp_offset + addr);
}

static int model_read_word(const struct otp_dev *d, uint32_t addr, uint32_t *value)
{
    int rc = otp_dev_check(d, addr);
    if (rc == OTP_OK)
        *value = *word_at(d, addr);
    return rc;
}

static int model_write_word(const struct otp_dev *d, uint32_t addr, uint32_t value)
{
    int rc = otp_dev_check(d, addr);
    if (rc != OTP_OK)
        return rc;
    const uint32_t old = *word_at(d, addr);
    uint32_t result = old;
    for (unsigned shift = 0; shift <= 16; shift += 16) {
        const uint16_t cell = (uint16_t)(old >> shift), next = (uint16_t)(value >> shift);
        if (next == CELL_BLANK)
            continue; /* masked: this cell is left alone */
        if (cell != CELL_BLANK)
            return OTP_E_WRITTEN; /* the whole word is refused */
        result &= ~((uint32_t)(uint16_t)~next << shift);
    }
    *word_at(d, addr) = result;
    return OTP_OK;
}

static const struct otp_dev_ops model_ops = {.read_word = model_read_word, .write_word = model_write_word};

static const struct otp_dev otp = {.ops = &model_ops, .base = MEM_OTP_BASE, .size = MEM_OTP_SIZE};

const struct otp_dev *board_otp(void)
{
    return &otp;
}
