using System.Buffers.Binary;

namespace ImageTool.Mcuboot;

/// <summary>
/// MCUboot's struct image_header (32 bytes, little-endian) at the start of every image; the rest of the
/// ih_hdr_size bytes is padding that is hashed with it.
/// </summary>
public sealed record ImageHeader(uint LoadAddress, ushort HeaderSize, ushort ProtectedTlvSize, uint ImageSize,
    uint Flags, ImageVersion Version)
{
    public const uint Magic = 0x96f3b83d;
    public const int Size = 32;

    public static ImageHeader Parse(ReadOnlySpan<byte> image)
    {
        if (image.Length < Size)
            throw new ToolException($"image is truncated: {image.Length} bytes, shorter than the {Size}-byte MCUboot header");
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(image);
        if (magic != Magic)
            throw new ToolException($"Invalid image magic; is this an MCUboot image? (found 0x{magic:x8}, expected 0x{Magic:x8})");
        var header = new ImageHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(image[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(image[8..]),
            BinaryPrimitives.ReadUInt16LittleEndian(image[10..]),
            BinaryPrimitives.ReadUInt32LittleEndian(image[12..]),
            BinaryPrimitives.ReadUInt32LittleEndian(image[16..]),
            ImageVersion.Read(image[20..]));
        if (header.HeaderSize < Size)
            throw new ToolException($"header garbage: hdr_size 0x{header.HeaderSize:x} is smaller than the {Size}-byte header");
        return header;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), LoadAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), ProtectedTlvSize);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), ImageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), Flags);
        Version.Write(bytes.AsSpan(20));
        return bytes;
    }
}
