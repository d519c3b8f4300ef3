using static Nrf5340Sdk.Conformance.Tests.ConformanceTests;

namespace Nrf5340Sdk.Conformance.Tests;

/// <summary>
/// The projects of tests/corlib, written with nanoFramework.TestFramework, run on .NET (the framework's reflection
/// runner) and on our runtime (nfclr_sim --test): the same lines, byte for byte, and the same exit code.
/// CoreLibrary.Tests, the corlib's unit tests, must pass: a wrong expectation fails on .NET too.
/// TestFramework.Scenarios fails on purpose; its lines are pinned in its expected.txt.
/// </summary>
public class UnitTestProjectTests
{
    public static TheoryData<string, int> Projects() => new() { { "CoreLibrary.Tests", 0 }, { "TestFramework.Scenarios", 4 } };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Tests_print_the_same_lines_on_dotnet_and_our_runtime(string project, int exit)
    {
        var dotnetDir = Path.GetDirectoryName(Built(project, "net10.0", $"{project}.dll"))!;
        var deviceDir = Path.GetDirectoryName(Built(project, "device", $"{project}.dll"))!;

        var expected = Run("dotnet", [Path.Combine(dotnetDir, "nanoFramework.TestFramework.dll"), Path.Combine(dotnetDir, $"{project}.dll")]);
        Assert.True(expected.Exit == exit, $"{project} on .NET exited {expected.Exit}, not {exit}:\n{expected.Out}{expected.Err}");
        if (exit == 0)
            Assert.Matches(@"\n[1-9][0-9]* passed, 0 failed\n$", "\n" + expected.Out);
        var pinned = Path.Combine(Root, "tests", "corlib", project, "expected.txt");
        if (File.Exists(pinned))
            Assert.Equal(File.ReadAllText(pinned), expected.Out);

        var image = Path.Combine(Path.GetTempPath(), $"{project}-{Environment.ProcessId}.nfdeploy");
        try
        {
            var processor = Run("dotnet", [.. ProcessorBuild(image),
                Path.Combine(deviceDir, "mscorlib.dll"), Path.Combine(deviceDir, "nanoFramework.TestFramework.dll"),
                Path.Combine(deviceDir, $"{project}.dll")]);
            Assert.True(processor.Exit == 0, $"metadata processor refused {project}: {processor.Out}{processor.Err}");

            var actual = Run(Runtime(), ["--test", image]);
            Assert.Equal(expected.Out, actual.Out);
            Assert.True(actual.Exit == exit, $"nfclr_sim --test exited {actual.Exit}, not {exit}: {actual.Err}");
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public void The_dotnet_runner_refuses_bad_arguments_with_exit_1()
    {
        var runner = Built("TestFramework", "net10.0", "nanoFramework.TestFramework.dll");
        var none = Run("dotnet", [runner]);
        Assert.Equal((1, "usage: dotnet nanoFramework.TestFramework.dll TESTS.dll\n"), (none.Exit, none.Err));
        var missing = Run("dotnet", [runner, "/nonexistent/Tests.dll"]);
        Assert.Equal(1, missing.Exit);
        Assert.StartsWith("cannot load /nonexistent/Tests.dll: ", missing.Err);
    }
}
