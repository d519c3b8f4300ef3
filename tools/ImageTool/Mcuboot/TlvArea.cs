using System.Buffers.Binary;

namespace ImageTool.Mcuboot;

public sealed record Tlv(ushort Type, byte[] Value);

/// <summary>
/// A TLV area: struct image_tlv_info { u16 magic; u16 total size incl. this info } followed by
/// { u16 type; u16 len; value } entries. 0x6908 marks the protected area (hashed), 0x6907 the other one.
/// </summary>
public sealed class TlvArea(ushort magic)
{
    public const ushort ProtectedMagic = 0x6908;
    public const ushort UnprotectedMagic = 0x6907;
    public const int InfoSize = 4;
    public const int EntryHeaderSize = 4;

    public ushort Magic { get; } = magic;

    public List<Tlv> Entries { get; } = [];

    public int Size => InfoSize + Entries.Sum(e => EntryHeaderSize + e.Value.Length);

    public TlvArea Add(ushort type, byte[] value)
    {
        Entries.Add(new Tlv(type, value));
        return this;
    }

    public Tlv? Find(ushort type) => Entries.FirstOrDefault(e => e.Type == type);

    /// <summary>An area without entries is not written at all (imgtool omits it).</summary>
    public byte[] ToBytes()
    {
        if (Entries.Count == 0)
            return [];
        if (Size > ushort.MaxValue)
            throw new ToolException($"TLV area of {Size} bytes exceeds the 16-bit size field");
        var bytes = new byte[Size];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), (ushort)Size);
        int offset = InfoSize;
        foreach (var entry in Entries)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), entry.Type);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset + 2), (ushort)entry.Value.Length);
            entry.Value.CopyTo(bytes, offset + EntryHeaderSize);
            offset += EntryHeaderSize + entry.Value.Length;
        }
        return bytes;
    }

    /// <summary>
    /// Reads the area at <paramref name="offset"/>. The entries must fill the declared size exactly; anything
    /// else is a damaged image, reported with the offset.
    /// </summary>
    public static TlvArea Parse(ReadOnlySpan<byte> image, int offset, ushort expectedMagic)
    {
        string what = expectedMagic == ProtectedMagic ? "protected TLV area" : "TLV area";
        if (offset < 0 || offset + InfoSize > image.Length)
            throw new ToolException($"image is truncated: the {what} at 0x{offset:x} lies beyond the end of the {image.Length}-byte file");
        ushort magic = BinaryPrimitives.ReadUInt16LittleEndian(image[offset..]);
        if (magic != expectedMagic)
            throw new ToolException($"Invalid TLV info magic; is this an MCUboot image? (found 0x{magic:x4} at 0x{offset:x}, expected 0x{expectedMagic:x4})");
        int total = BinaryPrimitives.ReadUInt16LittleEndian(image[(offset + 2)..]);
        if (total < InfoSize || offset + total > image.Length)
            throw new ToolException($"image is truncated or damaged: the {what} at 0x{offset:x} claims {total} bytes, the file ends at 0x{image.Length:x}");
        var area = new TlvArea(magic);
        int position = offset + InfoSize;
        int end = offset + total;
        while (position < end)
        {
            if (position + EntryHeaderSize > end)
                throw new ToolException($"damaged {what}: a TLV header at 0x{position:x} crosses the area end 0x{end:x}");
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(image[position..]);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(image[(position + 2)..]);
            if (position + EntryHeaderSize + length > end)
                throw new ToolException($"damaged {what}: TLV 0x{type:x} at 0x{position:x} with length 0x{length:x} crosses the area end 0x{end:x}");
            area.Add(type, image.Slice(position + EntryHeaderSize, length).ToArray());
            position += EntryHeaderSize + length;
        }
        return area;
    }
}
