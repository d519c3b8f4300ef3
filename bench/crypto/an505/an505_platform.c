/*
 * Bare-metal harness for QEMU mps2-an505 run with `-icount shift=0`: every guest instruction advances
 * the virtual clock by 1 ns, so SysTick on the processor clock counts instructions (calibrated at
 * start against a loop of known length). Output and exit go through Arm semihosting.
 */
#include <stdint.h>
#include <string.h>

#include "bench.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define CPACR (*(volatile uint32_t *)0xE000ED88u)
#define SYST_ENABLE_PROCESSOR_CLOCK 0x5u
#define STACK_PAINT 0xA5A5A5A5u

#define SEMIHOSTING_WRITE0 0x04
#define SEMIHOSTING_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUNTIME_ERROR 0x20023

extern uint32_t _data_start[], _data_end[], _data_load[], _bss_start[], _bss_end[], _stack_limit[], _stack_top[];

static uint32_t instructions_per_tick_x1000;
static uint32_t start_tick;

static int semihosting(int op, const void *arg)
{
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void bench_print(const char *text)
{
    semihosting(SEMIHOSTING_WRITE0, text);
}

static _Noreturn void exit_with(int failed)
{
    semihosting(SEMIHOSTING_EXIT, (const void *)(uintptr_t)(failed ? ADP_STOPPED_RUNTIME_ERROR
                                                                        : ADP_STOPPED_APPLICATION_EXIT));
    for (;;) {
    }
}

static uint32_t ticks_now(void)
{
    return SYST_CVR;
}

/* Fills the unused stack below the caller's frame so that bench_stack_used() can find the high-water mark. */
__attribute__((noinline)) static void paint_stack(void)
{
    uint32_t *sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for (uint32_t *p = _stack_limit; p < sp - 16; p++)
        *p = STACK_PAINT;
}

void bench_start(void)
{
    paint_stack();
    SYST_CSR = 0;
    SYST_RVR = 0xFFFFFFu;
    SYST_CVR = 0;
    SYST_CSR = SYST_ENABLE_PROCESSOR_CLOCK;
    /* The counter reads 0 until the first reload; wait for it. */
    while (ticks_now() == 0) {
    }
    start_tick = ticks_now();
}

uint32_t bench_stop(void)
{
    uint32_t ticks = start_tick - ticks_now(); /* counts down; 24 bits hold 838 M instructions */
    SYST_CSR = 0;
    return (uint32_t)(((uint64_t)ticks * instructions_per_tick_x1000 + 500) / 1000);
}

uint32_t bench_stack_used(void)
{
    const uint32_t *p = _stack_limit;
    while (p < _stack_top && *p == STACK_PAINT)
        p++;
    return (uint32_t)((uintptr_t)_stack_top - (uintptr_t)p);
}

/* 2 instructions per iteration (subs, bne): 2,000,000 instructions. */
static void calibrate(void)
{
    uint32_t n = 1000000;
    instructions_per_tick_x1000 = 1000;
    bench_start();
    __asm__ volatile("1: subs %0, %0, #1\n bne 1b" : "+r"(n) : : "cc");
    uint32_t ticks = bench_stop();
    instructions_per_tick_x1000 = ticks ? (uint32_t)(2000000000ull / ticks) : 0;
}

int main(void)
{
    calibrate();
    bench_print(instructions_per_tick_x1000 == 50000 ? "calibration: 50 instructions per SysTick tick\n"
                                                      : "calibration: unexpected SysTick rate\n");
    return bench_run_all();
}

void reset_handler(void)
{
    CPACR |= 0xFu << 20; /* CP10/CP11 full access first: the code is built for the hard-float ABI */
    memcpy(_data_start, _data_load, (size_t)((char *)_data_end - (char *)_data_start));
    memset(_bss_start, 0, (size_t)((char *)_bss_end - (char *)_bss_start));
    exit_with(main());
}

static void fault_handler(void)
{
    bench_print("fault\n");
    exit_with(1);
}

__attribute__((section(".vectors"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))_stack_top, reset_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, 0, 0, 0, 0, fault_handler, fault_handler, 0, fault_handler, fault_handler,
};
