/*
 * nanoFramework.Hardware.Nrf's internal calls, one native assembly: add nrf_natives_assembly to clr_config.natives
 * and bind the board's parts before clr_run (settings_natives.h, firmware_natives.h, smp_natives.h).
 */
#ifndef NRF_NATIVES_H
#define NRF_NATIVES_H

#include <string.h>

#include "clr_internal.h"

extern const struct clr_native_assembly nrf_natives_assembly;

/* The functions of the table (settings_natives.c, firmware_natives.c, smp_natives.c): clr_native_fn's shape. */
#define NRF_NATIVE(name) enum clr_exception name(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)

NRF_NATIVE(nrf_firmware_begin);
NRF_NATIVE(nrf_firmware_boot_info);
NRF_NATIVE(nrf_firmware_check_line);
NRF_NATIVE(nrf_firmware_check_rule);
NRF_NATIVE(nrf_firmware_confirm);
NRF_NATIVE(nrf_firmware_erase);
NRF_NATIVE(nrf_firmware_error_text);
NRF_NATIVE(nrf_firmware_finish);
NRF_NATIVE(nrf_firmware_list);
NRF_NATIVE(nrf_firmware_max_image_size);
NRF_NATIVE(nrf_firmware_outcome_text);
NRF_NATIVE(nrf_firmware_refusal);
NRF_NATIVE(nrf_firmware_set_pending);
NRF_NATIVE(nrf_firmware_write);
NRF_NATIVE(nrf_power_reboot);
NRF_NATIVE(nrf_rtc_set_time);
NRF_NATIVE(nrf_settings_delete);
NRF_NATIVE(nrf_settings_erase);
NRF_NATIVE(nrf_settings_error_text);
NRF_NATIVE(nrf_settings_keys);
NRF_NATIVE(nrf_settings_length);
NRF_NATIVE(nrf_settings_read);
NRF_NATIVE(nrf_settings_set);
NRF_NATIVE(nrf_smp_count);
NRF_NATIVE(nrf_smp_is_stream);
NRF_NATIVE(nrf_smp_max_receive);
NRF_NATIVE(nrf_smp_name);
NRF_NATIVE(nrf_smp_receive);
NRF_NATIVE(nrf_smp_send);

#endif /* NRF_NATIVES_H */
