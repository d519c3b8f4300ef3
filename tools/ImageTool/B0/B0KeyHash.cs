using System.Security.Cryptography;
using ImageTool.Keys;

namespace ImageTool.B0;

/// <summary>
/// What b0 provisions per key: the first 16 bytes of SHA-256(X‖Y). OTP cells are 16-bit and 0xFFFF reads as
/// erased, so a hash with an aligned 0xFFFF half-word cannot be provisioned.
/// </summary>
public static class B0KeyHash
{
    public const int Length = 16;

    public static EcdsaP256PublicKey RequireP256(PublicKey key) => key as EcdsaP256PublicKey
        ?? throw new ToolException($"{key.Source} is an {key.Type.Name()} key; b0 on nRF5340 uses ecdsa-p256 keys only");

    public static byte[] Compute(PublicKey key) => SHA256.HashData(RequireP256(key).RawXY)[..Length];

    public static bool HasErasedHalfWord(ReadOnlySpan<byte> hash)
    {
        for (int i = 0; i + 1 < hash.Length; i += 2)
            if (hash[i] == 0xFF && hash[i + 1] == 0xFF)
                return true;
        return false;
    }

    /// <summary>The hash, refused when it contains an aligned 0xFFFF.</summary>
    public static byte[] ComputeProvisionable(PublicKey key)
    {
        byte[] hash = Compute(key);
        if (HasErasedHalfWord(hash))
            throw new ToolException(
                $"the b0 hash of {key.Source} ({Convert.ToHexStringLower(hash)}) contains 0xffff, which OTP cannot hold: generate another key (b0 keygen does)");
        return hash;
    }

    /// <summary>A fresh P-256 key whose hash can be provisioned (about 1 in 8000 keys is not).</summary>
    public static EcdsaP256PrivateKey GenerateKey()
    {
        while (true)
        {
            var key = EcdsaP256PrivateKey.Generate();
            if (!HasErasedHalfWord(Compute(key.PublicKey)))
                return key;
        }
    }
}
