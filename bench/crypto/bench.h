/* Crypto measurements: the operations (bench_ops.c) and what each platform provides to time them. */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

/* Runs every operation once under measurement; returns 0 when all of them verified. */
int bench_run_all(void);

/* Platform: start counting; stop and return the instructions executed (0 where the host counts
 * externally, e.g. with callgrind); peak stack of the measured call in bytes (0 when unknown). */
void bench_start(void);
uint32_t bench_stop(void);
uint32_t bench_stack_used(void);
void bench_print(const char *text);

#endif /* BENCH_H */
