using System.Security.Cryptography;
using ImageTool.Keys;

namespace ImageTool.B0;

/// <summary>Result of checking a b0-signed image: its fw_info, validation block and signer key hash.</summary>
public sealed record B0Verification(FirmwareInfo Info, ValidationBlock Block, byte[] KeyHash);

/// <summary>
/// Signs and checks second-stage images for b0 (NCS's hash.py / do_sign.py / validation_data.py chain).
/// The signed message is SHA-256(image), 32 bytes, signed with ECDSA P-256 + SHA-256; so the ECDSA digest is
/// SHA-256(SHA-256(image)), exactly what b0 checks, and `openssl dgst -sha256 -sign key.pem` works as an
/// external signing command.
/// </summary>
public static class B0Image
{
    /// <summary>Checks fw_info and returns the image followed by its validation block.</summary>
    public static byte[] Sign(byte[] image, uint expectedAddress, ISigner signer, uint? expectedVersion = null)
    {
        var info = FirmwareInfo.TryRead(image, FirmwareInfo.Offset)
            ?? throw new ToolException($"no fw_info at offset 0x{FirmwareInfo.Offset:x}: is this a second-stage image built for b0?");
        info.Check(image.Length, expectedAddress, expectedVersion);
        var key = B0KeyHash.RequireP256(signer.PublicKey);
        B0KeyHash.ComputeProvisionable(key);

        byte[] hash = SHA256.HashData(image);
        byte[] signature = EcdsaDer.TryDecode(signer.Sign(hash))
            ?? throw new ToolException("the signer returned a malformed ECDSA signature");
        var block = new ValidationBlock(info.Address, hash, key.RawXY, signature);

        int blockOffset = ValidationBlock.OffsetAfter(image.Length);
        var signed = new byte[blockOffset + ValidationBlock.Size];
        Array.Fill(signed, (byte)0xFF, image.Length, blockOffset - image.Length);
        image.CopyTo(signed, 0);
        block.ToBytes().CopyTo(signed, blockOffset);
        return signed;
    }

    /// <summary>
    /// b0's view: fw_info valid, validation block right after the image, hash and signature correct, and (if
    /// given) the block's key is <paramref name="trustedKey"/>.
    /// </summary>
    public static B0Verification Verify(byte[] signed, uint? expectedAddress = null, PublicKey? trustedKey = null)
    {
        var info = FirmwareInfo.TryRead(signed, FirmwareInfo.Offset)
            ?? throw new ToolException($"no fw_info at offset 0x{FirmwareInfo.Offset:x}: not a b0-bootable image");
        if (info.Size > signed.Length)
            throw new ToolException($"image is truncated: fw_info size is 0x{info.Size:x}, the file is 0x{signed.Length:x} bytes");
        int size = (int)info.Size;
        info.Check(size, expectedAddress ?? info.Address, null);
        var block = ValidationBlock.Parse(signed, ValidationBlock.OffsetAfter(size));
        if (block.Address != info.Address)
            throw new ToolException($"validation block address 0x{block.Address:x} differs from fw_info address 0x{info.Address:x}");
        byte[] hash = SHA256.HashData(signed.AsSpan(0, size));
        if (!hash.AsSpan().SequenceEqual(block.Hash))
            throw new ToolException(
                $"invalid hash: validation block says {Convert.ToHexStringLower(block.Hash)}, the image hashes to {Convert.ToHexStringLower(hash)}");
        var key = new EcdsaP256PublicKey(block.PublicKeyXY.AsSpan(0, 32), block.PublicKeyXY.AsSpan(32)) { Source = "the validation block key" };
        if (!key.VerifyRaw(hash, block.Signature))
            throw new ToolException("invalid signature: the validation block signature does not verify with its public key");
        if (trustedKey is not null && !trustedKey.SameKeyAs(key))
            throw new ToolException(
                $"the image is signed by b0 key hash {Convert.ToHexStringLower(B0KeyHash.Compute(key))}, not by {trustedKey.Source} ({Convert.ToHexStringLower(B0KeyHash.Compute(trustedKey))})");
        return new B0Verification(info, block, B0KeyHash.Compute(key));
    }
}
