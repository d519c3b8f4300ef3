using System.CommandLine;
using MetadataProcessor.Dump;

namespace MetadataProcessor.Cli;

/// <summary>`dump image.bin`: the tables of a deployment image, readable.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var offset = new Option<string?>("--offset") { Description = "Where the deployment image starts in the file, e.g. 0x200 after an MCUboot header" };
        var image = new Argument<string>("image") { Description = "Deployment image written by build" };
        var command = new Command("dump", "Print every table of a deployment image: header, references, types, methods with IL, strings") { offset, image };
        command.SetAction(r =>
        {
            byte[] bytes = File.ReadAllBytes(r.GetValue(image)!);
            int start = ParseOffset(r.GetValue(offset));
            if (start > bytes.Length)
                throw new ToolException($"--offset 0x{start:x} is past the end of the file ({bytes.Length} bytes)");
            r.InvocationConfiguration.Output.Write(ImageDump.Format(bytes[start..]));
            return 0;
        });
        return command;
    }

    private static int ParseOffset(string? text)
    {
        if (text is null)
            return 0;
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (int.TryParse(hex ? text[2..] : text, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, null, out int value) && value >= 0)
            return value;
        throw new ToolException($"--offset {text} is not a byte offset (decimal or 0x-hex)");
    }
}
