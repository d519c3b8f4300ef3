using System.Text.RegularExpressions;

namespace MetadataProcessor.FastCode;

/// <summary>One fast-code instruction of clr_fast_ops.def: name, opcode byte and operand letters in encoding order.</summary>
public sealed record FastOp(string Name, byte Code, string Operands)
{
    /// <summary>Bytes of one operand letter (w is variable: its u16 count only).</summary>
    public static int Size(char letter) => letter switch
    {
        'r' or 'n' or 'p' => 1,
        't' or 'w' => 2,
        'i' or 'k' => 4,
        _ => throw new InvalidOperationException($"unknown fast-code operand letter '{letter}'"),
    };
}

/// <summary>
/// The fast-code instruction list, read from the runtime's clr_fast_ops.def (embedded in this assembly), so the
/// opcode numbers and operand layouts exist once for both the translator and the executor.
/// </summary>
public static partial class FastOps
{
    private static readonly Dictionary<string, FastOp> ByNameTable = Load();
    private static readonly Dictionary<byte, FastOp> ByCodeTable = ByNameTable.Values.ToDictionary(o => o.Code);

    public static IEnumerable<FastOp> All => ByCodeTable.Values.OrderBy(o => o.Code);

    public static FastOp Get(string name) => ByNameTable.TryGetValue(name, out var op)
        ? op : throw new InvalidOperationException($"clr_fast_ops.def has no instruction {name}");

    public static FastOp? Find(byte code) => ByCodeTable.GetValueOrDefault(code);

    [GeneratedRegex("""^FC_OP\((\w+),\s*0x([0-9A-Fa-f]{2}),\s*"([a-z]*)"\)""")]
    private static partial Regex OpLine();

    public static IReadOnlyList<FastOp> Parse(string text)
    {
        var ops = new List<FastOp>();
        foreach (string line in text.Split('\n'))
        {
            var m = OpLine().Match(line.Trim());
            if (!m.Success)
                continue;
            foreach (char letter in m.Groups[3].Value)
                FastOp.Size(letter); // refuses an unknown letter
            ops.Add(new FastOp(m.Groups[1].Value, Convert.ToByte(m.Groups[2].Value, 16), m.Groups[3].Value));
        }
        return ops;
    }

    private static Dictionary<string, FastOp> Load()
    {
        using var stream = typeof(FastOps).Assembly.GetManifestResourceStream("clr_fast_ops.def")
            ?? throw new InvalidOperationException("clr_fast_ops.def is not embedded in the metadata processor");
        var ops = Parse(new StreamReader(stream).ReadToEnd());
        if (ops.Select(o => o.Code).Distinct().Count() != ops.Count)
            throw new InvalidOperationException("clr_fast_ops.def gives two instructions the same code");
        return ops.ToDictionary(o => o.Name);
    }
}
