using System.Security.Cryptography;
using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;
using Nrf5340Sdk.DkSim;
using Nrf5340Sdk.Smp.Commands;

namespace Dk.Tests;

/// <summary>The runner's parts that need no SMP server: the composed state, the boot chain, the images, the zip.</summary>
public class DkSimTests
{
    [Fact]
    public void A_new_state_holds_provisioning_both_second_stages_the_app_and_the_deployment()
    {
        var folder = Directory.CreateTempSubdirectory("dk-state-").FullName;
        try
        {
            var state = new DkState(folder);
            state.Compose(TestDk.Build, "1.2.3", TextWriter.Null);
            var table = TestDk.Build.Table();
            var flash = File.ReadAllBytes(state.Flash);
            var otp = File.ReadAllBytes(state.Otp);
            Assert.Equal(1 << 20, flash.Length);
            foreach (var (hex, memoryBase, bytes) in new[]
            {
                ("mcuboot_an505_s0.hex", 0u, flash), ("mcuboot_an505_s1.hex", 0u, flash),
                ("managed_deploy.signed.hex", 0u, flash), ("provision.hex", table.MemoryOf(table["provision"]).Base, otp),
            })
                foreach (var segment in FirmwareFile.ReadHex(TestDk.Build.Artefact(hex)).Segments)
                    Assert.Equal(segment.Data, bytes.AsSpan((int)(segment.Address - memoryBase), segment.Data.Length).ToArray());
            var primary = table["mcuboot_primary"];
            var app = McubootImage.Parse(flash.AsSpan((int)primary.Address, (int)primary.Size).ToArray());
            Assert.Equal("1.2.3+0", app.Header.Version.ToString());
            Assert.Equal(TestDk.SharedImages.McubootPublicKeyDer(), File.ReadAllBytes(state.McubootKey));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_chain_boots_through_b0_and_the_second_stage_into_the_app()
    {
        var folder = Directory.CreateTempSubdirectory("dk-chain-").FullName;
        var dk = SimulatedDk.Start(TestDk.Build, new DkOptions { StateFolder = folder, UdpPort = 0, Log = TextWriter.Null });
        try
        {
            Assert.True(dk.WaitForLog(SimulatedDk.AppStartLine, TestDk.BootTimeout), string.Join('\n', dk.LogLines));
            var log = dk.LogLines;
            Assert.Contains(log, l => l.Contains("Booting slot 0"));
            Assert.Contains(log, l => l.Contains("Second stage started from S0"));
            Assert.Contains(log, l => l.Contains("Booting app 1.0.0+0"));
        }
        finally
        {
            dk.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Update_images_are_signed_for_their_slots()
    {
        var images = TestDk.SharedImages;
        var key = KeyFile.LoadPublic(TestDk.Build.DevelopmentKey("mcuboot"));
        var app = images.App("2.0.0", 0x2000);
        Assert.True(ImageVerifier.Verify(app, key).Ok);
        Assert.NotEqual(SlotHash(app), SlotHash(images.App("2.0.1", 0x2000)));

        var update = McubootImage.Parse(images.BootloaderUpdate("s1", 7));
        Assert.Equal("7.0.0+0", update.Header.Version.ToString());
        var b0 = B0Image.Verify(update.Payload.ToArray(), TestDk.Build.Table()["s1_image"].Address);
        Assert.Equal(7u, b0.Info.Version);
    }

    [Fact]
    public void The_builds_bootloader_zip_names_s0_and_s1_by_their_addresses()
    {
        var table = TestDk.Build.Table();
        var package = BootloaderPackage.Read(TestDk.Build.Artefact("dfu_mcuboot.zip"));
        Assert.Equal(table["s0"].Address, package.S0.LoadAddress);
        Assert.Equal(table["s1"].Address, package.S1.LoadAddress);
        Assert.Same(package.S1, package.For(0));
        // The hash the client tests an image by is the SHA-256 over header, payload and protected TLVs.
        var image = McubootImage.Parse(package.S1.Content);
        Assert.Equal(SHA256.HashData(image.HashedRegion), package.S1.ImageHash);
    }

    private static byte[] SlotHash(byte[] image) => BootloaderVariant.ImageHashOf(image, "app");
}
