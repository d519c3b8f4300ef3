using System.IO.Compression;
using System.Text.Json;
using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build.Tests;

/// <summary>
/// What --board nrf5340dk hands the user, written from the last build (./build.sh build links the nRF5340 targets and
/// the deployment first) into a temporary folder and read back as nrfjprog and the phone would.
/// </summary>
public sealed class DkArtefactsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"dk-artefacts-{Guid.NewGuid():N}");
    private readonly PartitionTable _table = Steps.LoadTable(DkArtefacts.Board);
    private readonly Keys _keys = Keys.Resolve(null, null);

    public DkArtefactsTests() => DkArtefacts.Write(_table, _keys, _dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private byte[] Flash(MemoryImage image, string partition) =>
        image.Slice(_table[partition].Address, (int)_table[partition].Size);

    [Fact]
    public void Merged_hex_holds_b0_provisioning_s0_app_and_deployment_each_at_its_partition()
    {
        var merged = FirmwareFile.ReadHex(DkArtefacts.Merged(_dir));
        var b0 = File.ReadAllBytes(DkArtefacts.B0);
        Assert.Equal(b0, merged.Slice(_table["b0"].Address, b0.Length));
        var mcuboot = KeyFile.LoadPublic(_keys.Mcuboot);
        foreach (var (file, partition) in new[]
        {
            (ProvisioningArtefact.FilePath, "provision"), (DkArtefacts.SecondStage(_dir, "s0"), "s0_image"),
            (DkArtefacts.AppHex(_dir), "mcuboot_primary"), (ManagedDeployment.SignedHex, "managed_deploy"),
        })
        {
            var part = FirmwareFile.ReadHex(file);
            Assert.InRange(part.MinAddress, _table[partition].Address, _table[partition].Address + _table[partition].Size - 1);
            var bytes = part.ToContiguous();
            Assert.Equal(bytes, merged.Slice(part.MinAddress, bytes.Length));
            if (partition == "s0_image")
                Assert.Equal(_table["s0_image"].Address, B0Image.Verify(bytes, _table["s0_image"].Address, KeyFile.LoadPublic(_keys.B0)).Info.Address);
            else if (partition != "provision")
                Assert.True(ImageVerifier.Verify(bytes, mcuboot).Ok, $"{file} does not verify");
        }
        // S1 and the upload slot stay erased: b0 boots S0, updates arrive over SMP.
        Assert.All(Flash(merged, "s1"), b => Assert.Equal(0xFF, b));
        Assert.All(Flash(merged, "mcuboot_secondary"), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Update_images_are_signed_for_their_image_numbers()
    {
        var mcuboot = KeyFile.LoadPublic(_keys.Mcuboot);
        Assert.True(ImageVerifier.Verify(File.ReadAllBytes(DkArtefacts.AppUpdate(_dir)), mcuboot).Ok);
        Assert.True(ImageVerifier.Verify(File.ReadAllBytes(DkArtefacts.DeploymentUpdate(_dir)), mcuboot).Ok);
        foreach (var slot in new[] { "s0", "s1" })
        {
            var update = McubootImage.Parse(File.ReadAllBytes(DkArtefacts.SecondStageUpdate(_dir, slot)));
            var payload = B0Image.Verify(update.Payload.ToArray(), _table[slot + "_image"].Address, KeyFile.LoadPublic(_keys.B0));
            Assert.Equal($"{payload.Info.Version}.0.0+0", update.Header.Version.ToString());
        }
    }

    [Fact]
    public void Phone_packages_carry_ncs_manifests()
    {
        using var application = ZipFile.OpenRead(DkArtefacts.ApplicationZip(_dir));
        var files = Manifest(application).GetProperty("files");
        Assert.Equal(1, files.GetArrayLength());
        Assert.Equal("0", files[0].GetProperty("image_index").GetString());
        Assert.Equal((long)_table["mcuboot_primary"].Address, files[0].GetProperty("load_address").GetInt64());
        Assert.Equal("app_update.bin", files[0].GetProperty("file").GetString());

        using var bootloader = ZipFile.OpenRead(DkArtefacts.BootloaderZip(_dir));
        var entries = Manifest(bootloader).GetProperty("files");
        Assert.Equal(2, entries.GetArrayLength());
        Assert.Equal("mcuboot", entries[0].GetProperty("type").GetString());
        Assert.Equal((long)_table["s0"].Address, entries[0].GetProperty("load_address").GetInt64());
        Assert.Equal((long)_table["s1"].Address, entries[1].GetProperty("load_address").GetInt64());
    }

    [Fact]
    public void Flashing_instructions_name_both_cores_and_the_net_core_image()
    {
        var text = File.ReadAllText(Path.Combine(_dir, "FLASHING.md"));
        Assert.Contains("--coprocessor CP_NETWORK", text);
        Assert.Contains("--core Network", text);
        Assert.Contains("merged_CPUNET.hex", text);
        Assert.Contains("merged.hex", text);
    }

    private static JsonElement Manifest(ZipArchive zip)
    {
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }
}
