using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Security;

namespace ImageTool.Keys;

public sealed class Ed25519PrivateKey : PrivateKey
{
    // SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } }
    private static readonly byte[] Pkcs8V1Prefix = Convert.FromHexString("302e020100300506032b657004220420");

    private readonly Ed25519PrivateKeyParameters _key;

    private Ed25519PrivateKey(Ed25519PrivateKeyParameters key, string source)
    {
        _key = key;
        PublicKey = new Ed25519PublicKey(key.GeneratePublicKey().GetEncoded()) { Source = source };
    }

    public override PublicKey PublicKey { get; }

    public static Ed25519PrivateKey Generate() =>
        new(new Ed25519PrivateKeyParameters(new SecureRandom()), "generated key");

    public static Ed25519PrivateKey FromPkcs8(PrivateKeyInfo info, string source) =>
        new((Ed25519PrivateKeyParameters)PrivateKeyFactory.CreateKey(info), source);

    /// <summary>Ed25519 is deterministic: the same key and message always give the same signature.</summary>
    public override byte[] Sign(byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _key);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>
    /// PKCS#8 v1 without the optional public key (what imgtool and openssl write); BouncyCastle's own encoding
    /// is the v2 form, which OpenSSL 3.0 cannot read.
    /// </summary>
    public override byte[] ToPkcs8() => [.. Pkcs8V1Prefix, .. _key.GetEncoded()];
}
