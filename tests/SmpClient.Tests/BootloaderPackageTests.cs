using System.IO.Compression;
using System.Text;
using Nrf5340Sdk.Smp.Commands;

namespace SmpClient.Tests;

/// <summary>Reading bootloader update zips with NCS's manifest.json layout, and choosing the S variant.</summary>
public class BootloaderPackageTests
{
    // The shape NCS's generate_zip.py gives dfu_mcuboot.zip: shared keys, then load_address, size, file, modtime.
    private const string Manifest = """
        {"format-version": 1, "time": 1700000000, "files": [
          {"version_MCUBOOT": "2.0.0+0", "version_B0": "2", "type": "mcuboot", "board": "nrf5340dk/nrf5340/cpuapp",
           "soc": "nrf5340", "load_address": 98304, "size": 3, "file": "signed_by_mcuboot_and_b0_s1_image_update.bin", "modtime": 1},
          {"version_MCUBOOT": "2.0.0+0", "version_B0": "2", "type": "mcuboot", "board": "nrf5340dk/nrf5340/cpuapp",
           "soc": "nrf5340", "load_address": 32768, "size": 3, "file": "signed_by_mcuboot_and_b0_s0_image_update.bin", "modtime": 1}
        ], "name": "bootloader"}
        """;

    private static string Zip(string? manifest, params (string Name, byte[] Content)[] files)
    {
        string path = Path.Combine(Path.GetTempPath(), $"smp-bl-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in files)
            using (var s = zip.CreateEntry(name).Open())
                s.Write(content);
        if (manifest is not null)
            using (var s = zip.CreateEntry("manifest.json").Open())
                s.Write(Encoding.UTF8.GetBytes(manifest));
        return path;
    }

    private static readonly (string, byte[])[] BothFiles =
    [
        ("signed_by_mcuboot_and_b0_s0_image_update.bin", [0]),
        ("signed_by_mcuboot_and_b0_s1_image_update.bin", [1]),
    ];

    [Fact]
    public void The_variant_sent_is_the_one_for_the_slot_not_running()
    {
        var package = BootloaderPackage.Read(Zip(Manifest, BothFiles));
        Assert.Equal("signed_by_mcuboot_and_b0_s0_image_update.bin", package.S0.Name);
        Assert.Equal(0x8000, package.S0.LoadAddress);
        Assert.Equal([1], package.For(0).Content);
        Assert.Equal([0], package.For(1).Content);
        Assert.Throws<ArgumentException>(() => package.For(2));
    }

    [Theory]
    [InlineData(null, "no manifest.json")]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"files\": 3}", "no \"files\" array")]
    [InlineData("{\"files\": [{\"type\": \"application\", \"file\": \"a\", \"load_address\": 1}]}", "not a bootloader")]
    [InlineData("{\"files\": [{\"file\": \"signed_by_mcuboot_and_b0_s0_image_update.bin\", \"load_address\": 1}]}", "two images")]
    [InlineData("{\"files\": [{\"file\": \"missing.bin\", \"load_address\": 1}]}", "the zip lacks")]
    [InlineData("{\"files\": [{\"file\": \"signed_by_mcuboot_and_b0_s0_image_update.bin\"}]}", "no numeric \"load_address\"")]
    public void Bad_zips_are_refused_with_the_reason(string? manifest, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => BootloaderPackage.Read(Zip(manifest, BothFiles)));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_file_that_is_no_zip_is_refused()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "plain text");
        Assert.Contains("not a bootloader update zip", Assert.Throws<ArgumentException>(() => BootloaderPackage.Read(path)).Message);
    }
}
