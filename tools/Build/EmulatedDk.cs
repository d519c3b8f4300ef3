using ImageTool.Files;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>
/// The emulated DK: the Cortex-M33 firmware on QEMU's mps2-an505, b0 → second stage (S0) → the runtime with the
/// C# app, over a flash file that persists in build/emulated-dk (written on first use, or anew with --fresh). UART0
/// (the log) is the terminal; UART1 (SMP with mcumgr's serial framing) is a TCP socket for the SMP client.
/// </summary>
public static class EmulatedDk
{
    public const int DefaultSmpPort = 5555;

    public static string Dir => Path.Combine(Repo.BuildDir, "emulated-dk");
    public static string FlashFile => Path.Combine(Dir, "nrf5340dk.flash");

    /// <summary>What a new DK holds: b0, provisioning, the second stage in S0, the runtime as the app, the C#
    /// deployment: the same images as the nRF5340 DK's first flash, linked at the same addresses.</summary>
    public static void WriteFirstFlash(PartitionTable t, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        new QemuFlashFile(t).WriteFirstFlash(path,
        [
            FirmwareFile.Read(FirmwareArtefacts.B0Signed("s0")),
            FirmwareFile.Read(FirmwareArtefacts.ClrApp),
            FirmwareFile.Read(ManagedDeployment.SignedHex),
        ]);
    }

    /// <summary>QEMU's arguments for the DK on a flash file: log on stdio (Ctrl-C ends it), SMP on a TCP port.</summary>
    public static string[] QemuArguments(string flashFile, int smpPort) =>
    [
        .. QemuFlashFile.QemuArguments(flashFile), "-display", "none", "-monitor", "none",
        "-serial", "stdio", "-serial", $"tcp:127.0.0.1:{smpPort},server=on,wait=off",
    ];

    /// <summary>Boots the DK until Ctrl-C (or until the firmware ends the emulation).</summary>
    public static int Run(PartitionTable t, bool fresh, int smpPort)
    {
        Log.Section("emulated DK (QEMU mps2-an505)");
        if (fresh || !File.Exists(FlashFile))
        {
            WriteFirstFlash(t, FlashFile);
            Log.Step($"{Path.GetRelativePath(Repo.Root, FlashFile)}: first flash (b0, provisioning, S0, app, C# deployment)");
        }
        else
            Log.Step($"{Path.GetRelativePath(Repo.Root, FlashFile)}: the flash as the last run left it (--fresh flashes anew)");
        Log.Info($"SMP over serial on tcp:127.0.0.1:{smpPort}, e.g.: {SmpClientCommand} --conn tcp:127.0.0.1:{smpPort} image list");
        Log.Info("Ctrl-C stops the DK; the flash file keeps its state for the next run.");
        return Shell.Run("qemu-system-arm", QemuArguments(FlashFile, smpPort));
    }

    /// <summary>How a user starts the SMP client of this tree.</summary>
    public static string SmpClientCommand =>
        $"dotnet {Path.GetRelativePath(Repo.Root, Path.Combine(Repo.BuildDir, "dotnet", "bin", "SmpClient", "Release", "net10.0", "smp.dll"))}";
}
