using System.Security.Cryptography;
using nanoFramework.McuMgr;

namespace Nrf5340Sdk.SmpTests;

/// <summary>
/// Slots in memory with MCUboot's trailer semantics (reference A2) and Zephyr's flag derivation: per image a
/// primary (running) and a secondary (upload) slot, each with magic / image_ok / copy_done.
/// </summary>
public sealed class MemoryImageSlots : IImageSlots
{
    public sealed class Slot
    {
        public byte[] Bytes = [];
        public bool Magic;
        public bool ImageOk;
        public bool CopyDone;
    }

    public readonly int SlotSize;
    public readonly Slot[,] Slots = new Slot[Smp.ImageCount, 2];
    /// <summary>The bootloader's rule run at UploadFinish, after the hash check: null accepts.</summary>
    public Func<byte[], UploadVerdict?>? Rule;
    /// <summary>Writes at or past this upload offset fail (a full or failing flash).</summary>
    public int FailWritesFrom = int.MaxValue;

    public int Writes, Erases, SetPendingCalls, ConfirmCalls;
    int _uploadImage = -1, _uploadLength, _written;

    public MemoryImageSlots(byte[] running, int slotSize = 0x60000)
    {
        SlotSize = slotSize;
        for (int i = 0; i < Smp.ImageCount; i++)
            for (int s = 0; s < 2; s++)
                Slots[i, s] = new Slot();
        Slots[0, 0].Bytes = running;
        Slots[0, 0].Magic = true;
        Slots[0, 0].ImageOk = true;
    }

    public Slot Upload(int image) => Slots[image, 1];

    enum Swap { None, Test, Perm, Revert }

    Swap SwapType(int image)
    {
        Slot p = Slots[image, 0], s = Slots[image, 1];
        if (s.Magic)
            return s.ImageOk ? Swap.Perm : Swap.Test;
        if (p.Magic && !p.ImageOk && p.CopyDone)
            return Swap.Revert;
        return Swap.None;
    }

    public SlotState[] Read()
    {
        var list = new List<SlotState>();
        for (int image = 0; image < Smp.ImageCount; image++)
        {
            Swap swap = SwapType(image);
            for (int slot = 0; slot < 2; slot++)
            {
                var file = ImageFile.TryParse(Slots[image, slot].Bytes);
                if (file == null)
                    continue;
                bool active = slot == 0;
                list.Add(new SlotState
                {
                    Image = image, Slot = slot, Version = file.Version, Hash = file.HashTlv, Bootable = true,
                    Active = active,
                    Confirmed = active ? swap != Swap.Revert : swap == Swap.Revert,
                    Pending = !active && (swap == Swap.Test || swap == Swap.Perm),
                    Permanent = !active && swap == Swap.Perm,
                });
            }
        }
        return [.. list];
    }

    public int SetPending(int image, bool permanent)
    {
        SetPendingCalls++;
        Slot s = Slots[image, 1];
        if (ImageFile.TryParse(s.Bytes) == null)
            return ImageError.NoImage;
        if (s.Magic)
            return 0; // a swap is already scheduled: MCUboot writes nothing
        s.Magic = true;
        s.ImageOk = permanent;
        return 0;
    }

    public int ConfirmRunning()
    {
        ConfirmCalls++;
        for (int image = 0; image < Smp.ImageCount; image++)
        {
            Slot p = Slots[image, 0];
            if (p.Magic && !p.ImageOk)
                p.ImageOk = true;
        }
        return 0;
    }

    public int MaxImageSize(int image) => image < Smp.ImageCount ? SlotSize - 0x630 : 0;

    public int UploadBegin(int image, int length)
    {
        Swap swap = SwapType(image);
        if (swap == Swap.Test || swap == Swap.Perm || swap == Swap.Revert)
            return ImageError.NoFreeSlot;
        Erases++;
        Slots[image, 1] = new Slot { Bytes = Enumerable.Repeat((byte)0xff, length).ToArray() };
        _uploadImage = image;
        _uploadLength = length;
        _written = 0;
        return 0;
    }

    public int UploadWrite(int offset, byte[] data, int dataOffset, int count)
    {
        Assert.True(_uploadImage >= 0, "UploadWrite without UploadBegin");
        Assert.Equal(_written, offset);
        Assert.True(offset + count <= _uploadLength, "write past the announced length");
        if (offset + count > FailWritesFrom)
            return ImageError.FlashWriteFailed;
        Writes++;
        Array.Copy(data, dataOffset, Slots[_uploadImage, 1].Bytes, offset, count);
        _written = offset + count;
        return 0;
    }

    public UploadVerdict UploadFinish()
    {
        Assert.Equal(_uploadLength, _written);
        byte[] bytes = Slots[_uploadImage, 1].Bytes;
        var verdict = new UploadVerdict { Sha256 = SHA256.HashData(bytes) };
        var file = ImageFile.TryParse(bytes);
        UploadVerdict? refusal = file == null || !file.HashMatches
            ? new UploadVerdict { Error = ImageError.InvalidImageHeader, Reason = "image hash TLV does not match the image" }
            : Rule?.Invoke(bytes);
        if (refusal != null)
        {
            // The bootloader would never boot it: the slot is erased, as the device does.
            Slots[_uploadImage, 1] = new Slot();
            verdict.Error = refusal.Error;
            verdict.Reason = refusal.Reason;
        }
        _uploadImage = -1;
        return verdict;
    }

    public int EraseUpload()
    {
        Swap swap = SwapType(0);
        if (swap != Swap.None)
            return ImageError.NoFreeSlot;
        Erases++;
        Slots[0, 1] = new Slot();
        _uploadImage = -1;
        return 0;
    }
}

/// <summary>An MCUboot image file read independently of the server: header version and the SHA-256 TLV.</summary>
public sealed class ImageFile
{
    public required string Version;
    public required byte[] HashTlv;
    public bool HashMatches;

    public static ImageFile? TryParse(byte[] b)
    {
        if (b.Length < 32 || BitConverter.ToUInt32(b, 0) != Smp.ImageMagic)
            return null;
        int hdr = BitConverter.ToUInt16(b, 8), prot = BitConverter.ToUInt16(b, 10);
        int img = BitConverter.ToInt32(b, 12);
        int covered = hdr + img + prot;
        int info = covered;
        if (info + 4 > b.Length || BitConverter.ToUInt16(b, info) != 0x6907)
            return null;
        int end = info + BitConverter.ToUInt16(b, info + 2);
        for (int at = info + 4; at + 4 <= end && end <= b.Length;)
        {
            int type = BitConverter.ToUInt16(b, at), len = BitConverter.ToUInt16(b, at + 2);
            if (type == 0x10 && len == 32 && at + 36 <= b.Length)
            {
                byte[] hash = b[(at + 4)..(at + 36)];
                uint build = BitConverter.ToUInt32(b, 24);
                string version = $"{b[20]}.{b[21]}.{BitConverter.ToUInt16(b, 22)}" + (build != 0 ? $".{build}" : "");
                return new ImageFile
                {
                    Version = version, HashTlv = hash,
                    HashMatches = SHA256.HashData(b.AsSpan(0, covered)).SequenceEqual(hash),
                };
            }
            at += 4 + len;
        }
        return null;
    }

    /// <summary>A minimal image: header of that version, payload, and a SHA-256 TLV holding hash (or the true one).</summary>
    public static byte[] Build(byte major, byte minor, int payload, byte[]? hash = null, byte fill = 0x5a)
    {
        int hdr = 0x20;
        var b = new byte[hdr + payload + 4 + 36];
        BitConverter.GetBytes(Smp.ImageMagic).CopyTo(b, 0);
        BitConverter.GetBytes((ushort)hdr).CopyTo(b, 8);
        BitConverter.GetBytes(payload).CopyTo(b, 12);
        b[20] = major;
        b[21] = minor;
        for (int i = 0; i < payload; i++)
            b[hdr + i] = (byte)(fill + i);
        int info = hdr + payload;
        BitConverter.GetBytes((ushort)0x6907).CopyTo(b, info);
        BitConverter.GetBytes((ushort)40).CopyTo(b, info + 2);
        BitConverter.GetBytes((ushort)0x10).CopyTo(b, info + 4);
        BitConverter.GetBytes((ushort)32).CopyTo(b, info + 6);
        (hash ?? SHA256.HashData(b.AsSpan(0, info))).CopyTo(b, info + 8);
        return b;
    }
}
