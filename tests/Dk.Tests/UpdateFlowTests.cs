using ImageTool.B0;
using ImageTool.Packaging;
using Nrf5340Sdk.Smp.Cli;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;

namespace Dk.Tests;

/// <summary>The update flows end to end: upload, test, reset through b0 and the second stage, confirm or revert.</summary>
public class UpdateFlowTests
{
    private static byte[] Hash(byte[] image) => BootloaderVariant.ImageHashOf(image, "image");

    private static UploadResult Upload(TestDk dk, byte[] image, int number) =>
        dk.Call(m => new ImageUploader(m.Session, new UploadOptions { Image = number }).Upload(image, m.Params()));

    private static List<ImageSlot> List(TestDk dk) => dk.Call(m => m.ImageList());

    /// <summary>Uploads the image and marks it for a test boot; returns the state answer.</summary>
    private static List<ImageSlot> Stage(TestDk dk, byte[] image, int number)
    {
        Upload(dk, image, number);
        return dk.Call(m => m.ImageTest(Hash(image)));
    }

    [DkFact]
    public void App_update_test_reset_confirm()
    {
        using var dk = TestDk.Booted();
        var v2 = dk.Images.App("2.0.0");
        Assert.Contains(Stage(dk, v2, 0), s => s is { Image: 0, Slot: 1, Version: "2.0.0", Pending: true, Permanent: false });

        dk.Reset();
        var running = Assert.Single(List(dk), s => s is { Image: 0, Active: true });
        Assert.Equal("2.0.0", running.Version);
        Assert.False(running.Confirmed);

        Assert.Contains(dk.Call(m => m.ImageConfirm(null)), s => s is { Image: 0, Active: true, Confirmed: true, Version: "2.0.0" });
        dk.Reset();
        Assert.Contains(List(dk), s => s is { Image: 0, Active: true, Confirmed: true, Version: "2.0.0" });
    }

    [DkFact]
    public void An_unconfirmed_app_reverts_at_the_next_reset()
    {
        using var dk = TestDk.Booted();
        var v2 = dk.Images.App("2.0.0");
        Stage(dk, v2, 0);
        dk.Reset();
        Assert.Contains(List(dk), s => s is { Image: 0, Active: true, Version: "2.0.0" });
        dk.Reset();
        Assert.Contains(List(dk), s => s is { Image: 0, Active: true, Confirmed: true, Version: "1.0.0" });
        Assert.Contains(dk.Dk.LogLines, l => l.Contains("test app was not confirmed"));
    }

    [DkFact]
    public void A_csharp_deployment_update_is_installed_at_reset()
    {
        using var dk = TestDk.Booted();
        var deployment = dk.Images.Deployment("2.0.0");
        Assert.Contains(Stage(dk, deployment, 3), s => s is { Image: 3, Slot: 1, Pending: true });
        dk.Reset();
        Assert.Contains(List(dk), s => s is { Image: 3, Slot: 0, Version: "2.0.0" });
    }

    [DkFact]
    public void Bootloader_update_sends_the_variant_for_the_other_b0_slot()
    {
        using var dk = TestDk.Booted();
        int next = CurrentFirmwareVersion() + 1;
        string zip = Path.Combine(dk.StateFolder, "bootloader.zip");
        File.WriteAllBytes(zip, DfuPackage.Bootloader(new PackageTarget("nrf5340dk/nrf5340/cpuapp", "nrf5340", null, 0),
            new PackageInput("s0.bin", dk.Images.BootloaderUpdate("s0", next), 0),
            new PackageInput("s1.bin", dk.Images.BootloaderUpdate("s1", next), 0)));

        var (exit, output, errors) = SmpCommandLine.RunCaptured("bootloader", "update", zip, "--conn", dk.Udp);
        Assert.True(exit == 0, errors);
        Assert.Contains("device runs S0: sending s1.bin", output);

        dk.Reset(); // the second stage copies the update into S1 and asks for a reset; b0 then starts S1
        Assert.True(dk.Dk.WaitForLog($"Second stage started from S1 (fw_info version {next})", TestDk.BootTimeout), dk.Tail());
        Assert.Equal(1, dk.Call(m => m.BootloaderInfo()).ActiveB0Slot);
    }

    [DkFact]
    public void The_variant_for_the_running_slot_is_refused_with_its_reason()
    {
        using var dk = TestDk.Booted();
        var wrong = dk.Images.BootloaderUpdate("s0", CurrentFirmwareVersion() + 1);
        var e = Assert.Throws<SmpDeviceException>(() => Upload(dk, wrong, 2));
        Assert.Equal(SmpIds.ImageGroup, e.Group);
        Assert.NotNull(e.Reason);
        Assert.Contains("S0", e.Reason);
        Assert.Contains("S1 variant", e.Reason);
    }

    /// <summary>The fw_info version the build gave its second stage (bootloader/VERSION).</summary>
    private static int CurrentFirmwareVersion() =>
        (int)FirmwareInfo.TryRead(File.ReadAllBytes(TestDk.Build.SecondStageBinary("s0")), FirmwareInfo.Offset)!.Version;
}
