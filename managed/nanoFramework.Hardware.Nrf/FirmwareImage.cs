namespace nanoFramework.Hardware.Nrf
{
    /// <summary>One valid image in one slot, with the flags mcumgr's image list carries (Zephyr's derivation).</summary>
    public sealed class FirmwareImage
    {
        internal const int MaxCount = 4;     // SLOT_LIST_MAX
        internal const int FieldCount = 7;   // image, slot, flags, major, minor, revision, build
        internal const int HashSize = 32;

        private const int FlagBootable = 0x01, FlagPending = 0x02, FlagConfirmed = 0x04, FlagActive = 0x08,
            FlagPermanent = 0x10;

        internal FirmwareImage(int[] fields, byte[] hashes, int index)
        {
            int at = index * FieldCount;
            Image = fields[at];
            Slot = fields[at + 1];
            int flags = fields[at + 2];
            Major = fields[at + 3];
            Minor = fields[at + 4];
            Revision = fields[at + 5];
            Build = fields[at + 6];
            Hash = new byte[HashSize];
            for (int i = 0; i < HashSize; i++)
            {
                Hash[i] = hashes[index * HashSize + i];
            }

            Bootable = (flags & FlagBootable) != 0;
            Pending = (flags & FlagPending) != 0;
            Confirmed = (flags & FlagConfirmed) != 0;
            Active = (flags & FlagActive) != 0;
            Permanent = (flags & FlagPermanent) != 0;
        }

        /// <summary>0 app, 1 net core, 2 bootloader, 3 C# deployment.</summary>
        public int Image { get; }

        /// <summary>0 the installed image, 1 the upload slot.</summary>
        public int Slot { get; }

        public int Major { get; }
        public int Minor { get; }
        public int Revision { get; }
        public int Build { get; }

        /// <summary>The image's SHA-256 TLV: what "image test" and "image confirm" name it by.</summary>
        public byte[] Hash { get; }

        public bool Bootable { get; }
        public bool Pending { get; }
        public bool Confirmed { get; }
        public bool Active { get; }
        public bool Permanent { get; }
    }
}
