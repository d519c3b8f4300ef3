namespace nanoFramework.McuMgr
{
    /// <summary>
    /// The flash side of the image group: the device implements it over the native slot writer and the
    /// bootloader's own rules (nanoFramework.Hardware.Nrf), the host tests over memory. Methods return 0 or an
    /// image-group error code (ImageError); none throws for a refusal.
    /// </summary>
    public interface IImageSlots
    {
        /// <summary>Every valid image, slot order within each image, images in ascending order.</summary>
        SlotState[] Read();

        /// <summary>Marks the upload slot of that image number for a test boot (or permanent): the trailer
        /// writes MCUboot reads.</summary>
        int SetPending(int image, bool permanent);

        /// <summary>Confirms the running app (image_ok in the installed slot's trailer).</summary>
        int ConfirmRunning();

        /// <summary>Bytes the upload slot takes for an image of that number (slot info, too-large check).</summary>
        int MaxImageSize(int image);

        /// <summary>Starts writing an upload of length bytes for image: erases what it needs.</summary>
        int UploadBegin(int image, int length);

        /// <summary>Writes count bytes of data (from dataOffset) at offset of the upload; offsets only grow.</summary>
        int UploadWrite(int offset, byte[] data, int dataOffset, int count);

        /// <summary>All bytes are written: flushes, computes the SHA-256 of the whole upload, and runs the
        /// bootloader's validation and update rules on it. The verdict says which rule refused it, and why.</summary>
        UploadVerdict UploadFinish();

        /// <summary>Erases the upload slot (refused while its image is pending or confirmed).</summary>
        int EraseUpload();
    }

    /// <summary>The end of an upload: the file's SHA-256 and the bootloader's verdict on it.</summary>
    public sealed class UploadVerdict
    {
        /// <summary>SHA-256 of the uploaded bytes (compared with the first chunk's "sha").</summary>
        public byte[] Sha256;

        /// <summary>0 accepted, else the image-group error code for the refusal.</summary>
        public int Error;

        /// <summary>The bootloader's refusal line (what rule, which values, what to change); null when accepted.</summary>
        public string Reason;
    }
}
