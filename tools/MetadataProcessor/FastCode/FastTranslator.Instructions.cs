using System.Buffers.Binary;
using System.Reflection.Metadata;
using MetadataProcessor.Conversion;
using MetadataProcessor.Format;
using MetadataProcessor.Il;

namespace MetadataProcessor.FastCode;

/// <summary>The translation of each IL instruction.</summary>
internal sealed partial class FastTranslator
{
    private static readonly Dictionary<string, string> Binary = new()
    {
        ["add"] = "ADD", ["sub"] = "SUB", ["mul"] = "MUL", ["and"] = "AND", ["or"] = "OR", ["xor"] = "XOR",
        ["shl"] = "SHL", ["shr"] = "SHR", ["shr.un"] = "SHR_UN",
        ["div"] = "DIV", ["div.un"] = "DIV_UN", ["rem"] = "REM", ["rem.un"] = "REM_UN",
        ["ceq"] = "CEQ", ["cgt"] = "CGT", ["cgt.un"] = "CGT_UN", ["clt"] = "CLT", ["clt.un"] = "CLT_UN",
    };

    private static readonly HashSet<string> WithImmediate = ["ADD", "SUB", "MUL", "AND", "OR", "XOR", "SHL", "SHR", "SHR_UN"];
    private static readonly HashSet<string> Commutative = ["ADD", "MUL", "AND", "OR", "XOR"];

    /// <summary>IL compare-and-branch (short forms without ".s") → the fast condition, and the condition with the
    /// operands swapped.</summary>
    private static readonly Dictionary<string, (string Op, string Swapped)> Conditions = new()
    {
        ["beq"] = ("BEQ", "BEQ"), ["bne.un"] = ("BNE", "BNE"),
        ["blt"] = ("BLT", "BGT"), ["bgt"] = ("BGT", "BLT"), ["ble"] = ("BLE", "BGE"), ["bge"] = ("BGE", "BLE"),
        ["blt.un"] = ("BLT_UN", "BGT_UN"), ["bgt.un"] = ("BGT_UN", "BLT_UN"),
        ["ble.un"] = ("BLE_UN", "BGE_UN"), ["bge.un"] = ("BGE_UN", "BLE_UN"),
    };

    private static readonly Dictionary<string, (string Op, bool IsRef)> LoadElement = new()
    {
        ["ldelem.i1"] = ("LDELEM_I1", false), ["ldelem.u1"] = ("LDELEM_U1", false), ["ldelem.i2"] = ("LDELEM_I2", false),
        ["ldelem.u2"] = ("LDELEM_U2", false), ["ldelem.i4"] = ("LDELEM_I4", false), ["ldelem.u4"] = ("LDELEM_I4", false),
        ["ldelem.ref"] = ("LDELEM_REF", true),
    };

    private static readonly Dictionary<string, (string Op, bool IsRef)> StoreElement = new()
    {
        ["stelem.i1"] = ("STELEM_I1", false), ["stelem.i2"] = ("STELEM_I2", false), ["stelem.i4"] = ("STELEM_I4", false),
        ["stelem.ref"] = ("STELEM_REF", true),
    };

    private static readonly Dictionary<string, string> Conversions = new()
    {
        ["conv.i1"] = "CONV_I1", ["conv.u1"] = "CONV_U1", ["conv.i2"] = "CONV_I2", ["conv.u2"] = "CONV_U2",
    };

    /// <summary>IL offset of the instruction being translated (for the map).</summary>
    private int _current;

    /// <summary>Translates <paramref name="ins"/>. False when control does not fall through to the next instruction.</summary>
    private bool Translate(Instruction ins)
    {
        _current = ins.Offset;
        string name = ins.OpCode.Name;
        string bare = name.EndsWith(".s", StringComparison.Ordinal) && ins.OpCode.Operand is Operand.Branch8 ? name[..^2] : name;
        if (LoadOrStore(ins, bare))
            return true;
        if (Binary.TryGetValue(bare, out string? op))
        {
            BinaryOp(op);
            return true;
        }
        if (Conditions.TryGetValue(bare, out var condition))
        {
            CompareAndBranch(condition, BranchTargets(ins).Single());
            return true;
        }
        if (LoadElement.TryGetValue(bare, out var load))
        {
            var index = PopInt();
            var array = PopRef();
            int start = Produce(load.IsRef ? Slot.Ref : Slot.Int, load.Op, Reg(array, Depth), Reg(index, Depth + 1));
            _out.Map(start, ins.Offset);
            return true;
        }
        if (StoreElement.TryGetValue(bare, out var store))
        {
            var value = Pop();
            if (value.Type.IsRef != store.IsRef)
                throw new NotTranslatableException($"{name} of the wrong kind of value");
            var index = PopInt();
            var array = PopRef();
            _out.Map(_out.Emit(store.Op, Reg(array, Depth), Reg(index, Depth + 1), Reg(value, Depth + 2)), ins.Offset);
            _producer = null;
            return true;
        }
        if (Conversions.TryGetValue(bare, out string? conv))
        {
            var value = PopInt();
            var narrow = new Slot(false, conv);
            if (value.Kind == EntryKind.Constant)
                Push(value with { Value = Narrow(narrow, value.Value) });
            else if (value.Type.FitsIn(narrow))
                Push(value with { Type = narrow }); // already in range
            else
                Produce(narrow, conv, value.Value);
            return true;
        }
        switch (bare)
        {
            case "nop" or "volatile." or "readonly." or "tail.":
                return true;
            case "conv.i4" or "conv.u4":
                Push(PopInt()); // int32 to int32: nothing to do, but the value must be one
                return true;
            case "dup":
                var top = Pop();
                Push(top);
                Push(top);
                _producer = null;
                return true;
            case "pop":
                Pop();
                _producer = null;
                return true;
            case "neg" or "not":
                var operand = PopInt();
                Produce(Slot.Int, bare == "neg" ? "NEG" : "NOT", Reg(operand, Depth));
                return true;
            case "br":
                MaterialiseAll();
                int target = BranchTargets(ins).Single();
                Merge(target);
                _out.Emit("BR", target);
                return false;
            case "brtrue" or "brfalse":
                var condValue = Pop();
                MaterialiseAll();
                int to = BranchTargets(ins).Single();
                Merge(to);
                _out.Emit((bare == "brtrue" ? "BRTRUE" : "BRFALSE") + (condValue.Type.IsRef ? "_O" : ""), Reg(condValue, Depth), to);
                _producer = null;
                return true;
            case "switch":
                var selector = PopInt();
                MaterialiseAll();
                var targets = BranchTargets(ins).ToList();
                if (targets.Count > ushort.MaxValue)
                    throw new NotTranslatableException("switch with over 65,535 targets");
                foreach (int t in targets)
                    Merge(t);
                _out.EmitSwitch(Reg(selector, Depth), targets);
                _producer = null;
                return true;
            case "ret":
                Return();
                return false;
            case "throw":
                var thrown = PopRef();
                _out.Map(_out.Emit("THROW", Reg(thrown, Depth)), ins.Offset);
                return false;
            case "ldlen": // a native int, which is int32 on the device: the conv.i4 that usually follows costs nothing
                var lengthOf = PopRef();
                _out.Map(Produce(Slot.Int, "LDLEN", Reg(lengthOf, Depth)), ins.Offset);
                return true;
            case "ldfld":
            {
                var field = FieldSlot(ins);
                var obj = PopRef();
                _out.Map(Produce(field, "LDFLD", Reg(obj, Depth), DeployedToken(ins)), ins.Offset);
                return true;
            }
            case "stfld":
            {
                var field = FieldSlot(ins);
                var value = Pop();
                if (value.Type.IsRef != field.IsRef)
                    throw new NotTranslatableException("stfld of the wrong kind of value");
                var obj = PopRef();
                _out.Map(_out.Emit("STFLD", Reg(obj, Depth), Reg(value, Depth + 1), DeployedToken(ins)), ins.Offset);
                _producer = null;
                return true;
            }
            case "ldsfld":
            {
                var field = FieldSlot(ins);
                MaterialiseAll();
                _out.Map(Produce(field, "LDSFLD", DeployedToken(ins), Live()), ins.Offset);
                return true;
            }
            case "stsfld":
            {
                var field = FieldSlot(ins);
                if (_stack.Count == 0 || _stack[^1].Type.IsRef != field.IsRef)
                    throw new NotTranslatableException("stsfld of the wrong kind of value");
                MaterialiseAll(); // the value too: it is live while the field's type is initialised
                int value = Temp(Depth - 1);
                if (!_stack[^1].Type.FitsIn(field))
                    _out.Emit(field.Narrow!, value, value);
                _out.Map(_out.Emit("STSFLD", value, DeployedToken(ins), Live()), ins.Offset);
                Pop();
                _producer = null;
                return true;
            }
            case "newarr":
                if (_stack.Count == 0 || _stack[^1].Type.IsRef)
                    throw new NotTranslatableException("newarr of a non-int32 length");
                MaterialiseAll();
                Pop();
                _out.Map(Produce(Slot.Ref, "NEWARR", Temp(Depth), DeployedToken(ins), Live()), ins.Offset);
                return true;
            case "ldstr":
                MaterialiseAll();
                _out.Map(Produce(Slot.Ref, "LDSTR", DeployedToken(ins), Live()), ins.Offset);
                return true;
            case "box":
                if (TypeSlot(ins) is not { IsRef: false } || _stack.Count == 0 || _stack[^1].Type.IsRef)
                    throw new NotTranslatableException("box of a type other than an int32-sized primitive or enum");
                MaterialiseAll();
                Pop();
                _out.Map(Produce(Slot.Ref, "BOX", Temp(Depth), DeployedToken(ins), Live()), ins.Offset);
                return true;
            case "unbox.any":
            {
                var type = TypeSlot(ins) ?? throw new NotTranslatableException("unbox.any to a struct");
                var boxed = PopRef();
                _out.Map(Produce(type, type.IsRef ? "CASTCLASS" : "UNBOX_ANY", Reg(boxed, Depth), DeployedToken(ins)), ins.Offset);
                return true;
            }
            case "castclass" or "isinst":
            {
                if (Token(ins).Kind == HandleKind.TypeSpecification || TypeSlot(ins) is not { IsRef: true })
                    throw new NotTranslatableException($"{bare} to an array or value type");
                var obj = PopRef();
                int start = Produce(Slot.Ref, bare == "castclass" ? "CASTCLASS" : "ISINST", Reg(obj, Depth), DeployedToken(ins));
                if (bare == "castclass")
                    _out.Map(start, ins.Offset);
                return true;
            }
            case "call" or "callvirt" or "newobj":
                Call(ins, bare);
                return true;
            default:
                throw new NotTranslatableException($"IL instruction {name}");
        }
    }

    /// <summary>ldarg/ldloc/ldc/ldnull push operands without code; starg/stloc store (<see cref="Store"/>).</summary>
    private bool LoadOrStore(Instruction ins, string name)
    {
        var o = _il.AsSpan(ins.OperandOffset);
        int index = ins.OpCode.Operand switch
        {
            Operand.Var8 => o[0],
            Operand.Var16 => BinaryPrimitives.ReadUInt16LittleEndian(o),
            _ => 0,
        };
        switch (name)
        {
            case "ldarg.0" or "ldarg.1" or "ldarg.2" or "ldarg.3":
                LoadVariable(name[^1] - '0', _args, 0);
                return true;
            case "ldloc.0" or "ldloc.1" or "ldloc.2" or "ldloc.3":
                LoadVariable(name[^1] - '0', _locals, _args.Length);
                return true;
            case "ldarg.s" or "ldarg":
                LoadVariable(index, _args, 0);
                return true;
            case "ldloc.s" or "ldloc":
                LoadVariable(index, _locals, _args.Length);
                return true;
            case "stloc.0" or "stloc.1" or "stloc.2" or "stloc.3":
                StoreVariable(name[^1] - '0', _locals, _args.Length);
                return true;
            case "stloc.s" or "stloc":
                StoreVariable(index, _locals, _args.Length);
                return true;
            case "starg.s" or "starg":
                StoreVariable(index, _args, 0);
                return true;
            case "ldnull":
                Push(new Entry(Slot.Ref, EntryKind.Null, 0));
                return true;
            case "ldc.i4.m1":
                PushConstant(-1);
                return true;
            case "ldc.i4.s":
                PushConstant((sbyte)o[0]);
                return true;
            case "ldc.i4":
                PushConstant(BinaryPrimitives.ReadInt32LittleEndian(o));
                return true;
            default:
                if (name.StartsWith("ldc.i4.", StringComparison.Ordinal) && name.Length == 8 && char.IsDigit(name[^1]))
                {
                    PushConstant(name[^1] - '0');
                    return true;
                }
                return false;
        }
    }

    private void PushConstant(int value)
    {
        Push(new Entry(Slot.Int, EntryKind.Constant, value));
        _producer = null;
    }

    private void LoadVariable(int index, Slot[] variables, int firstRegister)
    {
        if (index >= variables.Length)
            throw new NotTranslatableException($"variable {index} out of range");
        Push(new Entry(variables[index], EntryKind.Register, firstRegister + index)); // kept in range by every store
        _producer = null;
    }

    private void StoreVariable(int index, Slot[] variables, int firstRegister)
    {
        if (index >= variables.Length)
            throw new NotTranslatableException($"variable {index} out of range");
        Store(firstRegister + index, variables[index]);
    }

    /// <summary>Arithmetic and comparisons: an _IMM form when the right operand (or, for commutative operations,
    /// the left one) is a constant; references compare with CEQ_O, and cgt.un against null is CNE_O.</summary>
    private void BinaryOp(string op)
    {
        var right = Pop();
        var left = Pop();
        int d = Depth;
        if (left.Type.IsRef || right.Type.IsRef)
        {
            string refOp = op switch
            {
                "CEQ" when left.Type.IsRef && right.Type.IsRef => "CEQ_O",
                "CGT_UN" when left.Type.IsRef && right.Kind == EntryKind.Null => "CNE_O",
                _ => throw new NotTranslatableException($"{op} on object references"),
            };
            Produce(Slot.Bool, refOp, Reg(left, d), Reg(right, d + 1));
            return;
        }
        var result = op.StartsWith('C') ? Slot.Bool : Slot.Int;
        if (WithImmediate.Contains(op) && right.Kind == EntryKind.Constant)
            Produce(result, op + "_IMM", Reg(left, d), right.Value);
        else if (Commutative.Contains(op) && left.Kind == EntryKind.Constant)
            Produce(result, op + "_IMM", Reg(right, d + 1), left.Value);
        else
        {
            int l = Reg(left, d);
            int start = Produce(result, op, l, Reg(right, d + 1));
            if (op.StartsWith("DIV", StringComparison.Ordinal) || op.StartsWith("REM", StringComparison.Ordinal))
                _out.Map(start, _current);
        }
    }

    /// <summary>beq, blt... on int32 (an _IMM form against a constant) or beq/bne.un on references (against null:
    /// BRFALSE_O/BRTRUE_O).</summary>
    private void CompareAndBranch((string Op, string Swapped) condition, int target)
    {
        var right = Pop();
        var left = Pop();
        MaterialiseAll();
        Merge(target);
        int d = Depth;
        _producer = null;
        if (left.Type.IsRef != right.Type.IsRef)
            throw new NotTranslatableException("compare of an int32 with an object reference");
        if (left.Type.IsRef)
        {
            if (condition.Op is not ("BEQ" or "BNE"))
                throw new NotTranslatableException("ordered compare of object references");
            if (right.Kind == EntryKind.Null || left.Kind == EntryKind.Null)
            {
                var other = right.Kind == EntryKind.Null ? left : right;
                _out.Emit(condition.Op == "BEQ" ? "BRFALSE_O" : "BRTRUE_O", Reg(other, d), target);
            }
            else
                _out.Emit(condition.Op + "_O", Reg(left, d), Reg(right, d + 1), target);
        }
        else if (right.Kind == EntryKind.Constant)
            _out.Emit(condition.Op + "_IMM", Reg(left, d), right.Value, target);
        else if (left.Kind == EntryKind.Constant)
            _out.Emit(condition.Swapped + "_IMM", Reg(right, d + 1), left.Value, target);
        else
            _out.Emit(condition.Op, Reg(left, d), Reg(right, d + 1), target);
    }

    /// <summary>RET of the value, converted first when the method returns a small integer.</summary>
    private void Return()
    {
        if (_return is not { } type)
        {
            _out.Emit("RET_VOID");
            return;
        }
        var value = Pop();
        if (value.Type.IsRef != type.IsRef)
            throw new NotTranslatableException("return of the wrong kind of value");
        if (!value.Type.FitsIn(type) && value.Kind == EntryKind.Register)
        {
            _out.Emit(type.Narrow!, Temp(Depth), value.Value);
            _out.Emit("RET", Temp(Depth));
        }
        else
            _out.Emit("RET", Reg(value.Kind == EntryKind.Constant ? value with { Value = Narrow(type, value.Value) } : value, Depth));
    }

    /// <summary>call, callvirt, newobj: the arguments in the temporaries of their depths, the result into the first.</summary>
    private void Call(Instruction ins, string name)
    {
        var token = Token(ins);
        MethodSig sig;
        EntityHandle owner;
        switch (token.Kind)
        {
            case HandleKind.MethodDefinition:
                var definition = _md.GetMethodDefinition((MethodDefinitionHandle)token);
                sig = ReadSignature(definition.Signature);
                owner = definition.GetDeclaringType();
                break;
            case HandleKind.MemberReference:
                var reference = _md.GetMemberReference((MemberReferenceHandle)token);
                sig = ReadSignature(reference.Signature);
                owner = reference.Parent;
                break;
            default:
                throw new NotTranslatableException($"{name} of a {token.Kind}");
        }
        if (owner.Kind == HandleKind.TypeSpecification || _types.IsValueType(owner) != false)
        {
            if (name == "newobj" || sig.HasThis)
                throw new NotTranslatableException($"{name} of a value type's instance method or constructor");
        }
        bool isNew = name == "newobj";
        var parameters = new List<Slot>();
        if (sig.HasThis && !isNew)
            parameters.Add(Slot.Ref);
        parameters.AddRange(sig.Parameters.Select(p => SlotOf(p, "callee parameter")));
        var result = isNew ? Slot.Ref : ReturnSlot(sig);
        int n = parameters.Count;
        if (_stack.Count < n)
            throw new NotTranslatableException("stack underflow");
        for (int k = 0; k < n; k++)
            if (_stack[_stack.Count - n + k].Type.IsRef != parameters[k].IsRef)
                throw new NotTranslatableException($"{name} argument {k} of the wrong kind");
        if (name == "call" && result is null && _types.IsEmptyMethod(token))
        {
            for (int k = 0; k < n; k++) // its arguments are registers or constants: dropping them does nothing
                Pop();
            return;
        }
        // Everything below the arguments too: the collector scans every temporary under them during the call, so
        // each must hold its live value (not an older one).
        MaterialiseAll();
        int first = Temp(Depth - n);
        for (int k = 0; k < n; k++)
            Pop();
        string op = name.ToUpperInvariant();
        _out.Map(_out.Emit(op, first, n, DeployedToken(ins)), ins.Offset);
        _out.UseTemps(first - _firstTemp + 1);
        if (isNew)
            _out.UseTemps(first - _firstTemp + n + 1); // the register after the arguments holds the new object
        _producer = null;
        if (result is { } r)
            Push(new Entry(r, EntryKind.Register, first)); // a small-integer result is returned in range
    }

    private Slot FieldSlot(Instruction ins)
    {
        var token = Token(ins);
        BlobHandle signature = token.Kind switch
        {
            HandleKind.FieldDefinition => _md.GetFieldDefinition((FieldDefinitionHandle)token).Signature,
            HandleKind.MemberReference => _md.GetMemberReference((MemberReferenceHandle)token).Signature,
            _ => throw new NotTranslatableException($"field token of a {token.Kind}"),
        };
        try
        {
            return SlotOf(EcmaSignatureReader.ReadField(_md, signature), "field");
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            throw new NotTranslatableException(e.Message);
        }
    }

    private Slot? TypeSlot(Instruction ins) => _types.OfToken(Token(ins));

    /// <summary>The live bound of an instruction that allocates or calls at the current depth: arguments, locals and
    /// the stack below it.</summary>
    private int Live() => _firstTemp + Depth;
}
