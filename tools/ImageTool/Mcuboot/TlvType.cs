namespace ImageTool.Mcuboot;

/// <summary>TLV type codes from MCUboot's image.h, with the names imgtool's dumpinfo prints.</summary>
public static class TlvType
{
    public const ushort KeyHash = 0x01;
    public const ushort PublicKey = 0x02;
    public const ushort Sha256 = 0x10;
    public const ushort EcdsaSignature = 0x22;
    public const ushort Ed25519Signature = 0x24;
    public const ushort Dependency = 0x40;
    public const ushort SecurityCounter = 0x50;

    private static readonly Dictionary<ushort, string> Names = new()
    {
        [KeyHash] = "KEYHASH",
        [PublicKey] = "PUBKEY",
        [Sha256] = "SHA256",
        [0x11] = "SHA384",
        [0x12] = "SHA512",
        [0x20] = "RSA2048",
        [0x21] = "ECDSA224",
        [EcdsaSignature] = "ECDSASIG",
        [0x23] = "RSA3072",
        [Ed25519Signature] = "ED25519",
        [0x25] = "SIG_PURE",
        [0x30] = "ENCRSA2048",
        [0x31] = "ENCKW",
        [0x32] = "ENCEC256",
        [0x33] = "ENCX25519",
        [Dependency] = "DEPENDENCY",
        [SecurityCounter] = "SEC_CNT",
        [0x60] = "BOOT_RECORD",
    };

    public static string Name(ushort type) => Names.GetValueOrDefault(type, "UNKNOWN");

    public static ushort SignatureFor(Keys.KeyType keyType) =>
        keyType == Keys.KeyType.Ed25519 ? Ed25519Signature : EcdsaSignature;
}
