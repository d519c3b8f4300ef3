using System.Diagnostics;

namespace Nrf5340Sdk.Conformance.Tests;

/// <summary>
/// Each program in tests/conformance runs twice: on .NET (its net10.0 build) and on our runtime (its device
/// build and our mscorlib, turned into a deployment image by the metadata processor and run by nfclr_sim).
/// The outputs must be identical, byte for byte.
/// </summary>
public class ConformanceTests
{
    internal static readonly string Root = FindRoot();
    static readonly string Bin = Path.Combine(Root, "build", "dotnet", "bin");

    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Root, "tests", "conformance")).Order())
            if (File.Exists(Path.Combine(dir, "Program.cs")))
                data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Output_on_our_runtime_equals_dotnet(string program) => Compare(program, gcStress: false);

    /// <summary>
    /// Again with a collection before every allocation and the heap verified after each (nfclr_sim --gc-stress):
    /// a reference the collector misses shows as different output or as a verifier report on stderr.
    /// </summary>
    [Theory]
    [MemberData(nameof(Programs))]
    public void Output_under_gc_stress_equals_dotnet(string program) => Compare(program, gcStress: true);

    static void Compare(string program, bool gcStress)
    {
        var name = $"Conformance.{program}";
        var dotnetDll = Built(name, "net10.0", $"{name}.dll");
        var deviceDir = Path.GetDirectoryName(Built(name, "device", $"{name}.dll"))!;

        var expected = Run("dotnet", [dotnetDll]);
        Assert.True(expected.Exit == 0, $"{program} on .NET exited {expected.Exit}: {expected.Err}");

        var image = Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}-{gcStress}.nfdeploy");
        try
        {
            var processor = Run("dotnet", [.. ProcessorBuild(image), Path.Combine(deviceDir, "mscorlib.dll"), Path.Combine(deviceDir, $"{name}.dll")]);
            Assert.True(processor.Exit == 0, $"metadata processor refused {program}: {processor.Out}{processor.Err}");

            var options = RuntimeOptions(program);
            if (gcStress)
                options.Add("--gc-stress");
            var actual = Run(Runtime(), [.. options, image]);
            Assert.True(actual.Exit == 0, $"{program} on our runtime exited {actual.Exit}: {actual.Err}");
            Assert.Equal(expected.Out, actual.Out);
            Assert.Equal("", actual.Err);
        }
        finally
        {
            File.Delete(image);
        }
    }

    /// <summary>nfclr_sim options from the program's first line, "// nfclr_sim: --ram 131072 ...", if it has one.</summary>
    static List<string> RuntimeOptions(string program)
    {
        const string prefix = "// nfclr_sim:";
        var first = File.ReadLines(Path.Combine(Root, "tests", "conformance", program, "Program.cs")).FirstOrDefault() ?? "";
        return first.StartsWith(prefix, StringComparison.Ordinal)
            ? [.. first[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)]
            : [];
    }

    /// <summary>The metadata processor's build command up to its inputs (bodies translated into fast code).</summary>
    internal static string[] ProcessorBuild(string image) =>
        [Built("MetadataProcessor", "net10.0", "MetadataProcessor.dll"), "build", "--out", image];

    internal static string Built(string project, string framework, string file)
    {
        var path = Path.Combine(Bin, project, "Release", framework, file);
        Assert.True(File.Exists(path), $"{path} is missing: run ./build.sh build first");
        return path;
    }

    internal static string Runtime()
    {
        var path = Path.Combine(Root, "build", "cmake", "host-test", "nf-interpreter-port", "clr", "nfclr_sim");
        Assert.True(File.Exists(path), $"{path} is missing: run ./build.sh build first");
        return path;
    }

    internal static (int Exit, string Out, string Err) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "nrf5340-sdk.slnx")))
                return dir;
        throw new InvalidOperationException("repository root (nrf5340-sdk.slnx) not found");
    }
}
