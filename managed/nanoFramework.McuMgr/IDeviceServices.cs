namespace nanoFramework.McuMgr
{
    /// <summary>The OS and basic groups' view of the device; implemented over natives on the device.</summary>
    public interface IDeviceServices
    {
        /// <summary>Resets through the boot chain; called after the response has been sent.</summary>
        void Reset();

        /// <summary>MCUboot mode as mcumgr numbers it (3 = swap using move).</summary>
        int BootloaderMode { get; }

        /// <summary>True when the bootloader refuses lower versions.</summary>
        bool NoDowngrade { get; }

        /// <summary>The b0 slot the running second stage was started from: 0 (S0) or 1 (S1); -1 unknown.</summary>
        int ActiveB0Slot { get; }

        /// <summary>Application text for OS info ("Zephyr"-style output; the server composes the format).</summary>
        string AppInfo(char field);

        /// <summary>Ticks (100 ns since 0001-01-01, UTC) of the device clock; -1 when it was never set.</summary>
        long UtcTicks { get; set; }

        /// <summary>Erases the settings store (the basic group's storage erase); 0 or a basic-group error.</summary>
        int EraseStorage();
    }
}
