/* Host: run once; `valgrind --tool=callgrind` counts the instructions of each op_* function. */
#include <stdio.h>

#include "bench.h"

void bench_start(void)
{
}

uint32_t bench_stop(void)
{
    return 0;
}

uint32_t bench_stack_used(void)
{
    return 0;
}

void bench_print(const char *text)
{
    fputs(text, stdout);
}

int main(void)
{
    return bench_run_all();
}
