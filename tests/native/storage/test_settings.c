/* Settings: keys on NVS with Zephyr's settings id mapping, enumeration, erase, power cuts. */
#include <stdio.h>

#include "settings.h"
#include "storage_fixture.h"

static void settings_open(struct rig *r, struct settings *s)
{
    rig_open(r, SECTORS, 0);
    CHECK_EQ(settings_init(s, r->dev, PART_ADDR, SECTOR, SECTORS, 0), 0);
}

static int settings_reinit(struct rig *r, struct settings *s)
{
    return settings_init(s, r->dev, PART_ADDR, SECTOR, SECTORS, 0);
}

static void check_value(struct settings *s, const char *name, const char *expected)
{
    char buf[64] = "";
    const int rc = settings_get(s, name, buf, sizeof buf - 1);
    if (expected == NULL) {
        CHECK_EQ(rc, NVS_E_NOENT);
        return;
    }
    CHECK_EQ(rc, (int)strlen(expected));
    buf[rc] = '\0';
    CHECK_STR_EQ(buf, expected);
}

static void set_str(struct settings *s, const char *name, const char *value)
{
    CHECK_EQ(settings_set(s, name, value, strlen(value)), 0);
}

TEST(set_get_delete_round_trip_and_survive_a_remount)
{
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    check_value(&s, "app/mode", NULL);
    set_str(&s, "app/mode", "fast");
    set_str(&s, "bt/name", "nRF5340 DK");
    check_value(&s, "app/mode", "fast");
    set_str(&s, "app/mode", "slow"); /* replaces */
    check_value(&s, "app/mode", "slow");
    /* A short buffer gets the start and the full length. */
    char two[2];
    CHECK_EQ(settings_get(&s, "bt/name", two, sizeof two), 10);
    CHECK_MEM_EQ(two, "nR", 2);

    CHECK_EQ(settings_reinit(&r, &s), 0);
    check_value(&s, "app/mode", "slow");
    check_value(&s, "bt/name", "nRF5340 DK");
    CHECK_EQ(settings_delete(&s, "app/mode"), 0);
    check_value(&s, "app/mode", NULL);
    CHECK_EQ(settings_delete(&s, "app/mode"), 0); /* already gone */
    CHECK_EQ(settings_reinit(&r, &s), 0);
    check_value(&s, "app/mode", NULL);
    check_value(&s, "bt/name", "nRF5340 DK");
    rig_close(&r);
}

TEST(keys_use_zephyrs_name_and_value_ids)
{
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    set_str(&s, "a/one", "1");
    set_str(&s, "a/two", "22");
    set_str(&s, "a/three", "333");
    uint8_t buf[16];
    /* Name count = highest name id, little-endian; names without terminator; value = name id + 0x4000. */
    CHECK_EQ(nvs_read(&s.nvs, 0x8000, buf, sizeof buf), 2);
    CHECK_EQ(buf[0] | buf[1] << 8, 0x8003);
    CHECK_EQ(nvs_read(&s.nvs, 0x8001, buf, sizeof buf), 5);
    CHECK_MEM_EQ(buf, "a/one", 5);
    CHECK_EQ(nvs_read(&s.nvs, 0xC001, buf, sizeof buf), 1);
    CHECK_EQ(nvs_read(&s.nvs, 0x8003, buf, sizeof buf), 7);
    CHECK_MEM_EQ(buf, "a/three", 7);
    CHECK_EQ(nvs_read(&s.nvs, 0xC003, buf, sizeof buf), 3);
    CHECK_MEM_EQ(buf, "333", 3);

    /* Deleting the highest key lowers the count; deleting another leaves a hole the next key takes. */
    CHECK_EQ(settings_delete(&s, "a/three"), 0);
    CHECK_EQ(nvs_read(&s.nvs, 0x8000, buf, sizeof buf), 2);
    CHECK_EQ(buf[0] | buf[1] << 8, 0x8002);
    CHECK_EQ(nvs_read(&s.nvs, 0x8003, buf, sizeof buf), NVS_E_NOENT);
    CHECK_EQ(nvs_read(&s.nvs, 0xC003, buf, sizeof buf), NVS_E_NOENT);
    CHECK_EQ(settings_delete(&s, "a/one"), 0);
    CHECK_EQ(nvs_read(&s.nvs, 0x8001, buf, sizeof buf), NVS_E_NOENT);
    set_str(&s, "a/four", "4444");
    CHECK_EQ(nvs_read(&s.nvs, 0x8001, buf, sizeof buf), 6);
    CHECK_MEM_EQ(buf, "a/four", 6);
    CHECK_EQ(nvs_read(&s.nvs, 0xC001, buf, sizeof buf), 4);
    rig_close(&r);
}

TEST(settings_written_in_zephyrs_layout_are_read)
{
    /* A partition as Zephyr's settings backend leaves it, including a deleted key in the middle. */
    struct rig r;
    rig_open(&r, SECTORS, 0);
    struct nvs_fs fs;
    CHECK_EQ(nvs_mount(&fs, r.dev, PART_ADDR, SECTOR, SECTORS, 0), 0);
    const uint8_t count[2] = {0x03, 0x80};
    CHECK_EQ(nvs_write(&fs, 0x8001, "bt/keys/1", 9), 9);
    CHECK_EQ(nvs_write(&fs, 0xC001, "\x01\x02\x03", 3), 3);
    CHECK_EQ(nvs_write(&fs, 0x8003, "bt/name", 7), 7);
    CHECK_EQ(nvs_write(&fs, 0xC003, "DK", 2), 2);
    CHECK_EQ(nvs_write(&fs, 0x8000, count, 2), 2);
    struct settings s;
    CHECK_EQ(settings_reinit(&r, &s), 0);
    CHECK_EQ(s.last_name_id, 0x8003);
    check_value(&s, "bt/name", "DK");
    uint8_t key[3];
    CHECK_EQ(settings_get(&s, "bt/keys/1", key, sizeof key), 3);
    CHECK_MEM_EQ(key, "\x01\x02\x03", 3);
    set_str(&s, "bt/keys/2", "k2"); /* takes the free id 0x8002 */
    uint8_t buf[16];
    CHECK_EQ(nvs_read(&s.nvs, 0x8002, buf, sizeof buf), 9);
    CHECK_MEM_EQ(buf, "bt/keys/2", 9);
    rig_close(&r);
}

struct seen {
    char names[8][SETTINGS_NAME_MAX + 1];
    char values[8][16];
    int count;
    int stop_after;
};

static int collect(const char *name, const struct settings_value *value, void *arg)
{
    struct seen *seen = arg;
    CHECK(seen->count < 8);
    snprintf(seen->names[seen->count], sizeof seen->names[0], "%s", name);
    char *v = seen->values[seen->count];
    const int rc = settings_value_read(value, v, 15);
    CHECK_EQ(rc, (int)value->len);
    v[rc < 15 ? rc : 15] = '\0';
    seen->count++;
    return seen->count == seen->stop_after ? 42 : 0;
}

/* The value enumeration saw for name, or NULL if it did not visit name. */
static const char *seen_value(const struct seen *seen, const char *name)
{
    for (int i = 0; i < seen->count; i++) {
        if (strcmp(seen->names[i], name) == 0)
            return seen->values[i];
    }
    return NULL;
}

TEST(enumerate_visits_a_subtree_and_names_sharing_a_prefix_stay_apart)
{
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    set_str(&s, "app/a", "A");
    set_str(&s, "app/ab", "AB");
    set_str(&s, "app/a/b", "A-B");
    set_str(&s, "bt/keys/1", "K1");
    set_str(&s, "application", "X");
    check_value(&s, "app/a", "A");
    check_value(&s, "app/ab", "AB");
    check_value(&s, "app/a/b", "A-B");
    check_value(&s, "app", NULL);

    struct seen seen = {0};
    CHECK_EQ(settings_enumerate(&s, "app/a", collect, &seen), 0);
    CHECK_EQ(seen.count, 2);
    CHECK_STR_EQ(seen_value(&seen, "app/a"), "A");
    CHECK_STR_EQ(seen_value(&seen, "app/a/b"), "A-B");

    seen = (struct seen){0};
    CHECK_EQ(settings_enumerate(&s, "app", collect, &seen), 0);
    CHECK_EQ(seen.count, 3); /* not "application" */
    CHECK(seen_value(&seen, "application") == NULL);

    seen = (struct seen){0};
    CHECK_EQ(settings_enumerate(&s, "bt/", collect, &seen), 0);
    CHECK_EQ(seen.count, 1);
    CHECK_STR_EQ(seen_value(&seen, "bt/keys/1"), "K1");

    seen = (struct seen){0};
    CHECK_EQ(settings_enumerate(&s, NULL, collect, &seen), 0);
    CHECK_EQ(seen.count, 5);
    seen = (struct seen){0};
    CHECK_EQ(settings_enumerate(&s, "", collect, &seen), 0);
    CHECK_EQ(seen.count, 5);

    /* A visitor's non-zero result stops the walk and is returned. */
    seen = (struct seen){.stop_after = 2};
    CHECK_EQ(settings_enumerate(&s, NULL, collect, &seen), 42);
    CHECK_EQ(seen.count, 2);

    /* Deleted keys are not visited. */
    CHECK_EQ(settings_delete(&s, "app/a"), 0);
    seen = (struct seen){0};
    CHECK_EQ(settings_enumerate(&s, "app/a", collect, &seen), 0);
    CHECK_EQ(seen.count, 1);
    CHECK_STR_EQ(seen_value(&seen, "app/a/b"), "A-B");
    CHECK_EQ(settings_enumerate(&s, NULL, NULL, NULL), NVS_E_INVAL);
    rig_close(&r);
}

TEST(bad_names_and_values_get_clear_errors)
{
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    char long_name[SETTINGS_NAME_MAX + 2];
    memset(long_name, 'n', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    char buf[4];
    CHECK_EQ(settings_set(&s, NULL, "v", 1), SETTINGS_E_BAD_NAME);
    CHECK_EQ(settings_set(&s, "", "v", 1), SETTINGS_E_BAD_NAME);
    CHECK_EQ(settings_set(&s, long_name, "v", 1), SETTINGS_E_BAD_NAME);
    CHECK_EQ(settings_get(&s, long_name, buf, sizeof buf), SETTINGS_E_BAD_NAME);
    CHECK_EQ(settings_delete(&s, NULL), SETTINGS_E_BAD_NAME);
    long_name[SETTINGS_NAME_MAX] = '\0'; /* exactly the longest name */
    CHECK_EQ(settings_set(&s, long_name, "v", 1), 0);
    check_value(&s, long_name, "v");
    CHECK_EQ(settings_set(&s, "app/x", "v", 0), NVS_E_INVAL);
    CHECK_EQ(settings_set(&s, "app/x", NULL, 1), NVS_E_INVAL);
    static uint8_t big[SECTOR];
    CHECK_EQ(settings_set(&s, "app/x", big, nvs_max_value_len(&s.nvs) + 1), NVS_E_INVAL);
    CHECK_EQ(settings_set(&s, "app/x", big, 1000), 0);
    CHECK(strstr(settings_strerror(SETTINGS_E_BAD_NAME), "longer than 64 bytes") != NULL);
    CHECK(strstr(settings_strerror(NVS_E_NOENT), "no value") != NULL);
    rig_close(&r);
}

TEST(storage_erase_empties_the_partition_and_settings_keep_working)
{
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    for (int i = 0; i < 30; i++) {
        char name[16];
        snprintf(name, sizeof name, "app/k%d", i);
        set_str(&s, name, "some value");
    }
    CHECK_EQ(settings_storage_erase(&s), 0);
    /* Only the gc_done entry a fresh mount writes is left. */
    for (size_t i = 0; i < PART_SIZE; i++) {
        if ((i < SECTOR - 16 || i >= SECTOR - 8) && rig_bytes(&r)[i] != 0xFF)
            test_fail(__FILE__, __LINE__, "byte 0x%zx not erased", i);
    }
    check_value(&s, "app/k3", NULL);
    struct seen seen = {0};
    CHECK_EQ(settings_enumerate(&s, NULL, collect, &seen), 0);
    CHECK_EQ(seen.count, 0);
    set_str(&s, "app/k3", "new");
    CHECK_EQ(settings_reinit(&r, &s), 0);
    check_value(&s, "app/k3", "new");
    CHECK_EQ(s.last_name_id, 0x8001);
    rig_close(&r);
}

TEST(damaged_name_count_is_refused_and_storage_erase_recovers)
{
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    set_str(&s, "app/a", "A");
    const uint8_t bad[2] = {0x34, 0x12}; /* 0x1234 is no name id */
    CHECK_EQ(nvs_write(&s.nvs, SETTINGS_NAME_COUNT_ID, bad, 2), 2);
    CHECK_EQ(settings_reinit(&r, &s), NVS_E_CORRUPT);
    CHECK_EQ(nvs_write(&s.nvs, SETTINGS_NAME_COUNT_ID, bad, 1), 1); /* wrong length */
    CHECK_EQ(settings_reinit(&r, &s), NVS_E_CORRUPT);
    CHECK_EQ(settings_storage_erase(&s), 0);
    check_value(&s, "app/a", NULL);
    set_str(&s, "app/a", "again");
    check_value(&s, "app/a", "again");

    /* A partition that is not NVS at all: init fails, erase still works. */
    static uint8_t junk[PART_SIZE];
    memset(junk, 0x5A, sizeof junk);
    rig_load(&r, junk, sizeof junk);
    CHECK_EQ(settings_reinit(&r, &s), NVS_E_CORRUPT);
    CHECK_EQ(settings_set(&s, "app/a", "x", 1), NVS_E_NOT_MOUNTED);
    CHECK_EQ(settings_storage_erase(&s), 0);
    set_str(&s, "app/a", "fresh");
    check_value(&s, "app/a", "fresh");
    rig_close(&r);
}

TEST(init_removes_half_written_keys)
{
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    set_str(&s, "app/a", "A"); /* 0x8001 */
    set_str(&s, "app/b", "B"); /* 0x8002 */
    set_str(&s, "app/c", "C"); /* 0x8003 */
    /* A value without name (0x8002) and a name without value (0x8003, the highest). */
    CHECK_EQ(nvs_delete(&s.nvs, 0x8002), 0);
    CHECK_EQ(nvs_delete(&s.nvs, 0xC003), 0);
    CHECK_EQ(settings_reinit(&r, &s), 0);
    CHECK_EQ(nvs_read(&s.nvs, 0xC002, NULL, 0), NVS_E_NOENT);
    CHECK_EQ(nvs_read(&s.nvs, 0x8003, NULL, 0), NVS_E_NOENT);
    CHECK_EQ(s.last_name_id, 0x8001); /* both removed ids were the highest when met */
    check_value(&s, "app/a", "A");
    check_value(&s, "app/b", NULL);
    check_value(&s, "app/c", NULL);
    rig_close(&r);
}

/* The key set of the power-cut runs, before the operation. */
static const char *const cut_names[] = {"bt/keys/1", "bt/keys/2", "app/count", "app/gone", "app/last", "app/new",
                                        "app/fill"};
static const char *cut_values[] = {"key one", "key two", "41", NULL, "L", NULL, NULL};

/*
 * With full_sector, "app/fill" is rewritten until sector 2 is the write sector and has no room for
 * any value: the next write collects sector 0, where the other keys live.
 */
static void power_cut_baseline(struct settings *s, bool full_sector)
{
    set_str(s, "bt/keys/1", "key one");
    set_str(s, "bt/keys/2", "key two");
    set_str(s, "app/count", "41");
    set_str(s, "app/gone", "x");
    CHECK_EQ(settings_delete(s, "app/gone"), 0); /* leaves a free name id below the highest */
    set_str(s, "app/last", "L");
    cut_values[6] = NULL;
    if (!full_sector)
        return;
    static const char *const fill[] = {"0123456789012345678901234567890123456789", "a", "b"};
    for (unsigned n = 0; s->nvs.ate_wra / SECTOR != 2 || s->nvs.ate_wra >= s->nvs.data_wra + 12; n++) {
        /* Long values first, then 1-byte ones (12 bytes with their entry) to use up the sector. */
        const bool near_end = s->nvs.ate_wra / SECTOR == 2 && s->nvs.ate_wra < s->nvs.data_wra + 200;
        cut_values[6] = near_end ? fill[1 + n % 2] : fill[0] + n % 10;
        set_str(s, "app/fill", cut_values[6]);
    }
}

struct settings_op {
    const char *name;
    const char *value; /* NULL = delete */
};

static int run_settings_op(struct settings *s, const struct settings_op *op)
{
    return op->value ? settings_set(s, op->name, op->value, strlen(op->value)) : settings_delete(s, op->name);
}

/* Every key holds its baseline value, except op->name which may also hold the new one. */
static void check_old_or_new(struct rig *r, struct settings *s, const struct settings_op *op)
{
    for (size_t i = 0; i < sizeof cut_names / sizeof cut_names[0]; i++) {
        char buf[64] = "";
        const char *old = cut_values[i];
        const int rc = settings_get(s, cut_names[i], buf, sizeof buf - 1);
        const bool is_old = old ? rc == (int)strlen(old) && memcmp(buf, old, (size_t)rc) == 0 : rc == NVS_E_NOENT;
        const bool is_new = strcmp(cut_names[i], op->name) == 0 &&
                            (op->value ? rc == (int)strlen(op->value) && memcmp(buf, op->value, (size_t)rc) == 0
                                       : rc == NVS_E_NOENT);
        if (!is_old && !is_new)
            test_fail(__FILE__, __LINE__, "%s: unexpected result %d after a cut during %s", cut_names[i], rc,
                      op->name);
    }
    /* No half key: below the count every name id has both parts or neither. */
    for (uint16_t id = SETTINGS_NAME_ID_FIRST; id <= s->last_name_id; id++)
        CHECK_EQ(nvs_read(&s->nvs, id, NULL, 0) >= 0, nvs_read(&s->nvs, id + SETTINGS_VALUE_ID_OFFSET, NULL, 0) >= 0);
    set_str(s, "app/after", "works");
    CHECK_EQ(settings_reinit(r, s), 0);
    check_value(s, "app/after", "works");
}

static void cut_settings_ops(bool full_sector)
{
    static const struct settings_op ops[] = {
        {"app/count", "42"},  /* existing key: value only */
        {"app/new", "fresh"}, /* new key in the free id: value, then name */
        {"app/last", NULL},   /* highest key: count, name, value */
        {"bt/keys/1", NULL},  /* other key: name, value */
    };
    static uint8_t image[PART_SIZE];
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    power_cut_baseline(&s, full_sector);
    memcpy(image, rig_bytes(&r), PART_SIZE);
    rig_close(&r);

    uint32_t calls = 0, cuts = 0;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        rig_open(&r, SECTORS, 0);
        rig_load(&r, image, PART_SIZE);
        CHECK_EQ(settings_reinit(&r, &s), 0);
        const uint64_t before = flash_sim_calls(r.sim), erased = flash_sim_stats(r.sim).pages_erased;
        CHECK_EQ(run_settings_op(&s, &ops[i]), 0);
        const uint32_t n = (uint32_t)(flash_sim_calls(r.sim) - before);
        /* In a full sector every operation collects garbage: a value needs room, and of a key's two
         * deletes only the first fits the slot kept for deletes. */
        CHECK_EQ(flash_sim_stats(r.sim).pages_erased > erased, full_sector);
        rig_close(&r);
        CHECK(n > 0);
        calls += n;
        for (uint32_t k = 1; k <= n; k++) {
            rig_open(&r, SECTORS, 0);
            rig_load(&r, image, PART_SIZE);
            CHECK_EQ(settings_reinit(&r, &s), 0);
            flash_sim_cut_power_at(r.sim, k, 0x5E77 + 131 * k + i);
            CHECK_EQ(run_settings_op(&s, &ops[i]), FLASH_E_POWER_LOST);
            cuts++;
            flash_sim_reboot(r.sim);
            CHECK_EQ(settings_reinit(&r, &s), 0);
            check_old_or_new(&r, &s, &ops[i]);
            rig_close(&r);
        }
    }
    printf("power cuts, settings set/delete%s: %u changing calls, %u cuts\n", full_sector ? ", full sector" : "",
           calls, cuts);
    CHECK(cuts > 0);
    CHECK_EQ(cuts, calls);
}

TEST(power_cut_at_each_call_of_set_and_delete_keeps_old_or_new)
{
    cut_settings_ops(false);
}

TEST(power_cut_at_each_call_of_set_and_delete_that_collect_garbage_keeps_old_or_new)
{
    cut_settings_ops(true);
}

/*
 * SMP's storage erase cut at each flash call: after power returns the store either mounts with every
 * key holding its old value or gone (never garbage), or refuses to mount with an error; either way
 * erasing again gives an empty, working store.
 */
TEST(power_cut_at_each_call_of_storage_erase_recovers_by_erasing_again)
{
    static uint8_t image[PART_SIZE];
    struct rig r;
    struct settings s;
    settings_open(&r, &s);
    power_cut_baseline(&s, false);
    memcpy(image, rig_bytes(&r), PART_SIZE);
    const uint64_t before = flash_sim_calls(r.sim);
    CHECK_EQ(settings_storage_erase(&s), 0);
    const uint32_t calls = (uint32_t)(flash_sim_calls(r.sim) - before);
    rig_close(&r);
    CHECK(calls >= SECTORS);

    uint32_t cuts = 0, mounted = 0;
    for (uint32_t k = 1; k <= calls; k++) {
        rig_open(&r, SECTORS, 0);
        rig_load(&r, image, PART_SIZE);
        CHECK_EQ(settings_reinit(&r, &s), 0);
        flash_sim_cut_power_at(r.sim, k, 0xE2A5E + 17 * k);
        CHECK_EQ(settings_storage_erase(&s), FLASH_E_POWER_LOST);
        cuts++;
        flash_sim_reboot(r.sim);
        if (settings_reinit(&r, &s) == 0) {
            mounted++;
            for (size_t i = 0; i < sizeof cut_names / sizeof cut_names[0]; i++) {
                char buf[64] = "";
                const char *old = cut_values[i];
                const int rc = settings_get(&s, cut_names[i], buf, sizeof buf - 1);
                const bool is_old = old && rc == (int)strlen(old) && memcmp(buf, old, (size_t)rc) == 0;
                if (!is_old && rc != NVS_E_NOENT)
                    test_fail(__FILE__, __LINE__, "%s: result %d after a cut at erase call %u", cut_names[i], rc, k);
            }
        }
        CHECK_EQ(settings_storage_erase(&s), 0);
        check_value(&s, cut_names[0], NULL);
        set_str(&s, "app/after", "works");
        CHECK_EQ(settings_reinit(&r, &s), 0);
        check_value(&s, "app/after", "works");
        rig_close(&r);
    }
    printf("power cuts, storage erase: %u changing calls, %u cuts, %u mounted without a second erase\n", calls, cuts,
           mounted);
    CHECK_EQ(cuts, calls);
}
