/* The internal-call table of nanoFramework.Hardware.Nrf (nrf_natives.h): sorted by canonical name (ordinal). */
#include "nrf_natives.h"

static const struct clr_native_method methods[] = {
    {"nanoFramework.Hardware.Nrf.Firmware::BeginNative(System.Int32,System.Int32)", nrf_firmware_begin},
    {"nanoFramework.Hardware.Nrf.Firmware::BootInfoNative(System.Int32[])", nrf_firmware_boot_info},
    {"nanoFramework.Hardware.Nrf.Firmware::CheckLineNative()", nrf_firmware_check_line},
    {"nanoFramework.Hardware.Nrf.Firmware::CheckRuleNative()", nrf_firmware_check_rule},
    {"nanoFramework.Hardware.Nrf.Firmware::ConfirmNative()", nrf_firmware_confirm},
    {"nanoFramework.Hardware.Nrf.Firmware::EraseNative()", nrf_firmware_erase},
    {"nanoFramework.Hardware.Nrf.Firmware::ErrorText(System.Int32)", nrf_firmware_error_text},
    {"nanoFramework.Hardware.Nrf.Firmware::FinishNative(System.Byte[])", nrf_firmware_finish},
    {"nanoFramework.Hardware.Nrf.Firmware::ListNative(System.Int32[],System.Byte[])", nrf_firmware_list},
    {"nanoFramework.Hardware.Nrf.Firmware::MaxImageSizeNative(System.Int32)", nrf_firmware_max_image_size},
    {"nanoFramework.Hardware.Nrf.Firmware::OutcomeText(System.Int32)", nrf_firmware_outcome_text},
    {"nanoFramework.Hardware.Nrf.Firmware::RefusalNative()", nrf_firmware_refusal},
    {"nanoFramework.Hardware.Nrf.Firmware::SetPendingNative(System.Boolean)", nrf_firmware_set_pending},
    {"nanoFramework.Hardware.Nrf.Firmware::WriteNative(System.Int32,System.Byte[],System.Int32,System.Int32)", nrf_firmware_write},
    {"nanoFramework.Hardware.Nrf.Power::RebootNative()", nrf_power_reboot},
    {"nanoFramework.Hardware.Nrf.Rtc::SetTimeNative(System.Int64)", nrf_rtc_set_time},
    {"nanoFramework.Hardware.Nrf.SettingsStore::DeleteNative(System.String)", nrf_settings_delete},
    {"nanoFramework.Hardware.Nrf.SettingsStore::EraseNative()", nrf_settings_erase},
    {"nanoFramework.Hardware.Nrf.SettingsStore::ErrorText(System.Int32)", nrf_settings_error_text},
    {"nanoFramework.Hardware.Nrf.SettingsStore::KeysNative(System.String,System.String[])", nrf_settings_keys},
    {"nanoFramework.Hardware.Nrf.SettingsStore::LengthNative(System.String)", nrf_settings_length},
    {"nanoFramework.Hardware.Nrf.SettingsStore::ReadNative(System.String,System.Byte[])", nrf_settings_read},
    {"nanoFramework.Hardware.Nrf.SettingsStore::SetNative(System.String,System.Byte[])", nrf_settings_set},
    {"nanoFramework.Hardware.Nrf.SmpChannel::CountNative()", nrf_smp_count},
    {"nanoFramework.Hardware.Nrf.SmpChannel::IsStreamNative(System.Int32)", nrf_smp_is_stream},
    {"nanoFramework.Hardware.Nrf.SmpChannel::MaxReceiveNative(System.Int32)", nrf_smp_max_receive},
    {"nanoFramework.Hardware.Nrf.SmpChannel::NameNative(System.Int32)", nrf_smp_name},
    {"nanoFramework.Hardware.Nrf.SmpChannel::ReceiveNative(System.Int32,System.Byte[])", nrf_smp_receive},
    {"nanoFramework.Hardware.Nrf.SmpChannel::SendNative(System.Int32,System.Byte[],System.Int32,System.Int32)", nrf_smp_send},
};

const struct clr_native_assembly nrf_natives_assembly = {"nanoFramework.Hardware.Nrf", methods,
                                                         sizeof methods / sizeof methods[0]};
