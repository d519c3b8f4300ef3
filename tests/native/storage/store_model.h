/* What the store should hold: a RAM model of a few ids, checked against nvs.c and the layout walker. */
#ifndef STORE_MODEL_H
#define STORE_MODEL_H

#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "layout_check.h"
#include "nvs.h"

#define MODEL_IDS 64
#define MODEL_VALUE_MAX 128

struct store_model {
    uint16_t len[MODEL_IDS]; /* 0 = absent */
    uint8_t value[MODEL_IDS][MODEL_VALUE_MAX];
};

static inline void model_set(struct store_model *m, uint16_t id, const uint8_t *v, uint16_t len)
{
    m->len[id] = len;
    memcpy(m->value[id], v, len);
}

/* A value that differs with id, revision and length. */
static inline uint16_t model_make_value(uint8_t *out, uint16_t id, uint32_t revision, uint16_t len)
{
    for (uint16_t i = 0; i < len; i++)
        out[i] = (uint8_t)(id * 31u + revision * 7u + i);
    return len;
}

/* Ids below `ids` read back their model value (or NVS_E_NOENT) through nvs.c. */
static inline void model_check_nvs(const struct store_model *m, struct nvs_fs *fs, uint16_t ids)
{
    uint8_t buf[MODEL_VALUE_MAX];
    for (uint16_t id = 0; id < ids; id++) {
        const int rc = nvs_read(fs, id, buf, sizeof buf);
        if (m->len[id] == 0) {
            if (rc != NVS_E_NOENT)
                test_fail(__FILE__, __LINE__, "id %u: expected absent, read %d", id, rc);
        } else if (rc != m->len[id] || memcmp(buf, m->value[id], m->len[id]) != 0) {
            test_fail(__FILE__, __LINE__, "id %u: expected %u bytes, read %d (or other bytes)", id, m->len[id], rc);
        }
    }
}

/* Every model id resolves to its value through the independent layout walker. */
static inline void model_check_layout(const struct store_model *m, const struct layout *l)
{
    uint8_t buf[MODEL_VALUE_MAX];
    for (uint16_t id = 0; id < MODEL_IDS; id++) {
        const int rc = layout_value(l, id, buf, sizeof buf);
        if (m->len[id] == 0) {
            if (rc >= 0)
                test_fail(__FILE__, __LINE__, "layout: id %u expected absent, found %d bytes", id, rc);
        } else if (rc != m->len[id] || memcmp(buf, m->value[id], m->len[id]) != 0) {
            test_fail(__FILE__, __LINE__, "layout: id %u expected %u bytes, found %d (or other bytes)", id, m->len[id],
                      rc);
        }
    }
}

#endif /* STORE_MODEL_H */
