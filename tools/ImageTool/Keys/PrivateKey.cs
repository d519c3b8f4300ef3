namespace ImageTool.Keys;

/// <summary>A signing key held in memory (loaded from a PEM file or freshly generated).</summary>
public abstract class PrivateKey : ISigner
{
    public abstract PublicKey PublicKey { get; }

    public abstract byte[] Sign(byte[] message);

    /// <summary>Unencrypted PKCS#8 DER, the format imgtool writes.</summary>
    public abstract byte[] ToPkcs8();

    public static PrivateKey Generate(KeyType type) => type switch
    {
        KeyType.EcdsaP256 => EcdsaP256PrivateKey.Generate(),
        KeyType.Ed25519 => Ed25519PrivateKey.Generate(),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
