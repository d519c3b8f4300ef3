using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Packaging;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>
/// What a user flashes on the nRF5340 DK, in build/artefacts/nrf5340dk/: the first-flash merged.hex (b0, the
/// provisioning data in UICR, S0, the runtime as the app, the C# deployment), the update images (app, second
/// stage for S0 and S1, C# deployment), the phone packages (dfu_application.zip, dfu_mcuboot.zip) and
/// FLASHING.md (boards/nrf5340dk/FLASHING.md). Built from the cortex-m33 tree's nRF5340 targets.
/// </summary>
public static class DkArtefacts
{
    public const string Board = "nrf5340dk";
    const string PackageBoard = "nrf5340dk_nrf5340_cpuapp"; // NCS's name in manifest.json
    const string Soc = "nrf5340";

    /// <summary>Where ./build.sh --board nrf5340dk writes them.</summary>
    public static string DefaultDir => Path.Combine(Repo.ArtefactsDir, Board);
    static string Cross => NativeBuild.BinaryDir(NativeBuild.CortexM33);
    static string Port(string target) => Path.Combine(Cross, "bootloader", "ports", "nrf5340", target + ".bin");
    static string App => Path.Combine(Cross, "nf-interpreter-port", "hal", "nrf5340", "nfclr_nrf5340.bin");

    public static string B0 => Port("b0_nrf5340");
    public static string Merged(string dir) => Path.Combine(dir, "merged.hex");
    public static string SecondStage(string dir, string slot) => Path.Combine(dir, $"signed_by_b0_{slot}_image.hex");
    public static string SecondStageUpdate(string dir, string slot) => Path.Combine(dir, $"signed_by_mcuboot_and_b0_{slot}_image_update.bin");
    public static string AppHex(string dir) => Path.Combine(dir, "app.signed.hex");
    public static string AppUpdate(string dir) => Path.Combine(dir, "app_update.bin");
    public static string DeploymentUpdate(string dir) => Path.Combine(dir, "managed_deploy_update.bin");
    public static string ApplicationZip(string dir) => Path.Combine(dir, "dfu_application.zip");
    public static string BootloaderZip(string dir) => Path.Combine(dir, "dfu_mcuboot.zip");

    public static void Write(PartitionTable t, Keys keys, string dir)
    {
        Log.Section($"{Board}: first flash, updates, phone packages");
        Directory.CreateDirectory(dir);
        string mergedHex = Merged(dir), appHex = AppHex(dir), appUpdate = AppUpdate(dir), deploymentUpdate = DeploymentUpdate(dir);
        var version = BootloaderVersion.Read();
        var b0Key = KeyFile.LoadPrivate(keys.B0);
        var mcubootKey = KeyFile.LoadPrivate(keys.Mcuboot);
        foreach (var (slot, stage) in new[] { ("s0", "mcuboot_nrf5340"), ("s1", "mcuboot_nrf5340_s1") })
            FirmwareArtefacts.SignSecondStage(t, keys, version, b0Key, mcubootKey, Port(stage), slot,
                SecondStage(dir, slot), SecondStageUpdate(dir, slot));
        var app = FirmwareArtefacts.SignApp(t, App, "1.0.0", pad: false, mcubootKey);
        app.Save(appHex, null);
        app.Save(appUpdate, null);
        Log.Step($"{Rel(appHex)}, {Rel(appUpdate)}: nfclr_nrf5340, MCUboot image {t.Image("app").Number}, version 1.0.0");
        File.Copy(ManagedDeployment.SignedBin, deploymentUpdate, overwrite: true);
        Log.Step($"{Rel(deploymentUpdate)}: the C# deployment, MCUboot image {t.Image("managed").Number}");

        // The first flash: every part at its own address; MemoryImage refuses overlaps.
        var merged = new MemoryImage();
        merged.Add(t["b0"].Address, FirmwareFile.ReadBytes(B0), B0);
        foreach (var part in new[] { ProvisioningArtefact.FilePath, SecondStage(dir, "s0"), appHex, ManagedDeployment.SignedHex })
            merged.AddAll(FirmwareFile.ReadHex(part));
        FirmwareFile.Write(mergedHex, merged);
        Log.Step($"{Rel(mergedHex)}: b0, provisioning (UICR), S0, app, C# deployment");

        var target = new PackageTarget(PackageBoard, Soc, null, DfuPackage.SourceDateEpoch() ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var application = ApplicationZip(dir);
        FirmwareFile.WriteBytes(application, DfuPackage.Application(target, PackageInput.FromFile(appUpdate), t["mcuboot_primary"].Address));
        var mcuboot = BootloaderZip(dir);
        FirmwareFile.WriteBytes(mcuboot, DfuPackage.Bootloader(target,
            PackageInput.FromFile(SecondStageUpdate(dir, "s0")), PackageInput.FromFile(SecondStageUpdate(dir, "s1"))));
        Log.Step($"{Rel(application)}, {Rel(mcuboot)}: for nRF Connect Device Manager");
        File.Copy(Path.Combine(Repo.BoardDir(Board), "FLASHING.md"), Path.Combine(dir, "FLASHING.md"), overwrite: true);
        Log.Step($"{Rel(Path.Combine(dir, "FLASHING.md"))}: nrfjprog / nrfutil commands for both cores");

        foreach (var key in new[] { keys.B0, keys.Mcuboot }.Where(k => File.ReadAllText(k).Contains(KeyFile.DevelopmentMarker)))
            Log.Warn($"the {Board} images are signed with {Path.GetFileName(key)}, a DEVELOPMENT-ONLY key whose private half " +
                "is public: anyone can sign updates these bootloaders accept. Pass --b0-key / --mcuboot-key for devices you ship.");
    }

    private static string Rel(string path) => Path.GetRelativePath(Repo.Root, path);
}
