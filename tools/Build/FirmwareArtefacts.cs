using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;
using ImageTool.Packaging;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>
/// Signs the second stages of the Cortex-M33 build into build/artefacts/: for b0 (its fw_info checked, the 176-byte
/// validation block signed with the b0 key) as flashed into s0_image / s1_image, and as MCUboot image 2 updates
/// (header in s0_pad / s1_pad, version V.0.0+0, MCUboot key). V is bootloader/VERSION, which CMake also compiled
/// into fw_info; signing refuses the image when the two differ. Then the QEMU smoke tests' app, signed with the same
/// MCUboot key: the key the second stages were built to trust (CMake's MB_SIGNING_KEY), which is checked here.
/// </summary>
public static class FirmwareArtefacts
{
    public static string PortBinaryDir =>
        Path.Combine(NativeBuild.BinaryDir(NativeBuild.CortexM33), "bootloader", "ports", "qemu-an505");

    /// <summary>A file the CMake target wrote: <c>Built("b0_an505", ".elf")</c>.</summary>
    public static string Built(string target, string extension) => Path.Combine(PortBinaryDir, target + extension);

    /// <summary>The second-stage CMake targets and the slot (s0, s1) each is linked for.</summary>
    public static readonly IReadOnlyList<(string Target, string Slot)> SecondStages =
    [
        ("mcuboot_an505", "s0"),
        ("mcuboot_an505_s1", "s1"),
    ];

    /// <summary>Image + b0 validation block at the slot's image address: what a new device holds.</summary>
    public static string B0Signed(string slot) => Path.Combine(Repo.ArtefactsDir, $"mcuboot_an505_{slot}.hex");

    /// <summary>The same signed for MCUboot: what SMP uploads to update the bootloader.</summary>
    public static string Update(string slot) => Path.Combine(Repo.ArtefactsDir, $"mcuboot_an505_{slot}.update.bin");

    /// <summary>Both update images in one zip with NCS's manifest.json: what `smp bootloader update` and phones take.</summary>
    public static string BootloaderZip => Path.Combine(Repo.ArtefactsDir, "dfu_mcuboot.zip");

    /// <summary>The test app, version 1.0.0, signed into mcuboot_primary: what a device holds.</summary>
    public static string App => Path.Combine(Repo.ArtefactsDir, "app_an505.hex");

    /// <summary>The test app, version 2.0.0, in mcuboot_secondary with a test trailer (imgtool --pad): a pending update.</summary>
    public static string AppUpdate => Path.Combine(Repo.ArtefactsDir, "app_an505_v2.test.hex");

    /// <summary>The IL runtime as the app (nfclr_an505), version 1.0.0, signed into mcuboot_primary: runs the C# deployment.</summary>
    public static string ClrApp => Path.Combine(Repo.ArtefactsDir, "nfclr_an505.hex");

    public static void Write(PartitionTable t, Keys keys)
    {
        Log.Section("second stage: signed for b0 and MCUboot");
        var version = BootloaderVersion.Read();
        var b0Key = KeyFile.LoadPrivate(keys.B0);
        var mcubootKey = KeyFile.LoadPrivate(keys.Mcuboot);
        Directory.CreateDirectory(Repo.ArtefactsDir);
        foreach (var (target, slot) in SecondStages)
            SignSecondStage(t, keys, version, b0Key, mcubootKey, Built(target, ".bin"), slot, B0Signed(slot), Update(slot));
        WriteBootloaderZip();
        WriteApp(t, mcubootKey);
    }

    /// <summary>
    /// One second-stage binary for its slot: with its b0 validation block at the slot's image address (what a new
    /// device holds, <paramref name="hex"/>) and as an MCUboot image 2 update (<paramref name="update"/>).
    /// </summary>
    public static void SignSecondStage(PartitionTable t, Keys keys, int version, PrivateKey b0Key, PrivateKey mcubootKey,
        string bin, string slot, string hex, string update)
    {
        var target = Path.GetFileNameWithoutExtension(bin);
        var image = t[slot + "_image"];
        var payload = ReadBuilt(bin);
        // The compiled-in key is its DER SubjectPublicKeyInfo (cmake/EmbedPublicKey.cmake): find it in the image.
        if (payload.AsSpan().IndexOf(mcubootKey.PublicKey.SubjectPublicKeyInfo) < 0)
            throw new BuildException($"{target} does not trust {keys.Mcuboot}: its MB_SIGNING_KEY is another key " +
                "(the build passes --mcuboot-key as -DMB_SIGNING_KEY; was the cortex-m33 tree configured by hand?)");
        byte[] signed;
        try
        {
            signed = B0Image.Sign(payload, image.Address, b0Key, (uint)version);
        }
        catch (ImageTool.ToolException e)
        {
            throw new BuildException($"{target} for {slot}: {e.Message}");
        }
        FirmwareFile.Write(hex, signed, image.Address);
        Log.Step($"{Path.GetRelativePath(Repo.Root, hex)}: {target} at 0x{image.Address:X8}, fw_info version {version}");

        var flash = t.MemoryOf(t[slot]);
        var options = new SignOptions
        {
            Version = ImageVersion.Parse(BootloaderVersion.McubootHeaderVersion(version)),
            HeaderSize = (int)t[slot + "_pad"].Size,
            PadHeader = true,
            Align = (int)flash.WriteUnit,
            MaxAlign = (int)PartitionTable.MaxAlign,
            MaxSectors = t.Swap.MaxSectors,
            // Updates are staged in the secondary slot with their trailer.
            SlotSize = t["mcuboot_secondary"].Size,
        };
        ImageSigner.Sign(new FirmwareData(signed, image.Address), options, mcubootKey).Save(update, null);
        Log.Step($"{Path.GetRelativePath(Repo.Root, update)}: MCUboot image {t.Image("bootloader").Number}, version {options.Version}");
    }

    private static void WriteBootloaderZip()
    {
        PackageInput Input(string slot) =>
            new(Path.GetFileName(Update(slot)), File.ReadAllBytes(Update(slot)), new DateTimeOffset(File.GetLastWriteTimeUtc(Update(slot))).ToUnixTimeSeconds());
        var target = new PackageTarget("nrf5340dk/nrf5340/cpuapp", "nrf5340", "bootloader", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        File.WriteAllBytes(BootloaderZip, DfuPackage.Bootloader(target, Input("s0"), Input("s1")));
        Log.Step($"{Path.GetRelativePath(Repo.Root, BootloaderZip)}: the S0 and S1 updates with manifest.json");
    }

    /// <summary>app_an505 is linked behind its header room (mcuboot_primary's link offset): signed with --pad-header.</summary>
    private static void WriteApp(PartitionTable t, PrivateKey mcubootKey)
    {
        var secondary = t["mcuboot_secondary"];
        var primary = t["mcuboot_primary"];
        var app = Built("app_an505", ".bin");
        SignApp(t, app, "1.0.0", pad: false, mcubootKey).Save(App, null);
        Log.Step($"{Path.GetRelativePath(Repo.Root, App)}: app_an505 at 0x{primary.Address:X8}, MCUboot image 0, version 1.0.0");
        SignApp(t, app, "2.0.0", pad: true, mcubootKey).Save(AppUpdate, secondary.Address);
        Log.Step($"{Path.GetRelativePath(Repo.Root, AppUpdate)}: app_an505 at 0x{secondary.Address:X8}, version 2.0.0, pending test swap");
        SignApp(t, Built("nfclr_an505", ".bin"), "1.0.0", pad: false, mcubootKey).Save(ClrApp, null);
        Log.Step($"{Path.GetRelativePath(Repo.Root, ClrApp)}: nfclr_an505 at 0x{primary.Address:X8}, MCUboot image 0, version 1.0.0");
    }

    /// <summary>An app binary linked behind mcuboot_primary's header room, signed as MCUboot image 0 (pad: with a test trailer).</summary>
    public static SignedImage SignApp(PartitionTable t, string bin, string version, bool pad, PrivateKey mcubootKey)
    {
        var primary = t["mcuboot_primary"];
        var headerSize = primary.Link?.Offset ?? throw new BuildException("mcuboot_primary has no link offset for the MCUboot header");
        var options = new SignOptions
        {
            Version = ImageVersion.Parse(version),
            HeaderSize = (int)headerSize,
            PadHeader = true,
            Align = (int)t.MemoryOf(primary).WriteUnit,
            MaxAlign = (int)PartitionTable.MaxAlign,
            MaxSectors = t.Swap.MaxSectors,
            SlotSize = primary.Size,
            Pad = pad,
        };
        return ImageSigner.Sign(new FirmwareData(ReadBuilt(bin), primary.Address + headerSize), options, mcubootKey);
    }

    private static byte[] ReadBuilt(string bin) =>
        File.Exists(bin) ? File.ReadAllBytes(bin)
            : throw new BuildException($"{bin} is missing: the cortex-m33 build did not link {Path.GetFileNameWithoutExtension(bin)}");
}
