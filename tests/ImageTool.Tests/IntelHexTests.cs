using ImageTool.Files;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>Intel HEX in and out, written record for record as python-intelhex writes it; and merging.</summary>
public class IntelHexTests
{
    [Theory]
    [InlineData("imgtool", "p256-at-0x20000.hex")]
    [InlineData("b0", "s0_unsigned.hex")]
    [InlineData("b0", "s1_unsigned.hex")]
    [InlineData("b0", "signed_by_b0_s1_image.hex")]
    [InlineData("b0", "provision.hex")]
    [InlineData("b0", "provision_legacy.hex")]
    public void Reading_and_writing_a_reference_file_gives_it_back_unchanged(string folder, string file)
    {
        string path = folder == "b0" ? Vectors.B0(file) : Vectors.Imgtool(file);
        Assert.Equal(File.ReadAllText(path), IntelHex.Write(IntelHex.Parse(File.ReadAllText(path), file)));
    }

    [Theory]
    [InlineData("s0_unsigned")]
    [InlineData("signed_by_b0_s0_image")]
    public void A_hex_file_holds_the_same_bytes_as_its_bin(string name)
    {
        var data = FirmwareFile.Read(Vectors.B0($"{name}.hex"));
        Assert.Equal(Vectors.Bytes(Vectors.B0($"{name}.bin")), data.Bytes);
        Assert.Equal(0x8200u, data.Address);
    }

    [Fact]
    public void Records_break_at_holes_and_64k_boundaries_with_extended_address_records()
    {
        var image = new MemoryImage();
        image.Add(0xFFF8, Enumerable.Range(0, 24).Select(i => (byte)i).ToArray(), "a");
        image.Add(0x10020, [0xAA], "b");
        string expected =
            ":020000040000FA\n" +
            ":08FFF8000001020304050607E5\n" +
            ":020000040001F9\n" +
            ":1000000008090A0B0C0D0E0F1011121314151617F8\n" +
            ":01002000AA35\n" +
            ":00000001FF\n";
        Assert.Equal(expected, IntelHex.Write(image));
        var back = IntelHex.Parse(expected, "x");
        Assert.Equal(image.Slice(0xFFF8, 0x30), back.Slice(0xFFF8, 0x30));
    }

    [Fact]
    public void Start_address_records_survive_a_round_trip_and_a_merge()
    {
        string text = ":040000050000844132\n:01820000017C\n:00000001FF\n";
        var image = IntelHex.Parse(text, "x");
        Assert.Equal(new HexStartAddress(5, 0x8441), image.StartAddress);
        Assert.Equal(text, IntelHex.Write(image));
        var other = IntelHex.Parse(":0400000500001000E7\n:00000001FF\n", "y");
        Assert.Throws<ToolException>(() => image.AddAll(other));
    }

    [Fact]
    public void Merge_combines_hex_and_bin_inputs_into_one_file()
    {
        using var dir = new TempDirectory();
        string blob = dir.Write("blob.bin", [1, 2, 3, 4]);
        CliRun.Ok(["merge", "-o", dir.File("m.hex"), Vectors.B0("signed_by_b0_s0_image.hex"), Vectors.B0("provision.hex"), $"{blob}@0x20000"]);
        var merged = FirmwareFile.ReadHex(dir.File("m.hex"));
        Assert.Equal(Vectors.Bytes(Vectors.B0("signed_by_b0_s0_image.bin")), merged.Slice(0x8200, 1200));
        Assert.Equal(Vectors.Bytes(Vectors.B0("provision_otp.bin"))[0x28..0x8c], merged.Slice(0xFF8128, 100));
        Assert.Equal([1, 2, 3, 4], merged.Slice(0x20000, 4));
        Assert.Equal(3, merged.Segments.Count);
    }

    [Fact]
    public void Merge_needs_an_address_for_binaries_and_none_for_hex_files()
    {
        using var dir = new TempDirectory();
        CliRun.Fails(["merge", "-o", dir.File("m.hex"), Vectors.B0("s0_unsigned.bin")], "needs its address", "@0xADDRESS");
        CliRun.Fails(["merge", "-o", dir.File("m.hex"), $"{Vectors.B0("s0_unsigned.hex")}@0x0"], "carries its own addresses");
    }
}
