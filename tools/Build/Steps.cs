using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>The build's steps, composed by the commands in Program.cs.</summary>
public static class Steps
{
    public static PartitionTable LoadTable(string board) => PartitionTable.Load(Repo.PartitionTable(board));

    public static int Generate(string board)
    {
        Log.Section($"generate ({board})");
        foreach (var file in BoardFiles.Write(LoadTable(board), Repo.GeneratedDir))
            Log.Step(Path.GetRelativePath(Repo.Root, file));
        return 0;
    }

    public static int BuildAll(string board, Keys keys)
    {
        Setup.Ensure();
        Generate(board);
        ProvisioningArtefact.Write(LoadTable(board), keys);
        string[] cacheArgs = [$"-DSDK_GENERATED_DIR={Repo.GeneratedDir}", .. ThirdPartySources.Ensure().CMakeCacheArgs];
        NativeBuild.Build(NativeBuild.HostTest, cacheArgs);
        NativeBuild.Build(NativeBuild.CortexM33, cacheArgs);
        ManagedBuild.Build();
        return 0;
    }

    public static int TestAll(string board, Keys keys)
    {
        BuildAll(board, keys);
        var tally = new TestTally();
        var xunit = ManagedBuild.Test(tally);
        var ctest = NativeBuild.Test(tally);
        Log.Section("summary");
        Log.Info($"xunit: {(xunit == 0 ? "passed" : "FAILED")}; ctest: {(ctest == 0 ? "passed" : "FAILED")}");
        // The last line: every suite's tests added up, so a run that executed nothing shows "0 passed".
        Log.Info($"total: {tally}");
        return xunit == 0 && ctest == 0 && tally.Passed > 0 ? 0 : 1;
    }

    public static int Sizes(string board) => SizeReport.Print(LoadTable(board));

    public static int Run(string board, Keys keys)
    {
        BuildAll(board, keys);
        return Sizes(board);
    }
}
