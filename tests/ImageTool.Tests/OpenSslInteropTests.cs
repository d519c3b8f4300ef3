using ImageTool.B0;
using ImageTool.Mcuboot;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>Every signature we produce is accepted by Debian's openssl, and openssl works as a signing command.</summary>
public class OpenSslInteropTests
{
    private static readonly string[] SignArgs =
        ["--header-size", "0x200", "--align", "4", "--version", "1.2.3+4", "--slot-size", "0x60000", "--pad-header"];

    private static string EcdsaKey => Vectors.Imgtool("ecdsa-p256.pem");
    private static string EdKey => Vectors.Imgtool("ed25519.pem");

    [Fact]
    public void Our_ECDSA_image_signature_verifies_with_openssl()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "-k", EcdsaKey, .. SignArgs, "-s", "auto", "-d", "(1,1.0.0+0)", Vectors.Imgtool("payload.bin"), dir.File("o.bin")]);
        var image = RawImage.Read(File.ReadAllBytes(dir.File("o.bin")));
        OpenSsl.AssertEcdsaVerifies(OpenSsl.PublicPem(EcdsaKey), image.HashedRegion, image.Tlv(TlvType.EcdsaSignature));
    }

    [Fact]
    public void Our_Ed25519_image_signature_verifies_with_openssl_over_the_digest()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "-k", EdKey, .. SignArgs, Vectors.Imgtool("payload.bin"), dir.File("o.bin")]);
        var image = RawImage.Read(File.ReadAllBytes(dir.File("o.bin")));
        OpenSsl.AssertEd25519Verifies(OpenSsl.PublicPem(EdKey), image.Tlv(TlvType.Sha256), image.Tlv(TlvType.Ed25519Signature));
    }

    [Fact]
    public void Our_b0_signature_verifies_with_openssl_as_ECDSA_over_the_image_hash()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["b0", "sign", "-k", Vectors.B0("key0_priv_TEST_ONLY.pem"), "--address", "0x8200",
            Vectors.B0("s0_unsigned.bin"), dir.File("s.bin")]);
        byte[] signed = File.ReadAllBytes(dir.File("s.bin"));
        byte[] hash = signed[0x410..0x430];
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(signed[..0x400]), hash);
        OpenSsl.AssertEcdsaVerifies(OpenSsl.P256PublicPem(signed[0x430..0x470]), hash, OpenSsl.RawToDer(signed[0x470..0x4b0]));
        byte[] key0Der = Convert.FromBase64String(string.Concat(File.ReadAllLines(Vectors.B0("key0_pub.pem")).Where(l => !l.StartsWith("-----"))));
        Assert.Equal(key0Der[^64..], signed[0x430..0x470]);
    }

    [Fact]
    public void Openssl_dgst_as_sign_command_makes_a_valid_ECDSA_image()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "--sign-command", $"openssl dgst -sha256 -sign {EcdsaKey}", "--public-key", Vectors.Imgtool("ecdsa-p256.pub.pem"),
            .. SignArgs, Vectors.Imgtool("payload.bin"), dir.File("o.bin")]);
        ReferenceImageTests.AssertSameButSignature(Vectors.Bytes(Vectors.Imgtool("p256-basic.bin")), File.ReadAllBytes(dir.File("o.bin")));
        CliRun.Ok(["verify", "-k", Vectors.Imgtool("ecdsa-p256.pub.pem"), dir.File("o.bin")]);
    }

    [Fact]
    public void Openssl_pkeyutl_as_sign_command_reproduces_the_Ed25519_reference()
    {
        using var dir = new TempDirectory();
        // OpenSSL 3.0 reads -rawin input only from a file, so the command buffers stdin (see bootloader/keys/README.md).
        string command = $"sh -c 'f=$(mktemp) && cat > \"$f\" && openssl pkeyutl -sign -inkey {EdKey} -rawin -in \"$f\"; r=$?; rm -f \"$f\"; exit $r'";
        CliRun.Ok(["sign", "--sign-command", command, "--public-key", Vectors.Imgtool("ed25519.pub.pem"), "--header-size", "0x200",
            "--align", "4", "--version", "2.0.0", "--slot-size", "0x60000", "--pad-header", Vectors.Imgtool("payload.bin"), dir.File("o.bin")]);
        Assert.Equal(Vectors.Bytes(Vectors.Imgtool("ed25519-basic.bin")), File.ReadAllBytes(dir.File("o.bin")));
    }

    [Fact]
    public void Openssl_dgst_as_b0_sign_command_matches_the_NCS_image_but_the_signature()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["b0", "sign", "--sign-command", $"openssl dgst -sha256 -sign {Vectors.B0("key0_priv_TEST_ONLY.pem")}",
            "--public-key", Vectors.B0("key0_pub.pem"), "--address", "0x18200", Vectors.B0("s1_unsigned.bin"), dir.File("s1.bin")]);
        byte[] ours = File.ReadAllBytes(dir.File("s1.bin"));
        byte[] reference = Vectors.Bytes(Vectors.B0("signed_by_b0_s1_image.bin"));
        Assert.Equal(reference[..0x470], ours[..0x470]);
        B0Image.Verify(ours, 0x18200);
    }

    [Fact]
    public void A_sign_command_with_the_wrong_key_is_refused()
    {
        using var dir = new TempDirectory();
        CliRun.Fails(["sign", "--sign-command", $"openssl dgst -sha256 -sign {Vectors.B0("key0_priv_TEST_ONLY.pem")}",
            "--public-key", Vectors.Imgtool("ecdsa-p256.pub.pem"), .. SignArgs, Vectors.Imgtool("payload.bin"), dir.File("o.bin")],
            "does not verify with", "ecdsa-p256.pub.pem");
        Assert.False(File.Exists(dir.File("o.bin")));
    }

    [Fact]
    public void A_failing_or_missing_sign_command_is_reported_with_its_exit_code()
    {
        using var dir = new TempDirectory();
        string[] rest = ["--public-key", Vectors.Imgtool("ecdsa-p256.pub.pem"), .. SignArgs, Vectors.Imgtool("payload.bin"), dir.File("o.bin")];
        CliRun.Fails(["sign", "--sign-command", "sh -c 'echo no HSM >&2; exit 3'", .. rest], "failed with exit code 3", "no HSM");
        CliRun.Fails(["sign", "--sign-command", "/nonexistent/signer", .. rest], "could not start signing command");
        CliRun.Fails(["sign", "--sign-command", "printf garbage", .. rest], "not a DER ECDSA P-256 signature");
        CliRun.Fails(["sign", "--sign-command", "cat", "-k", EcdsaKey, .. SignArgs, Vectors.Imgtool("payload.bin"), dir.File("o.bin")], "not both");
        CliRun.Fails(["sign", "--sign-command", "cat", .. SignArgs, Vectors.Imgtool("payload.bin"), dir.File("o.bin")], "needs --public-key");
    }
}
