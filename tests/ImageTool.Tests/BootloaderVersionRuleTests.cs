using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>
/// An S0/S1 bootloader update carries fw_info at payload offset 0x200; its MCUboot header version must be
/// V.0.0+0 where V is the fw_info version (one version setting feeds both).
/// </summary>
public class BootloaderVersionRuleTests
{
    private static string B0Signed(TempDirectory dir)
    {
        CliRun.Ok(["b0", "sign", "-k", Vectors.B0("key0_priv_TEST_ONLY.pem"), "--address", "0x8200", Vectors.B0("s0_unsigned.bin"), dir.File("s0.bin")]);
        return dir.File("s0.bin");
    }

    private static string[] Sign(string version, string input, string output) =>
        ["sign", "-k", Vectors.Imgtool("ecdsa-p256.pem"), "--header-size", "0x200", "--pad-header", "--version", version,
         "--slot-size", "0xc000", input, output];

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("2.0.0+1")]
    [InlineData("2.1.0")]
    [InlineData("3.0.0")]
    public void A_header_version_other_than_fw_info_version_is_refused_naming_both(string version)
    {
        using var dir = new TempDirectory();
        CliRun.Fails(Sign(version, B0Signed(dir), dir.File("o.bin")), "fw_info version 2", "must be 2.0.0+0",
            $"not {ImageTool.Mcuboot.ImageVersion.Parse(version)}");
    }

    [Fact]
    public void The_matching_version_signs_and_verifies()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(Sign("2.0.0+0", B0Signed(dir), dir.File("o.bin")));
        CliRun.Ok(["verify", "-k", Vectors.Imgtool("ecdsa-p256.pem"), dir.File("o.bin")]);
    }

    [Fact]
    public void The_rule_also_applies_when_the_input_reserves_the_header_itself()
    {
        using var dir = new TempDirectory();
        byte[] withRoom = [.. new byte[0x200], .. File.ReadAllBytes(B0Signed(dir))];
        string input = dir.Write("room.bin", withRoom);
        CliRun.Fails(["sign", "-k", Vectors.Imgtool("ecdsa-p256.pem"), "--header-size", "0x200", "--version", "1.2.3",
            "--slot-size", "0xc000", input, dir.File("o.bin")], "fw_info version 2", "not 1.2.3+0");
    }

    [Fact]
    public void Application_images_without_fw_info_are_not_affected()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(Sign("7.8.9+10", Vectors.Imgtool("payload.bin"), dir.File("o.bin")));
    }
}
