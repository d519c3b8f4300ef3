using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ImageTool.Keys;

public sealed class Ed25519PublicKey : PublicKey
{
    // DER SubjectPublicKeyInfo prefix for id-Ed25519 (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }.
    private static readonly byte[] SpkiPrefix = Convert.FromHexString("302a300506032b6570032100");

    private readonly Ed25519PublicKeyParameters _key;

    public Ed25519PublicKey(ReadOnlySpan<byte> raw)
    {
        if (raw.Length != 32)
            throw new ToolException($"an Ed25519 public key is 32 bytes, not {raw.Length}");
        Raw = raw.ToArray();
        _key = new Ed25519PublicKeyParameters(Raw);
        SubjectPublicKeyInfo = [.. SpkiPrefix, .. Raw];
    }

    public override KeyType Type => KeyType.Ed25519;

    public override byte[] SubjectPublicKeyInfo { get; }

    public byte[] Raw { get; }

    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
            return false;
        var verifier = new Ed25519Signer();
        verifier.Init(false, _key);
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }
}
