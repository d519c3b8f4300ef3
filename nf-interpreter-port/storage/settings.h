/*
 * Settings: string keys ("bt/keys/...", "app/...") with binary values, stored in NVS the way
 * Zephyr's settings NVS backend stores them, so either side reads the other's settings partition:
 *  - id SETTINGS_NAME_COUNT_ID holds the highest name id in use (u16, little-endian);
 *  - a key's name (without terminator) lives at a name id from SETTINGS_NAME_ID_FIRST up,
 *    its value at name id + SETTINGS_VALUE_ID_OFFSET.
 * Not thread-safe: one caller at a time.
 */
#ifndef SETTINGS_H
#define SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "nvs.h"

#define SETTINGS_NAME_COUNT_ID 0x8000u
#define SETTINGS_NAME_ID_FIRST 0x8001u
/* Zephyr goes up to 0xBFFF, whose value id would be NVS's reserved 0xFFFF: we stop one earlier. */
#define SETTINGS_NAME_ID_LAST 0xBFFEu
#define SETTINGS_VALUE_ID_OFFSET 0x4000u

/* Longest key, in bytes without the terminator (settings_strerror's text says so too). Longer names found on
 * flash are skipped. */
#define SETTINGS_NAME_MAX 64

/* Errors besides the NVS and flash ones (nvs.h, flash_dev.h). */
enum settings_err {
    SETTINGS_E_BAD_NAME = -40, /* NULL, empty, or longer than SETTINGS_NAME_MAX */
    SETTINGS_E_NO_ID = -41     /* every name id is in use: delete keys first */
};

struct settings {
    struct nvs_fs nvs;
    uint16_t last_name_id; /* highest name id in use, SETTINGS_NAME_COUNT_ID when none */
};

/*
 * Mounts the settings partition (arguments as nvs_mount) and removes half-written keys left by a
 * power cut (a name without value or a value without name). NVS_E_CORRUPT if the name count is
 * damaged; settings_storage_erase still works then.
 */
int settings_init(struct settings *s, const struct flash_dev *dev, uint32_t addr, uint32_t sector_size,
                  uint16_t sector_count, uint32_t flags);

/* Stores len bytes (1..nvs_max_value_len) under name; setting an equal value writes nothing. 0 or an error. */
int settings_set(struct settings *s, const char *name, const void *value, size_t len);

/* Copies up to len bytes of the value into buf; returns the stored length, or NVS_E_NOENT. */
int settings_get(struct settings *s, const char *name, void *buf, size_t len);

/* Removes name and its value. 0, also when the key does not exist, or an error. */
int settings_delete(struct settings *s, const char *name);

/* A value met during settings_enumerate; read it with settings_value_read. */
struct settings_value {
    struct settings *s;
    uint16_t id;
    size_t len;
};

/* Copies up to len bytes of the value into buf; returns the stored length or an error. */
int settings_value_read(const struct settings_value *value, void *buf, size_t len);

/* Called per key; a non-zero return stops the enumeration and becomes its result. */
typedef int (*settings_visit_fn)(const char *name, const struct settings_value *value, void *arg);

/*
 * Calls visit for every key in the subtree `prefix`: the key equal to prefix and the keys below it
 * ("bt" matches "bt" and "bt/keys/1", not "btx"). NULL or "" visits every key. Order unspecified.
 */
int settings_enumerate(struct settings *s, const char *prefix, settings_visit_fn visit, void *arg);

/* Erases the whole partition and mounts it again, empty (SMP's storage erase). */
int settings_storage_erase(struct settings *s);

/* Text for a settings, NVS or flash error code. */
const char *settings_strerror(int err);

#endif /* SETTINGS_H */
