namespace ImageTool.Tests.Support;

/// <summary>Paths to the reference data in ../shared/vectors, found from the repository root.</summary>
public static class Vectors
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Imgtool(string name) => Path.Combine(RepositoryRoot, "..", "shared", "vectors", "imgtool", name);

    public static string B0(string name) => Path.Combine(RepositoryRoot, "..", "shared", "vectors", "b0", name);

    public static string Keys(string name) => Path.Combine(RepositoryRoot, "bootloader", "keys", name);

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] Bytes(string path) => File.ReadAllBytes(path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
                return dir.FullName;
        throw new InvalidOperationException($"no Directory.Build.props above {AppContext.BaseDirectory}");
    }
}
