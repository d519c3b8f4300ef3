using Nrf5340Sdk.Build;
using Nrf5340Sdk.DkSim;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;

namespace EmulatedDk.Tests;

/// <summary>
/// The Cortex-M33 firmware in QEMU, updated over SMP on its serial port: every reset goes through the emulated
/// DK's reset stub, b0 and the second stage, with the flash file keeping what the firmware wrote.
/// </summary>
public class UpdateTests
{
    private static readonly DkImages Images = new(DkBuild.FindFromHere());

    private static byte[] Hash(byte[] image) => BootloaderVariant.ImageHashOf(image, "image");

    /// <summary>The runtime app of this build (nfclr_an505) signed again with another version.</summary>
    private static byte[] RuntimeApp(string version) =>
        Images.AppFrom(File.ReadAllBytes(FirmwareArtefacts.Built("nfclr_an505", ".bin")), version);

    private static UploadResult Upload(QemuDk dk, byte[] image, int number) =>
        dk.Call(m => new ImageUploader(m.Session, new UploadOptions { Image = number }).Upload(image, m.Params()));

    private static List<ImageSlot> Stage(QemuDk dk, byte[] image, int number)
    {
        Assert.True(Upload(dk, image, number).Match ?? true, "the device's SHA-256 of the upload differs");
        return dk.Call(m => m.ImageTest(Hash(image)));
    }

    private static List<ImageSlot> List(QemuDk dk) => dk.Call(m => m.ImageList());

    [Fact]
    public void Boots_through_the_chain_and_answers_over_serial()
    {
        using var dk = QemuDk.Booted();
        foreach (var line in new[] { "Attempting to boot slot 0.", "Second stage started from S0", "Booting app 1.0.0+0",
                     "nfclr: started", "ready: SMP server on serial UART1" })
            Assert.True(dk.WaitForLog(line, 0, TimeSpan.FromSeconds(10)), $"missing \"{line}\"\n{dk.Tail()}");
        var info = dk.Call(m => m.BootloaderInfo());
        Assert.Equal("MCUboot", info.Name);
        Assert.Equal(0, info.ActiveB0Slot);
        Assert.Contains(List(dk), s => s is { Image: 0, Slot: 0, Version: "1.0.0", Active: true, Confirmed: true });
    }

    [Fact]
    public void App_update_test_reset_confirm_survives_a_power_cycle()
    {
        using var dk = QemuDk.Booted();
        var update = RuntimeApp("1.1.0");
        Assert.Contains(Stage(dk, update, 0), s => s is { Image: 0, Slot: 1, Version: "1.1.0", Pending: true });

        int boot = dk.Reset();
        Assert.True(dk.WaitForLog("Booting app 1.1.0+0", boot), dk.Tail());
        var running = Assert.Single(List(dk), s => s is { Image: 0, Active: true });
        Assert.Equal("1.1.0", running.Version);

        Assert.Contains(dk.Call(m => m.ImageConfirm(null)), s => s is { Image: 0, Active: true, Confirmed: true, Version: "1.1.0" });
        int powerOn = dk.LogCount;
        dk.PowerCycle();
        dk.WaitUntilAnswering();
        Assert.Contains(List(dk), s => s is { Image: 0, Active: true, Confirmed: true, Version: "1.1.0" });
        // The log arrives through QEMU's stdout, which may trail the SMP answers: wait for the line.
        Assert.True(dk.WaitForLog("Booting app 1.1.0+0", powerOn), dk.Tail());
        Assert.Contains(dk.LogLines.Skip(powerOn), l => l.Contains("Booting app 1.1.0+0") && l.Contains("(normal boot)"));
    }

    [Fact]
    public void An_unconfirmed_app_reverts_at_the_next_reset()
    {
        using var dk = QemuDk.Booted();
        Stage(dk, RuntimeApp("1.1.0"), 0);
        int boot = dk.Reset();
        Assert.True(dk.WaitForLog("Booting app 1.1.0+0", boot), dk.Tail());
        Assert.Contains(List(dk), s => s is { Image: 0, Active: true, Confirmed: false, Version: "1.1.0" });

        boot = dk.Reset();
        Assert.True(dk.WaitForLog("test app was not confirmed", boot), dk.Tail());
        Assert.Contains(List(dk), s => s is { Image: 0, Active: true, Confirmed: true, Version: "1.0.0" });
    }

    [Fact]
    public void A_bootloader_update_with_the_other_S_variant_is_started_by_b0()
    {
        using var dk = QemuDk.Booted();
        int next = BootloaderVersion.Read() + 1;
        Stage(dk, Images.BootloaderUpdate("s1", next), 2);
        int boot = dk.Reset();
        Assert.True(dk.WaitForLog("Second stage started from S1", boot), dk.Tail());
        Assert.Equal(1, dk.Call(m => m.BootloaderInfo()).ActiveB0Slot);
    }

    [Fact]
    public void The_variant_for_the_running_S_slot_is_refused_with_its_reason_over_SMP_and_in_the_log()
    {
        using var dk = QemuDk.Booted();
        int from = dk.LogCount;
        var wrong = Images.BootloaderUpdate("s0", BootloaderVersion.Read() + 1);
        var e = Assert.Throws<SmpDeviceException>(() => Upload(dk, wrong, 2));
        Assert.Equal(SmpIds.ImageGroup, e.Group);
        Assert.Contains("S1 variant", e.Reason);
        Assert.True(dk.WaitForLog(e.Reason!, from, TimeSpan.FromSeconds(5)), $"the refusal is not in the log\n{dk.Tail()}");
        // Nothing is pending, and marking the refused image for a test is refused too, so no reset can apply it.
        Assert.DoesNotContain(List(dk), s => s.Pending);
        var image = Assert.Single(List(dk), s => s.Slot == 1);
        Assert.Throws<SmpDeviceException>(() => dk.Call(m => m.ImageTest(image.Hash!)));
        Assert.DoesNotContain(List(dk), s => s.Pending);
    }

    [Fact]
    public void A_csharp_deployment_update_alone_is_installed_at_reset()
    {
        using var dk = QemuDk.Booted();
        Stage(dk, Images.Deployment("1.1.0"), 3);
        int boot = dk.Reset();
        Assert.True(dk.WaitForLog("C# deployment updated", boot), dk.Tail());
        Assert.Contains(List(dk), s => s is { Image: 3, Slot: 0, Version: "1.1.0", Active: true });
        Assert.Contains(List(dk), s => s is { Image: 0, Active: true, Version: "1.0.0" });
    }
}
