using System.CommandLine;
using ImageTool.Keys;

namespace ImageTool.Cli;

/// <summary>-k KEY, or --sign-command CMD with --public-key PUB (the private key never touches the build).</summary>
internal sealed class SignerOptions
{
    private readonly Option<string?> _key = new("--key", "-k") { Description = "Private key (PEM) to sign with" };

    private readonly Option<string?> _command = new("--sign-command")
    {
        Description = "Sign with this command instead of a key file: the message arrives on its stdin, the signature " +
                      "(DER ECDSA, or 64 raw bytes Ed25519) is read from its stdout",
    };

    private readonly Option<string?> _publicKey = new("--public-key")
    {
        Description = "Public key (PEM) matching --sign-command's private key",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_key);
        command.Options.Add(_command);
        command.Options.Add(_publicKey);
    }

    public ISigner? Resolve(ParseResult result, TextWriter warnings)
    {
        string? key = result.GetValue(_key);
        string? command = result.GetValue(_command);
        string? publicKey = result.GetValue(_publicKey);
        if (key is not null && command is not null)
            throw new ToolException("use either -k/--key or --sign-command, not both");
        if (command is not null)
            return new ExternalSigner(command, KeyFile.LoadPublic(
                publicKey ?? throw new ToolException("--sign-command needs --public-key (to name and check the signer)"),
                warnings));
        if (publicKey is not null)
            throw new ToolException("--public-key goes with --sign-command");
        return key is null ? null : KeyFile.LoadPrivate(key, warnings);
    }
}
