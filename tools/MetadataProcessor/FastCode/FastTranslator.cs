using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using MetadataProcessor.Conversion;
using MetadataProcessor.Format;
using MetadataProcessor.Il;

namespace MetadataProcessor.FastCode;

/// <summary>A translated body: the bytes for table 9 and the temporaries it uses (the MethodDef's max_stack).</summary>
internal sealed record FastBody(byte[] Bytes, int Temps);

/// <summary>
/// Translates one IL body into fast code (DEPLOYMENT_FORMAT.md, "Fast code") with a symbolic evaluation stack:
/// loads of arguments, locals and constants stay operands until an instruction consumes them; stack entry d
/// lives in register arg_count + local_count + d whenever it has to be in a register (at branches, labels and
/// before instructions that call or allocate). A store of the value the last instruction produced retargets
/// that instruction. Anything fast code cannot hold (int64, floating point, structs, byrefs, EH) throws
/// <see cref="NotTranslatableException"/>: the body stays IL.
/// </summary>
internal sealed partial class FastTranslator
{
    private enum EntryKind { Register, Constant, Null }

    /// <summary>A stack value: a register, an int32 constant or null, of its type (a small-integer type when the
    /// value is known to be in its range: it needs no conversion to be stored as one).</summary>
    private readonly record struct Entry(Slot Type, EntryKind Kind, int Value);

    private readonly SlotTypes _types;
    private readonly MetadataReader _md;
    private readonly byte[] _il;        // as compiled: tokens of the input metadata, for types and signatures
    private readonly byte[] _deployed;  // tokens rewritten for the deployment: what the instructions carry
    private readonly Slot[] _args;
    private readonly Slot[] _locals;
    private readonly Slot? _return;
    private readonly int _firstTemp;
    private readonly FastCodeWriter _out;
    private readonly List<Entry> _stack = [];
    private readonly Dictionary<int, Slot[]> _states = [];
    private readonly HashSet<int> _targets = [];
    private readonly HashSet<int> _backwardTargets = [];
    /// <summary>The instruction that just produced the top of the stack into its temporary: where its destination
    /// register is and where it ends (a store right after it retargets it).</summary>
    private (int DestinationAt, int End)? _producer;

    private FastTranslator(SlotTypes types, MethodDefinition method, byte[] il, byte[] deployed, IReadOnlyList<SigType> locals)
    {
        _types = types;
        _md = types.Assembly.Metadata;
        _il = il;
        _deployed = deployed;
        if ((method.ImplAttributes & MethodImplAttributes.Synchronized) != 0)
            throw new NotTranslatableException("synchronized method");
        if (_types.IsValueType(method.GetDeclaringType()) != false)
            throw new NotTranslatableException("method of a value type");
        var sig = ReadSignature(method.Signature);
        _return = ReturnSlot(sig);
        var args = new List<Slot>();
        if (sig.HasThis)
            args.Add(Slot.Ref);
        args.AddRange(sig.Parameters.Select(p => SlotOf(p, "parameter")));
        _args = [.. args];
        _locals = [.. locals.Select(l => SlotOf(l, "local"))];
        _firstTemp = _args.Length + _locals.Length;
        _out = new FastCodeWriter(_firstTemp);
    }

    public static FastBody Translate(SlotTypes types, MethodDefinition method, byte[] il, byte[] deployed, IReadOnlyList<SigType> locals)
    {
        var translator = new FastTranslator(types, method, il, deployed, locals);
        translator.Run();
        var kinds = translator._locals.Select(l => l.IsRef ? LocalKind.Null : LocalKind.Int).ToList();
        byte[] bytes = translator._out.Finish(kinds);
        if (translator._firstTemp + translator._out.Temps > byte.MaxValue)
            throw new NotTranslatableException("more than 255 registers");
        return new FastBody(bytes, translator._out.Temps);
    }

    private static class LocalKind
    {
        public const byte Int = 1;
        public const byte Null = 6;
    }

    private void Run()
    {
        if (_il.Length > ushort.MaxValue)
            throw new NotTranslatableException("IL over 65,535 bytes (the map holds 16-bit IL offsets)");
        var instructions = IlDecoder.Decode(_il).ToList();
        FindTargets(instructions);
        for (int a = 0; a < _args.Length; a++)
            if (_args[a].Narrow is { } narrow)
                _out.Emit(narrow, a, a);

        bool reachable = true;
        foreach (var ins in instructions)
        {
            if (_targets.Contains(ins.Offset))
                EnterLabel(ins.Offset, reachable);
            else if (!reachable)
                _stack.Clear(); // ECMA-335 III.1.7.5: after an unconditional branch the stack is empty
            reachable = true;
            if (!Translate(ins))
                reachable = false;
        }
    }

    private void FindTargets(List<Instruction> instructions)
    {
        foreach (var ins in instructions)
            foreach (int target in BranchTargets(ins))
            {
                _targets.Add(target);
                if (target <= ins.Offset)
                    _backwardTargets.Add(target);
            }
    }

    private IEnumerable<int> BranchTargets(Instruction ins)
    {
        var o = _il.AsSpan(ins.OperandOffset);
        switch (ins.OpCode.Operand)
        {
            case Operand.Branch8:
                return [ins.End + (sbyte)o[0]];
            case Operand.Branch32:
                return [ins.End + BinaryPrimitives.ReadInt32LittleEndian(o)];
            case Operand.Switch:
                int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(o);
                var targets = new int[count];
                for (int k = 0; k < count; k++)
                    targets[k] = ins.End + BinaryPrimitives.ReadInt32LittleEndian(_il.AsSpan(ins.OperandOffset + 4 + 4 * k));
                return targets;
            default:
                return [];
        }
    }

    /// <summary>A branch target: the stack is in its temporaries, of the types every way in agrees on.</summary>
    private void EnterLabel(int offset, bool fallsThrough)
    {
        if (fallsThrough)
        {
            MaterialiseAll();
            Merge(offset);
            for (int d = 0; d < _stack.Count; d++) // other ways in may bring any int32
                _stack[d] = _stack[d] with { Type = _stack[d].Type.Widened };
        }
        else
        {
            _stack.Clear();
            if (_states.TryGetValue(offset, out var state))
                for (int d = 0; d < state.Length; d++)
                    _stack.Add(new Entry(state[d], EntryKind.Register, Temp(d)));
            _states[offset] = StackTypes();
        }
        if (_backwardTargets.Contains(offset) && _stack.Count > 0)
            throw new NotTranslatableException($"a value on the stack at IL_{offset:x4}, the target of a backward branch");
        _out.Label(offset);
        _producer = null;
    }

    /// <summary>The stack (already in its temporaries) flows to <paramref name="target"/>: the same depth and types
    /// as every other way there.</summary>
    private void Merge(int target)
    {
        var types = StackTypes();
        if (_states.TryGetValue(target, out var known))
        {
            if (!known.SequenceEqual(types))
                throw new NotTranslatableException($"the stack at IL_{target:x4} differs between the ways into it");
        }
        else
        {
            _states[target] = types;
        }
    }

    private Slot[] StackTypes() => [.. _stack.Select(e => e.Type.Widened)];

    private int Temp(int depth) => _firstTemp + depth;

    private int Depth => _stack.Count;

    private Entry Pop()
    {
        if (_stack.Count == 0)
            throw new NotTranslatableException("stack underflow");
        var top = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return top;
    }

    private Entry PopInt() => Pop() is { Type.IsRef: false } e ? e : throw new NotTranslatableException("an object reference where IL takes an int32");

    private Entry PopRef() => Pop() is { Type.IsRef: true } e ? e : throw new NotTranslatableException("an int32 where IL takes an object reference");

    private void Push(Entry e) => _stack.Add(e);

    /// <summary>The register holding <paramref name="e"/>, which sat at <paramref name="depth"/>: a constant or null
    /// is loaded into that depth's temporary.</summary>
    private int Reg(Entry e, int depth)
    {
        switch (e.Kind)
        {
            case EntryKind.Register:
                return e.Value;
            case EntryKind.Constant:
                _out.Emit("LDC", Temp(depth), e.Value);
                return Temp(depth);
            default:
                _out.Emit("LDNULL", Temp(depth));
                return Temp(depth);
        }
    }

    /// <summary>Emits an instruction whose first operand is the destination <see cref="Temp"/>(<see cref="Depth"/>)
    /// and pushes its result there.</summary>
    private int Produce(Slot type, string name, params int[] operands)
    {
        int start = _out.Emit(name, [Temp(Depth), .. operands]);
        _producer = (start + 1, _out.Length);
        Push(new Entry(type, EntryKind.Register, Temp(Depth)));
        return start;
    }

    /// <summary>Every stack entry into its own temporary.</summary>
    private void MaterialiseAll()
    {
        for (int d = 0; d < _stack.Count; d++)
            Materialise(d);
    }

    private void Materialise(int d)
    {
        var e = _stack[d];
        if (e.Kind == EntryKind.Register && e.Value == Temp(d))
            return;
        if (e.Kind == EntryKind.Register)
            _out.Emit("MOV", Temp(d), e.Value);
        else
            Reg(e, d);
        _stack[d] = e with { Kind = EntryKind.Register, Value = Temp(d) };
    }

    /// <summary>Stores the top of the stack into argument or local <paramref name="register"/> of type <paramref name="type"/>.</summary>
    private void Store(int register, Slot type)
    {
        var value = Pop();
        if (value.Type.IsRef != type.IsRef)
            throw new NotTranslatableException("a store of the wrong kind of value");
        var producer = _producer;
        for (int d = 0; d < _stack.Count; d++) // pending loads of the old value keep it
            if (_stack[d] is { Kind: EntryKind.Register } e && e.Value == register)
                Materialise(d);
        if (value.Kind == EntryKind.Constant)
            _out.Emit("LDC", register, Narrow(type, value.Value));
        else if (value.Kind == EntryKind.Null)
            _out.Emit("LDNULL", register);
        else if (!value.Type.FitsIn(type))
            _out.Emit(type.Narrow!, register, value.Value);
        else if (producer is { } p && p.End == _out.Length && value.Value == Temp(Depth))
            _out.Patch(p.DestinationAt, register);
        else if (value.Value != register)
            _out.Emit("MOV", register, value.Value);
        _producer = null;
    }

    private static int Narrow(Slot type, int value) => type.Narrow switch
    {
        "CONV_I1" => (sbyte)value,
        "CONV_U1" => (byte)value,
        "CONV_I2" => (short)value,
        "CONV_U2" => (ushort)value,
        _ => value,
    };

    private MethodSig ReadSignature(BlobHandle blob)
    {
        try
        {
            return EcmaSignatureReader.ReadMethod(_md, blob);
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            throw new NotTranslatableException(e.Message);
        }
    }

    private Slot? ReturnSlot(MethodSig sig) =>
        sig.Return is SigType.Primitive { ElementType: ElementType.Void } ? null : SlotOf(sig.Return, "return");

    private Slot SlotOf(SigType type, string what) =>
        _types.Of(type) ?? throw new NotTranslatableException($"{what} of type {TypeNames.Describe(_md, type)}");

    private EntityHandle Token(Instruction ins) =>
        MetadataTokens.EntityHandle(BinaryPrimitives.ReadInt32LittleEndian(_il.AsSpan(ins.OperandOffset)));

    private int DeployedToken(Instruction ins) => BinaryPrimitives.ReadInt32LittleEndian(_deployed.AsSpan(ins.OperandOffset));
}
