using nanoFramework.McuMgr.Cbor;

namespace nanoFramework.McuMgr.Groups
{
    /// <summary>
    /// Image group (1): state read/write (test, confirm) with Zephyr's rules, upload (ImageUpload), erase of the
    /// upload slot and slot info. Every flash effect goes through IImageSlots.
    /// </summary>
    public sealed class ImageGroup : ISmpGroup
    {
        readonly IImageSlots _slots;
        readonly ImageUpload _upload;

        public ImageGroup(IImageSlots slots)
        {
            _slots = slots;
            _upload = new ImageUpload(slots);
        }

        public int Id { get { return Smp.GroupImage; } }

        public int Handle(SmpRequest request, CborReader body, CborWriter answer)
        {
            bool read = request.Op == Smp.OpRead;
            switch (request.Command)
            {
                case Smp.ImageState:
                    if (read)
                        return WriteImages(answer);
                    return StateWrite(body, answer);
                case Smp.ImageUpload:
                    return read ? SmpResult.NotSupported : _upload.Chunk(request, body, answer);
                case Smp.ImageErase:
                    return read ? SmpResult.NotSupported : Erase(body, answer);
                case Smp.ImageSlotInfo:
                    return read ? SlotInfo(answer) : SmpResult.NotSupported;
            }
            return SmpResult.NotSupported;
        }

        /// <summary>{"images": [...]}: what state read, test and confirm answer.</summary>
        int WriteImages(CborWriter answer)
        {
            SlotState[] images = _slots.Read();
            answer.BeginMap(1);
            answer.WriteText("images");
            answer.BeginArray(images.Length);
            for (int i = 0; i < images.Length; i++)
            {
                SlotState s = images[i];
                answer.BeginMap(9);
                answer.WriteEntry("image", s.Image);
                answer.WriteEntry("slot", s.Slot);
                answer.WriteText("version");
                answer.WriteText(s.Version);
                answer.WriteText("hash");
                answer.WriteBytes(s.Hash);
                WriteFlag(answer, "bootable", s.Bootable);
                WriteFlag(answer, "pending", s.Pending);
                WriteFlag(answer, "confirmed", s.Confirmed);
                WriteFlag(answer, "active", s.Active);
                WriteFlag(answer, "permanent", s.Permanent);
            }
            return 0;
        }

        static void WriteFlag(CborWriter answer, string key, bool value)
        {
            answer.WriteText(key);
            answer.WriteBool(value);
        }

        /// <summary>Test ({"hash", "confirm": false}) or confirm ({"hash"?, "confirm": true}).</summary>
        int StateWrite(CborReader body, CborWriter answer)
        {
            byte[] hash = null;
            int hashOffset = 0, hashLength = 0;
            bool confirm = false;
            int remaining = body.BeginMap();
            while (body.NextItem(ref remaining))
            {
                byte[] key = body.ReadKey(out int ko, out int kc);
                if (key != null && CborReader.IsText(key, ko, kc, "hash"))
                {
                    // Clients name "no hash" by leaving the key out, by null (mcumgr-cli) or undefined (mcumgr-web).
                    if (!body.ReadNullOrUndefined())
                        hash = body.ReadBytes(out hashOffset, out hashLength);
                }
                else if (key != null && CborReader.IsText(key, ko, kc, "confirm"))
                    confirm = body.ReadBool();
                else
                    body.Skip();
            }

            SlotState[] images = _slots.Read();
            int rc;
            if (hash == null)
                rc = confirm ? ConfirmRunning(images) : SmpResult.InvalidValue;
            else if (hashLength != Smp.ImageHashSize)
                rc = ImageError.InvalidHash;
            else
                rc = SetNext(images, Find(images, hash, hashOffset), confirm);
            return rc != 0 ? rc : WriteImages(answer);
        }

        int ConfirmRunning(SlotState[] images)
        {
            // Zephyr refuses to confirm while a test boot is pending.
            for (int i = 0; i < images.Length; i++)
                if (images[i].Pending)
                    return ImageError.ImageAlreadyPending;
            return _slots.ConfirmRunning();
        }

        int SetNext(SlotState[] images, SlotState target, bool confirm)
        {
            if (target == null)
                return ImageError.HashNotFound;
            if (target.Active)
            {
                if (!confirm)
                    return ImageError.TestToActiveDenied;
                return target.Confirmed ? 0 : _slots.ConfirmRunning();
            }
            for (int i = 0; i < images.Length; i++)
                if (images[i].Pending && images[i].Image == target.Image && images[i] != target)
                    return ImageError.ImageAlreadyPending;
            return _slots.SetPending(target.Image, confirm);
        }

        static SlotState Find(SlotState[] images, byte[] hash, int offset)
        {
            for (int i = 0; i < images.Length; i++)
            {
                byte[] h = images[i].Hash;
                if (h == null || h.Length != Smp.ImageHashSize)
                    continue;
                int j = 0;
                while (j < h.Length && h[j] == hash[offset + j])
                    j++;
                if (j == h.Length)
                    return images[i];
            }
            return null;
        }

        /// <summary>{"slot"?: 1}: erases the upload slot; its running upload ends.</summary>
        int Erase(CborReader body, CborWriter answer)
        {
            int slot = 1;
            int remaining = body.BeginMap();
            while (body.NextItem(ref remaining))
            {
                byte[] key = body.ReadKey(out int ko, out int kc);
                if (key != null && CborReader.IsText(key, ko, kc, "slot"))
                    slot = body.ReadCount();
                else
                    body.Skip();
            }
            if (slot != 1)
                return ImageError.InvalidSlot;
            _upload.Abandon();
            int rc = _slots.EraseUpload();
            if (rc != 0)
                return rc;
            answer.BeginMap(0);
            return 0;
        }

        /// <summary>Per image the device can take: its upload slot and the largest image it holds.</summary>
        int SlotInfo(CborWriter answer)
        {
            int count = 0;
            for (int image = 0; image < Smp.ImageCount; image++)
                if (_slots.MaxImageSize(image) > 0)
                    count++;
            answer.BeginMap(1);
            answer.WriteText("images");
            answer.BeginArray(count);
            for (int image = 0; image < Smp.ImageCount; image++)
            {
                int size = _slots.MaxImageSize(image);
                if (size <= 0)
                    continue;
                answer.BeginMap(3);
                answer.WriteEntry("image", image);
                answer.WriteText("slots");
                answer.BeginArray(1);
                answer.BeginMap(3);
                answer.WriteEntry("slot", 1);
                answer.WriteEntry("size", size);
                answer.WriteEntry("upload_image_id", image);
                answer.WriteEntry("max_image_size", size);
            }
            return 0;
        }
    }
}
