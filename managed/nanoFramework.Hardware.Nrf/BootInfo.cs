namespace nanoFramework.Hardware.Nrf
{
    /// <summary>
    /// What the second stage did at the last boot, from its record in retained RAM: the outcome, the last refusal
    /// (kept across resets until an update succeeds), the S slot b0 started and the reset reason.
    /// </summary>
    public sealed class BootInfo
    {
        internal const int FieldCount = 10;

        /// <summary>Outcomes (the loader's mb_boot_outcome).</summary>
        public const int Normal = 0;
        public const int SwappedTest = 1;
        public const int SwappedPermanent = 2;
        public const int Reverted = 3;
        public const int NetCoreUpdated = 4;
        public const int DeploymentUpdated = 5;
        public const int BootloaderStaged = 6;
        public const int RefusedUpdate = 7;

        internal BootInfo(int[] fields, string refusal)
        {
            Outcome = fields[0];
            ActiveB0Slot = fields[1];
            ResetReason = fields[2];
            RefusedImage = fields[3];
            RefusalRule = fields[4];
            AppVersion = fields[5] + "." + fields[6] + "." + fields[7] + "+" + fields[8];
            Resumed = fields[9] != 0;
            Refusal = refusal;
        }

        /// <summary>The last boot's outcome (Normal, SwappedTest, ...).</summary>
        public int Outcome { get; }

        /// <summary>The outcome in words, e.g. "app swapped for a test".</summary>
        public string OutcomeText
        {
            get { return Firmware.OutcomeText(Outcome); }
        }

        /// <summary>The S slot the running second stage was started from: 0 (S0) or 1 (S1); -1 unknown.</summary>
        public int ActiveB0Slot { get; }

        /// <summary>RESET.RESETREAS as the second stage found it (0: power-on).</summary>
        public int ResetReason { get; }

        /// <summary>Image number of the last refused update; -1 when none was refused.</summary>
        public int RefusedImage { get; }

        /// <summary>The refused update's rule (the loader's, or the bootloader update's for image 2).</summary>
        public int RefusalRule { get; }

        /// <summary>The refusal's line: rule, values and what to change; null when none was refused.</summary>
        public string Refusal { get; }

        /// <summary>Version of the started app, "major.minor.revision+build".</summary>
        public string AppVersion { get; }

        /// <summary>True when the boot finished an interrupted swap or copy.</summary>
        public bool Resumed { get; }
    }
}
