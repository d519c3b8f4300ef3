#include "settings.h"

#include <string.h>

static int name_check(const char *name)
{
    if (name == NULL || name[0] == '\0')
        return SETTINGS_E_BAD_NAME;
    for (size_t i = 1; i <= SETTINGS_NAME_MAX; i++) {
        if (name[i] == '\0')
            return 0;
    }
    return SETTINGS_E_BAD_NAME;
}

static int name_count_write(struct settings *s, uint16_t last)
{
    const uint8_t raw[2] = {(uint8_t)last, (uint8_t)(last >> 8)};
    s->last_name_id = last;
    int rc = nvs_write(&s->nvs, SETTINGS_NAME_COUNT_ID, raw, sizeof raw);
    return rc < 0 ? rc : 0;
}

/*
 * Reads the name stored at id into buf (SETTINGS_NAME_MAX + 1 bytes, terminated).
 * Returns its length, NVS_E_NOENT, or SETTINGS_E_BAD_NAME for a name too long for us.
 */
static int name_read(struct settings *s, uint16_t id, char *buf)
{
    int rc = nvs_read(&s->nvs, id, buf, SETTINGS_NAME_MAX);
    if (rc < 0)
        return rc;
    if (rc > SETTINGS_NAME_MAX)
        return SETTINGS_E_BAD_NAME;
    buf[rc] = '\0';
    return rc;
}

/* Name id holding `name` (0 if none); *free_id gets the lowest unused name id below the last one (0 if none). */
static int name_find(struct settings *s, const char *name, uint16_t *found, uint16_t *free_id)
{
    char stored[SETTINGS_NAME_MAX + 1];
    *found = 0;
    *free_id = 0;
    for (uint16_t id = s->last_name_id; id >= SETTINGS_NAME_ID_FIRST; id--) {
        int rc = name_read(s, id, stored);
        if (rc == NVS_E_NOENT) {
            *free_id = id;
            continue;
        }
        if (rc == SETTINGS_E_BAD_NAME)
            continue;
        if (rc < 0)
            return rc;
        if (strcmp(stored, name) == 0) {
            *found = id;
            return 0;
        }
    }
    return 0;
}

/* A power cut between the two writes of a new key, or the two deletes of a removal, leaves half a key. */
static int remove_half_keys(struct settings *s)
{
    for (uint16_t id = s->last_name_id; id >= SETTINGS_NAME_ID_FIRST; id--) {
        const int name_len = nvs_read(&s->nvs, id, NULL, 0);
        const int value_len = nvs_read(&s->nvs, id + SETTINGS_VALUE_ID_OFFSET, NULL, 0);
        if (name_len < 0 && name_len != NVS_E_NOENT)
            return name_len;
        if (value_len < 0 && value_len != NVS_E_NOENT)
            return value_len;
        if ((name_len >= 0) == (value_len >= 0))
            continue;
        int rc = 0;
        if (id == s->last_name_id)
            rc = name_count_write(s, (uint16_t)(id - 1));
        if (rc == 0)
            rc = nvs_delete(&s->nvs, id);
        if (rc == 0)
            rc = nvs_delete(&s->nvs, id + SETTINGS_VALUE_ID_OFFSET);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int settings_init(struct settings *s, const struct flash_dev *dev, uint32_t addr, uint32_t sector_size,
                  uint16_t sector_count, uint32_t flags)
{
    s->last_name_id = SETTINGS_NAME_COUNT_ID;
    int rc = nvs_mount(&s->nvs, dev, addr, sector_size, sector_count, flags);
    if (rc != 0)
        return rc;
    uint8_t raw[2];
    rc = nvs_read(&s->nvs, SETTINGS_NAME_COUNT_ID, raw, sizeof raw);
    if (rc == NVS_E_NOENT)
        return 0; /* no key yet */
    if (rc < 0)
        return rc;
    const uint16_t last = (uint16_t)(raw[0] | raw[1] << 8);
    /* Zephyr may use 0xBFFF; tolerate it on flash even though we never allocate it. */
    if (rc != sizeof raw || last < SETTINGS_NAME_COUNT_ID || last > SETTINGS_NAME_ID_LAST + 1)
        return NVS_E_CORRUPT;
    s->last_name_id = last > SETTINGS_NAME_ID_LAST ? SETTINGS_NAME_ID_LAST : last;
    return remove_half_keys(s);
}

int settings_set(struct settings *s, const char *name, const void *value, size_t len)
{
    int rc = name_check(name);
    if (rc != 0)
        return rc;
    if (value == NULL || len == 0 || len > nvs_max_value_len(&s->nvs))
        return NVS_E_INVAL;
    uint16_t id, free_id;
    if ((rc = name_find(s, name, &id, &free_id)) != 0)
        return rc;
    const bool new_key = id == 0;
    if (new_key) {
        id = free_id != 0 ? free_id : (uint16_t)(s->last_name_id + 1);
        if (id > SETTINGS_NAME_ID_LAST)
            return SETTINGS_E_NO_ID;
    }
    /* Value first: until the name exists, a cut leaves only a value that init removes. */
    rc = nvs_write(&s->nvs, id + SETTINGS_VALUE_ID_OFFSET, value, len);
    if (rc >= 0 && new_key)
        rc = nvs_write(&s->nvs, id, name, strlen(name));
    if (rc >= 0 && id > s->last_name_id)
        rc = name_count_write(s, id);
    return rc < 0 ? rc : 0;
}

int settings_get(struct settings *s, const char *name, void *buf, size_t len)
{
    int rc = name_check(name);
    if (rc != 0)
        return rc;
    uint16_t id, free_id;
    if ((rc = name_find(s, name, &id, &free_id)) != 0)
        return rc;
    return id == 0 ? NVS_E_NOENT : nvs_read(&s->nvs, id + SETTINGS_VALUE_ID_OFFSET, buf, len);
}

int settings_delete(struct settings *s, const char *name)
{
    int rc = name_check(name);
    if (rc != 0)
        return rc;
    uint16_t id, free_id;
    if ((rc = name_find(s, name, &id, &free_id)) != 0 || id == 0)
        return rc;
    if (id == s->last_name_id)
        rc = name_count_write(s, (uint16_t)(id - 1));
    if (rc == 0)
        rc = nvs_delete(&s->nvs, id);
    if (rc == 0)
        rc = nvs_delete(&s->nvs, id + SETTINGS_VALUE_ID_OFFSET);
    return rc;
}

int settings_value_read(const struct settings_value *value, void *buf, size_t len)
{
    return nvs_read(&value->s->nvs, value->id, buf, len);
}

static bool in_subtree(const char *name, const char *prefix)
{
    const size_t n = strlen(prefix);
    if (n == 0)
        return true;
    return strncmp(name, prefix, n) == 0 && (prefix[n - 1] == '/' || name[n] == '\0' || name[n] == '/');
}

int settings_enumerate(struct settings *s, const char *prefix, settings_visit_fn visit, void *arg)
{
    if (visit == NULL)
        return NVS_E_INVAL;
    char name[SETTINGS_NAME_MAX + 1];
    for (uint16_t id = s->last_name_id; id >= SETTINGS_NAME_ID_FIRST; id--) {
        int rc = name_read(s, id, name);
        if (rc == NVS_E_NOENT || rc == SETTINGS_E_BAD_NAME)
            continue;
        if (rc < 0)
            return rc;
        if (prefix != NULL && !in_subtree(name, prefix))
            continue;
        const uint16_t value_id = id + SETTINGS_VALUE_ID_OFFSET;
        rc = nvs_read(&s->nvs, value_id, NULL, 0);
        if (rc == NVS_E_NOENT)
            continue;
        if (rc < 0)
            return rc;
        const struct settings_value value = {.s = s, .id = value_id, .len = (size_t)rc};
        if ((rc = visit(name, &value, arg)) != 0)
            return rc;
    }
    return 0;
}

int settings_storage_erase(struct settings *s)
{
    const struct nvs_fs geometry = s->nvs;
    int rc = nvs_clear(&s->nvs);
    if (rc != 0)
        return rc;
    s->last_name_id = SETTINGS_NAME_COUNT_ID;
    return nvs_mount(&s->nvs, geometry.dev, geometry.addr, geometry.sector_size, geometry.sector_count,
                     geometry.flags);
}

const char *settings_strerror(int err)
{
    switch (err) {
    case SETTINGS_E_BAD_NAME: return "settings key is null, empty or longer than 64 bytes";
    case SETTINGS_E_NO_ID: return "no free settings name id left: delete keys first";
    default: return nvs_strerror(err);
    }
}
