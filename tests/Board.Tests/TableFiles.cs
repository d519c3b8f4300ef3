using System.Text.Json.Nodes;

namespace Nrf5340Sdk.Board.Tests;

/// <summary>The real table, and copies of it with one thing changed, written to temporary files.</summary>
internal static class TableFiles
{
    public static string RepoRoot { get; } = FindRoot();
    public static string Real => Path.Combine(RepoRoot, "boards", "nrf5340dk", "partitions.json");

    public static PartitionTable LoadReal() => PartitionTable.Load(Real);

    /// <summary>Loads the real table after <paramref name="edit"/> has changed its JSON.</summary>
    public static PartitionTable LoadEdited(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(Real))!.AsObject();
        edit(json);
        var path = Path.Combine(Path.GetTempPath(), $"partitions-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToJsonString());
        try { return PartitionTable.Load(path); }
        finally { File.Delete(path); }
    }

    public static JsonObject Partition(JsonObject table, string name) =>
        table["partitions"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["name"] == name);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Directory.Build.props"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
