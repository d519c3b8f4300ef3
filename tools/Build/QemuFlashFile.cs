using ImageTool.Files;
using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>
/// The emulated DK's flash: one 16 MiB host file that QEMU maps onto the AN505's PSRAM (-machine memory-backend),
/// holding the app-core flash and the UICR OTP where the port's linker script says (an505_memory.ld, read from
/// b0_an505.elf). The firmware writes through to it, so it survives guest resets and QEMU restarts; the reset stub
/// copies its flash into the running copy at every reset.
/// </summary>
public sealed class QemuFlashFile
{
    readonly long flashOffset, otpOffset, size;
    readonly PartitionTable table;

    public QemuFlashFile(PartitionTable t)
    {
        table = t;
        var symbols = ElfSymbols.Read(FirmwareArtefacts.Built("b0_an505", ".elf"));
        long psram = symbols.Value("an505_psram");
        size = symbols.Value("an505_psram_size");
        flashOffset = symbols.Value("an505_flash_file_offset") + t.MemoryOf(t["b0"]).Base - psram;
        otpOffset = symbols.Value("an505_otp_offset") + t.MemoryOf(t["provision"]).Base - psram;
    }

    /// <summary>The reset stub QEMU loads (and re-loads at every reset) in front of the flash file.</summary>
    public static string ResetStub => FirmwareArtefacts.Built("an505_reset_stub", ".elf");

    /// <summary>A device as first flashed: b0 and the given signed images in an erased flash, the provisioning
    /// data in a blank OTP.</summary>
    public void WriteFirstFlash(string path, IEnumerable<FirmwareData> images)
    {
        var flash = table.MemoryOf(table["b0"]);
        var otp = table.MemoryOf(table["provision"]);
        var flashBytes = new byte[flash.Size];
        Array.Fill(flashBytes, (byte)0xFF);
        FirmwareFile.ReadBytes(FirmwareArtefacts.Built("b0_an505", ".bin")).CopyTo(flashBytes, table["b0"].Address - flash.Base);
        foreach (var image in images)
            image.Bytes.CopyTo(flashBytes, image.Address!.Value - flash.Base);
        Write(path, flashBytes, FirmwareFile.ReadHex(ProvisioningArtefact.FilePath).Slice(otp.Base, (int)otp.Size));
    }

    /// <summary>Writes a fresh flash file: the whole flash and the whole OTP. Sparse elsewhere: the rest of the
    /// PSRAM is never read.</summary>
    void Write(string path, byte[] flash, byte[] otp)
    {
        if (flash.Length != table.MemoryOf(table["b0"]).Size || otp.Length != table.MemoryOf(table["provision"]).Size)
            throw new BuildException($"{path}: the flash and OTP images must be whole memories");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(size);
        file.Position = flashOffset;
        file.Write(flash);
        file.Position = otpOffset;
        file.Write(otp);
    }

    /// <summary>QEMU's arguments for booting a flash file: the emulated DK's power-on.</summary>
    public static string[] QemuArguments(string flashFile) =>
    [
        "-M", "mps2-an505", "-nographic", "-semihosting-config", "enable=on,target=native",
        "-object", $"memory-backend-file,id=dkflash,size=16M,mem-path={flashFile},share=on",
        "-machine", "memory-backend=dkflash",
        "-device", $"loader,file={ResetStub}",
    ];
}
