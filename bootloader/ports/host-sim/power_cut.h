/* Power-cut injection shared by the simulated flash and OTP: which call fails, and seeded damage. */
#ifndef POWER_CUT_H
#define POWER_CUT_H

#include <stdbool.h>
#include <stdint.h>

struct power_cut {
    uint64_t calls;  /* changing calls so far */
    uint64_t cut_at; /* value of `calls` whose call loses power; 0 = not armed */
    uint64_t rng;    /* generator state, seeded when armed */
    bool lost;       /* power is off until reboot */
};

/* The n-th changing call from now loses power (n = 0 disarms). */
void power_cut_arm(struct power_cut *pc, uint32_t n, uint64_t seed);

/* Counts one changing call; returns true (and marks the power lost) if power fails during it. */
bool power_cut_count_call(struct power_cut *pc);

/* Next pseudo-random value (splitmix64): reproducible for a given seed. */
uint64_t power_cut_random(struct power_cut *pc);

/* A pseudo-random value in [0, n), n > 0. */
uint32_t power_cut_random_below(struct power_cut *pc, uint32_t n);

/* Power back: the device answers again and no cut is armed. */
void power_cut_reboot(struct power_cut *pc);

#endif /* POWER_CUT_H */
