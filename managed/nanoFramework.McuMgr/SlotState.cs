namespace nanoFramework.McuMgr
{
    /// <summary>
    /// One valid image in one slot, as the image group's state read lists it. The flags follow Zephyr's
    /// img_mgmt derivation from the trailers (the device computes them; the server only reports them).
    /// </summary>
    public sealed class SlotState
    {
        /// <summary>0 app, 1 net core, 2 bootloader, 3 C# deployment.</summary>
        public int Image;

        /// <summary>0 the installed image, 1 the upload slot.</summary>
        public int Slot;

        /// <summary>Header version: "major.minor.revision", with ".build" when the build number is not 0.</summary>
        public string Version;

        /// <summary>The image's SHA-256 TLV (32 bytes): what test and confirm name an image by.</summary>
        public byte[] Hash;

        public bool Bootable;
        public bool Pending;
        public bool Confirmed;
        public bool Active;
        public bool Permanent;
    }
}
