/*
 * Power cuts: for each operation, a clean run counts its changing flash calls (N); then the power
 * is cut at call 1, 2, ..., N in turn, and at each call of the recovery mount that follows.
 * After every cut: the store mounts, each id holds its old or (the id being changed) its new
 * value, never anything else, and new writes work.
 */
#include <stdio.h>

#include "storage_fixture.h"
#include "store_model.h"

#define AFTER_ID 15 /* written after each recovery to show the store still works */
#define CHECKED_IDS 16 /* the scenarios use ids 1..12 and AFTER_ID */

struct op {
    uint16_t id;
    uint16_t len; /* 0 = delete */
    uint8_t value[MODEL_VALUE_MAX];
};

struct pre_state {
    uint32_t flags;
    uint8_t image[PART_SIZE];
    struct store_model model;
};

struct cut_totals {
    uint32_t calls, cuts, nested_cuts;
};

static int run_op(struct rig *r, const struct op *op)
{
    return op->len == 0 ? nvs_delete(&r->fs, op->id) : nvs_write(&r->fs, op->id, op->value, op->len);
}

/* A fresh simulated flash holding the prepared partition, mounted. */
static void open_pre_state(struct rig *r, const struct pre_state *pre)
{
    rig_open(r, SECTORS, pre->flags);
    rig_load(r, pre->image, PART_SIZE);
    CHECK_EQ(rig_mount(r), 0);
}

/* Checks old-or-new; returns the model the store now follows. */
static struct store_model settled_model(struct rig *r, const struct pre_state *pre, const struct op *op)
{
    static struct store_model now;
    uint8_t buf[MODEL_VALUE_MAX];
    now = pre->model;
    const int rc = nvs_read(&r->fs, op->id, buf, sizeof buf);
    const bool is_new = op->len == 0 ? rc == NVS_E_NOENT
                                     : rc == op->len && memcmp(buf, op->value, op->len) == 0;
    if (is_new)
        now.len[op->id] = 0;
    if (is_new && op->len > 0)
        model_set(&now, op->id, op->value, op->len);
    /* Any other content of op->id, or of any other id, is reported here. */
    model_check_nvs(&now, &r->fs, CHECKED_IDS);
    return now;
}

/* After recovery: the state is old-or-new, stays so across a remount, and a new write sticks. */
static void check_recovered(struct rig *r, const struct pre_state *pre, const struct op *op)
{
    struct store_model now = settled_model(r, pre, op);
    uint8_t v[24];
    const uint16_t len = model_make_value(v, AFTER_ID, 1, sizeof v);
    CHECK_EQ(nvs_write(&r->fs, AFTER_ID, v, len), len);
    model_set(&now, AFTER_ID, v, len);
    model_check_nvs(&now, &r->fs, CHECKED_IDS);
    CHECK_EQ(rig_mount(r), 0);
    model_check_nvs(&now, &r->fs, CHECKED_IDS);
}

static uint64_t seed_for(uint32_t first, uint32_t second, uint32_t salt)
{
    return 0x9E3779B97F4A7C15u * (first + 1) ^ 0xC2B2AE3D27D4EB4Fu * (second + 1) ^ salt;
}

/* collects: the clean run must include a garbage collection (an erase), or must not. */
static void cut_every_call(const struct pre_state *pre, const struct op *op, bool collects, uint32_t salt,
                           struct cut_totals *t)
{
    struct rig r;
    open_pre_state(&r, pre);
    const uint64_t before = flash_sim_calls(r.sim), erased = flash_sim_stats(r.sim).pages_erased;
    CHECK(run_op(&r, op) >= 0);
    const uint32_t n = (uint32_t)(flash_sim_calls(r.sim) - before);
    CHECK_EQ(flash_sim_stats(r.sim).pages_erased > erased, collects);
    rig_close(&r);
    CHECK(n > 0);
    t->calls += n;

    for (uint32_t k = 1; k <= n; k++) {
        open_pre_state(&r, pre);
        flash_sim_cut_power_at(r.sim, k, seed_for(k, 0, salt));
        CHECK_EQ(run_op(&r, op), FLASH_E_POWER_LOST);
        CHECK(flash_sim_power_lost(r.sim));
        t->cuts++;
        const uint64_t mount_start = flash_sim_calls(r.sim);
        rig_reboot(&r);
        const uint32_t m = (uint32_t)(flash_sim_calls(r.sim) - mount_start);
        check_recovered(&r, pre, op);
        rig_close(&r);

        /* A second cut, during the repairs of that recovery mount. */
        for (uint32_t j = 1; j <= m; j++) {
            open_pre_state(&r, pre);
            flash_sim_cut_power_at(r.sim, k, seed_for(k, 0, salt));
            CHECK_EQ(run_op(&r, op), FLASH_E_POWER_LOST);
            flash_sim_reboot(r.sim);
            flash_sim_cut_power_at(r.sim, j, seed_for(k, j, salt));
            CHECK_EQ(rig_mount(&r), FLASH_E_POWER_LOST);
            t->nested_cuts++;
            rig_reboot(&r);
            check_recovered(&r, pre, op);
            rig_close(&r);
        }
    }
}

static void make_op(struct op *op, uint16_t id, uint16_t len)
{
    op->id = id;
    op->len = model_make_value(op->value, id, 9999, len);
}

static void write_tracked(struct rig *r, struct store_model *m, uint16_t id, uint32_t revision, uint16_t len)
{
    uint8_t v[MODEL_VALUE_MAX];
    model_make_value(v, id, revision, len);
    CHECK_EQ(nvs_write(&r->fs, id, v, len), len);
    model_set(m, id, v, len);
}

static bool next_write_collects(const struct rig *r, uint16_t len)
{
    const uint32_t crc = (r->flags & NVS_DATA_CRC) ? 4 : 0;
    return r->fs.ate_wra < r->fs.data_wra + ((len + crc + 3u) & ~3u) + 8;
}

/* Keys 1..10 in sector 0; with `fill`, ids 1 and 2 rewritten until the next write collects sector 0. */
static void prepare(struct pre_state *pre, uint32_t flags, bool fill, bool churn)
{
    struct rig r;
    memset(pre, 0, sizeof *pre);
    pre->flags = flags;
    rig_open(&r, SECTORS, flags);
    CHECK_EQ(rig_mount(&r), 0);
    for (uint16_t id = 1; id <= 10; id++)
        write_tracked(&r, &pre->model, id, 0, (uint16_t)(10 + 3 * id));
    uint32_t revision = 1;
    if (churn) { /* wrap the log several times, deleting now and then */
        for (; revision < 400; revision++) {
            const uint16_t id = (uint16_t)(1 + revision % 12);
            if (revision % 7 == 0) {
                CHECK_EQ(nvs_delete(&r.fs, id), 0);
                pre->model.len[id] = 0;
            } else {
                write_tracked(&r, &pre->model, id, revision, (uint16_t)(8 + revision % 41));
            }
        }
    }
    /* Without churn, stop in sector 2: the next write then collects sector 0, where ids 3..10 live. */
    while (fill && !(next_write_collects(&r, 48) && (churn || r.fs.ate_wra / SECTOR == 2))) {
        write_tracked(&r, &pre->model, (uint16_t)(1 + revision % 2), revision, 48);
        revision++;
    }
    memcpy(pre->image, rig_bytes(&r), PART_SIZE);
    rig_close(&r);
}

static void report(const char *what, const struct cut_totals *t)
{
    printf("power cuts, %s: %u changing calls, %u cuts, %u cuts during recovery mounts\n", what, t->calls, t->cuts,
           t->nested_cuts);
    CHECK(t->cuts > 0);
    CHECK_EQ(t->cuts, t->calls);
}

static void plain_operations(uint32_t flags)
{
    static struct pre_state pre;
    static struct op op;
    struct cut_totals t = {0};
    prepare(&pre, flags, false, false);
    make_op(&op, 3, 25); /* update */
    cut_every_call(&pre, &op, false, 1, &t);
    make_op(&op, 11, 17); /* new id */
    cut_every_call(&pre, &op, false, 2, &t);
    op.id = 5; /* delete */
    op.len = 0;
    cut_every_call(&pre, &op, false, 3, &t);
    report(flags ? "update/new/delete, data CRC" : "update/new/delete", &t);
}

static void collecting_writes(uint32_t flags)
{
    static struct pre_state pre;
    static struct op op;
    struct cut_totals t = {0};
    prepare(&pre, flags, true, false);
    make_op(&op, 1, 48); /* GC copies ids 3..10 first */
    cut_every_call(&pre, &op, true, 4, &t);
    make_op(&op, 7, 48); /* the old value of 7 sits in the sector being collected */
    cut_every_call(&pre, &op, true, 5, &t);
    op.id = 8; /* a delete never needs a collection, even now */
    op.len = 0;
    cut_every_call(&pre, &op, false, 6, &t);
    prepare(&pre, flags, true, true); /* collected sector full of stale values and deletes */
    make_op(&op, 4, 48);
    cut_every_call(&pre, &op, true, 7, &t);
    report(flags ? "writes that collect garbage, data CRC" : "writes that collect garbage", &t);
}

TEST(power_cut_at_each_call_of_update_new_id_and_delete)
{
    plain_operations(0);
}

TEST(power_cut_at_each_call_of_update_new_id_and_delete_with_data_crc)
{
    plain_operations(NVS_DATA_CRC);
}

TEST(power_cut_at_each_call_of_writes_that_collect_garbage)
{
    collecting_writes(0);
}

TEST(power_cut_at_each_call_of_writes_that_collect_garbage_with_data_crc)
{
    collecting_writes(NVS_DATA_CRC);
}
