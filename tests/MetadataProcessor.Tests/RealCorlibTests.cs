using System.IO.Hashing;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>
/// Runs only when the real corlib has been built (managed/CoreLibrary/bin, or build/dotnet/bin/CoreLibrary where
/// Directory.Build.props sends device projects' output); otherwise xunit reports it skipped with the reason.
/// </summary>
public sealed class FactWhenCoreLibraryBuiltAttribute : FactAttribute
{
    public FactWhenCoreLibraryBuiltAttribute()
    {
        if (RealCorlib.Find() is null)
            Skip = $"skipped: the real corlib is not built (no mscorlib.dll under {string.Join(" or ", RealCorlib.Folders)}); run ./build.sh build first";
    }
}

public static class RealCorlib
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "nrf5340-sdk.slnx")))
                    return dir.FullName;
            return "";
        }
    }

    public static IEnumerable<string> Folders =>
    [
        Path.Combine(RepoRoot, "managed", "CoreLibrary", "bin"),
        Path.Combine(RepoRoot, "build", "dotnet", "bin", "CoreLibrary"),
    ];

    /// <summary>The newest implementation mscorlib.dll (not a reference assembly under ref/).</summary>
    public static string? Find() => Folders
        .Where(Directory.Exists)
        .SelectMany(f => Directory.EnumerateFiles(f, "mscorlib.dll", SearchOption.AllDirectories))
        .Where(p => !p.Split(Path.DirectorySeparatorChar).Contains("ref"))
        .OrderByDescending(File.GetLastWriteTimeUtc)
        .FirstOrDefault();
}

public class RealCorlibTests
{
    [FactWhenCoreLibraryBuilt]
    public void The_real_corlib_converts_when_built_and_its_internal_calls_are_sorted_and_checksummed()
    {
        string path = RealCorlib.Find()!;
        byte[] bytes = File.ReadAllBytes(path);
        var image = ParsedImage.Parse(DeploymentBuilder.Build([path]).Bytes);
        var corlib = Assert.Single(image.Assemblies);

        Assert.Equal("mscorlib", corlib.Name);
        Assert.Equal(Crc32.HashToUInt32(corlib.CrcCovered), corlib.Crc);
        using var pe = new PEReader(new MemoryStream(bytes));
        var md = pe.GetMetadataReader();
        Assert.Equal(md.TypeDefinitions.Count, corlib.Count(ParsedAssembly.TypeDefT));
        Assert.Equal(md.MethodDefinitions.Count, corlib.Count(ParsedAssembly.MethodDefT));
        Assert.Equal(0, corlib.Count(ParsedAssembly.AssemblyRefT));

        var names = Enumerable.Range(0, corlib.Count(ParsedAssembly.InternalCallT)).Select(i => corlib.InternalCall(i).Name).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        uint expected = names.Count == 0 ? 0 : Crc32.HashToUInt32(Encoding.UTF8.GetBytes(string.Concat(names.Select(n => n + "\n"))));
        Assert.Equal(expected, corlib.NativeChecksum);
    }

    [FactWhenCoreLibraryBuilt]
    public void An_app_compiled_against_the_real_corlib_converts_when_built_and_its_references_resolve()
    {
        string path = RealCorlib.Find()!;
        var corlib = new CompiledAssembly("mscorlib", File.ReadAllBytes(path));
        var app = TestCompiler.App("""
            public static class Program
            {
                public static int Main() { object o = new object(); string s = o.ToString(); return s == null ? 0 : s.Length; }
            }
            """, corlib);
        var image = ParsedImage.Parse(DeploymentBuilder.Build([corlib.Input, app.Input]).Bytes);
        Assert.Equal(["mscorlib", "App"], image.Assemblies.Select(a => a.Name));
        var parsed = image["App"];
        var methods = Enumerable.Range(0, parsed.Count(ParsedAssembly.MethodRefT)).Select(i => parsed.MethodRef(i).Name).ToList();
        Assert.Contains(".ctor", methods);
        Assert.Contains("ToString", methods);
        Assert.Contains("get_Length", methods);
    }
}

/// <summary>Fast code over the real corlib and the conformance programs, when they are built.</summary>
public class RealCorlibFastCodeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [FactWhenCoreLibraryBuilt]
    public void The_real_corlib_and_every_conformance_program_build_with_fast_code()
    {
        string corlib = RealCorlib.Find()!;
        var summary = DeploymentBuilder.Build([corlib]).Assemblies.Single();
        output.WriteLine($"mscorlib: {summary.FastMethods} of {summary.Methods} methods as fast code ({summary.FastBytes} fast bytes, {summary.IlBytes} IL bytes)");
        Assert.True(summary.FastMethods * 3 > summary.Methods, $"only {summary.FastMethods} of {summary.Methods} corlib methods translated");
        var kept = DeploymentBuilder.Build([corlib], fastCode: false).Assemblies.Single();
        Assert.Equal(0, kept.FastMethods);

        var programs = Directory.EnumerateDirectories(Path.Combine(RealCorlib.RepoRoot, "build", "dotnet", "bin"), "Conformance.*")
            .Select(d => (Name: Path.GetFileName(d), Device: Path.Combine(d, "Release", "device")))
            .Where(p => File.Exists(Path.Combine(p.Device, p.Name + ".dll")))
            .ToList();
        foreach (var (name, device) in programs)
        {
            var image = DeploymentBuilder.Build([Path.Combine(device, "mscorlib.dll"), Path.Combine(device, name + ".dll")]);
            var app = image.Assemblies[^1];
            output.WriteLine($"{name}: {app.FastMethods} of {app.Methods} methods as fast code");
            Assert.True(image.Bytes.Length > 0);
        }
        output.WriteLine($"{programs.Count} conformance programs built with fast code");
    }
}
