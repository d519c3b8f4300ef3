using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>Every single-byte change of header, payload or TLV area of every reference image is rejected.</summary>
public class TamperTests
{
    public static TheoryData<string, string?> Images => new()
    {
        { "p256-basic.bin", "ecdsa-p256.pem" },
        { "p256-pad-confirm.bin", "ecdsa-p256.pem" },
        { "p256-seccnt7.bin", "ecdsa-p256.pem" },
        { "p256-at-0x20000.hex", "ecdsa-p256.pem" },
        { "ed25519-basic.bin", "ed25519.pem" },
        { "unsigned-hash-only.bin", null },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Every_single_byte_flip_is_rejected(string image, string? keyFile)
    {
        byte[] bytes = FirmwareFile.Read(Vectors.Imgtool(image)).Bytes;
        var key = keyFile is null ? null : KeyFile.LoadPublic(Vectors.Imgtool(keyFile));
        Assert.True(ImageVerifier.Verify(bytes, key).Ok);
        int end = RawImage.Read(bytes).End; // header + payload + TLV areas; trailer fill is not covered by design

        var accepted = new List<string>();
        foreach (byte mask in new byte[] { 0xFF, 0x01, 0x80 })
        {
            for (int i = 0; i < end; i++)
            {
                bytes[i] ^= mask;
                if (ImageVerifier.Verify(bytes, key).Ok)
                    accepted.Add($"0x{i:x} ^ 0x{mask:x2}");
                bytes[i] ^= mask;
            }
        }
        Assert.Empty(accepted);
        Assert.True(end > 4000);
    }

    /// <summary>Random damage (several bytes, any values) ends in a refusal, never in another exception.</summary>
    [Fact]
    public void Random_damage_never_crashes_a_parser()
    {
        var random = new Random(5340);
        var key = KeyFile.LoadPublic(Vectors.Imgtool("ecdsa-p256.pem"));
        byte[][] originals =
        [
            Vectors.Bytes(Vectors.Imgtool("p256-seccnt7.bin")),
            Vectors.Bytes(Vectors.Imgtool("p256-pad-confirm.bin"))[..0x1300].Concat(Vectors.Bytes(Vectors.Imgtool("p256-pad-confirm.bin"))[^0x40..]).ToArray(),
            Vectors.Bytes(Vectors.B0("signed_by_b0_s0_image.bin")),
        ];
        for (int round = 0; round < 3000; round++)
        {
            byte[] bytes = (byte[])originals[round % originals.Length].Clone();
            for (int n = random.Next(1, 6); n > 0; n--)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (round % 7 == 0)
                bytes = bytes[..random.Next(bytes.Length)];
            ImageVerifier.Verify(bytes, key);
            Refused(() => DumpInfo.Format(bytes, "fuzz"));
            Refused(() => B0Image.Verify(bytes));
        }
    }

    private static void Refused(Action parse)
    {
        try
        {
            parse();
        }
        catch (ToolException)
        {
        }
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        byte[] bytes = Vectors.Bytes(Vectors.Imgtool("p256-basic.bin"));
        var key = KeyFile.LoadPublic(Vectors.Imgtool("ecdsa-p256.pem"));
        for (int length = 0; length < bytes.Length; length++)
            Assert.False(ImageVerifier.Verify(bytes[..length], key).Ok, $"accepted truncation to {length} bytes");
    }
}
