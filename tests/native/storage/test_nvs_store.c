/* NVS behaviour: arguments, round trips, history, garbage collection, a full partition, damage. */
#include <stdlib.h>

#include "storage_fixture.h"
#include "store_model.h"

static struct layout part_layout(const struct rig *r)
{
    return (struct layout){rig_bytes(r), SECTOR, r->sectors, (r->flags & NVS_DATA_CRC) != 0};
}

TEST(mount_refuses_bad_geometry_and_operations_need_a_mount)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    struct nvs_fs fs;
    CHECK_EQ(nvs_mount(&fs, NULL, PART_ADDR, SECTOR, 4, 0), NVS_E_INVAL);
    CHECK_EQ(nvs_mount(&fs, r.dev, PART_ADDR, 0, 4, 0), NVS_E_INVAL);
    CHECK_EQ(nvs_mount(&fs, r.dev, PART_ADDR, 2048, 4, 0), NVS_E_INVAL);       /* not a page multiple */
    CHECK_EQ(nvs_mount(&fs, r.dev, PART_ADDR, 0x20000, 2, 0), NVS_E_INVAL);    /* offsets are 16-bit */
    CHECK_EQ(nvs_mount(&fs, r.dev, PART_ADDR, SECTOR, 1, 0), NVS_E_INVAL);     /* GC needs two */
    CHECK_EQ(nvs_mount(&fs, r.dev, PART_ADDR + 4, SECTOR, 4, 0), NVS_E_INVAL); /* not page aligned */
    CHECK_EQ(nvs_mount(&fs, r.dev, FLASH_BASE + FLASH_SIZE - SECTOR, SECTOR, 2, 0), NVS_E_INVAL);
    CHECK_EQ(nvs_mount(&fs, r.dev, FLASH_BASE + FLASH_SIZE + SECTOR, SECTOR, 2, 0), NVS_E_INVAL);
    CHECK_EQ(nvs_mount(&fs, r.dev, PART_ADDR, SECTOR, 4, 0x80), NVS_E_INVAL); /* unknown flag */
    CHECK_EQ(nvs_mount(NULL, r.dev, PART_ADDR, SECTOR, 4, 0), NVS_E_INVAL);

    uint8_t b = 1;
    CHECK_EQ(nvs_write(&fs, 1, &b, 1), NVS_E_NOT_MOUNTED);
    CHECK_EQ(nvs_read(&fs, 1, &b, 1), NVS_E_NOT_MOUNTED);
    CHECK_EQ(nvs_delete(&fs, 1), NVS_E_NOT_MOUNTED);
    CHECK_EQ(nvs_calc_free_space(&fs), NVS_E_NOT_MOUNTED);
    CHECK_EQ(nvs_clear(&fs), NVS_E_NOT_MOUNTED); /* no geometry known */
    CHECK(strstr(nvs_strerror(NVS_E_NOSPC), "full") != NULL);
    CHECK(strstr(nvs_strerror(FLASH_E_POWER_LOST), "power") != NULL);
    rig_close(&r);
}

TEST(blank_partition_mounts_empty_with_one_gc_done_entry)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    static const uint8_t gc_done[8] = {0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0x5C};
    CHECK_MEM_EQ(rig_bytes(&r) + SECTOR - 16, gc_done, 8);
    for (size_t i = 0; i < PART_SIZE; i++) {
        if ((i < SECTOR - 16 || i >= SECTOR - 8) && rig_bytes(&r)[i] != 0xFF)
            test_fail(__FILE__, __LINE__, "byte 0x%zx written", i);
    }
    CHECK_EQ(nvs_calc_free_space(&r.fs), 3 * (SECTOR - 16) - 8);
    CHECK_EQ(nvs_read(&r.fs, 0, NULL, 0), NVS_E_NOENT);
    /* A second mount finds the same state and writes nothing. */
    const uint64_t calls = flash_sim_calls(r.sim);
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(flash_sim_calls(r.sim), calls);
    layout_check(&(struct layout){rig_bytes(&r), SECTOR, SECTORS, false});
    rig_close(&r);
}

TEST(values_round_trip_and_bad_arguments_get_clear_errors)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    const size_t max = nvs_max_value_len(&r.fs);
    CHECK_EQ(max, SECTOR - 32);
    static uint8_t big[SECTOR], back[SECTOR];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 13 + 1);

    for (size_t len = 1; len <= 9; len++) {
        CHECK_EQ(nvs_write(&r.fs, (uint16_t)(100 + len), big, len), len);
        memset(back, 0, len);
        CHECK_EQ(nvs_read(&r.fs, (uint16_t)(100 + len), back, sizeof back), len);
        CHECK_MEM_EQ(back, big, len);
    }
    CHECK_EQ(nvs_write(&r.fs, 0, big, max), max); /* ids 0 and 0xFFFE are ordinary ids */
    CHECK_EQ(nvs_read(&r.fs, 0, back, sizeof back), max);
    CHECK_MEM_EQ(back, big, max);
    CHECK_EQ(nvs_write(&r.fs, 0xFFFE, big, 3), 3);
    CHECK_EQ(nvs_read(&r.fs, 0xFFFE, back, 3), 3);

    /* A short buffer gets the start of the value and the full length. */
    memset(back, 0, 8);
    CHECK_EQ(nvs_read(&r.fs, 109, back, 2), 9);
    CHECK_MEM_EQ(back, big, 2);
    CHECK_EQ(back[2], 0);
    CHECK_EQ(nvs_read(&r.fs, 109, NULL, 0), 9);

    CHECK_EQ(nvs_write(&r.fs, 1, big, max + 1), NVS_E_INVAL);
    CHECK_EQ(nvs_write(&r.fs, 1, big, 0), NVS_E_INVAL);
    CHECK_EQ(nvs_write(&r.fs, 1, NULL, 4), NVS_E_INVAL);
    CHECK_EQ(nvs_write(&r.fs, NVS_ID_RESERVED, big, 4), NVS_E_INVAL);
    CHECK_EQ(nvs_read(&r.fs, NVS_ID_RESERVED, back, 4), NVS_E_INVAL);
    CHECK_EQ(nvs_delete(&r.fs, NVS_ID_RESERVED), NVS_E_INVAL);
    CHECK_EQ(nvs_read(&r.fs, 1, NULL, 4), NVS_E_INVAL);

    /* Unchanged values, absent and repeated deletes write nothing. */
    const uint64_t calls = flash_sim_calls(r.sim);
    CHECK_EQ(nvs_write(&r.fs, 105, big, 5), 0);
    CHECK_EQ(nvs_delete(&r.fs, 4242), 0);
    CHECK_EQ(flash_sim_calls(r.sim), calls);
    CHECK_EQ(nvs_delete(&r.fs, 105), 0);
    CHECK(flash_sim_calls(r.sim) > calls);
    const uint64_t after_delete = flash_sim_calls(r.sim);
    CHECK_EQ(nvs_delete(&r.fs, 105), 0);
    CHECK_EQ(flash_sim_calls(r.sim), after_delete);
    CHECK_EQ(nvs_read(&r.fs, 105, back, sizeof back), NVS_E_NOENT);
    CHECK_EQ(nvs_write(&r.fs, 105, big + 1, 5), 5);
    CHECK_EQ(nvs_read(&r.fs, 105, back, sizeof back), 5);
    CHECK_MEM_EQ(back, big + 1, 5);

    /* Everything survives a remount, and the layout is Zephyr's. */
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 0, back, sizeof back), max);
    CHECK_MEM_EQ(back, big, max);
    CHECK_EQ(nvs_read(&r.fs, 105, back, sizeof back), 5);
    CHECK_EQ(nvs_read(&r.fs, 103, back, sizeof back), 3);
    layout_check(&(struct layout){rig_bytes(&r), SECTOR, SECTORS, false});
    rig_close(&r);
}

TEST(history_reads_walk_back_through_older_values)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    char buf[8];
    CHECK_EQ(nvs_write(&r.fs, 5, "one", 3), 3);
    CHECK_EQ(nvs_write(&r.fs, 6, "other", 5), 5);
    CHECK_EQ(nvs_write(&r.fs, 5, "two!", 4), 4);
    CHECK_EQ(nvs_write(&r.fs, 5, "three", 5), 5);
    CHECK_EQ(nvs_read_hist(&r.fs, 5, buf, sizeof buf, 0), 5);
    CHECK_MEM_EQ(buf, "three", 5);
    CHECK_EQ(nvs_read_hist(&r.fs, 5, buf, sizeof buf, 1), 4);
    CHECK_MEM_EQ(buf, "two!", 4);
    CHECK_EQ(nvs_read_hist(&r.fs, 5, buf, sizeof buf, 2), 3);
    CHECK_MEM_EQ(buf, "one", 3);
    CHECK_EQ(nvs_read_hist(&r.fs, 5, buf, sizeof buf, 3), NVS_E_NOENT);
    /* A delete is the newest entry: current reads fail, the history is still there. */
    CHECK_EQ(nvs_delete(&r.fs, 5), 0);
    CHECK_EQ(nvs_read_hist(&r.fs, 5, buf, sizeof buf, 0), NVS_E_NOENT);
    CHECK_EQ(nvs_read_hist(&r.fs, 5, buf, sizeof buf, 1), 5);
    CHECK_MEM_EQ(buf, "three", 5);
    rig_close(&r);
}

/* Random writes and deletes of 48 ids with lengths up to 128 bytes: many garbage collections. */
static void random_churn(uint16_t sectors, uint32_t flags)
{
    struct rig r;
    static struct store_model m;
    memset(&m, 0, sizeof m);
    rig_open(&r, sectors, flags);
    CHECK_EQ(rig_mount(&r), 0);
    srand(7);
    for (uint32_t op = 0; op < 4000; op++) {
        const uint16_t id = (uint16_t)(rand() % 48);
        if (rand() % 8 == 0) {
            CHECK_EQ(nvs_delete(&r.fs, id), 0);
            m.len[id] = 0;
        } else {
            uint8_t v[MODEL_VALUE_MAX];
            const uint16_t len = model_make_value(v, id, op, (uint16_t)(1 + rand() % (MODEL_VALUE_MAX / (1 + id % 4))));
            CHECK_EQ(nvs_write(&r.fs, id, v, len), len);
            model_set(&m, id, v, len);
        }
        if (op % 500 == 499) {
            model_check_nvs(&m, &r.fs, MODEL_IDS);
            const struct layout l = part_layout(&r);
            layout_check(&l);
            model_check_layout(&m, &l);
            CHECK_EQ(rig_mount(&r), 0);
            model_check_nvs(&m, &r.fs, MODEL_IDS);
        }
    }
    const struct flash_sim_stats st = flash_sim_stats(r.sim);
    CHECK(st.pages_erased > 5 * (uint64_t)sectors); /* the log went round many times */
    rig_close(&r);
}

TEST(many_keys_survive_repeated_garbage_collection)
{
    random_churn(SECTORS, 0);
}

TEST(many_keys_survive_repeated_garbage_collection_with_data_crc)
{
    random_churn(SECTORS, NVS_DATA_CRC);
}

TEST(two_sector_partition_collects_garbage_too)
{
    random_churn(2, 0);
}

/* Flash with 8- or 16-byte write units: entry slots and data padding follow the write unit. */
TEST(wider_write_units_work)
{
    static const uint32_t units[] = {8, 16, 32};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        for (uint32_t flags = 0; flags <= NVS_DATA_CRC; flags += NVS_DATA_CRC) {
            const struct flash_sim_config cfg = {.base = 0, .size = PART_SIZE, .page_size = SECTOR,
                                                 .write_unit = units[u], .max_writes_per_word = 1};
            char err[FLASH_SIM_ERROR_LEN];
            struct flash_sim *sim = flash_sim_open(&cfg, err, sizeof err);
            CHECK(sim != NULL);
            struct nvs_fs fs;
            CHECK_EQ(nvs_mount(&fs, flash_sim_dev(sim), 0, SECTOR, SECTORS, flags), 0);
            CHECK_EQ(fs.ate_size, units[u] > 8 ? units[u] : 8);
            CHECK_EQ(nvs_max_value_len(&fs), SECTOR - 4 * fs.ate_size - (flags ? 4 : 0));
            static struct store_model m;
            memset(&m, 0, sizeof m);
            for (uint32_t op = 0; op < 1500; op++) {
                uint8_t v[MODEL_VALUE_MAX];
                const uint16_t id = (uint16_t)(op % 13), len = (uint16_t)(1 + (op * 7) % 60);
                model_make_value(v, id, op, len);
                CHECK_EQ(nvs_write(&fs, id, v, len), len);
                model_set(&m, id, v, len);
            }
            CHECK(flash_sim_stats(sim).pages_erased > SECTORS);
            model_check_nvs(&m, &fs, MODEL_IDS);
            CHECK_EQ(nvs_mount(&fs, flash_sim_dev(sim), 0, SECTOR, SECTORS, flags), 0);
            model_check_nvs(&m, &fs, MODEL_IDS);
            flash_sim_close(sim);
        }
    }
}

TEST(sectors_of_several_pages_work)
{
    struct rig r;
    rig_open(&r, 2, 0);
    CHECK_EQ(nvs_mount(&r.fs, r.dev, PART_ADDR, 2 * SECTOR, 2, 0), 0);
    /* Two sectors: an update must fit beside the copy of the old value. */
    static uint8_t v[3000], back[3000];
    for (size_t i = 0; i < sizeof v; i++)
        v[i] = (uint8_t)i;
    CHECK_EQ(nvs_max_value_len(&r.fs), 2 * SECTOR - 32);
    for (int rev = 0; rev < 5; rev++) {
        v[0] = (uint8_t)rev;
        CHECK_EQ(nvs_write(&r.fs, 9, v, sizeof v), sizeof v);
    }
    CHECK_EQ(nvs_mount(&r.fs, r.dev, PART_ADDR, 2 * SECTOR, 2, 0), 0);
    CHECK_EQ(nvs_read(&r.fs, 9, back, sizeof back), sizeof v);
    CHECK_MEM_EQ(back, v, sizeof v);
    rig_close(&r);
}

TEST(full_partition_gives_no_space_and_keeps_every_value)
{
    struct rig r;
    static struct store_model m;
    memset(&m, 0, sizeof m);
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    /* The model covers ids < MODEL_IDS; later ids are checked by their recorded length only. */
    static uint16_t len_of[1000];
    uint16_t id = 0;
    uint8_t v[MODEL_VALUE_MAX];
    /* New ids of 20..69 bytes until one does not fit, then of 1 byte until not even that fits. */
    for (int one_byte = 0; one_byte <= 1; one_byte++) {
        for (;; id++) {
            const uint16_t len = model_make_value(v, id, 0, (uint16_t)(one_byte ? 1 : 20 + id % 50));
            const int rc = nvs_write(&r.fs, id, v, len);
            if (rc == NVS_E_NOSPC)
                break;
            CHECK_EQ(rc, len);
            len_of[id] = len;
            if (id < MODEL_IDS)
                model_set(&m, id, v, len);
        }
    }
    CHECK(id > 200);
    CHECK_EQ(nvs_write(&r.fs, id, v, 1), NVS_E_NOSPC);
    CHECK(nvs_calc_free_space(&r.fs) < 24);
    model_check_nvs(&m, &r.fs, MODEL_IDS);
    for (uint16_t k = 0; k < id; k++)
        CHECK_EQ(nvs_read(&r.fs, k, NULL, 0), len_of[k]);
    /* Overwriting with an equal value needs no space. */
    CHECK_EQ(nvs_write(&r.fs, 3, m.value[3], m.len[3]), 0);

    /* Deleting makes room again, after a remount too. */
    for (uint16_t k = 0; k < 20; k++) {
        CHECK_EQ(nvs_delete(&r.fs, k), 0);
        m.len[k] = 0;
    }
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_write(&r.fs, 5, v, 100), 100);
    model_set(&m, 5, v, 100);
    model_check_nvs(&m, &r.fs, MODEL_IDS);
    for (uint16_t k = MODEL_IDS; k < id; k++)
        CHECK_EQ(nvs_read(&r.fs, k, NULL, 0), len_of[k]);
    const struct layout l = part_layout(&r);
    layout_check(&l);
    model_check_layout(&m, &l);
    rig_close(&r);
}

/* Position of the newest entry with id, found with the layout walker's rules (write sector only). */
static uint32_t newest_entry_slot(const struct rig *r, uint16_t id)
{
    const uint8_t *p = rig_bytes(r);
    for (uint32_t slot = r->fs.ate_wra + 8; slot % SECTOR != SECTOR - 8; slot += 8) {
        if ((p[slot] | p[slot + 1] << 8) == id)
            return slot;
    }
    test_fail(__FILE__, __LINE__, "id %u not in the write sector", id);
}

/*
 * Clears the lowest set bit of the byte at pos (a second write to that word, as flash allows).
 * Aimed at an entry's `part` byte (always 0xFF, covered by the CRC-8) it breaks the entry.
 */
static void damage_byte(struct rig *r, uint32_t pos)
{
    uint8_t word[4];
    memcpy(word, rig_bytes(r) + (pos & ~3u), 4);
    const uint8_t byte = word[pos & 3];
    CHECK(byte != 0);
    word[pos & 3] = (uint8_t)(byte & (byte - 1));
    CHECK_EQ(flash_write(r->dev, PART_ADDR + (pos & ~3u), word, 4), FLASH_OK);
}

TEST(entry_with_bad_crc8_is_skipped_and_the_previous_value_kept)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    char buf[8];
    CHECK_EQ(nvs_write(&r.fs, 7, "old", 3), 3);
    CHECK_EQ(nvs_write(&r.fs, 8, "x", 1), 1);
    CHECK_EQ(nvs_write(&r.fs, 7, "new", 3), 3);
    CHECK_EQ(nvs_write(&r.fs, 9, "y", 1), 1);
    damage_byte(&r, newest_entry_slot(&r, 7) + 6); /* part byte */
    CHECK_EQ(nvs_read(&r.fs, 7, buf, sizeof buf), 3);
    CHECK_MEM_EQ(buf, "old", 3);
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 7, buf, sizeof buf), 3);
    CHECK_MEM_EQ(buf, "old", 3);
    CHECK_EQ(nvs_read(&r.fs, 9, buf, sizeof buf), 1);
    /* The damaged newest entry of the write sector: mount steps past it. */
    damage_byte(&r, newest_entry_slot(&r, 9) + 6);
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 9, buf, sizeof buf), NVS_E_NOENT);
    CHECK_EQ(nvs_write(&r.fs, 9, "z", 1), 1);
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 9, buf, sizeof buf), 1);
    CHECK_EQ(buf[0], 'z');
    CHECK_EQ(nvs_read(&r.fs, 8, buf, sizeof buf), 1);
    rig_close(&r);
}

TEST(value_with_bad_data_crc_is_skipped_and_the_previous_value_kept_through_gc)
{
    struct rig r;
    rig_open(&r, SECTORS, NVS_DATA_CRC);
    CHECK_EQ(rig_mount(&r), 0);
    char buf[16];
    CHECK_EQ(nvs_write(&r.fs, 7, "good value", 10), 10);
    CHECK_EQ(nvs_write(&r.fs, 7, "damaged value", 13), 13);
    const uint32_t slot = newest_entry_slot(&r, 7);
    const uint8_t *entry = rig_bytes(&r) + slot;
    damage_byte(&r, (slot / SECTOR) * SECTOR + (uint32_t)(entry[2] | entry[3] << 8) + 1);
    CHECK_EQ(nvs_read(&r.fs, 7, buf, sizeof buf), 10);
    CHECK_MEM_EQ(buf, "good value", 10);
    /* Writing the good value again changes nothing: it is the current one. */
    CHECK_EQ(nvs_write(&r.fs, 7, "good value", 10), 0);
    /* Push both entries through garbage collection: the good one is the one copied. */
    uint8_t v[100];
    for (uint16_t n = 0; n < 200; n++) {
        model_make_value(v, 20, n, sizeof v);
        CHECK_EQ(nvs_write(&r.fs, 20, v, sizeof v), sizeof v);
    }
    CHECK(flash_sim_stats(r.sim).pages_erased >= SECTORS);
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 7, buf, sizeof buf), 10);
    CHECK_MEM_EQ(buf, "good value", 10);
    layout_check(&(struct layout){rig_bytes(&r), SECTOR, SECTORS, true});
    rig_close(&r);
}

TEST(garbage_partition_is_refused_and_clear_makes_it_usable)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    static uint8_t junk[PART_SIZE];
    srand(11);
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (uint8_t)rand();
    rig_load(&r, junk, sizeof junk);
    CHECK_EQ(rig_mount(&r), NVS_E_CORRUPT);
    uint8_t b = 0;
    CHECK_EQ(nvs_write(&r.fs, 1, &b, 1), NVS_E_NOT_MOUNTED);
    CHECK_EQ(nvs_clear(&r.fs), 0);
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 1, &b, 1), NVS_E_NOENT);
    CHECK_EQ(nvs_write(&r.fs, 1, &b, 1), 1);
    rig_close(&r);
}

/* Random damage in random places: mount and every operation end with a result, never a crash. */
TEST(random_damage_never_crashes)
{
    struct rig r;
    static uint8_t image[PART_SIZE];
    srand(99);
    for (int round = 0; round < 150; round++) {
        rig_open(&r, SECTORS, round % 2 ? NVS_DATA_CRC : 0);
        CHECK_EQ(rig_mount(&r), 0);
        for (uint16_t n = 0; n < 120; n++) {
            uint8_t v[40];
            model_make_value(v, n % 9, n, (uint16_t)(1 + n % 40));
            CHECK(nvs_write(&r.fs, n % 9, v, 1 + n % 40) > 0);
        }
        memcpy(image, rig_bytes(&r), PART_SIZE);
        const int hits = 1 + rand() % 40;
        for (int h = 0; h < hits; h++) {
            const size_t at = (size_t)rand() % PART_SIZE;
            image[at] = rand() % 3 == 0 ? 0xFF : (uint8_t)rand();
        }
        rig_load(&r, image, PART_SIZE);
        if (rig_mount(&r) == 0) {
            uint8_t buf[64];
            for (uint16_t id = 0; id < 12; id++) {
                const int rc = nvs_read(&r.fs, id, buf, sizeof buf);
                CHECK(rc > 0 || rc == NVS_E_NOENT || rc == NVS_E_CORRUPT);
            }
            /* A write that reports success reads back, damage or not. */
            if (nvs_write(&r.fs, 3, "after damage", 12) == 12) {
                CHECK_EQ(nvs_read(&r.fs, 3, buf, sizeof buf), 12);
                CHECK_MEM_EQ(buf, "after damage", 12);
                CHECK(nvs_calc_free_space(&r.fs) >= 0);
            }
        }
        rig_close(&r);
    }
}

TEST(flash_error_during_a_write_unmounts_and_a_new_mount_recovers)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    char buf[8];
    CHECK_EQ(nvs_write(&r.fs, 1, "kept", 4), 4);
    CHECK_EQ(flash_sim_lock(r.sim, PART_ADDR, PART_SIZE), FLASH_OK);
    CHECK_EQ(nvs_write(&r.fs, 1, "lost", 4), FLASH_E_LOCKED);
    CHECK_EQ(nvs_read(&r.fs, 1, buf, sizeof buf), NVS_E_NOT_MOUNTED);
    flash_sim_reboot(r.sim); /* locks last until reset */
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 1, buf, sizeof buf), 4);
    CHECK_MEM_EQ(buf, "kept", 4);
    rig_close(&r);
}

TEST(clear_erases_every_sector_and_unmounts)
{
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    uint8_t v[200] = {1};
    for (int n = 0; n < 60; n++)
        CHECK(nvs_write(&r.fs, (uint16_t)(n % 5), v, sizeof v - (size_t)n) > 0);
    CHECK_EQ(nvs_clear(&r.fs), 0);
    for (size_t i = 0; i < PART_SIZE; i++)
        CHECK_EQ(rig_bytes(&r)[i], 0xFF);
    CHECK_EQ(nvs_read(&r.fs, 1, v, 1), NVS_E_NOT_MOUNTED);
    CHECK_EQ(rig_mount(&r), 0);
    CHECK_EQ(nvs_read(&r.fs, 1, v, 1), NVS_E_NOENT);
    rig_close(&r);
}
