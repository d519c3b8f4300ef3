#include "power_cut.h"

void power_cut_arm(struct power_cut *pc, uint32_t n, uint64_t seed)
{
    pc->cut_at = n == 0 ? 0 : pc->calls + n;
    pc->rng = seed;
}

bool power_cut_count_call(struct power_cut *pc)
{
    pc->calls++;
    if (pc->cut_at != 0 && pc->calls == pc->cut_at) {
        pc->cut_at = 0;
        pc->lost = true;
    }
    return pc->lost;
}

uint64_t power_cut_random(struct power_cut *pc)
{
    uint64_t z = (pc->rng += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

uint32_t power_cut_random_below(struct power_cut *pc, uint32_t n)
{
    return (uint32_t)(power_cut_random(pc) % n); /* bias is irrelevant for fault injection */
}

void power_cut_reboot(struct power_cut *pc)
{
    pc->lost = false;
    pc->cut_at = 0;
}
