using nanoFramework.Hardware.Nrf;

namespace nanoFramework.McuMgr.Device
{
    /// <summary>
    /// The image group's flash side on the device: nanoFramework.Hardware.Nrf's Firmware (the native slot writer,
    /// the image list from the trailers, the bootloader's own rules), its error codes turned into the image group's.
    /// </summary>
    public sealed class NrfImageSlots : IImageSlots
    {
        // Native error codes (nf-interpreter-port/libraries/slot_writer.h, enum slot_err).
        const int SlotImage = -40, SlotTooBig = -41, SlotOverrun = -43, SlotBusy = -45, SlotRefused = -46,
            SlotNoImage = -47, FlashFirst = -7;

        // Refusal rules worth their own image-group code (mb_loader.h enum mb_loader_rule, mb_bl_update.h enum
        // mb_bl_rule); every other refusal is Unknown with the bootloader's line as its reason.
        const int LoaderImageInvalid = 1, LoaderDowngrade = 3, LoaderSecurityCounter = 4, LoaderTooBig = 6;
        const int BootloaderInvalid = 4, BootloaderTooBig = 7, BootloaderNotHigher = 11, BootloaderHeaderDowngrade = 13;
        const int ImageBootloader = 2;

        public SlotState[] Read()
        {
            FirmwareImage[] images = Firmware.GetImages();
            SlotState[] states = new SlotState[images.Length];
            for (int i = 0; i < images.Length; i++)
            {
                FirmwareImage image = images[i];
                string version = image.Major + "." + image.Minor + "." + image.Revision;
                states[i] = new SlotState
                {
                    Image = image.Image,
                    Slot = image.Slot,
                    Version = image.Build != 0 ? version + "." + image.Build : version,
                    Hash = image.Hash,
                    Bootable = image.Bootable,
                    Pending = image.Pending,
                    Confirmed = image.Confirmed,
                    Active = image.Active,
                    Permanent = image.Permanent,
                };
            }

            return states;
        }

        public int SetPending(int image, bool permanent)
        {
            // The one upload slot serves every image: it must hold the one named.
            SlotState[] states = Read();
            for (int i = 0; i < states.Length; i++)
            {
                if (states[i].Slot == 1)
                {
                    return states[i].Image == image ? Map(Firmware.SetPending(permanent)) : ImageError.InvalidSlot;
                }
            }

            return ImageError.NoImage;
        }

        public int ConfirmRunning()
        {
            return Map(Firmware.ConfirmRunning());
        }

        public int MaxImageSize(int image)
        {
            return Firmware.MaxImageSize(image);
        }

        public int UploadBegin(int image, int length)
        {
            return Map(Firmware.UploadBegin(image, length));
        }

        public int UploadWrite(int offset, byte[] data, int dataOffset, int count)
        {
            return Map(Firmware.UploadWrite(offset, data, dataOffset, count));
        }

        public UploadVerdict UploadFinish()
        {
            UploadVerdict verdict = new UploadVerdict { Sha256 = new byte[Smp.ImageHashSize] };
            int result = Firmware.UploadFinish(verdict.Sha256);
            if (result < 0)
            {
                verdict.Error = Map(result);
                verdict.Reason = Firmware.ErrorText(result);
            }
            else if (result != Firmware.Accepted)
            {
                verdict.Error = result == Firmware.Refused ? Refusal() : ImageError.Unknown;
                verdict.Reason = Firmware.LastCheckReason;
            }

            return verdict;
        }

        public int EraseUpload()
        {
            return Map(Firmware.EraseUpload());
        }

        static int Map(int code)
        {
            switch (code)
            {
                case 0:
                    return 0;
                case SlotImage:
                    return ImageError.InvalidSlot;
                case SlotTooBig:
                    return ImageError.InvalidImageTooLarge;
                case SlotOverrun:
                    return ImageError.InvalidImageDataOverrun;
                case SlotBusy:
                    return ImageError.NoFreeSlot;
                case SlotRefused:
                    return Refusal();
                case SlotNoImage:
                    return ImageError.NoImage;
                default:
                    return code < 0 && code >= FlashFirst ? ImageError.FlashWriteFailed : ImageError.Unknown;
            }
        }

        /// <summary>The image-group code of the last refusal the bootloader's check made.</summary>
        static int Refusal()
        {
            int rule = Firmware.LastCheckRule;
            if (Firmware.LastCheckImage == ImageBootloader)
            {
                return rule == BootloaderInvalid ? ImageError.InvalidImageHeader
                    : rule == BootloaderTooBig ? ImageError.InvalidImageTooLarge
                    : rule == BootloaderNotHigher || rule == BootloaderHeaderDowngrade ? ImageError.CurrentVersionIsNewer
                    : ImageError.Unknown;
            }

            return rule == LoaderImageInvalid ? ImageError.InvalidImageHeader
                : rule == LoaderTooBig ? ImageError.InvalidImageTooLarge
                : rule == LoaderDowngrade || rule == LoaderSecurityCounter ? ImageError.CurrentVersionIsNewer
                : ImageError.Unknown;
        }
    }
}
