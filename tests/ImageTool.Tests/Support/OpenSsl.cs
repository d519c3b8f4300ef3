using System.Diagnostics;

namespace ImageTool.Tests.Support;

/// <summary>
/// Debian's openssl CLI as an independent judge of our signatures. A missing openssl is a failure, never a
/// skip: these checks are the point of the tests.
/// </summary>
public static class OpenSsl
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"openssl is not installed or not on PATH ({e.Message}); install Debian's openssl package: these checks must run");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }

    /// <summary>ECDSA P-256: DER signature over SHA-256(message).</summary>
    public static void AssertEcdsaVerifies(string publicKeyPem, byte[] message, byte[] derSignature)
    {
        using var dir = new TempDirectory();
        var (code, output) = Run("dgst", "-sha256", "-verify", dir.Write("pub.pem", publicKeyPem),
            "-signature", dir.Write("sig.der", derSignature), dir.Write("msg", message));
        Assert.True(code == 0 && output.Contains("Verified OK"), $"openssl rejects the ECDSA signature: {output}");
    }

    /// <summary>Ed25519 over the raw message.</summary>
    public static void AssertEd25519Verifies(string publicKeyPem, byte[] message, byte[] signature)
    {
        using var dir = new TempDirectory();
        var (code, output) = Run("pkeyutl", "-verify", "-pubin", "-inkey", dir.Write("pub.pem", publicKeyPem), "-rawin",
            "-in", dir.Write("msg", message), "-sigfile", dir.Write("sig", signature));
        Assert.True(code == 0 && output.Contains("Signature Verified Successfully"), $"openssl rejects the Ed25519 signature: {output}");
    }

    /// <summary>Public key PEM of a private key file, as openssl derives it.</summary>
    public static string PublicPem(string privateKeyPath)
    {
        var (code, output) = Run("pkey", "-in", privateKeyPath, "-pubout");
        Assert.True(code == 0, $"openssl cannot read {privateKeyPath}: {output}");
        return output;
    }

    /// <summary>PEM of a raw P-256 X‖Y, built here so the check does not go through the product's key code.</summary>
    public static string P256PublicPem(byte[] xy)
    {
        byte[] prefix = Convert.FromHexString("3059301306072a8648ce3d020106082a8648ce3d03010703420004");
        return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String([.. prefix, .. xy]) + "\n-----END PUBLIC KEY-----\n";
    }

    /// <summary>DER SEQUENCE { r, s } from r‖s, encoded here independently of the product's EcdsaDer.</summary>
    public static byte[] RawToDer(byte[] rs)
    {
        static byte[] Integer(ReadOnlySpan<byte> v)
        {
            int i = 0;
            while (i < v.Length - 1 && v[i] == 0)
                i++;
            byte[] magnitude = v[i..].ToArray();
            if ((magnitude[0] & 0x80) != 0)
                magnitude = [0, .. magnitude];
            return [0x02, (byte)magnitude.Length, .. magnitude];
        }
        byte[] body = [.. Integer(rs.AsSpan(0, 32)), .. Integer(rs.AsSpan(32))];
        return [0x30, (byte)body.Length, .. body];
    }
}
