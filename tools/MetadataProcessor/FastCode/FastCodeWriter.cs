using System.Buffers.Binary;

namespace MetadataProcessor.FastCode;

/// <summary>
/// The bytes of one fast body as they are emitted: instructions with their operands (clr_fast_ops.def letters),
/// branch targets as IL offsets until every label's code offset is known, the map of code to IL offsets, and the
/// highest temporary used. <see cref="Finish"/> lays the body out as DEPLOYMENT_FORMAT.md's "Fast code" says.
/// </summary>
internal sealed class FastCodeWriter(int firstTemp)
{
    private readonly List<byte> _code = [];
    private readonly List<(int At, int IlTarget)> _fixups = [];
    private readonly Dictionary<int, int> _labels = [];
    private readonly List<(int Code, int Il)> _map = [];

    public int Length => _code.Count;
    /// <summary>Temporaries the code uses (the MethodDef's max_stack).</summary>
    public int Temps { get; private set; }

    public void Label(int ilOffset) => _labels[ilOffset] = _code.Count;

    public void UseTemps(int count) => Temps = Math.Max(Temps, count);

    /// <summary>Notes that the instruction starting at <paramref name="codeOffset"/> may throw, call or allocate.</summary>
    public void Map(int codeOffset, int ilOffset) => _map.Add((codeOffset, ilOffset));

    /// <summary>Emits one instruction; operands in letter order, a 't' as its IL target offset. Returns its start.</summary>
    public int Emit(string name, params int[] operands)
    {
        var op = FastOps.Get(name);
        if (operands.Length != op.Operands.Length)
            throw new InvalidOperationException($"{name} takes {op.Operands.Length} operands, not {operands.Length}");
        int start = _code.Count;
        _code.Add(op.Code);
        for (int i = 0; i < operands.Length; i++)
        {
            int value = operands[i];
            switch (op.Operands[i])
            {
                case 'r':
                    Register(value);
                    break;
                case 'n' or 'p':
                    _code.Add(checked((byte)value));
                    break;
                case 't':
                    _fixups.Add((_code.Count, value));
                    _code.Add(0);
                    _code.Add(0);
                    break;
                case 'i' or 'k':
                    for (int b = 0; b < 4; b++)
                        _code.Add((byte)(value >> (8 * b)));
                    break;
                default:
                    throw new InvalidOperationException($"{name}: operand '{op.Operands[i]}' is written by its own method");
            }
        }
        return start;
    }

    public int EmitSwitch(int register, IReadOnlyList<int> ilTargets)
    {
        int start = _code.Count;
        _code.Add(FastOps.Get("SWITCH").Code);
        Register(register);
        _code.Add((byte)ilTargets.Count);
        _code.Add((byte)(ilTargets.Count >> 8));
        foreach (int target in ilTargets)
        {
            _fixups.Add((_code.Count, target));
            _code.Add(0);
            _code.Add(0);
        }
        return start;
    }

    private void Register(int value)
    {
        if (value is < 0 or > byte.MaxValue)
            throw new NotTranslatableException("more than 255 registers");
        if (value >= firstTemp)
            UseTemps(value - firstTemp + 1);
        _code.Add((byte)value);
    }

    /// <summary>Points the register operand at <paramref name="at"/> elsewhere (retargeting a result).</summary>
    public void Patch(int at, int register) => _code[at] = (byte)register;

    public byte[] Finish(IReadOnlyList<byte> localKinds)
    {
        foreach (var (at, target) in _fixups)
        {
            if (!_labels.TryGetValue(target, out int codeOffset))
                throw new NotTranslatableException($"branch to IL_{target:x4}, which starts no translated instruction");
            _code[at] = (byte)codeOffset;
            _code[at + 1] = (byte)(codeOffset >> 8);
        }
        byte[] map = FastMap.Encode(_map);
        if (_code.Count > ushort.MaxValue || map.Length > ushort.MaxValue)
            throw new NotTranslatableException("fast code over 65,535 bytes");
        var body = new byte[4 + localKinds.Count + _code.Count + map.Length];
        var span = body.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)_code.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)map.Length);
        localKinds.ToArray().CopyTo(span[4..]);
        _code.ToArray().CopyTo(span[(4 + localKinds.Count)..]);
        map.CopyTo(span[(4 + localKinds.Count + _code.Count)..]);
        return body;
    }
}

/// <summary>A body fast code cannot express; it stays IL. The message says why.</summary>
internal sealed class NotTranslatableException(string why) : Exception(why);
