namespace MetadataProcessor.Tests.Support;

/// <summary>A scratch directory deleted when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("metadata-processor-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(CompiledAssembly assembly)
    {
        string path = File(assembly.Name + ".dll");
        System.IO.File.WriteAllBytes(path, assembly.Bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
