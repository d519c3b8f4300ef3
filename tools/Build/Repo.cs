namespace Nrf5340Sdk.Build;

/// <summary>Where things are: the repository root is the folder holding Directory.Build.props.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string BuildDir => Path.Combine(Root, "build");
    public static string GeneratedDir => Path.Combine(BuildDir, "generated");
    public static string ArtefactsDir => Path.Combine(BuildDir, "artefacts");
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string BoardDir(string board) => Path.Combine(Root, "boards", board);
    public static string PartitionTable(string board) => Path.Combine(BoardDir(board), "partitions.json");

    /// <summary>Downloaded and built third-party sources live outside the repository, shared by clones.</summary>
    public static string Cache => Environment.GetEnvironmentVariable("NRF5340_SDK_CACHE")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "nrf5340-sdk");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))
                && Directory.Exists(Path.Combine(dir.FullName, "boards")))
                return dir.FullName;
        throw new BuildException("cannot find the repository root (Directory.Build.props) above " + AppContext.BaseDirectory);
    }
}
