using System.Buffers.Binary;

namespace MetadataProcessor.FastCode;

/// <summary>
/// A fast body (DEPLOYMENT_FORMAT.md, "Fast code") as text, one line per instruction: <c>000c: ADD_IMM l0, a1, 3</c>,
/// registers named a (argument), l (local) and t (temporary), branch targets as code offsets, then the local kinds
/// and the map. A body that does not parse ends with a line saying where.
/// </summary>
public static class FastDisassembler
{
    public static IReadOnlyList<string> Lines(ReadOnlySpan<byte> body, int argCount, int localCount, Func<uint, string> token)
    {
        var lines = new List<string>();
        if (body.Length < 4 + localCount)
            return ["fast body shorter than its header"];
        int codeSize = BinaryPrimitives.ReadUInt16LittleEndian(body);
        int mapSize = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var kinds = body.Slice(4, localCount).ToArray();
        lines.Add($"fast code {codeSize} bytes, locals [{string.Join(", ", kinds.Select(k => k switch { 1 => "int", 6 => "ref", _ => $"?{k}" }))}]");
        int codeStart = 4 + localCount;
        if (body.Length < codeStart + codeSize + mapSize)
        {
            lines.Add("fast body shorter than its code and map");
            return lines;
        }
        var code = body.Slice(codeStart, codeSize);
        string Register(byte r) => r < argCount ? $"a{r}" : r < argCount + localCount ? $"l{r - argCount}" : $"t{r - argCount - localCount}";
        int pos = 0;
        while (pos < code.Length)
        {
            int start = pos;
            var op = FastOps.Find(code[pos++]);
            if (op is null)
            {
                lines.Add($"{start:x4}: unknown opcode 0x{code[start]:x2}");
                return lines;
            }
            var operands = new List<string>();
            foreach (char letter in op.Operands)
            {
                int size = FastOp.Size(letter);
                if (pos + size > code.Length)
                {
                    lines.Add($"{start:x4}: {op.Name} runs past the end of the code");
                    return lines;
                }
                var o = code[pos..];
                switch (letter)
                {
                    case 'r': operands.Add(Register(o[0])); break;
                    case 'n': operands.Add($"n={o[0]}"); break;
                    case 'p': operands.Add($"p={o[0]}"); break;
                    case 'i': operands.Add(BinaryPrimitives.ReadInt32LittleEndian(o).ToString()); break;
                    case 'k': operands.Add(token(BinaryPrimitives.ReadUInt32LittleEndian(o))); break;
                    case 't': operands.Add($"{BinaryPrimitives.ReadUInt16LittleEndian(o):x4}"); break;
                    case 'w':
                        int count = BinaryPrimitives.ReadUInt16LittleEndian(o);
                        if (pos + 2 + 2 * count > code.Length)
                        {
                            lines.Add($"{start:x4}: {op.Name} table runs past the end of the code");
                            return lines;
                        }
                        var targets = new List<string>();
                        for (int k = 0; k < count; k++)
                            targets.Add($"{BinaryPrimitives.ReadUInt16LittleEndian(code[(pos + 2 + 2 * k)..]):x4}");
                        operands.Add($"({string.Join(", ", targets)})");
                        size = 2 + 2 * count;
                        break;
                }
                pos += size;
            }
            lines.Add($"{start:x4}: {op.Name}{(operands.Count > 0 ? " " + string.Join(", ", operands) : "")}");
        }
        var map = FastMap.Decode(body.Slice(codeStart + codeSize, mapSize));
        if (map is null)
            lines.Add("map does not parse");
        foreach (var (at, il) in map ?? [])
            lines.Add($"map {at:x4} IL_{il:x4}");
        return lines;
    }
}
