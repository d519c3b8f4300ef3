using System.Diagnostics;
using System.Text;

namespace ImageTool.Keys;

/// <summary>
/// Signs by running a command: the message goes to its stdin, the signature comes back on its stdout
/// (DER for ECDSA P-256, 64 raw bytes for Ed25519). Production keys stay in an HSM or signing service;
/// `openssl dgst -sha256 -sign key.pem` is a working ECDSA command. Every returned signature is checked
/// against <see cref="PublicKey"/> before it is used.
/// </summary>
public sealed class ExternalSigner(string commandLine, PublicKey publicKey) : ISigner
{
    public PublicKey PublicKey { get; } = publicKey;

    public byte[] Sign(byte[] message)
    {
        var arguments = SplitCommandLine(commandLine);
        if (arguments.Count == 0)
            throw new ToolException("--sign-command is empty");
        var start = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments.Skip(1))
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ToolException($"could not start signing command `{commandLine}`");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolException($"could not start signing command `{commandLine}`: {e.Message}");
        }
        using (process)
        {
            var stdout = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var readErr = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.BaseStream.Write(message);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The command exited without reading its input; its exit code and stderr say why.
            }
            process.WaitForExit();
            copyOut.Wait();
            string errors = readErr.Result.Trim();
            if (process.ExitCode != 0)
                throw new ToolException($"signing command `{commandLine}` failed with exit code {process.ExitCode}" +
                                        (errors.Length > 0 ? $": {errors}" : ""));
            return CheckSignature(stdout.ToArray(), message);
        }
    }

    private byte[] CheckSignature(byte[] signature, byte[] message)
    {
        if (PublicKey.Type == KeyType.EcdsaP256 && EcdsaDer.TryDecode(signature) is null)
            throw new ToolException(
                $"signing command `{commandLine}` printed {signature.Length} bytes that are not a DER ECDSA P-256 signature");
        if (PublicKey.Type == KeyType.Ed25519 && signature.Length != 64)
            throw new ToolException(
                $"signing command `{commandLine}` printed {signature.Length} bytes; an Ed25519 signature is 64 bytes");
        if (!PublicKey.Verify(message, signature))
            throw new ToolException(
                $"the signature from `{commandLine}` does not verify with {PublicKey.Source}: wrong key or wrong command");
        return signature;
    }

    /// <summary>POSIX-shell-like splitting: whitespace separates, quotes group, backslash escapes.</summary>
    internal static List<string> SplitCommandLine(string commandLine)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < commandLine.Length; i++)
        {
            char c = commandLine[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else if (c == '\\' && quote == '"' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\')
                    current.Append(commandLine[++i]);
                else
                    current.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < commandLine.Length)
            {
                current.Append(commandLine[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    result.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (quote != '\0')
            throw new ToolException($"--sign-command has an unterminated {quote} quote: {commandLine}");
        if (inWord)
            result.Add(current.ToString());
        return result;
    }
}
