using System.Security.Cryptography;

namespace ImageTool.Keys;

public sealed class EcdsaP256PrivateKey : PrivateKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly ECDsa _ecdsa;

    private EcdsaP256PrivateKey(ECDsa ecdsa, string source)
    {
        var parameters = ecdsa.ExportParameters(false);
        if (parameters.Curve.Oid?.Value != P256Oid)
            throw new ToolException(
                $"{source}: EC key on curve {parameters.Curve.Oid?.FriendlyName ?? parameters.Curve.Oid?.Value ?? "(unnamed)"}; only P-256 (prime256v1) is supported");
        _ecdsa = ecdsa;
        PublicKey = new EcdsaP256PublicKey(parameters.Q.X, parameters.Q.Y) { Source = source };
    }

    public override PublicKey PublicKey { get; }

    public static EcdsaP256PrivateKey Generate() =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256), "generated key");

    public static EcdsaP256PrivateKey FromPkcs8(byte[] der, string source)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(der, out _);
        return new EcdsaP256PrivateKey(ecdsa, source);
    }

    /// <summary>SEC 1 "EC PRIVATE KEY", what `openssl ecparam -genkey` writes.</summary>
    public static EcdsaP256PrivateKey FromSec1(byte[] der, string source)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(der, out _);
        return new EcdsaP256PrivateKey(ecdsa, source);
    }

    public override byte[] Sign(byte[] message) =>
        _ecdsa.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public override byte[] ToPkcs8() => _ecdsa.ExportPkcs8PrivateKey();
}
