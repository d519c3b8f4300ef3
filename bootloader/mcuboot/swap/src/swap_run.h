/* State of one mb_swap_boot call, shared by the engine's source files (not public). */
#ifndef MB_SWAP_RUN_H
#define MB_SWAP_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "mb_swap.h"

struct swap_run {
    const struct mb_swap_pair *pair;
    const struct mb_swap_hooks *hooks; /* NULL for mb_swap_peek */
    struct mb_swap_outcome *out;
    uint32_t page;        /* sector size, equal in both slots */
    uint32_t max_sectors; /* sectors an image may span: primary keeps one free for the move */
};

/* Checks the pair and fills the geometry; false if the pair cannot be swapped. */
bool swap_run_init(struct swap_run *run, const struct mb_swap_pair *pair, const struct mb_swap_hooks *hooks,
                   struct mb_swap_outcome *out);

void swap_log(const struct swap_run *run, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void swap_feed_watchdog(const struct swap_run *run);

/* Records a failed flash call in the outcome and maps it to a result. */
enum mb_swap_result swap_flash_failed(struct swap_run *run, int rc, const char *reason);

/*
 * Status records: one per step, in step order. Steps 0..n-1 move primary sector n-1-s up by one;
 * step n + 2i copies secondary[i] to primary[i], step n + 2i + 1 copies primary[i+1] to secondary[i].
 */
uint32_t swap_step_count(uint32_t sectors);
/* First step whose record is erased (= count when all are done). */
int swap_status_progress(const struct swap_run *run, uint32_t sectors, uint32_t *step);

/* Writes the record of a completed step. */
int swap_status_write(const struct swap_run *run, uint32_t sectors, uint32_t step);

/* Runs steps [first, 3 * sectors), each: erase destination, copy, write its record. */
int swap_run_steps(const struct swap_run *run, uint32_t sectors, uint32_t first);

#endif /* MB_SWAP_RUN_H */
