/* The register-level model of fake_regs.h. Addresses and fields come from nrf5340_regs.h, as the drivers'. */
#include "fake_regs.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "board_partitions.h"
#include "nrf5340_regs.h"
#include "nrf_reg.h"

#define BUSY_POLLS 3u  /* READY reads 0 this many times after an operation */
#define EVENT_POLLS 2u /* an event shows this many polls after its cause */
#define SPU_PERM_RESET 0x17u
#define UICR_BASE 0x00FF8000u
#define UICR_SIZE 0x1000u
#define P1_BASE NRF_P1
#define RAM_BASE 0x20000000u
#define DMA_SLOT 0x1000u
#define DMA_SLOTS 64u
#define LOG_CAP 8192u
#define REG_SLOTS 4096u

static uint32_t flash[MEM_FLASH_SIZE / 4];
static uint8_t writes[MEM_FLASH_SIZE / 4];
static unsigned erases[MEM_FLASH_SIZE / MEM_FLASH_PAGE_SIZE];
static uint32_t uicr[UICR_SIZE / 4];

static struct {
    uint32_t addr, value;
    bool used;
} regs[REG_SLOTS];

static struct fake_access log_entries[LOG_CAP];
static size_t log_len;
static int violations;
static char first_violation[256];

static unsigned busy_left, busy_polls;
static bool nvmc_stuck, tx_stall, clock_broken;
static char sent[8192];
static size_t sent_len;
static uint8_t rx_queue[2048];
static size_t rx_len;
static struct {
    bool running;
    uint8_t *dst;
    uint32_t max, count;
} rx; /* the EasyDMA reception in progress */
static uint32_t gpio_in[2];
static uint32_t rtc_counter;
static bool rtc_running;
static unsigned wdt_reloads;
static const void *dma[DMA_SLOTS];

/* A pending event: `addr` reads 1 after `polls` more reads. */
static struct {
    uint32_t addr;
    unsigned polls;
} pending[8];

static void violation(const char *fmt, ...)
{
    if (violations++ == 0) {
        va_list args;
        va_start(args, fmt);
        vsnprintf(first_violation, sizeof first_violation, fmt, args);
        va_end(args);
    }
}

static uint32_t *slot(uint32_t addr)
{
    uint32_t i = (addr * 2654435761u) % REG_SLOTS;
    while (regs[i].used && regs[i].addr != addr)
        i = (i + 1) % REG_SLOTS;
    if (!regs[i].used) {
        regs[i].used = true;
        regs[i].addr = addr;
        regs[i].value = 0;
    }
    return &regs[i].value;
}

static uint32_t get(uint32_t addr)
{
    return *slot(addr);
}

static void set(uint32_t addr, uint32_t value)
{
    *slot(addr) = value;
}

static void raise_later(uint32_t addr)
{
    for (size_t i = 0; i < sizeof pending / sizeof pending[0]; i++) {
        if (pending[i].addr == 0) {
            pending[i].addr = addr;
            pending[i].polls = EVENT_POLLS;
            return;
        }
    }
    violation("model: too many pending events");
}

void fake_reset(void)
{
    memset(flash, 0xFF, sizeof flash);
    memset(writes, 0, sizeof writes);
    memset(erases, 0, sizeof erases);
    memset(uicr, 0xFF, sizeof uicr);
    memset(regs, 0, sizeof regs);
    memset(pending, 0, sizeof pending);
    memset(dma, 0, sizeof dma);
    log_len = 0;
    violations = 0;
    first_violation[0] = '\0';
    busy_left = busy_polls = 0;
    nvmc_stuck = tx_stall = clock_broken = false;
    sent_len = rx_len = 0;
    memset(&rx, 0, sizeof rx);
    gpio_in[0] = gpio_in[1] = 0;
    rtc_counter = 0;
    rtc_running = false;
    wdt_reloads = 0;
    set(NRF_NVMC + NVMC_READY, 1);
    for (uint32_t n = 0; n < 64; n++)
        set(NRF_SPU + SPU_FLASHREGION_PERM(n), SPU_PERM_RESET);
    for (uint32_t n = 0; n < 32; n++) {
        set(NRF_P0 + GPIO_PIN_CNF(n), PIN_CNF_INPUT_DISCONNECT);
        set(P1_BASE + GPIO_PIN_CNF(n), PIN_CNF_INPUT_DISCONNECT);
    }
    set(NRF_UARTE0 + UARTE_PSEL_TXD, PSEL_DISCONNECTED);
    set(NRF_UARTE0 + UARTE_PSEL_RXD, PSEL_DISCONNECTED);
}

int fake_violations(void)
{
    return violations;
}

const char *fake_first_violation(void)
{
    return first_violation;
}

static void record(enum fake_kind kind, uint32_t addr, uint32_t value)
{
    if (log_len < LOG_CAP)
        log_entries[log_len++] = (struct fake_access){kind, addr, value};
}

size_t fake_log(const struct fake_access **entries)
{
    *entries = log_entries;
    return log_len;
}

long fake_find_write(size_t from, uint32_t addr, uint32_t value)
{
    for (size_t i = from; i < log_len; i++) {
        if (log_entries[i].kind == FAKE_WRITE && log_entries[i].addr == addr && log_entries[i].value == value)
            return (long)i;
    }
    return -1;
}

/* --- EasyDMA: buffers get bus addresses in RAM; anything else is a driver bug --- */

uint32_t nrf_dma_addr(const void *buffer)
{
    for (uint32_t i = 0; i < DMA_SLOTS; i++) {
        if (dma[i] == buffer || dma[i] == NULL) {
            dma[i] = buffer;
            return RAM_BASE + i * DMA_SLOT;
        }
    }
    violation("model: too many DMA buffers");
    return 0;
}

static uint8_t *dma_at(uint32_t addr, uint32_t len)
{
    const uint32_t i = (addr - RAM_BASE) / DMA_SLOT;
    if (addr < RAM_BASE || i >= DMA_SLOTS || dma[i] == NULL || len > DMA_SLOT) {
        violation("EasyDMA pointer 0x%08x is not a RAM buffer", (unsigned)addr);
        return NULL;
    }
    return (uint8_t *)(uintptr_t)dma[i] + (addr - RAM_BASE) % DMA_SLOT;
}

void *fake_dma_ptr(uint32_t addr)
{
    return dma_at(addr, 0);
}

void nrf_delay_us(uint32_t us)
{
    record(FAKE_DELAY, 0, us);
}

void nrf_barrier(void)
{
}

/* --- NVMC, flash and UICR --- */

static uint32_t nvmc_mode(void)
{
    return get(NRF_NVMC + NVMC_CONFIG) & 7u;
}

static void flash_write(uint32_t addr, uint32_t value)
{
    const uint32_t word = addr / 4, region = addr / MEM_FLASH_LOCK_REGION;
    if (addr % 4 != 0) {
        violation("unaligned flash write at 0x%08x (a hard fault on the chip)", (unsigned)addr);
        return;
    }
    if ((get(NRF_SPU + SPU_FLASHREGION_PERM(region)) & SPU_PERM_WRITE) == 0) {
        set(NRF_SPU + SPU_EVENTS_FLASHACCERR, 1);
        violation("write to SPU-locked flash at 0x%08x (FLASHACCERR, a bus fault on the chip)", (unsigned)addr);
        return;
    }
    if (busy_left > 0 || nvmc_stuck)
        violation("flash write at 0x%08x while the NVMC is busy", (unsigned)addr);
    const uint32_t mode = nvmc_mode();
    if (mode == NVMC_CONFIG_EEN) {
        if (value != 0xFFFFFFFFu || addr % MEM_FLASH_PAGE_SIZE != 0) {
            violation("erase-enabled write of 0x%08x to 0x%08x: a page erase is 0xFFFFFFFF to its first word",
                      (unsigned)value, (unsigned)addr);
            return;
        }
        memset(&flash[word], 0xFF, MEM_FLASH_PAGE_SIZE);
        memset(&writes[word], 0, MEM_FLASH_PAGE_SIZE / 4);
        erases[addr / MEM_FLASH_PAGE_SIZE]++;
        busy_left = BUSY_POLLS * 2;
        return;
    }
    if (mode != NVMC_CONFIG_WEN) {
        violation("flash write at 0x%08x with NVMC CONFIG=%u (not write-enabled)", (unsigned)addr, (unsigned)mode);
        return;
    }
    if ((flash[word] & value) != value)
        violation("flash write at 0x%08x would set bits (0x%08x over 0x%08x)", (unsigned)addr, (unsigned)value,
                  (unsigned)flash[word]);
    if (++writes[word] > 2)
        violation("flash word 0x%08x written %u times since its erase (nWRITE = 2)", (unsigned)addr, writes[word]);
    flash[word] &= value;
    busy_left = BUSY_POLLS;
}

static void uicr_write(uint32_t addr, uint32_t value)
{
    if (nvmc_mode() != NVMC_CONFIG_WEN) {
        violation("UICR write at 0x%08x without CONFIG=Wen", (unsigned)addr);
        return;
    }
    uint32_t *w = &uicr[(addr - UICR_BASE) / 4];
    for (unsigned shift = 0; shift <= 16; shift += 16) {
        const uint32_t half = (value >> shift) & 0xFFFFu;
        if (half != 0xFFFFu && ((*w >> shift) & 0xFFFFu) != 0xFFFFu) {
            violation("OTP half-word at 0x%08x written twice (the KMU blocks it)", (unsigned)(addr + shift / 8));
            return;
        }
    }
    *w &= value;
    busy_left = BUSY_POLLS;
}

uint32_t fake_flash_word(uint32_t addr)
{
    return flash[addr / 4];
}

void fake_flash_set(uint32_t addr, uint32_t value)
{
    if (addr >= UICR_BASE)
        uicr[(addr - UICR_BASE) / 4] = value;
    else
        flash[addr / 4] = value;
}

unsigned fake_word_writes(uint32_t addr)
{
    return writes[addr / 4];
}

unsigned fake_page_erases(uint32_t addr)
{
    return erases[addr / MEM_FLASH_PAGE_SIZE];
}

unsigned fake_busy_polls(void)
{
    return busy_polls;
}

void fake_nvmc_stuck(bool stuck)
{
    nvmc_stuck = stuck;
}

/* --- UARTE0 --- */

/* Bytes on the line go into the running reception: RXDRDY per byte, ENDRX (and stop) when it is full. */
static void rx_deliver(void)
{
    size_t n = 0;
    while (rx.running && n < rx_len && rx.count < rx.max) {
        rx.dst[rx.count++] = rx_queue[n++];
        set(NRF_UARTE0 + UARTE_EVENTS_RXDRDY, 1);
    }
    memmove(rx_queue, rx_queue + n, rx_len - n);
    rx_len -= n;
    if (rx.running && rx.count == rx.max) {
        rx.running = false;
        set(NRF_UARTE0 + UARTE_RXD_AMOUNT, rx.count);
        set(NRF_UARTE0 + UARTE_EVENTS_ENDRX, 1);
    }
}

static void uarte_task(uint32_t reg)
{
    if (get(NRF_UARTE0 + UARTE_ENABLE) != UARTE_ENABLE_ON) {
        violation("UARTE0 task 0x%03x while UARTE0 is not enabled (ENABLE=8)", (unsigned)reg);
        return;
    }
    if (reg == UARTE_TASKS_STARTTX) {
        const uint32_t n = get(NRF_UARTE0 + UARTE_TXD_MAXCNT);
        const uint8_t *src = dma_at(get(NRF_UARTE0 + UARTE_TXD_PTR), n);
        if (src == NULL)
            return;
        for (uint32_t i = 0; i < n && sent_len < sizeof sent; i++)
            sent[sent_len++] = (char)src[i];
        set(NRF_UARTE0 + UARTE_TXD_AMOUNT, n);
        if (!tx_stall)
            raise_later(NRF_UARTE0 + UARTE_EVENTS_ENDTX);
    } else if (reg == UARTE_TASKS_STARTRX) {
        const uint32_t max = get(NRF_UARTE0 + UARTE_RXD_MAXCNT);
        rx.dst = dma_at(get(NRF_UARTE0 + UARTE_RXD_PTR), max);
        if (rx.dst == NULL)
            return;
        if (rx.running)
            violation("STARTRX while a reception runs");
        rx.running = true;
        rx.max = max;
        rx.count = 0;
        rx_deliver();
    } else if (reg == UARTE_TASKS_STOPRX) {
        if (rx.running) {
            rx.running = false;
            set(NRF_UARTE0 + UARTE_RXD_AMOUNT, rx.count);
            raise_later(NRF_UARTE0 + UARTE_EVENTS_ENDRX);
        }
        raise_later(NRF_UARTE0 + UARTE_EVENTS_RXTO);
    } else if (reg == UARTE_TASKS_FLUSHRX) {
        set(NRF_UARTE0 + UARTE_RXD_AMOUNT, 0); /* the model's FIFO is always empty after RXTO */
        raise_later(NRF_UARTE0 + UARTE_EVENTS_ENDRX);
    }
}

size_t fake_uarte_sent(char *out, size_t cap)
{
    const size_t n = sent_len < cap ? sent_len : cap;
    memcpy(out, sent, n);
    return n;
}

void fake_uarte_queue_rx(const void *data, size_t len)
{
    memcpy(rx_queue + rx_len, data, len);
    rx_len += len;
    rx_deliver();
}

void fake_uarte_stall_tx(bool stall)
{
    tx_stall = stall;
}

void fake_clock_broken(bool broken)
{
    clock_broken = broken;
}

void fake_poke(uint32_t addr, uint32_t value)
{
    set(addr, value);
}

void fake_gpio_drive(unsigned port, uint32_t levels)
{
    gpio_in[port] = levels;
}

void fake_rtc_advance(uint32_t ticks)
{
    if (rtc_running)
        rtc_counter = (rtc_counter + ticks) & RTC_COUNTER_MASK;
}

unsigned fake_wdt_reloads(void)
{
    return wdt_reloads;
}

/* --- the bus --- */

static bool gpio_port(uint32_t addr, uint32_t *base, unsigned *port)
{
    if (addr >= NRF_P0 && addr < NRF_P0 + 0x300u) {
        *base = NRF_P0;
        *port = 0;
        return true;
    }
    if (addr >= P1_BASE && addr < P1_BASE + 0x300u) {
        *base = P1_BASE;
        *port = 1;
        return true;
    }
    return false;
}

uint32_t nrf_reg_read(uint32_t addr)
{
    if (addr < MEM_FLASH_SIZE)
        return flash[addr / 4];
    if (addr >= UICR_BASE && addr < UICR_BASE + UICR_SIZE)
        return uicr[(addr - UICR_BASE) / 4];
    if (addr == NRF_NVMC + NVMC_READY || addr == NRF_NVMC + NVMC_READYNEXT) {
        if (nvmc_stuck || busy_left > 0) {
            busy_polls++;
            if (busy_left > 0)
                busy_left--;
            return 0;
        }
        return 1;
    }
    for (size_t i = 0; i < sizeof pending / sizeof pending[0]; i++) {
        if (pending[i].addr == addr && pending[i].polls > 0 && --pending[i].polls == 0) {
            set(addr, 1);
            pending[i].addr = 0;
        }
    }
    uint32_t base;
    unsigned port;
    if (gpio_port(addr, &base, &port) && addr == base + GPIO_IN)
        return gpio_in[port];
    if (addr == NRF_RTC1 + RTC_COUNTER)
        return rtc_counter;
    return get(addr);
}

void nrf_reg_write(uint32_t addr, uint32_t value)
{
    record(FAKE_WRITE, addr, value);
    if (addr < MEM_FLASH_SIZE) {
        flash_write(addr, value);
        return;
    }
    if (addr >= UICR_BASE && addr < UICR_BASE + UICR_SIZE) {
        uicr_write(addr, value);
        return;
    }
    if (addr >= NRF_SPU + SPU_FLASHREGION_PERM(0) && addr <= NRF_SPU + SPU_FLASHREGION_PERM(63)) {
        if ((get(addr) & SPU_PERM_LOCK) == 0) /* locked: ignored until reset */
            set(addr, value);
        return;
    }
    if (addr == NRF_RESET + RESET_RESETREAS) {
        set(addr, get(addr) & ~value);
        return;
    }
    if (addr >= NRF_UARTE0 && addr <= NRF_UARTE0 + UARTE_TASKS_FLUSHRX) {
        if (value == 1)
            uarte_task(addr - NRF_UARTE0);
        return;
    }
    if ((addr == NRF_CLOCK + CLOCK_TASKS_HFCLKSTART || addr == NRF_CLOCK + CLOCK_TASKS_LFCLKSTART) && value == 1) {
        if (!clock_broken)
            raise_later(addr == NRF_CLOCK + CLOCK_TASKS_HFCLKSTART ? NRF_CLOCK + CLOCK_EVENTS_HFCLKSTARTED
                                                                   : NRF_CLOCK + CLOCK_EVENTS_LFCLKSTARTED);
        return;
    }
    uint32_t base;
    unsigned port;
    if (gpio_port(addr, &base, &port)) {
        const uint32_t off = addr - base;
        if (off == GPIO_OUTSET || off == GPIO_OUTCLR) {
            set(base + GPIO_OUT, off == GPIO_OUTSET ? get(base + GPIO_OUT) | value : get(base + GPIO_OUT) & ~value);
            return;
        }
        if (off == GPIO_DIRSET || off == GPIO_DIRCLR) {
            set(base + 0x014u, off == GPIO_DIRSET ? get(base + 0x014u) | value : get(base + 0x014u) & ~value);
            return;
        }
        if (off >= GPIO_PIN_CNF(0) && off <= GPIO_PIN_CNF(31)) {
            const uint32_t bit = 1u << (off - GPIO_PIN_CNF(0)) / 4;
            set(base + 0x014u, (value & PIN_CNF_DIR_OUTPUT) ? get(base + 0x014u) | bit : get(base + 0x014u) & ~bit);
        }
        set(addr, value);
        return;
    }
    if (addr == NRF_RTC1 + RTC_TASKS_START || addr == NRF_RTC1 + RTC_TASKS_STOP) {
        rtc_running = addr == NRF_RTC1 + RTC_TASKS_START;
        return;
    }
    if (addr == NRF_RTC1 + RTC_TASKS_CLEAR) {
        rtc_counter = 0;
        return;
    }
    if (addr >= NRF_WDT0 && addr < NRF_WDT0 + 0x1000u) {
        const bool running = get(NRF_WDT0 + WDT_RUNSTATUS) & 1u;
        if (addr == NRF_WDT0 + WDT_TASKS_START) {
            set(NRF_WDT0 + WDT_RUNSTATUS, 1);
        } else if (addr >= NRF_WDT0 + WDT_RR(0) && addr <= NRF_WDT0 + WDT_RR(7)) {
            if (value == WDT_RELOAD && running && (get(NRF_WDT0 + WDT_RREN) & 1u << (addr - NRF_WDT0 - WDT_RR(0)) / 4))
                wdt_reloads++;
        } else if (running) {
            violation("WDT register 0x%03x written while the watchdog runs (frozen until reset)",
                      (unsigned)(addr - NRF_WDT0));
        } else {
            set(addr, value);
        }
        return;
    }
    set(addr, value);
}
