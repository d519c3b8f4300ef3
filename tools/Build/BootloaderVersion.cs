namespace Nrf5340Sdk.Build;

/// <summary>
/// bootloader/VERSION: one integer that becomes both the fw_info version b0 compares and the MCUboot header
/// version (N.0.0+0) of the S0/S1 update images, so the two can never disagree.
/// </summary>
public static class BootloaderVersion
{
    public static string FilePath => Path.Combine(Repo.Root, "bootloader", "VERSION");

    public static int Read()
    {
        var text = File.ReadAllText(FilePath).Trim();
        // b0's monotonic counter stores (version << 1) | slot in 16 bits, so versions are 15-bit.
        if (!int.TryParse(text, out var v) || v < 1 || v > 32766)
            throw new BuildException($"{FilePath}: '{text}' is not a bootloader version (an integer 1..32766)");
        return v;
    }

    public static string McubootHeaderVersion(int version) => $"{version}.0.0+0";
}
