using MetadataProcessor.Conversion;
using MetadataProcessor.Format;
using MetadataProcessor.Input;

namespace MetadataProcessor;

/// <summary>What went into an image, per assembly, for the build log.</summary>
public sealed record AssemblySummary(
    string Name, AssemblyVersion Version, int Offset, int Size, int Types, int Methods, int IlBytes,
    int InternalCalls, uint NativeChecksum, bool HasEntryPoint, int Tests, int FastMethods, int FastBytes);

public sealed record DeploymentImage(byte[] Bytes, IReadOnlyList<AssemblySummary> Assemblies);

/// <summary>
/// The processor: assemblies in, deployment image out. Orders the inputs by dependency, converts each
/// against the ones before it, and lays them back to back (each a multiple of 4 bytes, so each starts
/// 4-byte aligned).
/// </summary>
public static class DeploymentBuilder
{
    public static DeploymentImage Build(IReadOnlyList<string> paths, bool fastCode = true) =>
        Build(paths.Select(InputAssembly.Load).ToList(), fastCode);

    /// <param name="fastCode">Translate the bodies that can be into fast code (false: every body stays IL).</param>
    public static DeploymentImage Build(IReadOnlyList<InputAssembly> inputs, bool fastCode = true)
    {
        var resolver = new ReferenceResolver();
        var image = new MemoryStream();
        var summaries = new List<AssemblySummary>();
        var ordered = AssemblyOrder.Sort(inputs);
        foreach (var input in ordered)
        {
            DeployedAssembly deployed;
            try
            {
                deployed = AssemblyConverter.Convert(input, resolver, fastCode);
                if (input == ordered[^1])
                {
                    deployed.IsApp = true;
                    TestTable.Add(input, deployed); // only the app's tests run
                }
            }
            catch (BadImageFormatException e)
            {
                throw new ToolException($"{input.Name} ({input.Source}): malformed metadata or IL: {e.Message}");
            }
            byte[] bytes = AssemblyImageWriter.Write(deployed);
            summaries.Add(new AssemblySummary(
                deployed.Name, deployed.Version, (int)image.Length, bytes.Length, deployed.TypeDefs.Count, deployed.MethodDefs.Count,
                (int)deployed.Il.Length - deployed.FastBytes, deployed.InternalCalls.Count, deployed.NativeChecksum,
                deployed.EntryPoint != DeploymentFormat.None32, deployed.Tests.Count, deployed.FastMethods, deployed.FastBytes));
            image.Write(bytes);
            resolver.Add(input);
        }
        return new DeploymentImage(image.ToArray(), summaries);
    }
}
