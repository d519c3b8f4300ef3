using static Nrf5340Sdk.Conformance.Tests.ConformanceTests;

namespace Nrf5340Sdk.Conformance.Tests;

/// <summary>
/// tests/corlib/CoreLibrary.Tests, unit tests written with nanoFramework.TestFramework, runs on .NET (the
/// framework's reflection runner) and on our runtime (nfclr_sim --test): the same lines, byte for byte, and no
/// failure. A wrong expectation cannot hide: it fails on .NET too.
/// </summary>
public class CorlibUnitTests
{
    const string Project = "CoreLibrary.Tests";

    [Fact]
    public void Corlib_unit_tests_pass_with_the_same_output_on_dotnet_and_our_runtime()
    {
        var dotnetDir = Path.GetDirectoryName(Built(Project, "net10.0", $"{Project}.dll"))!;
        var deviceDir = Path.GetDirectoryName(Built(Project, "device", $"{Project}.dll"))!;

        var expected = Run("dotnet", [Path.Combine(dotnetDir, "nanoFramework.TestFramework.dll"), Path.Combine(dotnetDir, $"{Project}.dll")]);
        Assert.True(expected.Exit == 0, $"tests fail on .NET (exit {expected.Exit}):\n{expected.Out}{expected.Err}");
        Assert.Matches(@"\n[1-9][0-9]* passed, 0 failed\n$", "\n" + expected.Out);

        var image = Path.Combine(Path.GetTempPath(), $"{Project}-{Environment.ProcessId}.nfdeploy");
        try
        {
            var processor = Run("dotnet", [Built("MetadataProcessor", "net10.0", "MetadataProcessor.dll"), "build", "--out", image,
                Path.Combine(deviceDir, "mscorlib.dll"), Path.Combine(deviceDir, "nanoFramework.TestFramework.dll"),
                Path.Combine(deviceDir, $"{Project}.dll")]);
            Assert.True(processor.Exit == 0, $"metadata processor refused the tests: {processor.Out}{processor.Err}");

            var actual = Run(Runtime(), ["--test", image]);
            Assert.Equal(expected.Out, actual.Out);
            Assert.True(actual.Exit == 0, $"nfclr_sim --test exited {actual.Exit}: {actual.Err}");
        }
        finally
        {
            File.Delete(image);
        }
    }
}
