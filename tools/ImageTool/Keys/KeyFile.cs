using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.EdEC;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using ImageTool.Files;

namespace ImageTool.Keys;

/// <summary>
/// PEM key files. A development key carries <see cref="DevelopmentMarker"/> in a comment line above its PEM
/// block; every load of such a key prints a warning, because its private half is public.
/// </summary>
public static class KeyFile
{
    public const string DevelopmentMarker = "DEVELOPMENT-ONLY KEY";

    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static PrivateKey LoadPrivate(string path, TextWriter? warnings = null)
    {
        var (label, der) = ReadPem(path, warnings);
        return label switch
        {
            "PRIVATE KEY" => Guard(path, label, () => FromPkcs8(der, path)),
            "EC PRIVATE KEY" => Guard(path, label, () => EcdsaP256PrivateKey.FromSec1(der, path)),
            "PUBLIC KEY" => throw new ToolException($"{path} holds a public key; signing needs the private key"),
            _ => throw UnsupportedLabel(path, label),
        };
    }

    /// <summary>Loads a public key, or the public half of a private key file.</summary>
    public static PublicKey LoadPublic(string path, TextWriter? warnings = null)
    {
        var (label, der) = ReadPem(path, warnings);
        return label switch
        {
            "PUBLIC KEY" => Guard(path, label, () => FromSubjectPublicKeyInfo(der, path)),
            "PRIVATE KEY" => Guard(path, label, () => FromPkcs8(der, path).PublicKey),
            "EC PRIVATE KEY" => Guard(path, label, () => EcdsaP256PrivateKey.FromSec1(der, path).PublicKey),
            _ => throw UnsupportedLabel(path, label),
        };
    }

    public static string ToPem(PrivateKey key, bool developmentKey)
    {
        string pem = new string(PemEncoding.Write("PRIVATE KEY", key.ToPkcs8())) + "\n";
        return developmentKey
            ? $"# {DevelopmentMarker}: this private key is public (it lives in the source tree). " +
              "Never use it for production devices.\n" + pem
            : pem;
    }

    public static string ToPem(PublicKey key) =>
        new string(PemEncoding.Write("PUBLIC KEY", key.SubjectPublicKeyInfo)) + "\n";

    public static string DevelopmentWarning(string path) =>
        $"WARNING: {path} is a {DevelopmentMarker}. Its private half is public: anyone can sign images that " +
        "devices using it will accept. NEVER use it for production devices.";

    private static (string Label, byte[] Der) ReadPem(string path, TextWriter? warnings)
    {
        string text = FirmwareFile.ReadText(path);
        if (!PemEncoding.TryFind(text, out var fields))
            throw new ToolException($"{path} is not a PEM key file (no valid -----BEGIN ...----- block)");
        if (text.Contains(DevelopmentMarker, StringComparison.Ordinal))
            (warnings ?? Console.Error).WriteLine(DevelopmentWarning(path));
        string label = text[fields.Label];
        byte[] der = Convert.FromBase64String(text[fields.Base64Data]);
        return (label, der);
    }

    private static PrivateKey FromPkcs8(byte[] der, string path)
    {
        var info = PrivateKeyInfo.GetInstance(der);
        var algorithm = info.PrivateKeyAlgorithm;
        if (algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey))
        {
            RequireP256(algorithm, path);
            return EcdsaP256PrivateKey.FromPkcs8(der, path);
        }
        if (algorithm.Algorithm.Equals(EdECObjectIdentifiers.id_Ed25519))
            return Ed25519PrivateKey.FromPkcs8(info, path);
        throw UnsupportedAlgorithm(path, algorithm);
    }

    private static PublicKey FromSubjectPublicKeyInfo(byte[] der, string path)
    {
        var info = SubjectPublicKeyInfo.GetInstance(der);
        var algorithm = info.Algorithm;
        byte[] point = info.PublicKey.GetOctets();
        if (algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey))
        {
            RequireP256(algorithm, path);
            if (point.Length != 65 || point[0] != 0x04)
                throw new ToolException($"{path}: only uncompressed P-256 public keys are supported");
            return new EcdsaP256PublicKey(point.AsSpan(1, 32), point.AsSpan(33, 32)) { Source = path };
        }
        if (algorithm.Algorithm.Equals(EdECObjectIdentifiers.id_Ed25519))
            return new Ed25519PublicKey(point) { Source = path };
        throw UnsupportedAlgorithm(path, algorithm);
    }

    private static void RequireP256(AlgorithmIdentifier algorithm, string path)
    {
        string? curve = algorithm.Parameters?.ToString();
        if (curve != P256Oid)
            throw new ToolException($"{path}: EC key on curve {curve ?? "(none)"}; only P-256 (prime256v1) is supported");
    }

    private static ToolException UnsupportedAlgorithm(string path, AlgorithmIdentifier algorithm) =>
        new($"{path}: key algorithm {algorithm.Algorithm} is not supported (supported: ecdsa-p256, ed25519)");

    private static ToolException UnsupportedLabel(string path, string label) => label switch
    {
        "ENCRYPTED PRIVATE KEY" => new($"{path} is password-protected, which is not supported: " +
                                       "keep production keys off the build machine and use --sign-command instead"),
        "RSA PRIVATE KEY" or "RSA PUBLIC KEY" => new($"{path} is an RSA key; supported types are ecdsa-p256 and ed25519"),
        _ => new($"{path}: unsupported PEM block '{label}' (expected PRIVATE KEY, EC PRIVATE KEY or PUBLIC KEY)"),
    };

    /// <summary>Turns any parser failure on a damaged file into one readable message.</summary>
    private static T Guard<T>(string path, string label, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not ToolException)
        {
            throw new ToolException($"{path}: the {label} block is not a valid key ({e.Message})");
        }
    }
}
