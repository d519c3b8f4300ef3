using System.Reflection.Metadata;
using MetadataProcessor.Input;

namespace MetadataProcessor.Conversion;

/// <summary>
/// Checks at build time what the runtime checks at load: every TypeRef names a type of an earlier assembly,
/// and every referenced field or method exists there with the same name and signature (looked up on the
/// owner, then its base types). A reference that would make the runtime refuse the image fails the build.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly Dictionary<string, InputAssembly> _assemblies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, TypeDefinitionHandle>> _topLevelTypes = new(StringComparer.Ordinal);

    /// <summary>Makes an assembly's definitions available to the ones after it.</summary>
    public void Add(InputAssembly assembly) => _assemblies[assembly.Name] = assembly;

    public readonly record struct TypeTarget(InputAssembly Assembly, TypeDefinitionHandle Type);

    public readonly record struct MemberTarget(InputAssembly Assembly, EntityHandle Member);

    public TypeTarget ResolveType(InputAssembly from, TypeReferenceHandle handle)
    {
        var md = from.Metadata;
        var reference = md.GetTypeReference(handle);
        string name = md.GetString(reference.Name);
        var scope = reference.ResolutionScope;
        switch (scope.Kind)
        {
            case HandleKind.AssemblyReference:
            {
                string assemblyName = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                if (!_assemblies.TryGetValue(assemblyName, out var target))
                    throw new InvalidInputException($"type {TypeNames.FullName(md, handle)} comes from {assemblyName}, which is not an earlier input assembly");
                string fullName = TypeNames.FullName(md, handle);
                if (!TopLevelTypes(target).TryGetValue(fullName, out var definition))
                    throw new InvalidInputException($"type {fullName} is not defined in {assemblyName}");
                return new TypeTarget(target, definition);
            }
            case HandleKind.TypeReference:
            {
                var enclosing = ResolveType(from, (TypeReferenceHandle)scope);
                var tmd = enclosing.Assembly.Metadata;
                foreach (var nested in tmd.GetTypeDefinition(enclosing.Type).GetNestedTypes())
                    if (tmd.GetString(tmd.GetTypeDefinition(nested).Name) == name)
                        return new TypeTarget(enclosing.Assembly, nested);
                throw new InvalidInputException($"type {TypeNames.FullName(md, handle)} is not defined in {enclosing.Assembly.Name}");
            }
            default:
                throw new UnsupportedException($"type reference {TypeNames.FullName(md, handle)} with a {scope.Kind} scope (only assembly and enclosing-type scopes are)");
        }
    }

    /// <summary>Finds the field or method a MemberRef names on <paramref name="owner"/> or its base types.</summary>
    public MemberTarget ResolveMember(InputAssembly from, MemberReference member, TypeTarget owner)
    {
        var md = from.Metadata;
        string name = md.GetString(member.Name);
        bool isField = EcmaSignatureReader.IsFieldSignature(md, member.Signature);
        string wanted, display;
        if (isField)
        {
            var type = EcmaSignatureReader.ReadField(md, member.Signature);
            wanted = Identity(from, type);
            display = $"{name} of type {TypeNames.Describe(md, type)}";
        }
        else
        {
            var sig = EcmaSignatureReader.ReadMethod(md, member.Signature);
            wanted = Identity(from, sig);
            display = $"{name}({string.Join(",", sig.Parameters.Select(p => TypeNames.Describe(md, p)))}) returning {TypeNames.Describe(md, sig.Return)}";
        }

        for (TypeTarget? type = owner; type is { } t; type = BaseOf(t))
        {
            var tmd = t.Assembly.Metadata;
            var definition = tmd.GetTypeDefinition(t.Type);
            if (isField)
            {
                foreach (var f in definition.GetFields())
                {
                    var field = tmd.GetFieldDefinition(f);
                    if (tmd.GetString(field.Name) == name && TryIdentity(t.Assembly, () => EcmaSignatureReader.ReadField(tmd, field.Signature)) == wanted)
                        return new MemberTarget(t.Assembly, f);
                }
            }
            else
            {
                foreach (var m in definition.GetMethods())
                {
                    var method = tmd.GetMethodDefinition(m);
                    if (tmd.GetString(method.Name) == name && TryIdentity(t.Assembly, () => EcmaSignatureReader.ReadMethod(tmd, method.Signature)) == wanted)
                        return new MemberTarget(t.Assembly, m);
                }
            }
        }
        string kind = isField ? "field" : "method";
        throw new InvalidInputException(
            $"{kind} {TypeNames.FullName(owner.Assembly.Metadata, owner.Type)}::{display} is not defined in {owner.Assembly.Name} (no {kind} of that name and signature)");
    }

    private TypeTarget? BaseOf(TypeTarget type)
    {
        var baseType = type.Assembly.Metadata.GetTypeDefinition(type.Type).BaseType;
        if (baseType.IsNil) // a nil TypeDefOrRef comes back as TypeDef row 0: check before the kind
            return null;
        return baseType.Kind switch
        {
            HandleKind.TypeDefinition => new TypeTarget(type.Assembly, (TypeDefinitionHandle)baseType),
            HandleKind.TypeReference => ResolveType(type.Assembly, (TypeReferenceHandle)baseType),
            _ => null,
        };
    }

    private Dictionary<string, TypeDefinitionHandle> TopLevelTypes(InputAssembly assembly)
    {
        if (_topLevelTypes.TryGetValue(assembly.Name, out var types))
            return types;
        types = new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);
        foreach (var handle in assembly.Metadata.TypeDefinitions)
            if (assembly.Metadata.GetTypeDefinition(handle).GetDeclaringType().IsNil)
                types.TryAdd(TypeNames.FullName(assembly.Metadata, handle), handle);
        _topLevelTypes[assembly.Name] = types;
        return types;
    }

    private static string? TryIdentity(InputAssembly assembly, Func<object> read)
    {
        try
        {
            return read() switch
            {
                MethodSig m => Identity(assembly, m),
                SigType t => Identity(assembly, t),
                _ => null,
            };
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            return null; // a definition the runtime could not run anyway never matches
        }
    }

    /// <summary>The signature with every type named by its defining assembly, comparable across assemblies.</summary>
    public static string Identity(InputAssembly assembly, MethodSig method) =>
        (method.HasThis ? "instance " : "") + Identity(assembly, method.Return) +
        "(" + string.Join(",", method.Parameters.Select(p => Identity(assembly, p))) + ")";

    public static string Identity(InputAssembly assembly, SigType type) => type switch
    {
        SigType.Primitive p => Format.ElementType.FullName(p.ElementType),
        SigType.Named n => $"[{DefiningAssembly(assembly, n.Type)}]{TypeNames.FullName(assembly.Metadata, n.Type)}",
        SigType.SzArray a => Identity(assembly, a.Element) + "[]",
        SigType.ByRef b => Identity(assembly, b.Element) + "&",
        _ => throw new InvalidOperationException(type.ToString()),
    };

    private static string DefiningAssembly(InputAssembly assembly, EntityHandle type)
    {
        var md = assembly.Metadata;
        if (type.Kind != HandleKind.TypeReference)
            return assembly.Name;
        var scope = md.GetTypeReference((TypeReferenceHandle)type).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.AssemblyReference => md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            HandleKind.TypeReference => DefiningAssembly(assembly, (TypeReferenceHandle)scope),
            _ => assembly.Name,
        };
    }
}
