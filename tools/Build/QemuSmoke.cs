using ImageTool.Files;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>
/// The QEMU mps2-an505 smoke boots. After the build, one emulated-DK flash file per case (QemuFlashFile): the whole
/// app-core flash (erased 0xFF, b0, the b0-signed second stages, the signed test app and its update, or the runtime
/// as the app with the signed C# deployment) and the whole OTP (blank, the provisioning data). The cases and what
/// each must log are CTest tests of the cortex-m33 tree (bootloader/ports/qemu-an505); each boots a copy.
/// </summary>
public static class QemuSmoke
{
    public static string Dir => Path.Combine(Repo.ArtefactsDir, "qemu-an505");

    public static void WriteImages(PartitionTable t)
    {
        Log.Section("QEMU mps2-an505 flash files");
        var flashFile = new QemuFlashFile(t);
        var s0 = FirmwareFile.Read(FirmwareArtefacts.B0Signed("s0"));
        var s1 = FirmwareFile.Read(FirmwareArtefacts.B0Signed("s1"));
        var s0BadSignature = s0 with { Bytes = (byte[])s0.Bytes.Clone() };
        s0BadSignature.Bytes[^1] ^= 0x01; // the last byte of the validation block: its signature's s
        var app = FirmwareFile.Read(FirmwareArtefacts.App);
        var appUpdate = FirmwareFile.Read(FirmwareArtefacts.AppUpdate);
        var clrApp = FirmwareFile.Read(FirmwareArtefacts.ClrApp);
        var deployment = FirmwareFile.Read(ManagedDeployment.SignedHex);
        var testsDeployment = FirmwareFile.Read(ManagedDeployment.TestsSignedHex);
        var blinky = FirmwareFile.Read(ManagedDeployment.BlinkySignedHex);
        var deploymentCorrupt = deployment with { Bytes = (byte[])deployment.Bytes.Clone() };
        // A byte of the deployment image (behind the 0x200-byte MCUboot header) that its CRC-32 covers: the
        // second stage checks image 3 only when installing it, so the runtime is the one to refuse it.
        deploymentCorrupt.Bytes[0x200 + 64] ^= 0x01;

        Directory.CreateDirectory(Dir);
        (string Case, FirmwareData[] Slots)[] cases =
        [
            ("boot_s0", [s0, app]),
            ("bad_signature", [s0BadSignature, app]),
            ("fallback_s1", [s0BadSignature, s1, app]),
            ("no_app", [s0]),
            ("app_update", [s0, app, appUpdate]),
            ("csharp_app", [s0, clrApp, deployment]),
            ("csharp_corrupt_deployment", [s0, clrApp, deploymentCorrupt]),
            ("csharp_tests", [s0, clrApp, testsDeployment]),
            ("csharp_blinky", [s0, clrApp, blinky]),
        ];
        foreach (var (name, slots) in cases)
        {
            var path = Path.Combine(Dir, name + ".flash");
            flashFile.WriteFirstFlash(path, slots);
            Log.Step(Path.GetRelativePath(Repo.Root, path));
        }
    }

    /// <summary>Runs the cortex-m33 tree's CTest tests (the smoke boots); CTest's summary line feeds the tally.</summary>
    public static int Test(TestTally tally)
    {
        Log.Section("QEMU smoke boots (CTest, cortex-m33)");
        return Shell.Run("ctest", ["--test-dir", NativeBuild.BinaryDir(NativeBuild.CortexM33), "--output-on-failure",
            "--no-tests=error"], onLine: tally.Read);
    }
}
