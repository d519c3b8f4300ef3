using MetadataProcessor.Dump;

namespace MetadataProcessor.Tests.Support;

/// <summary>Methods of a compiled program as the dump disassembles them: the fast code of one method, one
/// instruction a line without its offset, or null when its body stayed IL.</summary>
public static class FastCodeOf
{
    /// <summary>Compiles <c>public class Program { members }</c> (and <paramref name="extra"/> beside it) and builds
    /// it with fast code.</summary>
    public static string Dump(string members, string extra = "") =>
        ImageDump.Format(Processor.Build(TestCompiler.Mscorlib, TestCompiler.App(
            $"using System;\npublic class Program\n{{\n    public static void Main() {{ }}\n{members}\n}}\n{extra}")));

    /// <summary>The dump lines of method <paramref name="method"/> of Program (header excluded), with offsets.</summary>
    public static List<string>? Lines(string dump, string method, string type = "Program")
    {
        var lines = dump.Split('\n');
        int header = Array.FindIndex(lines, l => l.Contains($"] {type}::{method}  "));
        Assert.True(header >= 0, $"no method {type}::{method} in the dump");
        if (!lines[header].Contains(" impl 0x0002") && !System.Text.RegularExpressions.Regex.IsMatch(lines[header], @" impl 0x\w\w\w[26ae]"))
            return null;
        var body = new List<string>();
        for (int i = header + 1; i < lines.Length && lines[i].StartsWith("        ", StringComparison.Ordinal); i++)
            body.Add(lines[i].Trim());
        return body;
    }

    /// <summary>The instructions of the method without offsets, e.g. "ADD_IMM l0, a0, 3"; null when it stayed IL.</summary>
    public static List<string>? Instructions(string dump, string method, string type = "Program") =>
        Lines(dump, method, type)?.Where(l => l.Length > 6 && l[4] == ':' && !l.StartsWith("map", StringComparison.Ordinal))
            .Select(l => l[6..]).ToList();

    /// <summary>Mnemonics only.</summary>
    public static List<string>? Ops(string dump, string method, string type = "Program") =>
        Instructions(dump, method, type)?.Select(i => i.Split(' ')[0]).ToList();
}
