namespace ImageTool.Keys;

/// <summary>
/// Something that signs a message with the private half of <see cref="PublicKey"/>: a key file or an external
/// command (HSM, signing server). ECDSA P-256 signs SHA-256(message) and returns DER; Ed25519 signs the message
/// itself and returns the 64-byte signature. Which bytes form the message is decided by the image format.
/// </summary>
public interface ISigner
{
    PublicKey PublicKey { get; }

    byte[] Sign(byte[] message);
}
