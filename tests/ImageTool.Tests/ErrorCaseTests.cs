using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>Bad input ends in exit code 1 and one message that names the problem and the values.</summary>
public class ErrorCaseTests
{
    private static string[] SignPayload(string key, string output, params string[] extra) =>
        ["sign", "-k", key, "--header-size", "0x200", "--pad-header", "--version", "1.0.0",
         .. extra.Contains("--slot-size") ? extra : [.. extra, "--slot-size", "0x60000"], Vectors.Imgtool("payload.bin"), output];

    [Fact]
    public void A_file_that_is_not_PEM_is_refused()
    {
        using var dir = new TempDirectory();
        CliRun.Fails(SignPayload(dir.Write("k.pem", "just some text\n"), dir.File("o.bin")), "k.pem is not a PEM key file");
    }

    [Fact]
    public void A_PEM_block_that_is_not_a_key_is_refused()
    {
        using var dir = new TempDirectory();
        string pem = "-----BEGIN PRIVATE KEY-----\nAAECAwQFBgcICQ==\n-----END PRIVATE KEY-----\n";
        CliRun.Fails(SignPayload(dir.Write("k.pem", pem), dir.File("o.bin")), "k.pem: the PRIVATE KEY block is not a valid key");
    }

    [Fact]
    public void Unsupported_key_kinds_are_refused_with_the_reason()
    {
        using var dir = new TempDirectory();
        var (code, _) = OpenSsl.Run("ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", dir.File("p384.pem"));
        Assert.Equal(0, code);
        CliRun.Fails(SignPayload(dir.File("p384.pem"), dir.File("o.bin")), "only P-256");
        Assert.Equal(0, OpenSsl.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", dir.File("rsa.pem")).ExitCode);
        CliRun.Fails(SignPayload(dir.File("rsa.pem"), dir.File("o.bin")), "not supported (supported: ecdsa-p256, ed25519)");
        Assert.Equal(0, OpenSsl.Run("genpkey", "-algorithm", "ed25519", "-aes256", "-pass", "pass:x", "-out", dir.File("enc.pem")).ExitCode);
        CliRun.Fails(SignPayload(dir.File("enc.pem"), dir.File("o.bin")), "password-protected");
        CliRun.Fails(SignPayload(Vectors.Imgtool("ecdsa-p256.pub.pem"), dir.File("o.bin")), "holds a public key");
        CliRun.Fails(SignPayload(dir.File("missing.pem"), dir.File("o.bin")), "cannot read", "missing.pem");
    }

    [Fact]
    public void The_wrong_key_type_is_named()
    {
        CliRun.Fails(["verify", "-k", Vectors.Imgtool("ed25519.pem"), Vectors.Imgtool("p256-basic.bin")], "No signature found for the given key");
        using var dir = new TempDirectory();
        CliRun.Fails(["b0", "sign", "-k", Vectors.Imgtool("ed25519.pem"), "--address", "0x8200", Vectors.B0("s0_unsigned.bin"), dir.File("o.bin")],
            "is an ed25519 key");
    }

    [Theory]
    [InlineData(10, "shorter than the 32-byte MCUboot header")]
    [InlineData(0x100, "payload end at 0x11a0")]
    [InlineData(0x11a2, "TLV area at 0x11a0 lies beyond the end")]
    [InlineData(0x11c0, "claims 150 bytes")]
    public void Truncated_images_are_refused_by_verify_and_dumpinfo(int length, string message)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("t.bin", Vectors.Bytes(Vectors.Imgtool("p256-basic.bin"))[..length]);
        CliRun.Fails(["verify", "-k", Vectors.Imgtool("ecdsa-p256.pem"), path], message);
        CliRun.Fails(["dumpinfo", path], message);
    }

    [Fact]
    public void Header_garbage_is_refused()
    {
        using var dir = new TempDirectory();
        byte[] image = Vectors.Bytes(Vectors.Imgtool("p256-basic.bin"));
        image[0] = 0x3c;
        CliRun.Fails(["verify", dir.Write("magic.bin", image)], "Invalid image magic", "0x96f3b83c");
        image[0] = 0x3d;
        image[8] = 0x10;
        image[9] = 0x00;
        CliRun.Fails(["dumpinfo", dir.Write("hdr.bin", image)], "hdr_size 0x10 is smaller than the 32-byte header");
        CliRun.Fails(["sign", "--header-size", "0x200", "--version", "1.0.0", "--slot-size", "0x60000", Vectors.Imgtool("payload.bin"), dir.File("o.bin")],
            "does not start with zeros", "--pad-header");
    }

    [Fact]
    public void An_image_larger_than_its_slot_with_trailer_is_refused()
    {
        using var dir = new TempDirectory();
        // 0x200 + 0xfa0 + 0x98 TLVs fits 0x1300 alone, not with the 0x630-byte trailer of --align 4.
        CliRun.Fails(SignPayload(Vectors.Imgtool("ecdsa-p256.pem"), dir.File("o.bin"), "--align", "4", "--slot-size", "0x1300"),
            "trailer (0x630) exceeds requested size 0x1300");
        Assert.False(File.Exists(dir.File("o.bin")));
    }

    [Fact]
    public void An_overlapping_merge_names_both_inputs_and_the_range()
    {
        using var dir = new TempDirectory();
        string a = dir.Write("a.bin", new byte[0x100]);
        string b = dir.Write("b.bin", new byte[0x100]);
        CliRun.Fails(["merge", "-o", dir.File("m.hex"), $"{a}@0x1000", $"{b}@0x10f0"], "a.bin and", "b.bin overlap at 0x10f0..0x10ff");
        CliRun.Fails(["merge", "-o", dir.File("m.hex"), Vectors.B0("s0_unsigned.hex"), Vectors.B0("signed_by_b0_s0_image.hex")],
            "s0_unsigned.hex and", "signed_by_b0_s0_image.hex overlap at 0x8200..0x85ff");
    }

    [Theory]
    [InlineData("--version", "1.2.3.4", "invalid version '1.2.3.4'")]
    [InlineData("--version", "256.0.0", "the major number must be at most 255")]
    [InlineData("--slot-size", "0xZZ", "'0xZZ' is not a valid number")]
    [InlineData("--security-counter", "lots", "'lots' is not a valid number")]
    [InlineData("--dependencies", "(1;1.0.0)", "invalid dependency")]
    [InlineData("--header-size", "0x10", "--header-size 0x10 is invalid")]
    [InlineData("--max-align", "4", "--max-align 4 is invalid: use one of 8, 16, 32")]
    [InlineData("--align", "3", "--align 3 is invalid: use one of 1, 2, 4, 8, 16, 32")]
    public void Bad_option_values_are_named(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var args = SignPayload(Vectors.Imgtool("ecdsa-p256.pem"), dir.File("o.bin")).ToList();
        int existing = args.IndexOf(option);
        if (existing >= 0)
            args[existing + 1] = value;
        else
            args.InsertRange(1, [option, value]);
        CliRun.Fails([.. args], message);
    }

    [Fact]
    public void Pad_needs_a_slot_size_and_hex_output_of_a_bin_needs_an_address()
    {
        using var dir = new TempDirectory();
        CliRun.Fails(SignPayload(Vectors.Imgtool("ecdsa-p256.pem"), dir.File("o.bin"), "--pad", "--slot-size", "0"), "--pad and --confirm need --slot-size");
        CliRun.Fails(SignPayload(Vectors.Imgtool("ecdsa-p256.pem"), dir.File("o.hex")), "needs an address", "--hex-addr");
    }

    [Fact]
    public void Damaged_intel_hex_input_is_refused_with_the_line()
    {
        using var dir = new TempDirectory();
        string[] lines = File.ReadAllLines(Vectors.B0("s0_unsigned.hex"));
        CliRun.Fails(["b0", "verify", dir.Write("cut.hex", string.Join('\n', lines[..10]))], "no end-of-file record");
        lines[3] = lines[3][..^2] + "00";
        CliRun.Fails(["b0", "verify", dir.Write("bad.hex", string.Join('\n', lines))], "bad.hex line 4: checksum mismatch");
        CliRun.Fails(["b0", "verify", dir.Write("junk.hex", ":10820000XX\n:00000001FF\n")], "junk.hex line 1");
    }
}
