namespace Nrf5340Sdk.Build;

/// <summary>The C# side: everything in the solution file.</summary>
public static class ManagedBuild
{
    public static string Solution => Path.Combine(Repo.Root, "nrf5340-sdk.slnx");

    public static void Build()
    {
        Log.Section("C# build");
        Shell.RunOrThrow("dotnet", ["build", Solution, "-c", "Release", "--nologo", "-v", "quiet"]);
    }

    public static int Test(TestTally tally)
    {
        Log.Section("C# tests (xunit)");
        return Shell.Run("dotnet", ["test", Solution, "-c", "Release", "--no-build", "--nologo"], onLine: tally.Read);
    }
}
