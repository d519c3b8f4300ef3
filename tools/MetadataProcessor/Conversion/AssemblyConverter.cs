using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using MetadataProcessor.FastCode;
using MetadataProcessor.Format;
using MetadataProcessor.Il;
using MetadataProcessor.Input;

namespace MetadataProcessor.Conversion;

/// <summary>
/// Converts one assembly into its deployment tables. ECMA rows keep their order, so TypeRef, TypeDef,
/// FieldDef and MethodDef indexes are the ECMA row numbers minus one; MemberRefs are split into FieldRef and
/// MethodRef in first-use order and only those the code uses are kept; IL is copied with every token operand
/// rewritten. Every problem is collected and reported together with where it is.
/// </summary>
internal sealed class AssemblyConverter
{
    private const MethodImplAttributes CodeTypeMask = (MethodImplAttributes)0x0003;
    /// <summary>ECMA's OPTIL code type marks a fast body (DEPLOYMENT_FORMAT.md, "Fast code").</summary>
    private const MethodImplAttributes FastCodeType = MethodImplAttributes.OPTIL;

    private readonly InputAssembly _input;
    private readonly MetadataReader _md;
    private readonly ReferenceResolver _resolver;
    private readonly DeployedAssembly _out;
    private readonly ConversionErrors _errors;
    private readonly Dictionary<MemberReferenceHandle, Result> _memberRefs = [];
    private readonly Dictionary<TypeSpecificationHandle, Result> _typeSpecs = [];
    private readonly Dictionary<TypeReferenceHandle, ReferenceResolver.TypeTarget?> _typeRefTargets = [];
    private readonly Dictionary<MethodDefinitionHandle, ushort> _internalCallIndex = [];
    /// <summary>Types for the fast-code translator; null when every body stays IL (--no-fast-code).</summary>
    private readonly SlotTypes? _slotTypes;

    /// <summary>A token, or the problem that stops the handle from having one (reported at each use).</summary>
    private readonly record struct Result(uint Token, Exception? Problem)
    {
        public uint Get() => Problem is null ? Token : throw Problem;
    }

    private AssemblyConverter(InputAssembly input, ReferenceResolver resolver, bool fastCode)
    {
        _slotTypes = fastCode ? new SlotTypes(input, resolver) : null;
        _input = input;
        _md = input.Metadata;
        _resolver = resolver;
        _out = new DeployedAssembly(input.Name, input.Version);
        _errors = new ConversionErrors(input.Name);
    }

    public static DeployedAssembly Convert(InputAssembly input, ReferenceResolver resolver, bool fastCode = true)
    {
        var converter = new AssemblyConverter(input, resolver, fastCode);
        converter.Run();
        return converter._out;
    }

    private void Run()
    {
        _out.Strings.Add(_input.Name);
        CheckLimits();
        AssemblyRefs();
        TypeRefs();
        InternalCalls();
        TypeDefs();
        InterfaceAndMethodImpls();
        EntryPoint();
        _errors.ThrowIfAny();
    }

    private void CheckLimits()
    {
        Limit("types", _md.TypeDefinitions.Count, DeploymentFormat.None16 - 1);
        Limit("fields", _md.FieldDefinitions.Count, DeploymentFormat.None16);
        Limit("methods", _md.MethodDefinitions.Count, DeploymentFormat.None16);
        Limit("type references", _md.TypeReferences.Count, DeploymentFormat.None16 - 1);
        Limit("assembly references", _md.AssemblyReferences.Count, DeploymentFormat.None16);
    }

    private void Limit(string what, int count, int max)
    {
        if (count > max)
            throw new ToolException($"{_input.Name}: {count} {what}; the deployment format holds at most {max} per assembly — split the assembly");
    }

    private void AssemblyRefs()
    {
        foreach (var handle in _md.AssemblyReferences)
        {
            var reference = _md.GetAssemblyReference(handle);
            _out.AssemblyRefs.Add(new AssemblyRefRow(Str(_md.GetString(reference.Name)), InputAssembly.ToVersion(reference.Version)));
        }
    }

    private void TypeRefs()
    {
        foreach (var handle in _md.TypeReferences)
        {
            var reference = _md.GetTypeReference(handle);
            ushort assemblyRef = DeploymentFormat.None16;
            ushort enclosing = DeploymentFormat.None16;
            var outermost = reference;
            if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                enclosing = (ushort)Index(reference.ResolutionScope);
                while (outermost.ResolutionScope.Kind == HandleKind.TypeReference)
                    outermost = _md.GetTypeReference((TypeReferenceHandle)outermost.ResolutionScope);
            }
            if (outermost.ResolutionScope.Kind == HandleKind.AssemblyReference)
                assemblyRef = (ushort)Index(outermost.ResolutionScope);

            ReferenceResolver.TypeTarget? target = null;
            try
            {
                target = _resolver.ResolveType(_input, handle);
            }
            catch (Exception e) when (e is UnsupportedException or InvalidInputException)
            {
                _errors.Add($"type reference {TypeNames.FullName(_md, handle)}", e);
            }
            _typeRefTargets[handle] = target;
            _out.TypeRefs.Add(new TypeRefRow(Str(_md.GetString(reference.Name)), Str(_md.GetString(reference.Namespace)), assemblyRef, enclosing));
        }
    }

    /// <summary>Table 10: canonical names sorted by their UTF-8 bytes (C's strcmp), and the checksum over them.</summary>
    private void InternalCalls()
    {
        var calls = new List<(string Name, MethodDefinitionHandle Method)>();
        foreach (var handle in _md.MethodDefinitions)
        {
            var method = _md.GetMethodDefinition(handle);
            if ((method.ImplAttributes & MethodImplAttributes.InternalCall) == 0)
                continue;
            try
            {
                calls.Add((InternalCallName(handle), handle));
            }
            catch (Exception e) when (e is UnsupportedException or InvalidInputException)
            {
                // the signature problem is reported with the method
            }
        }
        calls.Sort((a, b) => Encoding.UTF8.GetBytes(a.Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Name)));
        for (int i = 1; i < calls.Count; i++)
            if (calls[i].Name == calls[i - 1].Name)
                _errors.Add(TypeNames.Method(_md, calls[i].Method), new InvalidInputException(
                    $"two internal calls have the canonical name {calls[i].Name} (the name leaves out the return type); give them different names or parameters"));

        var checksumText = new StringBuilder();
        foreach (var (name, method) in calls)
        {
            _internalCallIndex[method] = (ushort)_out.InternalCalls.Count;
            _out.InternalCalls.Add(new InternalCallRow(Str(name), (uint)Index(method)));
            checksumText.Append(name).Append('\n');
        }
        _out.NativeChecksum = calls.Count == 0 ? 0 : Crc32.Compute(Encoding.UTF8.GetBytes(checksumText.ToString()));
    }

    /// <summary><c>Namespace.Type::Method(ParamType,ParamType)</c>, e.g. <c>System.Console::WriteLine(System.Int32)</c>.</summary>
    private string InternalCallName(MethodDefinitionHandle handle)
    {
        var method = _md.GetMethodDefinition(handle);
        var sig = EcmaSignatureReader.ReadMethod(_md, method.Signature);
        return TypeNames.FullName(_md, method.GetDeclaringType()) + "::" + _md.GetString(method.Name) +
            "(" + string.Join(",", sig.Parameters.Select(p => TypeNames.Describe(_md, p))) + ")";
    }

    private void TypeDefs()
    {
        int nextField = 0, nextMethod = 0;
        foreach (var handle in _md.TypeDefinitions)
        {
            var type = _md.GetTypeDefinition(handle);
            string where = TypeNames.FullName(_md, handle);
            if (type.GetGenericParameters().Count > 0)
                _errors.Add(where, new UnsupportedException("generic type definition (GenericParam)"));

            uint extends = 0;
            if (!type.BaseType.IsNil)
                extends = Try($"{where} base type", () => TypeToken(type.BaseType));

            var fields = type.GetFields();
            var methods = type.GetMethods();
            CheckContiguous(where, "field", fields.Select(f => Index(f)), nextField);
            CheckContiguous(where, "method", methods.Select(m => Index(m)), nextMethod);

            uint cctor = DeploymentFormat.None32;
            foreach (var m in methods)
            {
                var method = _md.GetMethodDefinition(m);
                if (_md.GetString(method.Name) == ".cctor" && (method.Attributes & MethodAttributes.Static) != 0)
                    cctor = (uint)Index(m);
            }
            var declaring = type.GetDeclaringType();
            _out.TypeDefs.Add(new TypeDefRow(
                Str(_md.GetString(type.Name)), Str(_md.GetString(type.Namespace)), (uint)type.Attributes, extends,
                (ushort)nextField, (ushort)fields.Count, (ushort)nextMethod, (ushort)methods.Count,
                declaring.IsNil ? DeploymentFormat.None16 : (ushort)Index(declaring), cctor));

            ushort owner = (ushort)Index(handle);
            foreach (var f in fields)
                Field(f, where);
            foreach (var m in methods)
                Method(m, owner);
            nextField += fields.Count;
            nextMethod += methods.Count;
        }
        if (nextField != _md.FieldDefinitions.Count || nextMethod != _md.MethodDefinitions.Count)
            throw new ToolException($"{_input.Name}: fields or methods outside any type; this metadata layout is not supported");
    }

    private void CheckContiguous(string where, string what, IEnumerable<int> indexes, int expectedFirst)
    {
        int expected = expectedFirst;
        foreach (int index in indexes)
        {
            if (index != expected++)
                throw new ToolException($"{_input.Name}: {where}: {what}s are not in type order (uncompressed metadata with {what} pointer tables?); this layout is not supported");
        }
    }

    private void Field(FieldDefinitionHandle handle, string typeName)
    {
        var field = _md.GetFieldDefinition(handle);
        string name = _md.GetString(field.Name);
        string where = $"{typeName}.{name}";
        SigType? type = null;
        uint signature = 0;
        try
        {
            type = EcmaSignatureReader.ReadField(_md, field.Signature);
            signature = _out.Blobs.Add(CompactSignatures.Field(type, NamedToken));
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            _errors.Add($"{where} (field type)", e);
        }
        if (field.GetOffset() != -1)
            _errors.Add(where, new UnsupportedException("explicit field offset ([FieldOffset], LayoutKind.Explicit)"));
        _out.FieldDefs.Add(new FieldDefRow(Str(name), (uint)field.Attributes, signature));

        if ((field.Attributes & FieldAttributes.HasFieldRVA) != 0 && type is not null)
            FieldRvaData(handle, field, type, where);
    }

    /// <summary>Tables 12 and 13: the initial bytes of a field with an RVA (array initialisers), each chunk
    /// 4-byte aligned in table 12.</summary>
    private void FieldRvaData(FieldDefinitionHandle handle, FieldDefinition field, SigType type, string where)
    {
        int size = type switch
        {
            SigType.Primitive p => ElementType.SizeOf(p.ElementType),
            SigType.Named { Type.Kind: HandleKind.TypeDefinition } n => _md.GetTypeDefinition((TypeDefinitionHandle)n.Type).GetLayout().Size,
            _ => 0,
        };
        if (size <= 0)
        {
            _errors.Add(where, new InvalidInputException("field has RVA data but a type of unknown size (expected a primitive or a struct with an explicit size)"));
            return;
        }
        var data = _input.Pe.GetSectionData(field.GetRelativeVirtualAddress());
        if (data.Length < size)
        {
            _errors.Add(where, new InvalidInputException($"field RVA data: {size} bytes expected, the PE section holds {data.Length}"));
            return;
        }
        while (_out.FieldData.Length % 4 != 0)
            _out.FieldData.WriteByte(0);
        _out.FieldRvas.Add(new FieldRvaRow((uint)Index(handle), (uint)_out.FieldData.Length));
        _out.FieldData.Write(data.GetContent(0, size).AsSpan());
    }

    private void Method(MethodDefinitionHandle handle, ushort owner)
    {
        var method = _md.GetMethodDefinition(handle);
        string where = TypeNames.Method(_md, handle);
        bool generic = method.GetGenericParameters().Count > 0;
        if (generic)
            _errors.Add(where, new UnsupportedException("generic method definition (GenericParam)"));

        uint signature = 0;
        int argCount = 0;
        if (!generic) // a generic signature is reported above as the generic definition it is
        {
            try
            {
                var sig = EcmaSignatureReader.ReadMethod(_md, method.Signature);
                signature = _out.Blobs.Add(CompactSignatures.Method(sig, NamedToken));
                argCount = sig.Parameters.Count + (sig.HasThis ? 1 : 0);
                if (argCount > byte.MaxValue)
                    throw new UnsupportedException($"method with {argCount} arguments including this (at most {byte.MaxValue})");
            }
            catch (Exception e) when (e is UnsupportedException or InvalidInputException)
            {
                _errors.Add($"{where} (signature)", e);
            }
        }

        var impl = method.ImplAttributes;
        if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            _errors.Add(where, new UnsupportedException("platform invoke (DllImport)"));
        if ((impl & CodeTypeMask) is MethodImplAttributes.Native or MethodImplAttributes.OPTIL)
            _errors.Add(where, new UnsupportedException($"method body of code type {impl & CodeTypeMask}"));

        var body = new Body();
        ushort internalCall = DeploymentFormat.None16;
        if ((impl & MethodImplAttributes.InternalCall) != 0)
        {
            internalCall = _internalCallIndex.GetValueOrDefault(handle, DeploymentFormat.None16);
        }
        else if (method.RelativeVirtualAddress != 0)
        {
            body = MethodBody(method, where);
        }
        else if ((method.Attributes & MethodAttributes.Abstract) == 0 && (impl & CodeTypeMask) != MethodImplAttributes.Runtime
                 && (method.Attributes & MethodAttributes.PinvokeImpl) == 0)
        {
            _errors.Add(where, new InvalidInputException(
                "method has no body and is not abstract, an internal call or runtime-implemented (an extern without [MethodImpl(MethodImplOptions.InternalCall)]?)"));
        }

        if (body.Fast)
            impl = (impl & ~CodeTypeMask) | FastCodeType;
        _out.MethodDefs.Add(new MethodDefRow(
            Str(_md.GetString(method.Name)), (ushort)method.Attributes, (ushort)impl, owner, (byte)argCount, body.LocalCount, body.MaxStack,
            internalCall, signature, body.Locals, body.Il, body.IlSize, body.EhFirst, body.EhCount));
    }

    private sealed record Body
    {
        public byte LocalCount { get; init; }
        public ushort MaxStack { get; init; }
        public uint Locals { get; init; } = DeploymentFormat.None32;
        public uint Il { get; init; }
        public uint IlSize { get; init; }
        public ushort EhFirst { get; init; }
        public ushort EhCount { get; init; }
        /// <summary>The body is fast code, not IL.</summary>
        public bool Fast { get; init; }
    }

    private Body MethodBody(MethodDefinition method, string where)
    {
        MethodBodyBlock block;
        try
        {
            block = _input.Pe.GetMethodBody(method.RelativeVirtualAddress);
        }
        catch (BadImageFormatException e)
        {
            _errors.Add(where, new InvalidInputException($"unreadable method body: {e.Message}"));
            return new Body();
        }

        byte localCount = 0;
        uint locals = DeploymentFormat.None32;
        IReadOnlyList<SigType>? localTypes = [];
        if (!block.LocalSignature.IsNil)
        {
            try
            {
                var types = localTypes = EcmaSignatureReader.ReadLocals(_md, _md.GetStandaloneSignature(block.LocalSignature).Signature);
                if (types.Count > 0)
                {
                    locals = _out.Blobs.Add(CompactSignatures.Locals(types, NamedToken));
                    localCount = (byte)types.Count;
                }
            }
            catch (Exception e) when (e is UnsupportedException or InvalidInputException)
            {
                _errors.Add(where, e);
                localTypes = null;
            }
        }

        byte[] compiled = block.GetILBytes() ?? [];
        byte[] il = (byte[])compiled.Clone();
        RewriteTokens(il, where);
        uint ilOffset = (uint)_out.Il.Length;
        var fast = block.ExceptionRegions.Length == 0 && localTypes is not null ? TranslateToFastCode(method, compiled, il, localTypes) : null;
        if (fast is not null)
        {
            _out.Il.Write(fast.Bytes);
            _out.FastMethods++;
            _out.FastBytes += fast.Bytes.Length;
            return new Body
            {
                LocalCount = localCount, MaxStack = (ushort)fast.Temps, Locals = locals, Il = ilOffset,
                IlSize = (uint)fast.Bytes.Length, Fast = true,
            };
        }
        _out.Il.Write(il);

        int ehFirst = _out.EhClauses.Count;
        foreach (var region in block.ExceptionRegions)
        {
            ushort kind = region.Kind switch
            {
                ExceptionRegionKind.Catch => EhKind.Catch,
                ExceptionRegionKind.Filter => EhKind.Filter,
                ExceptionRegionKind.Finally => EhKind.Finally,
                _ => EhKind.Fault,
            };
            uint extra = region.Kind switch
            {
                ExceptionRegionKind.Catch => Try($"{where} catch clause at IL_{region.HandlerOffset:x4}", () => TypeToken(region.CatchType)),
                ExceptionRegionKind.Filter => (uint)region.FilterOffset,
                _ => 0,
            };
            _out.EhClauses.Add(new EhRow(kind, (uint)region.TryOffset, (uint)(region.TryOffset + region.TryLength),
                (uint)region.HandlerOffset, (uint)(region.HandlerOffset + region.HandlerLength), extra));
        }
        int ehCount = _out.EhClauses.Count - ehFirst;
        if (_out.EhClauses.Count > DeploymentFormat.None16 + 1)
            throw new ToolException($"{_input.Name}: more than {DeploymentFormat.None16 + 1} exception clauses; the deployment format indexes them with 16 bits");

        return new Body
        {
            LocalCount = localCount,
            MaxStack = (ushort)block.MaxStack,
            Locals = locals,
            Il = ilOffset,
            IlSize = (uint)il.Length,
            EhFirst = ehCount == 0 ? (ushort)0 : (ushort)ehFirst,
            EhCount = (ushort)ehCount,
        };
    }

    /// <summary>The body as fast code, or null when it stays IL (translation off, or a body fast code cannot express).</summary>
    private FastBody? TranslateToFastCode(MethodDefinition method, byte[] compiled, byte[] deployed, IReadOnlyList<SigType> locals)
    {
        if (_slotTypes is null || _errors.Any)
            return null;
        try
        {
            return FastTranslator.Translate(_slotTypes, method, compiled, deployed, locals);
        }
        catch (Exception e) when (e is NotTranslatableException or IlFormatException)
        {
            return null;
        }
    }

    /// <summary>Walks the body with the opcode table and rewrites every token operand in place.</summary>
    private void RewriteTokens(byte[] il, string where)
    {
        try
        {
            foreach (var instruction in IlDecoder.Decode(il))
            {
                string at = $"{where} at IL_{instruction.Offset:x4}";
                if (instruction.OpCode.Unsupported is { } why)
                {
                    _errors.Add(at, new UnsupportedException(why));
                    continue;
                }
                if (!instruction.OpCode.IsToken)
                    continue;
                var operand = il.AsSpan(instruction.OperandOffset, 4);
                try
                {
                    uint token = MapOperand(instruction.OpCode, BinaryPrimitives.ReadUInt32LittleEndian(operand));
                    BinaryPrimitives.WriteUInt32LittleEndian(operand, token);
                }
                catch (Exception e) when (e is UnsupportedException or InvalidInputException)
                {
                    _errors.Add(at, e);
                }
            }
        }
        catch (IlFormatException e)
        {
            _errors.Add($"{where} at IL_{e.Offset:x4}", new InvalidInputException(e.Message));
        }
    }

    private uint MapOperand(OpCodeInfo opcode, uint raw)
    {
        byte table = (byte)(raw >> 24);
        int row = (int)(raw & 0x00FFFFFF);
        if (opcode.Operand == Operand.String)
        {
            if (table != 0x70 || row >= _md.GetHeapSize(HeapIndex.UserString))
                throw new InvalidInputException($"{opcode.Name} operand 0x{raw:x8} is not a string token of this assembly");
            return StringToken(MetadataTokens.UserStringHandle(row));
        }
        var handle = Handle(raw, opcode.Name);
        bool isType = handle.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification;
        bool isField = handle.Kind == HandleKind.FieldDefinition ||
            (handle.Kind == HandleKind.MemberReference && EcmaSignatureReader.IsFieldSignature(_md, _md.GetMemberReference((MemberReferenceHandle)handle).Signature));
        bool isMethod = handle.Kind is HandleKind.MethodDefinition or HandleKind.MethodSpecification ||
            (handle.Kind == HandleKind.MemberReference && !isField);
        bool fits = opcode.Operand switch
        {
            Operand.Type => isType,
            Operand.Field => isField,
            Operand.Method => isMethod,
            Operand.Token => isType || isField || isMethod,
            _ => false,
        };
        if (!fits)
            throw new InvalidInputException($"{opcode.Name} operand 0x{raw:x8} ({handle.Kind}) is not a valid token for it");
        return isType ? TypeToken(handle) : MemberToken(handle);
    }

    private EntityHandle Handle(uint raw, string opcode)
    {
        try
        {
            var handle = MetadataTokens.EntityHandle((int)raw);
            int row = MetadataTokens.GetRowNumber(handle);
            if (row < 1 || row > _md.GetTableRowCount((TableIndex)(raw >> 24)))
                throw new ArgumentException("row out of range");
            return handle;
        }
        catch (ArgumentException)
        {
            throw new InvalidInputException($"{opcode} operand 0x{raw:x8} is not a token of an existing row");
        }
    }

    private uint StringToken(UserStringHandle handle)
    {
        string value = _md.GetUserString(handle);
        uint offset;
        try
        {
            offset = _out.Strings.Add(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException($"string literal: {e.Message}");
        }
        if (offset > DeploymentFormat.MaxTokenIndex)
            throw new InvalidInputException($"string table past {DeploymentFormat.MaxTokenIndex} bytes: an ldstr token cannot address it");
        return TokenTable.Make(TokenTable.String, offset);
    }

    private uint NamedToken(SigType.Named named) => TypeToken(named.Type);

    private uint TypeToken(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return TokenTable.Make(TokenTable.TypeDef, (uint)Index(handle));
            case HandleKind.TypeReference:
                return TokenTable.Make(TokenTable.TypeRef, (uint)Index(handle));
            case HandleKind.TypeSpecification:
                var spec = (TypeSpecificationHandle)handle;
                if (!_typeSpecs.TryGetValue(spec, out var result))
                {
                    result = Capture(() =>
                    {
                        SigType type;
                        try
                        {
                            type = EcmaSignatureReader.ReadTypeSpec(_md, spec);
                        }
                        catch (UnsupportedException e)
                        {
                            throw new UnsupportedException($"{e.Message} in a TypeSpec");
                        }
                        uint offset = _out.Blobs.Add(CompactSignatures.TypeSpec(type, NamedToken));
                        if (offset > DeploymentFormat.MaxTokenIndex)
                            throw new InvalidInputException("blob table too large for a TypeSpec token");
                        return TokenTable.Make(TokenTable.TypeSpec, offset);
                    });
                    _typeSpecs[spec] = result;
                }
                return result.Get();
            default:
                throw new InvalidInputException($"{handle.Kind} where a type is expected");
        }
    }

    private uint MemberToken(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.FieldDefinition:
                return TokenTable.Make(TokenTable.FieldDef, (uint)Index(handle));
            case HandleKind.MethodDefinition:
                return TokenTable.Make(TokenTable.MethodDef, (uint)Index(handle));
            case HandleKind.MethodSpecification:
                throw new UnsupportedException("generic method instantiation (MethodSpec)");
            case HandleKind.MemberReference:
                var reference = (MemberReferenceHandle)handle;
                if (!_memberRefs.TryGetValue(reference, out var result))
                {
                    result = Capture(() => MemberRef(reference));
                    _memberRefs[reference] = result;
                }
                return result.Get();
            default:
                throw new InvalidInputException($"{handle.Kind} where a field or method is expected");
        }
    }

    /// <summary>A used MemberRef becomes a FieldRef or MethodRef row (owner: its TypeRef), or, when its parent is
    /// a TypeDef of this assembly, the FieldDef/MethodDef it names.</summary>
    private uint MemberRef(MemberReferenceHandle handle)
    {
        var member = _md.GetMemberReference(handle);
        string name = _md.GetString(member.Name);
        bool isField = EcmaSignatureReader.IsFieldSignature(_md, member.Signature);
        var parent = member.Parent;
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
            {
                var owner = (TypeReferenceHandle)parent;
                if (_typeRefTargets.GetValueOrDefault(owner) is { } target)
                    _resolver.ResolveMember(_input, member, target);
                uint signature = isField
                    ? _out.Blobs.Add(CompactSignatures.Field(EcmaSignatureReader.ReadField(_md, member.Signature), NamedToken))
                    : _out.Blobs.Add(CompactSignatures.Method(EcmaSignatureReader.ReadMethod(_md, member.Signature), NamedToken));
                var row = new MemberRefRow(Str(name), (ushort)Index(owner), signature);
                var rows = isField ? _out.FieldRefs : _out.MethodRefs;
                rows.Add(row);
                return TokenTable.Make(isField ? TokenTable.FieldRef : TokenTable.MethodRef, (uint)(rows.Count - 1));
            }
            case HandleKind.TypeDefinition:
            {
                var definition = _resolver.ResolveMember(_input, member, new ReferenceResolver.TypeTarget(_input, (TypeDefinitionHandle)parent));
                if (definition.Assembly == _input)
                    return MemberToken(definition.Member);
                throw new UnsupportedException($"reference to inherited member {name} through a type of this assembly (MemberRef on a TypeDef)");
            }
            case HandleKind.TypeSpecification:
            {
                SigType type;
                try
                {
                    type = EcmaSignatureReader.ReadTypeSpec(_md, (TypeSpecificationHandle)parent);
                }
                catch (UnsupportedException e)
                {
                    throw new UnsupportedException($"member {name} of a {e.Message}");
                }
                throw new UnsupportedException($"member {name} of the array type {TypeNames.Describe(_md, type)} (MemberRef on a TypeSpec)");
            }
            case HandleKind.MethodDefinition:
                throw new UnsupportedException($"varargs call to {name} (MemberRef on a MethodDef)");
            default:
                throw new UnsupportedException($"member {name} of another module ({parent.Kind})");
        }
    }

    /// <summary>Tables 14 and 15: the interfaces each type implements and its explicit implementations.</summary>
    private void InterfaceAndMethodImpls()
    {
        foreach (var handle in _md.TypeDefinitions)
        {
            var type = _md.GetTypeDefinition(handle);
            string where = TypeNames.FullName(_md, handle);
            ushort index = (ushort)Index(handle);
            foreach (var i in type.GetInterfaceImplementations())
            {
                var iface = _md.GetInterfaceImplementation(i).Interface;
                uint token = Try($"{where} interface", () => TypeToken(iface));
                _out.InterfaceImpls.Add(new InterfaceImplRow(index, token));
            }
            foreach (var m in type.GetMethodImplementations())
            {
                var impl = _md.GetMethodImplementation(m);
                uint body = Try($"{where} explicit implementation", () => MemberToken(impl.MethodBody));
                uint declaration = Try($"{where} explicit implementation", () => MemberToken(impl.MethodDeclaration));
                _out.MethodImpls.Add(new MethodImplRow(index, body, declaration));
            }
        }
    }

    private void EntryPoint()
    {
        int token = _input.Pe.PEHeaders.CorHeader!.EntryPointTokenOrRelativeVirtualAddress;
        if (token == 0)
            return;
        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind != HandleKind.MethodDefinition)
            throw new ToolException($"{_input.Name}: the entry point is a {handle.Kind}, not a method of the assembly");
        _out.EntryPoint = (uint)Index(handle);
    }

    private uint Str(string value)
    {
        try
        {
            return _out.Strings.Add(value);
        }
        catch (ArgumentException e)
        {
            throw new ToolException($"{_input.Name}: name \"{value}\": {e.Message}");
        }
    }

    private uint Try(string where, Func<uint> token)
    {
        try
        {
            return token();
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            _errors.Add(where, e);
            return 0;
        }
    }

    private static Result Capture(Func<uint> token)
    {
        try
        {
            return new Result(token(), null);
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            return new Result(0, e);
        }
    }

    private static int Index(EntityHandle handle) => MetadataTokens.GetRowNumber(handle) - 1;
}
