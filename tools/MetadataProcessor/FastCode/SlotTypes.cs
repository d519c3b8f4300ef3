using System.Reflection;
using System.Reflection.Metadata;
using MetadataProcessor.Conversion;
using MetadataProcessor.Format;
using MetadataProcessor.Input;

namespace MetadataProcessor.FastCode;

/// <summary>What a value is in fast code: an int32 (<see cref="Narrow"/>: the CONV_* that keeps a small-integer
/// type's range, null for 32 bits) or an object reference.</summary>
internal readonly record struct Slot(bool IsRef, string? Narrow = null)
{
    public static readonly Slot Int = new(false);
    public static readonly Slot Ref = new(true);

    /// <summary>The stack form: small integers are int32 on the stack.</summary>
    public Slot Widened => IsRef ? Ref : Int;

    /// <summary>A compare's result, 0 or 1.</summary>
    public static readonly Slot Bool = new(false, "CONV_U1");

    /// <summary>Whether a value known to be in this slot's range needs no conversion to be stored as <paramref name="target"/>.</summary>
    public bool FitsIn(Slot target) => target.Narrow is null || Narrow == target.Narrow ||
        (Narrow, target.Narrow) is ("CONV_U1", "CONV_I2" or "CONV_U2") or ("CONV_I1", "CONV_I2");
}

/// <summary>
/// Classifies the types of signatures and type tokens of one assembly as fast-code slots, resolving TypeRefs into
/// the earlier assemblies (is a VALUETYPE an enum over int32 or smaller, is a constructor's type a value type).
/// Null: a type fast code does not hold (int64, floating point, native int, structs, byrefs).
/// </summary>
internal sealed class SlotTypes(InputAssembly assembly, ReferenceResolver resolver)
{
    public InputAssembly Assembly { get; } = assembly;

    public static Slot? OfElementType(byte elementType) => elementType switch
    {
        ElementType.Boolean or ElementType.U1 => new Slot(false, "CONV_U1"),
        ElementType.I1 => new Slot(false, "CONV_I1"),
        ElementType.I2 => new Slot(false, "CONV_I2"),
        ElementType.Char or ElementType.U2 => new Slot(false, "CONV_U2"),
        ElementType.I4 or ElementType.U4 => Slot.Int,
        ElementType.String or ElementType.Object => Slot.Ref,
        _ => null,
    };

    public Slot? Of(SigType type) => type switch
    {
        SigType.Primitive p => OfElementType(p.ElementType),
        SigType.SzArray => Slot.Ref,
        SigType.Named { IsValueType: false } => Slot.Ref,
        SigType.Named n => Enum(Assembly, n.Type),
        _ => null,
    };

    /// <summary>A type operand (box, unbox.any, castclass...): a class, an array, a primitive or an enum.</summary>
    public Slot? OfToken(EntityHandle type)
    {
        if (type.Kind == HandleKind.TypeSpecification)
            return Slot.Ref;
        if (Resolve(Assembly, type) is not { } t)
            return null;
        if (!IsValueType(t))
            return Slot.Ref;
        if (Primitives.TryGetValue(TypeNames.FullName(t.Assembly.Metadata, t.Type), out byte element))
            return OfElementType(element);
        return Enum(t.Assembly, t.Type);
    }

    /// <summary>Whether a TypeDef/TypeRef of this assembly is a value type (null: unresolvable).</summary>
    public bool? IsValueType(EntityHandle type) => Resolve(Assembly, type) is { } t ? IsValueType(t) : null;

    private static readonly Dictionary<string, byte> Primitives = new()
    {
        ["System.Boolean"] = ElementType.Boolean, ["System.Char"] = ElementType.Char,
        ["System.SByte"] = ElementType.I1, ["System.Byte"] = ElementType.U1,
        ["System.Int16"] = ElementType.I2, ["System.UInt16"] = ElementType.U2,
        ["System.Int32"] = ElementType.I4, ["System.UInt32"] = ElementType.U4,
    };

    private Slot? Enum(InputAssembly assembly, EntityHandle type)
    {
        if (Resolve(assembly, type) is not { } t || BaseName(t) != "System.Enum")
            return null;
        var md = t.Assembly.Metadata;
        foreach (var f in md.GetTypeDefinition(t.Type).GetFields())
        {
            var field = md.GetFieldDefinition(f);
            if ((field.Attributes & FieldAttributes.Static) != 0)
                continue;
            return EcmaSignatureReader.ReadField(md, field.Signature) is SigType.Primitive p ? OfElementType(p.ElementType) : null;
        }
        return null;
    }

    private static bool IsValueType(ReferenceResolver.TypeTarget t) => BaseName(t) is "System.ValueType" or "System.Enum";

    private static string? BaseName(ReferenceResolver.TypeTarget t)
    {
        var md = t.Assembly.Metadata;
        var baseType = md.GetTypeDefinition(t.Type).BaseType;
        return baseType.IsNil ? null : TypeNames.FullName(md, baseType);
    }

    /// <summary>Does the method a call token names have a body that only returns (Object's constructor, empty
    /// constructors)? Such a call does nothing: `call` does not check its 'this' for null.</summary>
    public bool IsEmptyMethod(EntityHandle method)
    {
        var target = method.Kind switch
        {
            HandleKind.MethodDefinition => new ReferenceResolver.MemberTarget(Assembly, method),
            HandleKind.MemberReference => ResolveMethod((MemberReferenceHandle)method),
            _ => (ReferenceResolver.MemberTarget?)null,
        };
        if (target is not { Member.Kind: HandleKind.MethodDefinition } t)
            return false;
        var md = t.Assembly.Metadata;
        var definition = md.GetMethodDefinition((MethodDefinitionHandle)t.Member);
        if (definition.RelativeVirtualAddress == 0)
            return false;
        foreach (var m in md.GetTypeDefinition(definition.GetDeclaringType()).GetMethods())
            if (md.GetString(md.GetMethodDefinition(m).Name) == ".cctor")
                return false; // the call may be what runs the type's static constructor (EnsureInitialized())
        var il = t.Assembly.Pe.GetMethodBody(definition.RelativeVirtualAddress).GetILBytes();
        return il is [0x2A]; // ret
    }

    private ReferenceResolver.MemberTarget? ResolveMethod(MemberReferenceHandle handle)
    {
        var reference = Assembly.Metadata.GetMemberReference(handle);
        if (Resolve(Assembly, reference.Parent) is not { } owner)
            return null;
        try
        {
            return resolver.ResolveMember(Assembly, reference, owner);
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException or ToolException)
        {
            return null;
        }
    }

    private ReferenceResolver.TypeTarget? Resolve(InputAssembly assembly, EntityHandle type)
    {
        try
        {
            return type.Kind switch
            {
                HandleKind.TypeDefinition => new ReferenceResolver.TypeTarget(assembly, (TypeDefinitionHandle)type),
                HandleKind.TypeReference => resolver.ResolveType(assembly, (TypeReferenceHandle)type),
                _ => null,
            };
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            return null;
        }
    }
}
