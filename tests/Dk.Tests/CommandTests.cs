using Nrf5340Sdk.Smp.Cli;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;

namespace Dk.Tests;

/// <summary>Every client command against the simulated DK, over both transports, and the DK's persistence.</summary>
public class CommandTests
{
    private static (int Exit, string Out, string Err) Smp(params string[] args) => SmpCommandLine.RunCaptured(args);

    [DkFact]
    public void Every_command_answers_over_udp()
    {
        using var dk = TestDk.Booted();
        var (exit, output, errors) = Smp("echo", "hello dk", "--conn", dk.Udp);
        Assert.True(exit == 0, errors);
        Assert.Equal("hello dk", output.Trim());

        (exit, output, errors) = Smp("params", "--conn", dk.Udp);
        Assert.True(exit == 0, errors);
        Assert.Matches(@"^buf_size=\d+ buf_count=\d+$", output.Trim());

        (exit, output, errors) = Smp("bootloader", "info", "--conn", dk.Udp);
        Assert.True(exit == 0, errors);
        Assert.Contains("bootloader: MCUboot", output);
        Assert.Contains("mode: 3", output); // swap using move (boards/nrf5340dk/partitions.json)
        Assert.Contains("active b0 slot: S0", output);

        (exit, output, errors) = Smp("image", "list", "--conn", dk.Udp);
        Assert.True(exit == 0, errors);
        Assert.Contains("image=0 slot=0", output);
        Assert.Contains("version: 1.0.0", output);
        Assert.Contains("flags: active confirmed", output);

        (exit, output, errors) = Smp("image", "erase", "--conn", dk.Udp);
        Assert.True(exit == 0, errors);
        (exit, output, errors) = Smp("storage", "erase", "--conn", dk.Udp);
        Assert.True(exit == 0, errors);

        int boots = dk.Dk.Boots;
        (exit, _, errors) = Smp("reset", "--conn", dk.Udp);
        Assert.True(exit == 0, errors);
        Assert.True(dk.Dk.WaitForLog($"[dk] boot {boots + 1}", TestDk.BootTimeout), dk.Tail());
        dk.WaitUntilAnswering();
    }

    [DkFact]
    public void The_serial_stream_carries_the_same_commands()
    {
        using var dk = new TestDk();
        dk.WaitUntilAnswering(dk.Serial);
        using var session = dk.Session(dk.Serial);
        var m = new McuMgr(session);
        Assert.Equal("over the uart", m.Echo("over the uart"));
        Assert.Contains(m.ImageList(), s => s is { Image: 0, Slot: 0, Active: true });
        // A small upload through the serial framing, windowed from the device's parameters.
        var image = dk.Images.App("1.5.0", 0x1000);
        var result = new ImageUploader(session, new UploadOptions()).Upload(image, m.Params());
        Assert.NotEqual(false, result.Match);
        Assert.Contains(m.ImageList(), s => s is { Slot: 1, Version: "1.5.0" });
    }

    [DkFact]
    public void A_power_cycle_keeps_the_flash()
    {
        using var dk = TestDk.Booted();
        var image = dk.Images.App("3.1.0");
        dk.Call(m => new ImageUploader(m.Session, new UploadOptions()).Upload(image, m.Params()));
        dk.PowerCycle();
        dk.WaitUntilAnswering();
        var uploaded = Assert.Single(dk.Call(m => m.ImageList()), s => s.Slot == 1);
        Assert.Equal("3.1.0", uploaded.Version);
        Assert.Equal(BootloaderVariant.ImageHashOf(image, "app"), uploaded.Hash);
        Assert.Contains("[dk] boot 1", dk.Dk.LogLines); // the new run started from the same files, not a new state
        Assert.DoesNotContain(dk.Dk.LogLines, l => l.Contains("new DK state"));
    }

    [DkFact]
    public void Storage_erase_empties_the_settings_partition()
    {
        using var dk = TestDk.Booted();
        dk.Call(m =>
        {
            m.StorageErase();
            return 0;
        });
        // Erased as Zephyr's storage erase leaves it: the store mounts it again at its next use.
        var settings = TestDk.Build.Table()["settings_storage"];
        var flash = File.ReadAllBytes(dk.Dk.State.Flash);
        Assert.All(flash.AsSpan((int)settings.Address, (int)settings.Size).ToArray(), b => Assert.Equal(0xFF, b));
    }

    [DkFact]
    public void A_refusal_comes_back_with_its_group_code_and_reason()
    {
        using var dk = TestDk.Booted();
        var (exit, _, errors) = Smp("image", "test", new string('5', 64), "--conn", dk.Udp);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: image group: HASH_NOT_FOUND (8)", errors.Trim());
    }
}
