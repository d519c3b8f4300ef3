using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>The images made by imgtool 2.4.0 verify, and re-signing their payload reproduces them.</summary>
public class ReferenceImageTests
{
    private const string P256 = "ecdsa-p256.pem";
    private const string Ed25519 = "ed25519.pem";

    public static TheoryData<string, string?, string, string> References => new()
    {
        { "p256-basic.bin", P256, "1.2.3+4", "0fb85f97aba4e2db8277d6950cf4e08fdb941ff98291416e907de850b1da92b9" },
        { "p256-pad-confirm.bin", P256, "1.2.3+4", "0fb85f97aba4e2db8277d6950cf4e08fdb941ff98291416e907de850b1da92b9" },
        { "p256-seccnt7.bin", P256, "1.2.3+4", "553934f9650b4f681f227dc62dd1ccf7fa7a3f6bcfb88e16c995aadaf349b596" },
        { "p256-at-0x20000.hex", P256, "0.0.1+0", "f4805ad2245ac4278bf5c1c8f0a406573d12cacb04d776fd90861527bd66d950" },
        { "ed25519-basic.bin", Ed25519, "2.0.0+0", "044de9d2743c96dba85783783f253f7a893c302477ac611965f281b00e0d87f5" },
        { "unsigned-hash-only.bin", null, "3.1.0+0", "133f3e607275470e5d10b3a07f627ce592b34cb06978f24ee5d6e70332420d63" },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Verify_reports_the_reference_version_and_digest(string image, string? key, string version, string digest)
    {
        string[] args = key is null
            ? ["verify", Vectors.Imgtool(image)]
            : ["verify", "-k", Vectors.Imgtool(key), Vectors.Imgtool(image)];
        var result = CliRun.Ok(args);
        Assert.Equal($"Image was correctly validated\nImage version: {version}\nImage digest: {digest}\n", result.Output);
    }

    [Fact]
    public void Verify_with_the_other_key_says_no_signature_found()
    {
        CliRun.Fails(["verify", "-k", Vectors.Imgtool(Ed25519), Vectors.Imgtool("p256-basic.bin")],
            "No signature found for the given key", "269b58e8");
        CliRun.Fails(["verify", "-k", Vectors.Imgtool(P256), Vectors.Imgtool("unsigned-hash-only.bin")],
            "No signature found for the given key");
    }

    [Fact]
    public void Ed25519_signing_reproduces_the_reference_image_exactly()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "-k", Vectors.Imgtool(Ed25519), "--header-size", "0x200", "--align", "4", "--version", "2.0.0",
            "--slot-size", "0x60000", "--pad-header", Vectors.Imgtool("payload.bin"), dir.File("out.bin")]);
        Assert.Equal(Vectors.Bytes(Vectors.Imgtool("ed25519-basic.bin")), File.ReadAllBytes(dir.File("out.bin")));
    }

    [Fact]
    public void Hash_only_signing_reproduces_the_reference_image_exactly()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "--header-size", "0x200", "--align", "4", "--version", "3.1.0", "--slot-size", "0x60000",
            "--pad-header", Vectors.Imgtool("payload.bin"), dir.File("out.bin")]);
        Assert.Equal(Vectors.Bytes(Vectors.Imgtool("unsigned-hash-only.bin")), File.ReadAllBytes(dir.File("out.bin")));
    }

    public static TheoryData<string, string[]> EcdsaReferences => new()
    {
        { "p256-basic.bin", [] },
        { "p256-seccnt7.bin", ["-s", "7"] },
        { "p256-pad-confirm.bin", ["--pad", "--confirm"] },
    };

    [Theory]
    [MemberData(nameof(EcdsaReferences))]
    public void Ecdsa_signing_reproduces_every_byte_but_the_signature(string reference, string[] extra)
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "-k", Vectors.Imgtool(P256), "--header-size", "0x200", "--align", "4", "--version", "1.2.3+4",
            "--slot-size", "0x60000", "--pad-header", .. extra, Vectors.Imgtool("payload.bin"), dir.File("out.bin")]);
        AssertSameButSignature(Vectors.Bytes(Vectors.Imgtool(reference)), File.ReadAllBytes(dir.File("out.bin")));
    }

    [Fact]
    public void Hex_output_at_hex_addr_reproduces_the_reference_hex_but_the_signature()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "-k", Vectors.Imgtool(P256), "--header-size", "0x200", "--align", "4", "--version", "0.0.1",
            "--slot-size", "0x60000", "--pad-header", "--hex-addr", "0x20000", Vectors.Imgtool("payload.bin"), dir.File("out.hex")]);
        var ours = FirmwareFile.Read(dir.File("out.hex"));
        var reference = FirmwareFile.Read(Vectors.Imgtool("p256-at-0x20000.hex"));
        Assert.Equal(0x20000u, ours.Address);
        AssertSameButSignature(reference.Bytes, ours.Bytes);

        // Same records, line for line, up to the record that holds the TLV area's size.
        string[] ourLines = File.ReadAllLines(dir.File("out.hex"));
        string[] referenceLines = File.ReadAllLines(Vectors.Imgtool("p256-at-0x20000.hex"));
        int tlvLine = Array.FindIndex(referenceLines, l => l.StartsWith(":1011A000", StringComparison.Ordinal));
        Assert.True(tlvLine > 280);
        Assert.Equal(referenceLines[..tlvLine], ourLines[..tlvLine]);
    }

    [Fact]
    public void Hex_input_keeps_its_address_and_pad_header_moves_it_down()
    {
        using var dir = new TempDirectory();
        string input = dir.Write("in.hex", IntelHex.Write(MemoryImage.FromBytes(0x20200, Vectors.Bytes(Vectors.Imgtool("payload.bin")), "in")));
        CliRun.Ok(["sign", "-k", Vectors.Imgtool(P256), "--header-size", "0x200", "--align", "4", "--version", "0.0.1",
            "--slot-size", "0x60000", "--pad-header", input, dir.File("out.hex")]);
        var ours = FirmwareFile.Read(dir.File("out.hex"));
        Assert.Equal(0x20000u, ours.Address);
        AssertSameButSignature(FirmwareFile.Read(Vectors.Imgtool("p256-at-0x20000.hex")).Bytes, ours.Bytes);
    }

    /// <summary>
    /// Header, payload, protected TLVs, SHA256 and KEYHASH TLVs and (for padded images) the fill and trailer
    /// must be identical; only the ECDSA signature (randomised, 70..72 bytes) may differ, and it must verify.
    /// </summary>
    internal static void AssertSameButSignature(byte[] reference, byte[] ours)
    {
        var r = RawImage.Read(reference);
        var o = RawImage.Read(ours);
        Assert.Equal(r.HashedRegion, o.HashedRegion);
        Assert.Equal(r.Tlvs.Select(t => t.Type), o.Tlvs.Select(t => t.Type));
        Assert.Equal(r.Tlv(TlvType.Sha256), o.Tlv(TlvType.Sha256));
        Assert.Equal(r.Tlv(TlvType.KeyHash), o.Tlv(TlvType.KeyHash));
        Assert.Equal(reference.Length > r.End, ours.Length > o.End);
        if (reference.Length > r.End)
        {
            Assert.Equal(reference.Length, ours.Length);
            int tail = Math.Max(r.End, o.End);
            Assert.Equal(reference[tail..], ours[tail..]);
            Assert.All(ours[o.End..tail], b => Assert.Equal(0xFF, b));
        }
        var key = KeyFile.LoadPublic(Vectors.Imgtool("ecdsa-p256.pub.pem"));
        Assert.True(key.Verify(o.HashedRegion, o.Tlv(TlvType.EcdsaSignature)));
    }
}
