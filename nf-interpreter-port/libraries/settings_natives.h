/*
 * nanoFramework.Hardware.Nrf's internal calls for the settings store: add settings_natives_assembly to
 * clr_config.natives and bind the board's mounted store before clr_run.
 */
#ifndef SETTINGS_NATIVES_H
#define SETTINGS_NATIVES_H

#include "settings.h"

struct clr_native_assembly;
extern const struct clr_native_assembly settings_natives_assembly;

/* The store SettingsStore works on (NULL: none; every call then reports "this board has no settings store"). */
void settings_natives_bind(struct settings *store);

#endif /* SETTINGS_NATIVES_H */
