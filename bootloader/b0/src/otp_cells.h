/*
 * 16-bit OTP cells through the word-only otp_dev interface (the KMU accepts aligned 32-bit accesses
 * only; a 0xFFFF half of a written word leaves that cell alone).
 */
#ifndef B0_OTP_CELLS_H
#define B0_OTP_CELLS_H

#include <stdint.h>

#include "otp_dev.h"

#define OTP_CELL_BLANK 0xFFFFu

/* addr must be even. Returns an otp_err code. */
static inline int otp_read_cell(const struct otp_dev *otp, uint32_t addr, uint16_t *cell)
{
    uint32_t word;
    int err = otp_read_word(otp, addr & ~3u, &word);
    if (err == OTP_OK)
        *cell = (uint16_t)(word >> (8 * (addr & 2u)));
    return err;
}

static inline int otp_write_cell(const struct otp_dev *otp, uint32_t addr, uint16_t cell)
{
    uint32_t shift = 8 * (addr & 2u);
    uint32_t word = ~(0xFFFFu << shift) | ((uint32_t)cell << shift);
    return otp_write_word(otp, addr & ~3u, word);
}

#endif /* B0_OTP_CELLS_H */
