using ImageTool.Keys;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>keygen, getpub, getpubhash and the development-key label.</summary>
public class KeyTests
{
    private static string WithoutFirstLine(string text) => text[(text.IndexOf('\n') + 1)..];

    [Fact]
    public void Getpub_prints_imgtools_C_array()
    {
        string ours = CliRun.Ok(["getpub", "-k", Vectors.Imgtool("ecdsa-p256.pem")]).Output;
        Assert.Equal(WithoutFirstLine(File.ReadAllText(Vectors.Imgtool("ecdsa-p256.pub.c"))), WithoutFirstLine(ours));
    }

    [Fact]
    public void Getpubhash_prints_imgtools_C_array()
    {
        string ours = CliRun.Ok(["getpubhash", "-k", Vectors.Imgtool("ecdsa-p256.pem")]).Output;
        Assert.Equal(WithoutFirstLine(File.ReadAllText(Vectors.Imgtool("ecdsa-p256.pubhash.c"))), WithoutFirstLine(ours));
    }

    [Theory]
    [InlineData("ecdsa-p256")]
    [InlineData("ed25519")]
    public void Getpub_pem_equals_the_reference_public_key(string key)
    {
        Assert.Equal(File.ReadAllText(Vectors.Imgtool($"{key}.pub.pem")),
            CliRun.Ok(["getpub", "-k", Vectors.Imgtool($"{key}.pem"), "-e", "pem"]).Output);
    }

    [Fact]
    public void Raw_encodings_write_DER_and_hash_bytes_to_a_file()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["getpub", "-k", Vectors.Imgtool("ed25519.pem"), "-e", "raw", "-o", dir.File("pub.der")]);
        CliRun.Ok(["getpubhash", "-k", Vectors.Imgtool("ed25519.pem"), "-e", "raw", "-o", dir.File("hash")]);
        Assert.Equal(44, new FileInfo(dir.File("pub.der")).Length);
        // The KEYHASH TLV of imgtool's Ed25519 reference image.
        Assert.Equal("f925c2efaf1f4c17c34c8266e3873cd9a9d84938a171bd1d2a475ed1306a9625", Convert.ToHexStringLower(File.ReadAllBytes(dir.File("hash"))));
        CliRun.Fails(["getpub", "-k", Vectors.Imgtool("ed25519.pem"), "-e", "raw"], "write it to a file with -o");
    }

    [Theory]
    [InlineData("ecdsa-p256", "ECDSASIG")]
    [InlineData("ed25519", "ED25519")]
    public void Generated_keys_are_read_by_openssl_and_sign_images(string type, string signature)
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["keygen", "-t", type, "-k", dir.File("k.pem")]);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(dir.File("k.pem")));
        Assert.Equal(CliRun.Ok(["getpub", "-k", dir.File("k.pem"), "-e", "pem"]).Output, OpenSsl.PublicPem(dir.File("k.pem")));
        CliRun.Ok(["sign", "-k", dir.File("k.pem"), "--header-size", "0x200", "--pad-header", "--version", "1.0.0",
            "--slot-size", "0x60000", Vectors.Imgtool("payload.bin"), dir.File("o.bin")]);
        CliRun.Ok(["verify", "-k", dir.File("k.pem"), dir.File("o.bin")]);
        Assert.Contains(signature, CliRun.Ok(["dumpinfo", dir.File("o.bin")]).Output);
        CliRun.Fails(["keygen", "-t", type, "-k", dir.File("k.pem")], "already exists");
    }

    [Fact]
    public void Openssl_sec1_keys_are_accepted()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, OpenSsl.Run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", dir.File("ec.pem")).ExitCode);
        Assert.Contains("BEGIN EC PRIVATE KEY", File.ReadAllText(dir.File("ec.pem")));
        Assert.Equal(KeyType.EcdsaP256, KeyFile.LoadPrivate(dir.File("ec.pem")).PublicKey.Type);
    }

    [Theory]
    [InlineData("DEVELOPMENT-ONLY-mcuboot-p256.pem", KeyType.EcdsaP256)]
    [InlineData("DEVELOPMENT-ONLY-mcuboot-ed25519.pem", KeyType.Ed25519)]
    [InlineData("DEVELOPMENT-ONLY-b0-p256.pem", KeyType.EcdsaP256)]
    public void Every_use_of_a_development_key_warns_on_stderr(string file, KeyType type)
    {
        string path = Vectors.Keys(file);
        Assert.StartsWith($"# {KeyFile.DevelopmentMarker}", File.ReadAllText(path));
        var warnings = new StringWriter();
        Assert.Equal(type, KeyFile.LoadPrivate(path, warnings).PublicKey.Type);
        Assert.Contains("WARNING", warnings.ToString());
        Assert.Contains("NEVER use it for production", warnings.ToString());
        Assert.Contains("DEVELOPMENT-ONLY KEY", CliRun.Ok(["getpubhash", "-k", path]).Error);
        OpenSsl.PublicPem(path);
    }

    [Fact]
    public void Other_keys_load_silently()
    {
        var warnings = new StringWriter();
        KeyFile.LoadPrivate(Vectors.Imgtool("ecdsa-p256.pem"), warnings);
        Assert.Equal("", warnings.ToString());
        Assert.Equal("", CliRun.Ok(["getpub", "-k", Vectors.Imgtool("ecdsa-p256.pem")]).Error);
    }

    [Fact]
    public void The_development_b0_key_can_be_provisioned()
    {
        CliRun.Ok(["b0", "keyhash", "-k", Vectors.Keys("DEVELOPMENT-ONLY-b0-p256.pem")]);
    }

    [Theory]
    [InlineData("openssl dgst -sha256", new[] { "openssl", "dgst", "-sha256" })]
    [InlineData("sh -c 'a b' \"c d\" e\\ f", new[] { "sh", "-c", "a b", "c d", "e f" })]
    [InlineData("  x   \"\"  ", new[] { "x", "" })]
    public void Sign_commands_split_like_a_shell(string command, string[] expected)
    {
        Assert.Equal(expected, ExternalSigner.SplitCommandLine(command));
    }
}
