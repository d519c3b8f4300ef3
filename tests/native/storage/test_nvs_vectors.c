/*
 * Interoperability with Zephyr's NVS: the reference partitions written by Zephyr's nvs.c mount here
 * and read back what Zephyr read, and replaying the same operations here writes the same bytes.
 */
#include "layout_check.h"
#include "crc32.h"
#include "nvs_crc.h"
#include "nvs_vectors.h"
#include "storage_fixture.h"

static size_t load_vector(const char *file, uint8_t *image)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", NVS_VECTORS_DIR, file);
    const size_t len = load_file(path, image, PART_SIZE);
    CHECK_EQ(len, PART_SIZE);
    return len;
}

static void mount_vector(struct rig *r, const struct nvs_vector *v, uint8_t *image)
{
    rig_open(r, SECTORS, v->data_crc ? NVS_DATA_CRC : 0);
    rig_load(r, image, load_vector(v->file, image));
    CHECK_EQ(rig_mount(r), 0);
}

/* Zephyr addresses are sector << 16 | offset; ours are offsets from sector 0. */
static uint32_t from_zephyr_addr(uint32_t addr)
{
    return (addr >> 16) * SECTOR + (addr & 0xFFFFu);
}

static bool id_listed(uint16_t id, const struct nvs_vector *v)
{
    for (size_t i = 0; i < v->value_count; i++) {
        if (v->values[i].id == id)
            return true;
    }
    return false;
}

TEST(crc8_and_crc32_match_the_format_check_values)
{
    const uint8_t gc_done[7] = {0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF};
    const uint8_t first[7] = {0x01, 0x00, 0x00, 0x00, 0x05, 0x00, 0xFF};
    CHECK_EQ(nvs_crc8_ate(gc_done), 0x5C);
    CHECK_EQ(nvs_crc8_ate(first), 0xA8);
    CHECK_EQ(crc32_ieee(0, "123456789", 9), 0xCBF43926u);
    CHECK_EQ(crc32_ieee(0, "hello", 5), 0x3610A686u);
    /* Chained calls give the CRC of the concatenation. */
    CHECK_EQ(crc32_ieee(crc32_ieee(0, "1234", 4), "56789", 5), 0xCBF43926u);
}

TEST(every_reference_image_mounts_and_reads_back_what_zephyr_read)
{
    static uint8_t image[PART_SIZE], value[PART_SIZE], got[PART_SIZE];
    CHECK(nvs_vector_count >= 8);
    for (size_t i = 0; i < nvs_vector_count; i++) {
        const struct nvs_vector *v = &nvs_vectors[i];
        struct rig r;
        mount_vector(&r, v, image);
        /* Mount computes Zephyr's positions and does not touch these images. */
        CHECK_EQ(r.fs.ate_wra, from_zephyr_addr(v->ate_wra));
        CHECK_EQ(r.fs.data_wra, from_zephyr_addr(v->data_wra));
        CHECK_MEM_EQ(rig_bytes(&r), image, PART_SIZE);
        CHECK_EQ(nvs_calc_free_space(&r.fs), v->free_space);

        for (size_t k = 0; k < v->value_count; k++) {
            const size_t len = hex_decode(v->values[k].hex, value, sizeof value);
            memset(got, 0, len);
            CHECK_EQ(nvs_read(&r.fs, v->values[k].id, got, sizeof got), len);
            CHECK_MEM_EQ(got, value, len);
        }
        for (size_t k = 0; k < v->deleted_count; k++)
            CHECK_EQ(nvs_read(&r.fs, v->deleted[k], got, sizeof got), NVS_E_NOENT);
        for (size_t k = 0; k < v->never_committed_count; k++)
            CHECK_EQ(nvs_read(&r.fs, v->never_committed[k], got, sizeof got), NVS_E_NOENT);
        for (uint32_t id = 0; id < NVS_ID_RESERVED; id++) {
            if (!id_listed((uint16_t)id, v) && nvs_read(&r.fs, (uint16_t)id, got, sizeof got) != NVS_E_NOENT)
                test_fail(__FILE__, __LINE__, "%s: id 0x%04x reads as present", v->file, id);
        }
        rig_close(&r);
    }
}

TEST(reference_images_written_without_cuts_pass_the_independent_layout_check)
{
    static uint8_t image[PART_SIZE], got[PART_SIZE], value[PART_SIZE];
    for (size_t i = 0; i < nvs_vector_count; i++) {
        const struct nvs_vector *v = &nvs_vectors[i];
        if (strstr(v->file, "_cut_") != NULL) /* orphan data by design */
            continue;
        load_vector(v->file, image);
        const struct layout l = {image, SECTOR, SECTORS, v->data_crc};
        layout_check(&l);
        for (size_t k = 0; k < v->value_count; k++) {
            const size_t len = hex_decode(v->values[k].hex, value, sizeof value);
            CHECK_EQ(layout_value(&l, v->values[k].id, got, sizeof got), len);
            CHECK_MEM_EQ(got, value, len);
        }
    }
}

TEST(after_mount_a_new_write_lands_at_data_wra_and_survives_a_remount)
{
    static uint8_t image[PART_SIZE];
    for (size_t i = 0; i < nvs_vector_count; i++) {
        const struct nvs_vector *v = &nvs_vectors[i];
        if (v->data_crc || strstr(v->file, "full") != NULL)
            continue;
        struct rig r;
        mount_vector(&r, v, image);
        const uint32_t data_wra = r.fs.data_wra;
        const uint8_t one = 0x5A;
        CHECK_EQ(nvs_write(&r.fs, 0x1234, &one, 1), 1);
        CHECK_EQ(rig_bytes(&r)[data_wra], 0x5A);
        CHECK_EQ(rig_mount(&r), 0);
        uint8_t back = 0;
        CHECK_EQ(nvs_read(&r.fs, 0x1234, &back, 1), 1);
        CHECK_EQ(back, 0x5A);
        rig_close(&r);
    }
}

TEST(full_reference_image_refuses_a_write_but_accepts_a_delete)
{
    static uint8_t image[PART_SIZE];
    for (size_t i = 0; i < nvs_vector_count; i++) {
        const struct nvs_vector *v = &nvs_vectors[i];
        if (strstr(v->file, "full") == NULL)
            continue;
        struct rig r;
        mount_vector(&r, v, image);
        const uint8_t one = 1;
        CHECK_EQ(nvs_write(&r.fs, 0x7000, &one, 1), NVS_E_NOSPC);
        /* Garbage collection ran through the sectors, yet every value is still there. */
        for (size_t k = 0; k < v->value_count; k++)
            CHECK(nvs_read(&r.fs, v->values[k].id, NULL, 0) > 0);
        CHECK_EQ(nvs_delete(&r.fs, 1), 0);
        CHECK_EQ(nvs_read(&r.fs, 1, NULL, 0), NVS_E_NOENT);
        CHECK_EQ(rig_mount(&r), 0);
        CHECK_EQ(nvs_read(&r.fs, 1, NULL, 0), NVS_E_NOENT);
        CHECK(nvs_read(&r.fs, 2, NULL, 0) == 32);
        rig_close(&r);
        return;
    }
    test_fail(__FILE__, __LINE__, "no full image among the vectors");
}

/* ---- replaying the reference scenarios must give Zephyr's bytes ---- */

static const uint8_t value_a[] = "hello";
static const uint8_t value_b[] = "nRF5340 NVS";

static void write_basic(struct rig *r)
{
    uint8_t c[40];
    for (int i = 0; i < 40; i++)
        c[i] = (uint8_t)(0xA0 + i);
    CHECK_EQ(nvs_write(&r->fs, 1, value_a, 5), 5);
    CHECK_EQ(nvs_write(&r->fs, 2, value_b, 11), 11);
    CHECK_EQ(nvs_write(&r->fs, 3, c, 40), 40);
}

/* id 1 revision n: "id1 rev <n> " then bytes (3n + j) & 0xFF up to 48 bytes. */
static void rewrite_id1(struct rig *r, int revisions)
{
    for (int n = 1; n <= revisions; n++) {
        uint8_t v[48];
        int j = snprintf((char *)v, sizeof v, "id1 rev %d ", n);
        for (; j < 48; j++)
            v[j] = (uint8_t)(3 * n + j);
        CHECK_EQ(nvs_write(&r->fs, 1, v, sizeof v), 48);
    }
}

static void check_same_as_vector(struct rig *r, const char *file)
{
    static uint8_t image[PART_SIZE];
    load_vector(file, image);
    CHECK_MEM_EQ(rig_bytes(r), image, PART_SIZE);
}

TEST(replaying_the_reference_scenarios_writes_zephyrs_bytes)
{
    struct rig r;
    for (int crc = 0; crc <= 1; crc++) {
        rig_open(&r, SECTORS, crc ? NVS_DATA_CRC : 0);
        CHECK_EQ(rig_mount(&r), 0);
        write_basic(&r);
        check_same_as_vector(&r, crc ? "nvs_06_datacrc_basic.bin" : "nvs_01_basic.bin");
        if (!crc) {
            CHECK_EQ(nvs_delete(&r.fs, 2), 0);
            check_same_as_vector(&r, "nvs_03_delete.bin");
        }
        rig_close(&r);

        rig_open(&r, SECTORS, crc ? NVS_DATA_CRC : 0);
        CHECK_EQ(rig_mount(&r), 0);
        write_basic(&r);
        rewrite_id1(&r, 300);
        check_same_as_vector(&r, crc ? "nvs_06b_datacrc_gc_rewrite.bin" : "nvs_02_gc_rewrite.bin");
        rig_close(&r);
    }
}

/* New ids with 32-byte values until no space, then 16, 8, 4, 1 bytes; a refused write is rolled back. */
TEST(filling_the_partition_like_the_reference_writes_zephyrs_full_image)
{
    static uint8_t before[PART_SIZE];
    static const size_t sizes[] = {32, 16, 8, 4, 1};
    struct rig r;
    rig_open(&r, SECTORS, 0);
    CHECK_EQ(rig_mount(&r), 0);
    uint16_t id = 1;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (;;) {
            uint8_t v[32];
            for (size_t j = 0; j < sizes[s]; j++)
                v[j] = (uint8_t)(5 * id + j);
            v[0] = (uint8_t)id;
            if (sizes[s] > 1)
                v[1] = (uint8_t)(id >> 8);
            memcpy(before, rig_bytes(&r), PART_SIZE);
            const int rc = nvs_write(&r.fs, id, v, sizes[s]);
            if (rc == NVS_E_NOSPC) {
                rig_load(&r, before, PART_SIZE);
                CHECK_EQ(rig_mount(&r), 0);
                break;
            }
            CHECK_EQ(rc, sizes[s]);
            id++;
        }
    }
    CHECK_EQ(id, 307);
    check_same_as_vector(&r, "nvs_04_full.bin");
    rig_close(&r);
}
