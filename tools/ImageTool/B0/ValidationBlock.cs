using System.Buffers.Binary;

namespace ImageTool.B0;

/// <summary>
/// The 176 bytes NCS's validation_data.py appends after a b0-booted image (bl_validation.c reads them):
/// magic[3], address, SHA-256 of the image, the P-256 key X‖Y and the signature r‖s.
/// </summary>
public sealed record ValidationBlock(uint Address, byte[] Hash, byte[] PublicKeyXY, byte[] Signature)
{
    public const uint Magic = 0x86518483;

    /// <summary>SB_VALIDATION_INFO_VERSION 2 | hardware id 53 (nRF53) &lt;&lt; 8 | crypto id 1 (ECDSA P-256) &lt;&lt; 16.</summary>
    public const uint Nrf53CompatibilityWord = 0x00013502;

    public const int Size = 176;

    /// <summary>The block starts at the first word boundary after the image.</summary>
    public static int OffsetAfter(int imageLength) => (imageLength + 3) / 4 * 4;

    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, FirmwareInfo.MagicCommon);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), Nrf53CompatibilityWord);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), Address);
        Hash.CopyTo(bytes, 16);
        PublicKeyXY.CopyTo(bytes, 48);
        Signature.CopyTo(bytes, 112);
        return bytes;
    }

    public static ValidationBlock Parse(ReadOnlySpan<byte> bytes, int offset)
    {
        if (offset + Size > bytes.Length)
            throw new ToolException($"image is truncated: no room for the {Size}-byte validation block at 0x{offset:x} (file is 0x{bytes.Length:x} bytes)");
        var block = bytes.Slice(offset, Size);
        uint common = BinaryPrimitives.ReadUInt32LittleEndian(block);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(block[4..]);
        uint compat = BinaryPrimitives.ReadUInt32LittleEndian(block[8..]);
        if (common != FirmwareInfo.MagicCommon || magic != Magic || compat != Nrf53CompatibilityWord)
            throw new ToolException(
                $"no validation block at 0x{offset:x}: magic {common:x8} {magic:x8} {compat:x8}, expected {FirmwareInfo.MagicCommon:x8} {Magic:x8} {Nrf53CompatibilityWord:x8}");
        return new ValidationBlock(BinaryPrimitives.ReadUInt32LittleEndian(block[12..]), block.Slice(16, 32).ToArray(),
            block.Slice(48, 64).ToArray(), block.Slice(112, 64).ToArray());
    }
}
