namespace Nrf5340Sdk.Build;

/// <summary>The C side: CMake presets from CMakePresets.json, configured and built in build/cmake/&lt;preset&gt;.</summary>
public static class NativeBuild
{
    public const string HostTest = "host-test";
    public const string Host = "host";
    public const string CortexM33 = "cortex-m33";

    public static string BinaryDir(string preset) => Path.Combine(Repo.BuildDir, "cmake", preset);

    public static void Build(string preset, IEnumerable<string> cacheArgs)
    {
        Log.Section($"native build ({preset})");
        Shell.RunOrThrow("cmake", ["--preset", preset, .. cacheArgs]);
        Shell.RunOrThrow("cmake", ["--build", "--preset", preset, "--parallel", Environment.ProcessorCount.ToString()]);
    }

    public static int Test(TestTally tally)
    {
        Log.Section("C tests (CTest)");
        return Shell.Run("ctest", ["--preset", HostTest], onLine: tally.Read);
    }
}
