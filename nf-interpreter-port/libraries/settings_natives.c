/*
 * The internal calls of nanoFramework.Hardware.Nrf's SettingsStore: the board's settings store (settings.h,
 * Zephyr's settings-on-NVS layout) for C#. The board binds its mounted store once, before clr_run.
 */
#include "settings_natives.h"

#include "nrf_natives.h"

static struct settings *g_store;
static bool g_cleared; /* EraseNative left the partition erased, as Zephyr's storage erase does: mounted at the next use */

void settings_natives_bind(struct settings *store)
{
    g_store = store;
    g_cleared = false;
}

#define NO_STORE (-1000) /* ErrorText's code for "nothing bound" */

/* 0 when the store is bound and mounted (mounting it again after an erase), else the error. */
static int mounted(void)
{
    if (g_store == NULL)
        return NO_STORE;
    if (!g_cleared)
        return 0;
    const int err = settings_storage_erase(g_store); /* the partition is erased already: this mounts it empty */
    g_cleared = err != 0;
    return err;
}

/* The key as UTF-8; false (and *err) when it is null or too long for a settings name. */
static bool key_of(const struct clr_slot *arg, char *key, int *err)
{
    const struct clr_string *s = (const struct clr_string *)arg->v.o;
    const int m = mounted();
    *err = m != 0 ? m : SETTINGS_E_BAD_NAME;
    return m == 0 && s != NULL && s->length > 0 && clr_string_to_utf8(s, key, SETTINGS_NAME_MAX + 1);
}

static void int_result(struct clr_slot *result, int value)
{
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = value};
}

/* SetNative(key, value): 0 or an error code. */
enum clr_exception nrf_settings_set(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char key[SETTINGS_NAME_MAX + 1];
    int err;
    const struct clr_array *value = (const struct clr_array *)args[1].v.o;
    if (value == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (key_of(&args[0], key, &err))
        err = value->length == 0 ? NVS_E_INVAL : settings_set(g_store, key, value->data, (size_t)value->length);
    int_result(result, err);
    return CLR_EXC_NONE;
}

/* LengthNative(key): the value's length, or an error code (NVS_E_NOENT when absent). */
enum clr_exception nrf_settings_length(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    char key[SETTINGS_NAME_MAX + 1];
    int err;
    uint8_t probe;
    if (key_of(&args[0], key, &err))
        err = settings_get(g_store, key, &probe, 0);
    int_result(result, err);
    return CLR_EXC_NONE;
}

/* ReadNative(key, buffer): the stored length (the buffer holds its first bytes), or an error code. */
enum clr_exception nrf_settings_read(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char key[SETTINGS_NAME_MAX + 1];
    int err;
    struct clr_array *buffer = (struct clr_array *)args[1].v.o;
    if (buffer == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (key_of(&args[0], key, &err))
        err = settings_get(g_store, key, buffer->data, (size_t)buffer->length);
    int_result(result, err);
    return CLR_EXC_NONE;
}

enum clr_exception nrf_settings_delete(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    char key[SETTINGS_NAME_MAX + 1];
    int err;
    if (key_of(&args[0], key, &err))
        err = settings_delete(g_store, key);
    int_result(result, err);
    return CLR_EXC_NONE;
}

enum clr_exception nrf_settings_erase(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    (void)args;
    const int err = g_store != NULL ? nvs_clear(&g_store->nvs) : NO_STORE;
    g_cleared = err == 0;
    int_result(result, err);
    return CLR_EXC_NONE;
}

struct key_list {
    struct clr_runtime *rt;
    struct clr_array *names; /* NULL: count only */
    int32_t count;
};

static int collect(const char *name, const struct settings_value *value, void *arg)
{
    (void)value;
    struct key_list *list = arg;
    if (list->names != NULL && list->count < list->names->length) {
        struct clr_string *s = clr_string_from_utf8(list->rt, (const uint8_t *)name, strlen(name));
        if (s == NULL)
            return NVS_E_NOSPC; /* the managed heap is full: reported as an error by the caller */
        struct clr_block *block = &s->block;
        memcpy(list->names->data + (size_t)list->count * list->names->elem_size, &block, sizeof block);
    }
    list->count++;
    return 0;
}

/* KeysNative(prefix, names): fills names (when not null) and returns how many keys there are, or an error. */
enum clr_exception nrf_settings_keys(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char prefix[SETTINGS_NAME_MAX + 1] = "";
    const struct clr_string *p = (const struct clr_string *)args[0].v.o;
    struct key_list list = {rt, (struct clr_array *)args[1].v.o, 0};
    int err = mounted();
    if (err == 0 && p != NULL && !clr_string_to_utf8(p, prefix, sizeof prefix))
        err = SETTINGS_E_BAD_NAME;
    if (list.names != NULL && list.names->elem != CLR_ELEM_OBJECT)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "KeysNative fills a string array.");
    if (err == 0)
        err = settings_enumerate(g_store, prefix, collect, &list);
    int_result(result, err != 0 ? err : list.count);
    return CLR_EXC_NONE;
}

enum clr_exception nrf_settings_error_text(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int err = args[0].v.i4;
    const char *text = err == NO_STORE ? "this board has no settings store" : settings_strerror(err);
    struct clr_string *s = clr_string_from_utf8(rt, (const uint8_t *)text, strlen(text));
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    *result = (struct clr_slot){.kind = CLR_K_O, .v.o = &s->block};
    return CLR_EXC_NONE;
}
