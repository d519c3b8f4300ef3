using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>
/// The C# application as the device holds it: the metadata processor turns the default app and our mscorlib into
/// a deployment image (nf-interpreter-port/clr/DEPLOYMENT_FORMAT.md), which is signed as MCUboot image 3 for the
/// managed_deploy partition (a .hex to flash, the same bytes as a .bin to upload over SMP).
/// </summary>
public static class ManagedDeployment
{
    const string App = "SampleApp";

    static string AppDir => Path.Combine(Repo.BuildDir, "dotnet", "bin", App, "Release", "net10.0");
    static string Processor => Path.Combine(Repo.BuildDir, "dotnet", "bin", "MetadataProcessor", "Release", "net10.0",
        "MetadataProcessor.dll");

    /// <summary>The deployment image alone, as the runtime reads it (nfclr_sim takes it directly).</summary>
    public static string Image => Path.Combine(Repo.ArtefactsDir, "managed_deploy.nfdeploy");

    /// <summary>MCUboot image 3 at managed_deploy: what a device holds, and what SMP uploads.</summary>
    public static string SignedHex => Path.Combine(Repo.ArtefactsDir, "managed_deploy.signed.hex");
    public static string SignedBin => Path.Combine(Repo.ArtefactsDir, "managed_deploy.signed.bin");

    /// <summary>The corlib's unit tests as a deployment (no Main: the runtime runs its tests), for the QEMU case.</summary>
    public static string TestsImage => Path.Combine(Repo.ArtefactsDir, "managed_tests.nfdeploy");
    public static string TestsSignedHex => Path.Combine(Repo.ArtefactsDir, "managed_tests.signed.hex");

    /// <summary>The Blinky sample (System.Device.Gpio) as a deployment, for the QEMU case that toggles the stand-in's LED1.</summary>
    public static string BlinkyImage => Path.Combine(Repo.ArtefactsDir, "blinky.nfdeploy");
    public static string BlinkySignedHex => Path.Combine(Repo.ArtefactsDir, "blinky.signed.hex");

    const string Blinky = "Blinky";
    static string BlinkyDir => Path.Combine(Repo.BuildDir, "dotnet", "bin", Blinky, "Release", "net10.0");

    const string Tests = "CoreLibrary.Tests";
    static string TestsDir => Path.Combine(Repo.BuildDir, "dotnet", "bin", Tests, "Release", "device");

    public static void Write(PartitionTable t, Keys keys)
    {
        Log.Section("C# deployment (managed_deploy, image 3)");
        Directory.CreateDirectory(Repo.ArtefactsDir);
        Deploy(t, keys, App, AppAssemblies(), Image, SignedHex, SignedBin);
        Deploy(t, keys, Tests, new[] { "mscorlib.dll", "nanoFramework.TestFramework.dll", $"{Tests}.dll" }
            .Select(f => Path.Combine(TestsDir, f)).ToList(), TestsImage, TestsSignedHex, null);
        Deploy(t, keys, Blinky, new[] { "mscorlib.dll", "System.Device.Gpio.dll", $"{Blinky}.dll" }
            .Select(f => Path.Combine(BlinkyDir, f)).ToList(), BlinkyImage, BlinkySignedHex, null);
    }

    /// <summary>mscorlib first, the app last, the libraries it uses (copied beside it by the C# build) in between.</summary>
    static List<string> AppAssemblies()
    {
        var libraries = Directory.GetFiles(AppDir, "*.dll").Select(Path.GetFileName)
            .Where(f => f != "mscorlib.dll" && f != $"{App}.dll").Order();
        return new[] { "mscorlib.dll" }.Concat(libraries).Append($"{App}.dll").Select(f => Path.Combine(AppDir, f!)).ToList();
    }

    /// <summary>The assemblies as one deployment image, signed as MCUboot image 3 for managed_deploy.</summary>
    static void Deploy(PartitionTable t, Keys keys, string name, IReadOnlyList<string> inputs, string image, string hex,
        string? bin)
    {
        foreach (var input in inputs.Append(Processor))
            if (!File.Exists(input))
                throw new BuildException($"{input} is missing: the C# build did not produce it");
        if (Shell.Run("dotnet", [Processor, "build", "--out", image, .. inputs]) != 0)
            throw new BuildException($"the metadata processor refused {name}: see the errors above");

        var partition = t["managed_deploy"];
        const int headerSize = 0x200; // the MCUboot header, as for every image
        var options = new SignOptions
        {
            Version = ImageVersion.Parse("1.0.0"),
            HeaderSize = headerSize,
            PadHeader = true,
            Align = (int)t.MemoryOf(partition).WriteUnit,
            MaxAlign = (int)PartitionTable.MaxAlign,
            MaxSectors = t.Swap.MaxSectors,
            SlotSize = partition.Size,
        };
        var signed = ImageSigner.Sign(new FirmwareData(File.ReadAllBytes(image), partition.Address + headerSize), options,
            KeyFile.LoadPrivate(keys.Mcuboot));
        signed.Save(hex, null);
        if (bin != null)
            signed.Save(bin, null);
        Log.Step($"{Path.GetRelativePath(Repo.Root, hex)}: {name} at 0x{partition.Address:X8}, " +
            $"MCUboot image {t.Image("managed").Number}, version {options.Version}");
    }
}
