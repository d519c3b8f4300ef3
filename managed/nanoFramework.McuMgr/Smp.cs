namespace nanoFramework.McuMgr
{
    /// <summary>
    /// Every SMP (mcumgr) number the server uses: header ops and versions, group and command ids, and the error
    /// codes of the protocol and of each group, as Zephyr's mcumgr and nRF Connect Device Manager number them.
    /// </summary>
    public static class Smp
    {
        public const int HeaderSize = 8;

        // Header byte 0: op in bits 0-2, version in bits 3-4.
        public const int OpRead = 0;
        public const int OpReadResponse = 1;
        public const int OpWrite = 2;
        public const int OpWriteResponse = 3;
        public const int VersionLegacy = 0;
        public const int Version2 = 1;

        // Groups.
        public const int GroupOs = 0;
        public const int GroupImage = 1;
        public const int GroupBasic = 63;

        // OS group commands.
        public const int OsEcho = 0;
        public const int OsDateTime = 4;
        public const int OsReset = 5;
        public const int OsParameters = 6;
        public const int OsInfo = 7;
        public const int OsBootloaderInfo = 8;

        // Image group commands.
        public const int ImageState = 0;
        public const int ImageUpload = 1;
        public const int ImageErase = 5;
        public const int ImageSlotInfo = 6;

        // Basic group commands.
        public const int BasicEraseStorage = 0;

        /// <summary>Image numbers: 0 app, 1 net core, 2 bootloader, 3 C# deployment.</summary>
        public const int ImageCount = 4;

        /// <summary>MCUboot image header magic (first 4 bytes of every image, little-endian).</summary>
        public const uint ImageMagic = 0x96f3b83d;
        public const int ImageHeaderSize = 32;
        public const int ImageHashSize = 32;
    }

    /// <summary>Protocol-level errors (mcumgr_err_t): the "rc" of legacy and SMP v2 answers.</summary>
    public static class MgmtError
    {
        public const int Ok = 0;
        public const int Unknown = 1;
        public const int NoMemory = 2;
        public const int InvalidValue = 3;
        public const int NoEntry = 5;
        public const int BadState = 6;
        public const int TooLarge = 7;
        public const int NotSupported = 8;
        public const int Corrupt = 9;
        public const int TooNew = 13;
    }

    /// <summary>OS group (0) errors.</summary>
    public static class OsError
    {
        public const int InvalidFormat = 2;
        public const int QueryYieldsNoAnswer = 3;
        public const int RtcNotSet = 4;
    }

    /// <summary>Image group (1) errors (img_mgmt_err_code_t).</summary>
    public static class ImageError
    {
        public const int Unknown = 1;
        public const int NoImage = 3;
        public const int HashNotFound = 8;
        public const int NoFreeSlot = 9;
        public const int FlashWriteFailed = 12;
        public const int FlashEraseFailed = 13;
        public const int InvalidSlot = 14;
        public const int InvalidLength = 21;
        public const int InvalidImageHeader = 22;
        public const int InvalidImageHeaderMagic = 23;
        public const int InvalidHash = 24;
        public const int CurrentVersionIsNewer = 27;
        public const int ImageAlreadyPending = 28;
        public const int InvalidImageTooLarge = 30;
        public const int InvalidImageDataOverrun = 31;
        public const int ImageConfirmationDenied = 32;
        public const int TestToActiveDenied = 33;
    }

    /// <summary>Zephyr basic group (63) errors.</summary>
    public static class BasicError
    {
        public const int Unknown = 1;
        public const int FlashEraseFailed = 4;
    }
}
