using ImageTool.Files;

namespace ImageTool.Mcuboot;

/// <summary>A signed image (header through TLVs) and how to lay it out in its slot.</summary>
public sealed class SignedImage(byte[] bytes, uint? address, SignOptions options, TrailerLayout trailer)
{
    /// <summary>Header, payload and TLV areas.</summary>
    public byte[] Bytes { get; } = bytes;

    /// <summary>Where the header goes, when the input was a hex file.</summary>
    public uint? Address { get; } = address;

    public SignOptions Options { get; } = options;

    public TrailerLayout Trailer { get; } = trailer;

    /// <summary>As a .bin: with --pad, the whole slot (0xFF fill) ending in the trailer.</summary>
    public byte[] ToBinary()
    {
        if (!Options.PadsToSlot)
            return Bytes;
        var slot = new byte[Options.SlotSize];
        Array.Fill(slot, (byte)0xFF);
        Bytes.CopyTo(slot, 0);
        foreach (var (offset, data) in TrailerWrites())
            data.CopyTo(slot, offset);
        return slot;
    }

    /// <summary>As a .hex: with --pad only the trailer bytes that differ from erased flash are written.</summary>
    public MemoryImage ToMemoryImage(uint address, string source)
    {
        var image = MemoryImage.FromBytes(address, Bytes, source);
        if (Options.PadsToSlot)
            foreach (var (offset, data) in TrailerWrites())
                image.Add(address + (uint)offset, data, source);
        return image;
    }

    public void Save(string path, uint? hexAddress)
    {
        if (!FirmwareFile.IsHex(path))
        {
            FirmwareFile.WriteBytes(path, ToBinary());
            return;
        }
        uint address = hexAddress ?? Address
            ?? throw new ToolException($"{path}: a hex output needs an address: the input was binary, so pass --hex-addr");
        FirmwareFile.Write(path, ToMemoryImage(address, path));
    }

    private IEnumerable<(int Offset, byte[] Data)> TrailerWrites()
    {
        int slot = (int)Options.SlotSize;
        if (Options.Confirm)
        {
            var imageOk = new byte[Trailer.MaxAlign];
            Array.Fill(imageOk, (byte)0xFF);
            imageOk[0] = 0x01;
            yield return (slot - Trailer.ImageOkFromEnd, imageOk);
        }
        yield return (slot - TrailerLayout.MagicSize, Trailer.Magic);
    }
}
