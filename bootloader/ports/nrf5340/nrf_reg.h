/*
 * The one door to the nRF5340's registers. Every driver of this port reads and writes peripherals, flash
 * and UICR through these calls only, so the same driver source runs against the chip (Cortex-M33 build:
 * plain volatile accesses at the documented addresses) and against the register-level models of the host
 * tests (NRF_REG_FAKE: tests/native/nrf5340/fake_regs.c, which checks what the driver asks of the hardware).
 */
#ifndef NRF_REG_H
#define NRF_REG_H

#include <stdint.h>

#ifdef NRF_REG_FAKE

uint32_t nrf_reg_read(uint32_t addr);
void nrf_reg_write(uint32_t addr, uint32_t value);
/* The bus address EasyDMA is given for a buffer (on the host: an address the model maps back). */
uint32_t nrf_dma_addr(const void *buffer);
void nrf_delay_us(uint32_t us);
void nrf_barrier(void);

#else

static inline uint32_t nrf_reg_read(uint32_t addr)
{
    return *(const volatile uint32_t *)(uintptr_t)addr;
}

static inline void nrf_reg_write(uint32_t addr, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)addr = value;
}

static inline uint32_t nrf_dma_addr(const void *buffer)
{
    return (uint32_t)(uintptr_t)buffer;
}

/* Data memory barrier: a flash word is written before READY/READYNEXT is polled again (as nrfx does). */
static inline void nrf_barrier(void)
{
    __asm__ volatile("dmb" ::: "memory");
}

/* Busy wait of at least `us` microseconds at up to 128 MHz (about 4 cycles per iteration). */
static inline void nrf_delay_us(uint32_t us)
{
    for (volatile uint32_t n = us * 32u; n > 0; n--) {
    }
}

#endif

#endif /* NRF_REG_H */
