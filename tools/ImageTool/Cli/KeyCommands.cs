using System.CommandLine;
using ImageTool.Files;
using ImageTool.Keys;

namespace ImageTool.Cli;

/// <summary>keygen, getpub, getpubhash: imgtool's key commands.</summary>
internal static class KeyCommands
{
    public static Option<bool> DevelopmentFlag() => new("--development-key")
    {
        Description = "Label the key as DEVELOPMENT-ONLY (its private half will be public); every use then warns",
    };

    public static Command Keygen()
    {
        var key = new Option<string>("--key", "-k") { Description = "Private key file to create (PEM)", Required = true };
        var type = new Option<string>("--type", "-t") { Description = "Key type", Required = true };
        type.AcceptOnlyFromAmong("ecdsa-p256", "ed25519");
        var development = DevelopmentFlag();
        var command = new Command("keygen", "Generate a private key for signing MCUboot images") { key, type, development };
        command.SetAction(r =>
        {
            WriteNewKey(r.GetValue(key)!, PrivateKey.Generate(KeyTypes.Parse(r.GetValue(type)!)), r.GetValue(development));
            return 0;
        });
        return command;
    }

    /// <summary>Refuses to overwrite: losing a private key cannot be undone.</summary>
    public static void WriteNewKey(string path, PrivateKey key, bool development)
    {
        if (File.Exists(path))
            throw new ToolException($"{path} already exists; refusing to overwrite a key (delete it first)");
        FirmwareFile.WriteText(path, KeyFile.ToPem(key, development));
    }

    public static Command GetPub()
    {
        var key = new Option<string>("--key", "-k") { Description = "Key file (PEM, private or public)", Required = true };
        var encoding = new Option<string>("--encoding", "-e") { Description = "Output format", DefaultValueFactory = _ => "lang-c" };
        encoding.AcceptOnlyFromAmong("lang-c", "pem", "raw");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var command = new Command("getpub", "Print the public key (C array, PEM, or raw DER)") { key, encoding, output };
        command.SetAction(r =>
        {
            var publicKey = KeyFile.LoadPublic(r.GetValue(key)!, r.InvocationConfiguration.Error);
            Emit(r, r.GetValue(output), r.GetValue(encoding) switch
            {
                "pem" => KeyFile.ToPem(publicKey),
                "raw" => publicKey.SubjectPublicKeyInfo,
                _ => PublicKeyExport.CArray(publicKey),
            });
            return 0;
        });
        return command;
    }

    public static Command GetPubHash()
    {
        var key = new Option<string>("--key", "-k") { Description = "Key file (PEM, private or public)", Required = true };
        var encoding = new Option<string>("--encoding", "-e") { Description = "Output format", DefaultValueFactory = _ => "lang-c" };
        encoding.AcceptOnlyFromAmong("lang-c", "raw");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var command = new Command("getpubhash", "Print the SHA-256 of the public key (the KEYHASH TLV value)") { key, encoding, output };
        command.SetAction(r =>
        {
            var publicKey = KeyFile.LoadPublic(r.GetValue(key)!, r.InvocationConfiguration.Error);
            Emit(r, r.GetValue(output), r.GetValue(encoding) == "raw"
                ? publicKey.McubootKeyHash()
                : PublicKeyExport.CArrayOfHash(publicKey));
            return 0;
        });
        return command;
    }

    private static void Emit(ParseResult r, string? path, object content)
    {
        switch (content, path)
        {
            case (string text, null):
                r.InvocationConfiguration.Output.Write(text);
                break;
            case (string text, _):
                FirmwareFile.WriteText(path, text);
                break;
            case (byte[], null):
                throw new ToolException("raw output is binary: write it to a file with -o");
            case (byte[] bytes, _):
                FirmwareFile.WriteBytes(path, bytes);
                break;
        }
    }
}
