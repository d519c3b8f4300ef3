using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.Hardware.Nrf
{
    /// <summary>
    /// Firmware update on the device: the running image's confirmation, what the last boot did, and the upload slot
    /// (mcuboot_secondary) an SMP server writes: uploads checked with the bootloader's own rules, the image list with
    /// mcumgr's flags, and the trailer writes for test and permanent updates. The upload methods return 0 or a
    /// negative error code (ErrorText names it); they never throw for a refusal.
    /// </summary>
    public static class Firmware
    {
        /// <summary>The upload slot is pending, or holds the image a revert brings back: reset first.</summary>
        public const int ErrorBusy = -45;

        /// <summary>The bootloader's check refuses the image (LastCheckReason says why).</summary>
        public const int ErrorRefused = -46;

        /// <summary>Verdicts of UploadFinish.</summary>
        public const int Accepted = 0;
        public const int Refused = 1;
        public const int NotChecked = 2;

        /// <summary>
        /// Confirms the running app, so the next boot keeps it instead of reverting to the previous one (mcumgr's
        /// "image confirm" without a hash). Nothing is written when it is confirmed already.
        /// </summary>
        public static void ConfirmRunningImage()
        {
            int result = ConfirmNative();
            if (result != 0)
            {
                throw new FirmwareException(ErrorText(result), result);
            }
        }

        /// <summary>What the second stage did at the last boot, or null when it left no record (e.g. no bootloader).</summary>
        public static BootInfo LastBoot
        {
            get
            {
                int[] fields = new int[BootInfo.FieldCount];
                return BootInfoNative(fields) ? new BootInfo(fields, RefusalNative()) : null;
            }
        }

        /// <summary>The valid images: the installed app, bootloader and C# deployment, and the upload slot's image.</summary>
        public static FirmwareImage[] GetImages()
        {
            int[] fields = new int[FirmwareImage.MaxCount * FirmwareImage.FieldCount];
            byte[] hashes = new byte[FirmwareImage.MaxCount * FirmwareImage.HashSize];
            int count = ListNative(fields, hashes);
            if (count < 0)
            {
                throw new FirmwareException(ErrorText(count), count);
            }

            FirmwareImage[] images = new FirmwareImage[count];
            for (int i = 0; i < count; i++)
            {
                images[i] = new FirmwareImage(fields, hashes, i);
            }

            return images;
        }

        /// <summary>Largest upload for an image number (0 app, 1 net core, 2 bootloader, 3 C# deployment); 0 for none.</summary>
        public static int MaxImageSize(int image)
        {
            return MaxImageSizeNative(image);
        }

        /// <summary>Starts an upload of length bytes for image: erases the upload slot's trailer first.</summary>
        public static int UploadBegin(int image, int length)
        {
            return BeginNative(image, length);
        }

        /// <summary>Writes count bytes of data from dataOffset at offset (the bytes written so far).</summary>
        public static int UploadWrite(int offset, byte[] data, int dataOffset, int count)
        {
            return WriteNative(offset, data, dataOffset, count);
        }

        /// <summary>
        /// After the last byte: sha256 (32 bytes) gets the upload's SHA-256; returns Accepted, Refused, NotChecked (the
        /// device could not run the check) or an error code. LastCheckReason and LastCheckRule tell a refusal.
        /// </summary>
        public static int UploadFinish(byte[] sha256)
        {
            return FinishNative(sha256);
        }

        /// <summary>The line the bootloader would log refusing the last checked image; null when it was accepted.</summary>
        public static string LastCheckReason
        {
            get { return CheckLineNative(); }
        }

        /// <summary>The last refusal's rule (the loader's, or the bootloader update's for image 2); 0 when accepted.</summary>
        public static int LastCheckRule
        {
            get { return CheckRuleNative() & 0xffff; }
        }

        /// <summary>The image the last checked upload is routed to (by its reset vector).</summary>
        public static int LastCheckImage
        {
            get { return CheckRuleNative() >> 16; }
        }

        /// <summary>
        /// Requests the upload slot's image for the next boot: a test (reverted unless confirmed) or permanent. The
        /// bootloader's check runs first (ErrorRefused).
        /// </summary>
        public static int SetPending(bool permanent)
        {
            return SetPendingNative(permanent);
        }

        /// <summary>ConfirmRunningImage as an error code.</summary>
        public static int ConfirmRunning()
        {
            return ConfirmNative();
        }

        /// <summary>Erases the upload slot, trailer first (ErrorBusy while it is pending or holds the revert image).</summary>
        public static int EraseUpload()
        {
            return EraseNative();
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string ErrorText(int error);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string OutcomeText(int outcome);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int BeginNative(int image, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int WriteNative(int offset, byte[] data, int dataOffset, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int FinishNative(byte[] sha256);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string CheckLineNative();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int CheckRuleNative();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ListNative(int[] fields, byte[] hashes);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int SetPendingNative(bool permanent);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ConfirmNative();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int EraseNative();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int MaxImageSizeNative(int image);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool BootInfoNative(int[] fields);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string RefusalNative();
    }

    /// <summary>A firmware operation that failed; the message says why.</summary>
    public class FirmwareException : Exception
    {
        public FirmwareException(string message, int errorCode)
            : base(message)
        {
            ErrorCode = errorCode;
        }

        /// <summary>The native error code (slot, trailer or flash).</summary>
        public int ErrorCode { get; }
    }
}
