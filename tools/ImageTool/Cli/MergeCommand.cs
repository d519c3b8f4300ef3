using System.CommandLine;
using ImageTool.Files;

namespace ImageTool.Cli;

/// <summary>`merge`: several .hex and .bin@ADDRESS inputs into one image; overlaps are refused.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Merged image (.hex, or .bin from the lowest address)", Required = true };
        var inputs = new Argument<string[]>("inputs") { Description = "FILE.hex or FILE.bin@ADDRESS", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Merge images into one, refusing overlaps") { output, inputs };
        command.SetAction(r =>
        {
            var merged = new MemoryImage();
            foreach (string spec in r.GetValue(inputs)!)
                merged.AddAll(Load(spec));
            FirmwareFile.Write(r.GetValue(output)!, merged);
            return 0;
        });
        return command;
    }

    public static MemoryImage Load(string spec)
    {
        int at = spec.LastIndexOf('@');
        if (at < 0)
        {
            if (!FirmwareFile.IsHex(spec))
                throw new ToolException($"{spec}: a binary input needs its address, as {spec}@0xADDRESS");
            return FirmwareFile.ReadHex(spec);
        }
        string path = spec[..at];
        if (FirmwareFile.IsHex(path))
            throw new ToolException($"{spec}: a hex file carries its own addresses; drop the @ADDRESS");
        return MemoryImage.FromBytes(CliNumbers.ParseUInt32(spec[(at + 1)..], spec), FirmwareFile.ReadBytes(path), path);
    }
}
