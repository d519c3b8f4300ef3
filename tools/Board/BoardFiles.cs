namespace Nrf5340Sdk.Board;

/// <summary>Writes every generated file of a board into one folder, touching only files whose text changed.</summary>
public static class BoardFiles
{
    public static IReadOnlyList<string> Write(PartitionTable t, string outputDir)
    {
        Directory.CreateDirectory(outputDir);
        var files = new List<(string Name, string Text)>
        {
            (CHeaderGenerator.FileName, CHeaderGenerator.Generate(t)),
            (CSharpConstantsGenerator.FileName, CSharpConstantsGenerator.Generate(t)),
        };
        files.AddRange(LinkerRegionsGenerator.Generate(t));
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(outputDir, name);
            // Unchanged files keep their timestamps so CMake and MSBuild do not rebuild needlessly.
            if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
        }
        return files.Select(f => Path.Combine(outputDir, f.Name)).ToList();
    }
}
