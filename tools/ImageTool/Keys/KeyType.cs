namespace ImageTool.Keys;

public enum KeyType
{
    EcdsaP256,
    Ed25519,
}

public static class KeyTypes
{
    /// <summary>The names imgtool uses on its command line (keygen -t).</summary>
    public static string Name(this KeyType type) => type switch
    {
        KeyType.EcdsaP256 => "ecdsa-p256",
        KeyType.Ed25519 => "ed25519",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static KeyType Parse(string name) => name switch
    {
        "ecdsa-p256" => KeyType.EcdsaP256,
        "ed25519" => KeyType.Ed25519,
        _ => throw new ToolException($"unknown key type '{name}' (supported: ecdsa-p256, ed25519)"),
    };
}
