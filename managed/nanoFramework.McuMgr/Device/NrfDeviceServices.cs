using System;
using nanoFramework.Hardware.Nrf;

namespace nanoFramework.McuMgr.Device
{
    /// <summary>The OS and basic groups' view of the device over nanoFramework.Hardware.Nrf.</summary>
    public sealed class NrfDeviceServices : IDeviceServices
    {
        const int SwapUsingMove = 3; // MCUboot's mode number for swap without scratch

        public void Reset()
        {
            Power.RebootDevice();
        }

        public int BootloaderMode
        {
            get { return SwapUsingMove; }
        }

        /// <summary>The second stage refuses lower versions (downgrade prevention, security counters).</summary>
        public bool NoDowngrade
        {
            get { return true; }
        }

        public int ActiveB0Slot
        {
            get
            {
                BootInfo boot = Firmware.LastBoot;
                return boot != null ? boot.ActiveB0Slot : -1;
            }
        }

        public string AppInfo(char field)
        {
            switch (field)
            {
                case 's':
                    return "nanoCLR";
                case 'n':
                    return "nrf5340dk";
                case 'r':
                case 'v':
                    BootInfo boot = Firmware.LastBoot;
                    return boot != null ? boot.AppVersion : "unknown";
                case 'm':
                    return "arm";
                case 'p':
                    return "cortex-m33";
                case 'i':
                    return "nrf5340dk_nrf5340_cpuapp";
                case 'o':
                    return "nanoFramework";
                default:
                    return "unknown";
            }
        }

        /// <summary>The board's clock (DateTime.UtcNow), set through Rtc.</summary>
        public long UtcTicks
        {
            get { return DateTime.UtcNow.Ticks; }
            set { Rtc.SetSystemTime(new DateTime(value, DateTimeKind.Utc)); }
        }

        public int EraseStorage()
        {
            try
            {
                SettingsStore.Default.EraseAll();
                return 0;
            }
            catch (SettingsException)
            {
                return BasicError.FlashEraseFailed;
            }
        }
    }
}
