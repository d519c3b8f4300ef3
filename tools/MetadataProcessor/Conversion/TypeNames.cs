using System.Reflection.Metadata;
using MetadataProcessor.Format;

namespace MetadataProcessor.Conversion;

/// <summary>
/// Full type names as the canonical internal-call names and the messages write them: <c>Namespace.Type</c>,
/// nested types as <c>Namespace.Outer/Inner</c>, primitives by their System name (<c>System.Int32</c>), arrays
/// <c>T[]</c>, by-reference <c>T&amp;</c>.
/// </summary>
internal static class TypeNames
{
    public static string FullName(MetadataReader md, EntityHandle type) => type.Kind switch
    {
        HandleKind.TypeDefinition => FullName(md, (TypeDefinitionHandle)type),
        HandleKind.TypeReference => FullName(md, (TypeReferenceHandle)type),
        HandleKind.TypeSpecification => "(type specification)",
        _ => $"({type.Kind})",
    };

    public static string FullName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        string name = md.GetString(type.Name);
        var enclosing = type.GetDeclaringType();
        if (!enclosing.IsNil)
            return FullName(md, enclosing) + "/" + name;
        return Qualify(md.GetString(type.Namespace), name);
    }

    public static string FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        string name = md.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return FullName(md, (TypeReferenceHandle)type.ResolutionScope) + "/" + name;
        return Qualify(md.GetString(type.Namespace), name);
    }

    public static string Describe(MetadataReader md, SigType type) => type switch
    {
        SigType.Primitive p => ElementType.FullName(p.ElementType),
        SigType.Named n => FullName(md, n.Type),
        SigType.SzArray a => Describe(md, a.Element) + "[]",
        SigType.ByRef b => Describe(md, b.Element) + "&",
        _ => throw new InvalidOperationException(type.ToString()),
    };

    /// <summary>"Namespace.Type.Method" for messages.</summary>
    public static string Method(MetadataReader md, MethodDefinitionHandle handle)
    {
        var method = md.GetMethodDefinition(handle);
        return FullName(md, method.GetDeclaringType()) + "." + md.GetString(method.Name);
    }

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
