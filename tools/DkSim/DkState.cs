using ImageTool.Files;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.DkSim;

/// <summary>
/// The DK's persistent state in one folder: app-core flash, UICR OTP and retained RAM as the host simulator's raw
/// files, plus the MCUboot public key the second stage verifies with. Composed from the build once, as a factory
/// would program a new board; after that the DK's own writes are what persists.
/// </summary>
public sealed class DkState(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);
    public string Flash => Path.Combine(Folder, "flash.bin");
    public string Otp => Path.Combine(Folder, "otp.bin");
    public string Retained => Path.Combine(Folder, "retained.bin");
    public string McubootKey => Path.Combine(Folder, "mcuboot-key.der");

    /// <summary>Flash is written last, so a folder holding it holds a complete state.</summary>
    public bool Exists => File.Exists(Flash);

    /// <summary>
    /// Factory programming: b0's provisioning into OTP, the second stage into S0 (and the S1 copy), a signed
    /// app of appVersion in mcuboot_primary and the C# deployment in managed_deploy: the build's, or the
    /// deployment image given, signed as version 1.0.0.
    /// </summary>
    public void Compose(DkBuild build, string appVersion, TextWriter log, string? deployment = null)
    {
        var table = build.Table();
        var images = new DkImages(build);
        Directory.CreateDirectory(Folder);
        var flashMemory = table.MemoryOf(table["mcuboot_primary"]);
        var otpMemory = table.MemoryOf(table["provision"]);
        var flash = Erased(flashMemory.Size);
        var otp = Erased(otpMemory.Size);

        Program(otp, otpMemory, build.Artefact("provision.hex"), log);
        Program(flash, flashMemory, build.Artefact("mcuboot_an505_s0.hex"), log);
        Program(flash, flashMemory, build.Artefact("mcuboot_an505_s1.hex"), log);
        var app = images.App(appVersion);
        app.CopyTo(flash, table["mcuboot_primary"].Address - flashMemory.Base);
        log.WriteLine($"[dk] app image {appVersion} ({app.Length} bytes) at 0x{table["mcuboot_primary"].Address:x8}");
        if (deployment is null)
            Program(flash, flashMemory, build.Artefact("managed_deploy.signed.hex"), log);
        else
        {
            images.Deployment("1.0.0", deployment).CopyTo(flash, table["managed_deploy"].Address - flashMemory.Base);
            log.WriteLine($"[dk] {Path.GetFileName(deployment)} into managed_deploy");
        }

        File.WriteAllBytes(McubootKey, images.McubootPublicKeyDer());
        File.WriteAllBytes(Otp, otp);
        File.Delete(Retained);
        string temporary = Flash + ".new";
        File.WriteAllBytes(temporary, flash);
        File.Move(temporary, Flash, overwrite: true);
        log.WriteLine($"[dk] new DK state in {Folder}");
    }

    private static byte[] Erased(uint size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)0xFF);
        return bytes;
    }

    private static void Program(byte[] target, Memory memory, string hexPath, TextWriter log)
    {
        foreach (var segment in FirmwareFile.ReadHex(hexPath).Segments)
        {
            if (segment.Address < memory.Base || segment.End > memory.End)
                throw new DkException($"{hexPath}: 0x{segment.Address:x8}..0x{segment.End:x8} lies outside {memory.Name}");
            segment.Data.CopyTo(target, segment.Address - memory.Base);
        }
        log.WriteLine($"[dk] {Path.GetFileName(hexPath)} into {memory.Name}");
    }
}
