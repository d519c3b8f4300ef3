using System.Security.Cryptography;
using ImageTool.Keys;

namespace ImageTool.Mcuboot;

public sealed record VerifyResult(bool Ok, string Message, ImageVersion? Version = null, byte[]? Digest = null);

/// <summary>
/// imgtool's `verify`, made strict: the structure must parse exactly, the SHA256 TLV must match and, when a key
/// is given, the image must name that key (KEYHASH or PUBKEY) and carry a signature that verifies with it.
/// The messages start with imgtool's wording and add the values.
/// </summary>
public static class ImageVerifier
{
    public static VerifyResult Verify(byte[] bytes, PublicKey? key)
    {
        McubootImage image;
        try
        {
            image = McubootImage.Parse(bytes);
        }
        catch (ToolException e)
        {
            return new VerifyResult(false, e.Message);
        }

        var hashes = image.Tlvs.Entries.Where(t => t.Type == TlvType.Sha256).ToList();
        if (hashes.Count != 1 || hashes[0].Value.Length != 32)
            return new VerifyResult(false,
                $"Image has an invalid hash: expected one 32-byte SHA256 TLV, found {hashes.Count}");
        byte[] digest = SHA256.HashData(image.HashedRegion);
        if (!digest.AsSpan().SequenceEqual(hashes[0].Value))
            return new VerifyResult(false,
                $"Image has an invalid hash: SHA256 TLV {Convert.ToHexStringLower(hashes[0].Value)}, computed {Convert.ToHexStringLower(digest)}");

        if (key is not null && CheckSignature(image, key, digest) is { } problem)
            return new VerifyResult(false, $"No signature found for the given key: {problem}");
        return new VerifyResult(true, "Image was correctly validated", image.Header.Version, digest);
    }

    private static string? CheckSignature(McubootImage image, PublicKey key, byte[] digest)
    {
        byte[] keyHash = key.McubootKeyHash();
        bool named = image.Tlvs.Entries.Any(t =>
            (t.Type == TlvType.KeyHash && t.Value.AsSpan().SequenceEqual(keyHash)) ||
            (t.Type == TlvType.PublicKey && t.Value.AsSpan().SequenceEqual(key.SubjectPublicKeyInfo)));
        if (!named)
        {
            var other = image.Tlvs.Find(TlvType.KeyHash);
            return other is null
                ? $"the image names no key matching {key.Source} (key hash {Convert.ToHexStringLower(keyHash)})"
                : $"the image was signed by key hash {Convert.ToHexStringLower(other.Value)}, {key.Source} has key hash {Convert.ToHexStringLower(keyHash)}";
        }
        ushort signatureType = TlvType.SignatureFor(key.Type);
        var signatures = image.Tlvs.Entries.Where(t => t.Type == signatureType).ToList();
        if (signatures.Count == 0)
            return $"the image has no {TlvType.Name(signatureType)} signature for the {key.Type.Name()} key {key.Source}";
        byte[] message = key.Type == KeyType.Ed25519 ? digest : image.HashedRegion.ToArray();
        return signatures.Any(s => key.Verify(message, s.Value))
            ? null
            : $"the {TlvType.Name(signatureType)} signature does not verify with {key.Source}";
    }
}
