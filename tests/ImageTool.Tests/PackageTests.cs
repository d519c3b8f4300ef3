using System.IO.Compression;
using System.Text.Json;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>dfu_application.zip and dfu_mcuboot.zip with manifest.json as NCS's generate_zip.py writes it.</summary>
public class PackageTests
{
    private static readonly string[] Target = ["--board", "nrf5340dk/nrf5340/cpuapp", "--soc", "nrf5340"];

    private static (JsonElement Manifest, ZipArchive Zip) Open(string path)
    {
        var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return (JsonDocument.Parse(reader.ReadToEnd()).RootElement, zip);
    }

    private static string SignedApp(TempDirectory dir, string name, string version)
    {
        CliRun.Ok(["sign", "-k", Vectors.Imgtool("ecdsa-p256.pem"), "--header-size", "0x200", "--pad-header", "--version", version,
            "--slot-size", "0x60000", Vectors.Imgtool("payload.bin"), dir.File(name)]);
        return dir.File(name);
    }

    /// <summary>An S0 or S1 bootloader update: b0-signed, then MCUboot-signed with version V.0.0+0.</summary>
    private static string BootloaderUpdate(TempDirectory dir, string slot, string address, string name)
    {
        CliRun.Ok(["b0", "sign", "-k", Vectors.B0("key0_priv_TEST_ONLY.pem"), "--address", address, Vectors.B0($"{slot}_unsigned.bin"), dir.File($"{slot}.b0.bin")]);
        CliRun.Ok(["sign", "-k", Vectors.Imgtool("ecdsa-p256.pem"), "--header-size", "0x200", "--pad-header", "--version", "2.0.0+0",
            "--slot-size", "0xc000", dir.File($"{slot}.b0.bin"), dir.File(name)]);
        return dir.File(name);
    }

    [Fact]
    public void Application_zip_lists_the_image_with_NCS_keys_in_NCS_order()
    {
        using var dir = new TempDirectory();
        string app = SignedApp(dir, "app.signed.bin", "1.2.3+4");
        CliRun.Ok(["package", "app", .. Target, "--name", "demo", "--load-address", "0x28200", "-o", dir.File("dfu_application.zip"), app]);
        var (manifest, zip) = Open(dir.File("dfu_application.zip"));
        using (zip)
        {
            Assert.Equal(["format-version", "time", "files", "name"], manifest.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1, manifest.GetProperty("format-version").GetInt32());
            Assert.Equal("demo", manifest.GetProperty("name").GetString());
            var file = manifest.GetProperty("files")[0];
            Assert.Equal(["type", "board", "soc", "load_address", "image_index", "slot_index_primary", "slot_index_secondary",
                "version_MCUBOOT", "size", "file", "modtime"], file.EnumerateObject().Select(p => p.Name));
            Assert.Equal("application", file.GetProperty("type").GetString());
            Assert.Equal(0x28200, file.GetProperty("load_address").GetInt64());
            Assert.Equal("0", file.GetProperty("image_index").GetString());
            Assert.Equal("1", file.GetProperty("slot_index_primary").GetString());
            Assert.Equal("2", file.GetProperty("slot_index_secondary").GetString());
            Assert.Equal("1.2.3+4", file.GetProperty("version_MCUBOOT").GetString());
            Assert.Equal("app.signed.bin", file.GetProperty("file").GetString());
            Assert.Equal(new FileInfo(app).Length, file.GetProperty("size").GetInt64());
            using var entry = new MemoryStream();
            zip.GetEntry("app.signed.bin")!.Open().CopyTo(entry);
            Assert.Equal(File.ReadAllBytes(app), entry.ToArray());
        }
    }

    [Fact]
    public void Application_zip_can_carry_the_network_core_image()
    {
        using var dir = new TempDirectory();
        string app = SignedApp(dir, "app.bin", "1.0.0");
        string net = SignedApp(dir, "net.bin", "3.4.5");
        CliRun.Ok(["package", "app", .. Target, "--load-address", "0x28200", "--net-image", net, "--net-load-address", "0x01008800",
            "--net-board", "nrf5340dk/nrf5340/cpunet", "-o", dir.File("z.zip"), app]);
        var (manifest, zip) = Open(dir.File("z.zip"));
        using (zip)
        {
            var entry = manifest.GetProperty("files")[1];
            Assert.Equal(["type", "board", "soc", "image_index", "slot_index_primary", "slot_index_secondary", "load_address",
                "version", "size", "file", "modtime"], entry.EnumerateObject().Select(p => p.Name));
            Assert.Equal("nrf5340dk/nrf5340/cpunet", entry.GetProperty("board").GetString());
            Assert.Equal("1", entry.GetProperty("image_index").GetString());
            Assert.Equal("3", entry.GetProperty("slot_index_primary").GetString());
            Assert.Equal(0x01008800, entry.GetProperty("load_address").GetInt64());
            Assert.Equal("3.4.5+0", entry.GetProperty("version").GetString());
        }
    }

    [Fact]
    public void Bootloader_zip_holds_both_S_variants_with_versions_and_addresses_read_from_the_images()
    {
        using var dir = new TempDirectory();
        string s0 = BootloaderUpdate(dir, "s0", "0x8200", "signed_by_mcuboot_and_b0_mcuboot.bin");
        string s1 = BootloaderUpdate(dir, "s1", "0x18200", "signed_by_mcuboot_and_b0_s1_image.bin");
        CliRun.Ok(["package", "bootloader", .. Target, "-o", dir.File("dfu_mcuboot.zip"), s0, s1]);
        var (manifest, zip) = Open(dir.File("dfu_mcuboot.zip"));
        using (zip)
        {
            Assert.Equal(["signed_by_mcuboot_and_b0_mcuboot.bin", "signed_by_mcuboot_and_b0_s1_image.bin", "manifest.json"],
                zip.Entries.Select(e => e.FullName));
            var files = manifest.GetProperty("files");
            Assert.Equal(["version_MCUBOOT", "version_B0", "type", "board", "soc", "load_address", "size", "file", "modtime"],
                files[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal("mcuboot", files[0].GetProperty("type").GetString());
            Assert.Equal("2.0.0+0", files[0].GetProperty("version_MCUBOOT").GetString());
            Assert.Equal("2", files[0].GetProperty("version_B0").GetString());
            Assert.Equal(0x8000, files[0].GetProperty("load_address").GetInt64());
            Assert.Equal(0x18000, files[1].GetProperty("load_address").GetInt64());
        }
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_pins_every_timestamp()
    {
        using var dir = new TempDirectory();
        string app = SignedApp(dir, "app.bin", "1.0.0");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1700000000");
        try
        {
            CliRun.Ok(["package", "app", .. Target, "--load-address", "0x28200", "-o", dir.File("a.zip"), app]);
            CliRun.Ok(["package", "app", .. Target, "--load-address", "0x28200", "-o", dir.File("b.zip"), app]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", null);
        }
        Assert.Equal(File.ReadAllBytes(dir.File("a.zip")), File.ReadAllBytes(dir.File("b.zip")));
        var (manifest, zip) = Open(dir.File("a.zip"));
        using (zip)
        {
            Assert.Equal(1700000000, manifest.GetProperty("time").GetInt64());
            Assert.Equal(1700000000, manifest.GetProperty("files")[0].GetProperty("modtime").GetInt64());
        }
    }

    [Fact]
    public void Bootloader_zip_refuses_two_builds_for_the_same_slot_and_plain_applications()
    {
        using var dir = new TempDirectory();
        string s0 = BootloaderUpdate(dir, "s0", "0x8200", "a.bin");
        string alsoS0 = BootloaderUpdate(dir, "s0", "0x8200", "b.bin");
        CliRun.Fails(["package", "bootloader", .. Target, "-o", dir.File("z.zip"), s0, alsoS0], "both linked for 0x8200");
        CliRun.Fails(["package", "bootloader", .. Target, "-o", dir.File("z.zip"), s0, SignedApp(dir, "app.bin", "2.0.0")],
            "app.bin is not an S0/S1 bootloader update", "no fw_info");
        CliRun.Fails(["package", "app", .. Target, "--load-address", "0", "-o", dir.File("z.zip"), Vectors.Imgtool("payload.bin")],
            "payload.bin is not a valid signed MCUboot image");
    }
}
