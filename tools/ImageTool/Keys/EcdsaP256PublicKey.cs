using System.Security.Cryptography;

namespace ImageTool.Keys;

public sealed class EcdsaP256PublicKey : PublicKey
{
    private readonly ECDsa _ecdsa;

    /// <summary>From the affine coordinates, 32 bytes each, big-endian. Refuses points not on the curve.</summary>
    public EcdsaP256PublicKey(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (x.Length != 32 || y.Length != 32)
            throw new ToolException($"a P-256 public key needs 32-byte coordinates, not {x.Length} and {y.Length}");
        X = x.ToArray();
        Y = y.ToArray();
        try
        {
            _ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = X, Y = Y },
            });
        }
        catch (CryptographicException)
        {
            throw new ToolException($"{Convert.ToHexStringLower([.. X, .. Y])} is not a point on the P-256 curve");
        }
        SubjectPublicKeyInfo = _ecdsa.ExportSubjectPublicKeyInfo();
    }

    public override KeyType Type => KeyType.EcdsaP256;

    public override byte[] SubjectPublicKeyInfo { get; }

    public byte[] X { get; }

    public byte[] Y { get; }

    /// <summary>X‖Y without the 0x04 prefix: the form b0 stores and hashes.</summary>
    public byte[] RawXY => [.. X, .. Y];

    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        EcdsaDer.TryDecode(signature) is { } raw && VerifyRaw(message, raw);

    /// <summary>Verifies an r‖s signature over SHA-256(message).</summary>
    public bool VerifyRaw(ReadOnlySpan<byte> message, ReadOnlySpan<byte> rs) =>
        rs.Length == 64 && _ecdsa.VerifyData(message, rs, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
