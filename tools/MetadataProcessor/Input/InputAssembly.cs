using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using MetadataProcessor.Format;

namespace MetadataProcessor.Input;

/// <summary>A compiled assembly (PE file with ECMA-335 metadata) given to the processor.</summary>
public sealed class InputAssembly
{
    private InputAssembly(string source, PEReader pe, MetadataReader metadata)
    {
        Source = source;
        Pe = pe;
        Metadata = metadata;
        var definition = metadata.GetAssemblyDefinition();
        Name = metadata.GetString(definition.Name);
        Version = ToVersion(definition.Version);
        References = metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => new AssemblyReferenceName(metadata.GetString(r.Name), ToVersion(r.Version)))
            .ToList();
    }

    /// <summary>Where the assembly came from (its path), for messages.</summary>
    public string Source { get; }
    public string Name { get; }
    public AssemblyVersion Version { get; }
    public IReadOnlyList<AssemblyReferenceName> References { get; }
    public PEReader Pe { get; }
    public MetadataReader Metadata { get; }

    public bool HasEntryPoint => Pe.PEHeaders.CorHeader!.EntryPointTokenOrRelativeVirtualAddress != 0;

    public static InputAssembly Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot read {path}: {e.Message}");
        }
        return FromBytes(path, bytes);
    }

    public static InputAssembly FromBytes(string source, byte[] bytes)
    {
        PEReader pe;
        MetadataReader metadata;
        try
        {
            pe = new PEReader(ImmutableArray.Create(bytes));
            if (!pe.HasMetadata)
                throw new ToolException($"{source} is not a .NET assembly (no CLI metadata)");
            metadata = pe.GetMetadataReader();
        }
        catch (BadImageFormatException e)
        {
            throw new ToolException($"{source} is not a .NET assembly: {e.Message}");
        }
        if (!metadata.IsAssembly)
            throw new ToolException($"{source} is a module without an assembly manifest; give the assembly instead");
        var corHeader = pe.PEHeaders.CorHeader!;
        if ((corHeader.Flags & CorFlags.ILOnly) == 0)
            throw new ToolException($"{source} is not IL-only (it holds native code); this runtime runs IL only");
        if ((corHeader.Flags & CorFlags.NativeEntryPoint) != 0)
            throw new ToolException($"{source} has a native entry point; this runtime runs IL only");
        if (metadata.GetTableRowCount(TableIndex.File) > 0)
            throw new ToolException($"{source} is a multi-module assembly; this runtime loads single-module assemblies only");
        return new InputAssembly(source, pe, metadata);
    }

    internal static AssemblyVersion ToVersion(Version v) =>
        new((ushort)Math.Max(v.Major, 0), (ushort)Math.Max(v.Minor, 0), (ushort)Math.Max(v.Build, 0), (ushort)Math.Max(v.Revision, 0));

    public override string ToString() => $"{Name} {Version}";
}

public sealed record AssemblyReferenceName(string Name, AssemblyVersion Version)
{
    public override string ToString() => $"{Name} {Version}";
}
