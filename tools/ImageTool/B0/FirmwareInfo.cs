using System.Buffers.Binary;

namespace ImageTool.B0;

/// <summary>
/// NCS struct fw_info (include/fw_info_bare.h): what b0 reads to pick, validate and boot a second stage.
/// 60 bytes when there are no EXT_APIs; linked at offset 0x200 of the image (CONFIG_FW_INFO_OFFSET).
/// </summary>
public sealed record FirmwareInfo(uint CompatibilityWord, uint TotalSize, uint Size, uint Version, uint Address,
    uint BootAddress, uint Valid, uint ExtApiCount, uint ExtApiRequestCount)
{
    public const uint MagicCommon = 0x281ee6de;
    public const uint MagicFirmwareInfo = 0x8fcebb4c;

    /// <summary>FW_INFO_VERSION 2 | FW_INFO_HARDWARE_ID 53 (nRF53) &lt;&lt; 8 | crypto id 0 | compatibility id 0.</summary>
    public const uint Nrf53CompatibilityWord = 0x00003502;

    /// <summary>CONFIG_FW_INFO_VALID_VAL; b0 clears it to invalidate an image for good.</summary>
    public const uint ValidValue = 0x9102FFFF;

    public const int Offset = 0x200;
    public const int Length = 60;

    /// <summary>Highest version: b0 stores (version &lt;&lt; 1 | !slot) in 16-bit OTP counter slots and 0xFFFF means erased.</summary>
    public const uint MaxVersion = 32766;

    /// <summary>The fw_info at <paramref name="offset"/>, or null when its two magic words are not there.</summary>
    public static FirmwareInfo? TryRead(ReadOnlySpan<byte> image, int offset)
    {
        if (offset < 0 || offset + Length > image.Length)
            return null;
        var data = image[offset..];
        if (U32(data, 0) != MagicCommon || U32(data, 4) != MagicFirmwareInfo)
            return null;
        return new FirmwareInfo(U32(data, 8), U32(data, 12), U32(data, 16), U32(data, 20), U32(data, 24),
            U32(data, 28), U32(data, 32), U32(data, 52), U32(data, 56));
    }

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);

    /// <summary>
    /// The checks b0 makes before it trusts an image at <paramref name="expectedAddress"/>
    /// (bl_validation.c), so a bad build is refused on the host and not on the device.
    /// </summary>
    public void Check(int imageLength, uint expectedAddress, uint? expectedVersion)
    {
        if (CompatibilityWord != Nrf53CompatibilityWord)
            throw new ToolException(
                $"fw_info compatibility word is 0x{CompatibilityWord:x8}, expected 0x{Nrf53CompatibilityWord:x8} (fw_info version 2, nRF53)");
        if (Size != imageLength)
            throw new ToolException($"fw_info size is 0x{Size:x} but the image is 0x{imageLength:x} bytes: was the binary changed after linking?");
        if (Address != expectedAddress)
            throw new ToolException($"fw_info address is 0x{Address:x}, but this image must run at 0x{expectedAddress:x}: was it linked for the other slot?");
        if (Valid != ValidValue)
            throw new ToolException($"fw_info valid word is 0x{Valid:x8}, expected 0x{ValidValue:x8}");
        if (TotalSize < Length || Offset + TotalSize > Size)
            throw new ToolException($"fw_info total_size 0x{TotalSize:x} is invalid: it must be at least {Length} and lie inside the image");
        if (BootAddress < Address || BootAddress >= (ulong)Address + Size)
            throw new ToolException($"fw_info boot_address 0x{BootAddress:x} lies outside the image 0x{Address:x}..0x{(ulong)Address + Size - 1:x}");
        if (Version > MaxVersion)
            throw new ToolException($"fw_info version {Version} is too large: b0's monotonic counter holds at most {MaxVersion}");
        if (expectedVersion is { } v && Version != v)
            throw new ToolException($"fw_info version is {Version}, expected {v}");
    }
}
