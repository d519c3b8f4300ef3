using System.Security.Cryptography;
using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;

namespace ImageTool.Mcuboot;

/// <summary>
/// Builds an MCUboot image byte-for-byte as imgtool 2.4.0 does. What gets signed:
/// ECDSA P-256 signs the hashed region [0, hdr_size + img_size + protect_tlv_size) with SHA-256 (so an external
/// command receives those bytes); Ed25519 signs the 32-byte SHA-256 digest of that region.
/// </summary>
public static class ImageSigner
{
    public static SignedImage Sign(FirmwareData input, SignOptions options, ISigner? signer)
    {
        var trailer = options.Trailer;
        if (options.HeaderSize is < ImageHeader.Size or > ushort.MaxValue)
            throw new ToolException($"--header-size 0x{options.HeaderSize:x} is invalid: it must be 0x20..0xffff");
        if (options.PadsToSlot && options.SlotSize == 0)
            throw new ToolException("--pad and --confirm need --slot-size");

        byte[] body = input.Bytes;
        uint? address = input.Address;
        if (options.PadHeader)
        {
            body = [.. Enumerable.Repeat((byte)0xFF, options.HeaderSize), .. body];
            if (address is { } a)
                address = a >= options.HeaderSize
                    ? a - (uint)options.HeaderSize
                    : throw new ToolException($"the input starts at 0x{a:x}, below the 0x{options.HeaderSize:x}-byte header it needs in front");
        }
        else
        {
            if (body.Length < options.HeaderSize)
                throw new ToolException($"the input ({body.Length} bytes) is shorter than --header-size 0x{options.HeaderSize:x}");
            if (body.AsSpan(0, options.HeaderSize).IndexOfAnyExcept((byte)0) >= 0)
                throw new ToolException(
                    $"Header padding was not requested and image does not start with zeros: the first 0x{options.HeaderSize:x} bytes must be zero, or use --pad-header");
        }
        CheckBootloaderVersion(body, options);

        var protectedTlvs = new TlvArea(TlvArea.ProtectedMagic);
        if (options.SecurityCounter is { } counter)
            protectedTlvs.Add(TlvType.SecurityCounter, BitConverter.GetBytes(counter));
        foreach (var dependency in options.Dependencies)
            protectedTlvs.Add(TlvType.Dependency, dependency.ToBytes());
        byte[] protectedBytes = protectedTlvs.ToBytes();

        long imageSize = body.LongLength - options.HeaderSize;
        if (imageSize > uint.MaxValue)
            throw new ToolException($"payload of {imageSize} bytes does not fit the 32-bit img_size field");
        var header = new ImageHeader(0, (ushort)options.HeaderSize, (ushort)protectedBytes.Length, (uint)imageSize, 0,
            options.Version);
        byte[] hashed = [.. header.ToBytes(), .. body.AsSpan(ImageHeader.Size), .. protectedBytes];
        byte[] digest = SHA256.HashData(hashed);

        var tlvs = new TlvArea(TlvArea.UnprotectedMagic).Add(TlvType.Sha256, digest);
        if (signer is not null)
        {
            var key = signer.PublicKey;
            if (options.PublicKeyFormat == PublicKeyFormat.Hash)
                tlvs.Add(TlvType.KeyHash, key.McubootKeyHash());
            else
                tlvs.Add(TlvType.PublicKey, key.SubjectPublicKeyInfo);
            byte[] message = key.Type == KeyType.Ed25519 ? digest : hashed;
            tlvs.Add(TlvType.SignatureFor(key.Type), signer.Sign(message));
        }

        byte[] image = [.. hashed, .. tlvs.ToBytes()];
        if (options.SlotSize > 0 && image.LongLength + trailer.Size > options.SlotSize)
            throw new ToolException(
                $"Image size (0x{image.Length:x}) + trailer (0x{trailer.Size:x}) exceeds requested size 0x{options.SlotSize:x}: the image does not fit its slot");
        return new SignedImage(image, address, options, trailer);
    }

    /// <summary>
    /// An S0/S1 bootloader image carries fw_info at payload offset 0x200. One version setting feeds both headers,
    /// so the MCUboot header must read V.0.0+0 where V is the fw_info version.
    /// </summary>
    private static void CheckBootloaderVersion(byte[] body, SignOptions options)
    {
        if (FirmwareInfo.TryRead(body, options.HeaderSize + FirmwareInfo.Offset) is not { } info)
            return;
        if (info.Version > byte.MaxValue)
            throw new ToolException(
                $"this S0/S1 image has fw_info version {info.Version}, which does not fit the 8-bit MCUboot major version");
        var expected = new ImageVersion((byte)info.Version, 0, 0, 0);
        if (options.Version != expected)
            throw new ToolException(
                $"this is an S0/S1 bootloader image with fw_info version {info.Version}: its MCUboot header version must be {expected}, not {options.Version}");
    }
}
