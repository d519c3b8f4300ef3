using System.Security.Cryptography;

namespace ImageTool.Keys;

/// <summary>A verification key. <see cref="Source"/> names where it came from, for messages.</summary>
public abstract class PublicKey
{
    public abstract KeyType Type { get; }

    /// <summary>DER SubjectPublicKeyInfo: what imgtool embeds (PUBKEY TLV) and hashes (KEYHASH TLV).</summary>
    public abstract byte[] SubjectPublicKeyInfo { get; }

    public string Source { get; init; } = "key";

    /// <summary>MCUboot key hash: SHA-256 of the DER SubjectPublicKeyInfo.</summary>
    public byte[] McubootKeyHash() => SHA256.HashData(SubjectPublicKeyInfo);

    /// <summary>
    /// ECDSA: <paramref name="signature"/> is DER and covers SHA-256(message). Ed25519: 64 bytes over the message.
    /// Malformed signatures simply do not verify.
    /// </summary>
    public abstract bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    public bool SameKeyAs(PublicKey other) => SubjectPublicKeyInfo.AsSpan().SequenceEqual(other.SubjectPublicKeyInfo);
}
