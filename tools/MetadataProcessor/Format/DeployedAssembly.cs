namespace MetadataProcessor.Format;

/// <summary>One assembly in deployment form: the rows of every table, ready for <see cref="AssemblyImageWriter"/>.
/// Indexes in the rows are 0-based rows of these lists.</summary>
public sealed class DeployedAssembly(string name, AssemblyVersion version)
{
    public string Name { get; } = name;
    public AssemblyVersion Version { get; } = version;
    public uint NativeChecksum { get; set; }
    /// <summary>MethodDef index of the entry point, or <see cref="DeploymentFormat.None32"/>.</summary>
    public uint EntryPoint { get; set; } = DeploymentFormat.None32;
    /// <summary>The application: the last assembly of the image, whose tests (<see cref="Tests"/>) run.</summary>
    public bool IsApp { get; set; }

    /// <summary>Methods whose body is fast code, and its bytes in table 9 (the rest of table 9 is IL).</summary>
    public int FastMethods { get; set; }
    public int FastBytes { get; set; }

    public StringHeap Strings { get; } = new();
    public BlobHeap Blobs { get; } = new();
    public MemoryStream Il { get; } = new();
    public MemoryStream FieldData { get; } = new();

    public List<AssemblyRefRow> AssemblyRefs { get; } = [];
    public List<TypeRefRow> TypeRefs { get; } = [];
    public List<MemberRefRow> FieldRefs { get; } = [];
    public List<MemberRefRow> MethodRefs { get; } = [];
    public List<TypeDefRow> TypeDefs { get; } = [];
    public List<FieldDefRow> FieldDefs { get; } = [];
    public List<MethodDefRow> MethodDefs { get; } = [];
    public List<InternalCallRow> InternalCalls { get; } = [];
    public List<EhRow> EhClauses { get; } = [];
    public List<FieldRvaRow> FieldRvas { get; } = [];
    public List<InterfaceImplRow> InterfaceImpls { get; } = [];
    public List<MethodImplRow> MethodImpls { get; } = [];
    public List<TestRow> Tests { get; } = [];
}
