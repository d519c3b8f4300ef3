namespace Nrf5340Sdk.Build;

/// <summary>The defined symbols of an ELF file and their values, as arm-none-eabi-nm lists them.</summary>
public sealed class ElfSymbols(string elf, Dictionary<string, uint> symbols)
{
    public static ElfSymbols Read(string elf)
    {
        var listing = Shell.Capture("arm-none-eabi-nm", "--defined-only", elf)
            ?? throw new BuildException($"arm-none-eabi-nm cannot read {elf}: did the cortex-m33 build link it?");
        var symbols = new Dictionary<string, uint>();
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (line.Split(' ') is [var value, _, var name])
                symbols[name] = Convert.ToUInt32(value, 16);
        return new ElfSymbols(elf, symbols);
    }

    public uint Value(string name) =>
        symbols.TryGetValue(name, out var value) ? value
            : throw new BuildException($"{Path.GetFileName(elf)} defines no {name}: bootloader/ports/qemu-an505/an505_memory.ld states it");
}
