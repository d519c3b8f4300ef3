/*
 * nanoFramework.Hardware.Nrf's internal calls for the settings store (part of nrf_natives_assembly): bind the
 * board's mounted store before clr_run.
 */
#ifndef SETTINGS_NATIVES_H
#define SETTINGS_NATIVES_H

#include "settings.h"

/* The store SettingsStore works on (NULL: none; every call then reports "this board has no settings store"). */
void settings_natives_bind(struct settings *store);

#endif /* SETTINGS_NATIVES_H */
