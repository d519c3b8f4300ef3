using System.Text.RegularExpressions;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>dumpinfo reports the same facts as imgtool's own dumpinfo of the reference images.</summary>
public partial class DumpInfoTests
{
    // Facts worth comparing; layout and wording (e.g. imgtool's "INVALID (0xff)" for an erased flag) may differ.
    private static readonly HashSet<string> FactNames =
    [
        "magic", "load_addr", "hdr_size", "protected_tlv_size", "img_size", "flags", "version", "area size",
        "type", "len", "data", "swap_info", "copy_done", "image_ok", "boot magic",
    ];

    [GeneratedRegex(@"^\s*([a-z_][a-z_ .]*?):\s*(.*)$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"\((0x[0-9a-f]+)\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^\s*(0x[0-9a-f]{2}\s*)+$")]
    private static partial Regex ContinuationLine();

    /// <summary>The facts in order: "name=value"; byte dumps are joined across their continuation lines.</summary>
    private static List<string> Facts(string text)
    {
        var facts = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            if (ContinuationLine().IsMatch(line) && facts.Count > 0 && (facts[^1].StartsWith("data=") || facts[^1].StartsWith("boot magic=")))
            {
                facts[^1] += " " + line.Trim();
                continue;
            }
            var match = FieldLine().Match(line);
            if (!match.Success || !FactNames.Contains(match.Groups[1].Value))
                continue;
            string value = match.Groups[2].Value.Trim();
            var code = Parenthesised().Match(value);
            facts.Add($"{match.Groups[1].Value}={(code.Success && !value.StartsWith("0x") ? code.Groups[1].Value : value)}");
        }
        return facts.Select(f => Regex.Replace(f, @"\s+", " ")).ToList();
    }

    [Theory]
    [InlineData("p256-basic")]
    [InlineData("p256-pad-confirm")]
    [InlineData("p256-seccnt7")]
    [InlineData("ed25519-basic")]
    [InlineData("unsigned-hash-only")]
    public void Facts_match_imgtools_dumpinfo(string name)
    {
        var reference = Facts(File.ReadAllText(Vectors.Imgtool($"{name}.dumpinfo.txt")));
        var ours = Facts(CliRun.Ok(["dumpinfo", Vectors.Imgtool($"{name}.bin")]).Output);
        Assert.True(reference.Count >= 12);
        Assert.Equal(reference, ours);
    }

    [Fact]
    public void The_padded_image_shows_its_trailer_with_image_ok_set()
    {
        var facts = Facts(CliRun.Ok(["dumpinfo", Vectors.Imgtool("p256-pad-confirm.bin")]).Output);
        Assert.Contains("image_ok=0x1", facts);
        Assert.Contains("copy_done=0xff", facts);
        Assert.Contains("boot magic=0x77 0xc2 0x95 0xf3 0x60 0xd2 0xef 0x7f 0x35 0x52 0x50 0x0f 0x2c 0xb6 0x79 0x80", facts);
    }

    [Fact]
    public void A_trailer_with_max_align_32_is_found_from_its_magic()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["sign", "-k", Vectors.Imgtool("ecdsa-p256.pem"), "--header-size", "0x200", "--align", "32", "--version", "1.0.0",
            "--slot-size", "0x60000", "--pad-header", "--confirm", Vectors.Imgtool("payload.bin"), dir.File("o.bin")]);
        byte[] image = File.ReadAllBytes(dir.File("o.bin"));
        Assert.Equal(0x01, image[0x60000 - 32 - 32]); // image_ok at -(magic block + max_align)
        Assert.Equal([0x20, 0x00, 0x2d, 0xe1], image[^16..^12]);
        string dump = CliRun.Ok(["dumpinfo", dir.File("o.bin")]).Output;
        Assert.Contains("image_ok:    SET (0x1)", dump);
        Assert.Contains("max_align:   32", dump);
    }

    [Fact]
    public void A_hex_image_dumps_like_its_binary()
    {
        string dump = CliRun.Ok(["dumpinfo", Vectors.Imgtool("p256-at-0x20000.hex")]).Output;
        Assert.Contains("version:            0.0.1+0", dump);
        Assert.Contains("type: ECDSASIG (0x22)", dump);
    }
}
