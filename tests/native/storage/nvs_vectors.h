/* The reference NVS images (shared/vectors/nvs) and what Zephyr read back from them. */
#ifndef NVS_VECTORS_H
#define NVS_VECTORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nvs_vector_value {
    uint16_t id;
    const char *hex;
};

struct nvs_vector {
    const char *file;
    bool data_crc;
    uint32_t ate_wra;  /* Zephyr address after mount: sector << 16 | offset */
    uint32_t data_wra; /* same encoding */
    int free_space;    /* nvs_calc_free_space after mount */
    const struct nvs_vector_value *values;
    size_t value_count;
    const uint16_t *deleted;
    size_t deleted_count;
    const uint16_t *never_committed;
    size_t never_committed_count;
};

/* Generated at configure time from expected.json. */
extern const struct nvs_vector nvs_vectors[];
extern const size_t nvs_vector_count;

#endif /* NVS_VECTORS_H */
