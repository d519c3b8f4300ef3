/* Wear: many updates of a few keys spread the erases evenly over the sectors (round-robin GC). */
#include <stdio.h>

#include "storage_fixture.h"

#define WEAR_WRITES 100000u
#define WEAR_KEYS 4u
#define WEAR_VALUE 16u

TEST(hundred_thousand_updates_spread_erases_evenly)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    uint8_t v[WEAR_VALUE], back[WEAR_VALUE];
    for (uint32_t n = 0; n < WEAR_WRITES; n++) {
        memset(v, (int)(n & 0xFF), sizeof v);
        memcpy(v, &n, sizeof n); /* every value differs from the last one of its key */
        CHECK_EQ(nvs_write(&r.fs, (uint16_t)(n % WEAR_KEYS), v, sizeof v), sizeof v);
    }
    CHECK_EQ(rig_mount(&r), 0);
    for (uint32_t n = WEAR_WRITES - WEAR_KEYS; n < WEAR_WRITES; n++) {
        memset(v, (int)(n & 0xFF), sizeof v);
        memcpy(v, &n, sizeof n);
        CHECK_EQ(nvs_read(&r.fs, (uint16_t)(n % WEAR_KEYS), back, sizeof back), sizeof back);
        CHECK_MEM_EQ(back, v, sizeof v);
    }

    const struct flash_sim_stats st = flash_sim_stats(r.sim);
    const uint32_t first = (PART_ADDR - FLASH_BASE) / SECTOR;
    uint32_t min = UINT32_MAX, max = 0, total = 0;
    for (uint32_t s = 0; s < SECTORS; s++) {
        const uint32_t e = st.page_erases[first + s];
        min = e < min ? e : min;
        max = e > max ? e : max;
        total += e;
    }
    printf("wear: %u writes of %u keys x %u bytes: erases per sector min %u max %u mean %.2f; %.2f erases per 1000 "
           "writes\n",
           WEAR_WRITES, WEAR_KEYS, WEAR_VALUE, min, max, (double)total / SECTORS, 1000.0 * total / WEAR_WRITES);
    /* A sector holds (4096 - 16) / 24 = 170 entries, 4 of them copies of live keys: ~600 erases. */
    CHECK(total > WEAR_WRITES / 200);
    CHECK(total < WEAR_WRITES / 140);
    CHECK(max - min <= 1);
    /* Nothing outside the partition was touched. */
    for (uint32_t p = 0; p < st.page_count; p++) {
        if (p < first || p >= first + SECTORS)
            CHECK_EQ(st.page_erases[p], 0);
    }
    rig_close(&r);
}
