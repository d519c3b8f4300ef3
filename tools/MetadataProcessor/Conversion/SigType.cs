using System.Reflection.Metadata;

namespace MetadataProcessor.Conversion;

/// <summary>A type in a signature, limited to what the runtime supports (everything else is refused while
/// reading).</summary>
internal abstract record SigType
{
    /// <summary>VOID, BOOLEAN … R8, STRING, I, U, OBJECT.</summary>
    public sealed record Primitive(byte ElementType) : SigType;

    /// <summary>CLASS or VALUETYPE with a TypeDef or TypeRef handle of the assembly being read.</summary>
    public sealed record Named(EntityHandle Type, bool IsValueType) : SigType;

    public sealed record SzArray(SigType Element) : SigType;

    public sealed record ByRef(SigType Element) : SigType;
}

internal sealed record MethodSig(bool HasThis, SigType Return, IReadOnlyList<SigType> Parameters);
