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

    /// <summary>Builds everything; <paramref name="boardArtefacts"/> adds what a user flashes on the board (--board).</summary>
    public static int BuildAll(string board, Keys keys, bool boardArtefacts = false)
    {
        Setup.Ensure();
        Generate(board);
        var table = LoadTable(board);
        ProvisioningArtefact.Write(table, keys);
        string[] cacheArgs = [$"-DSDK_GENERATED_DIR={Repo.GeneratedDir}", .. ThirdPartySources.Ensure().CMakeCacheArgs];
        NativeBuild.Build(NativeBuild.HostTest, cacheArgs);
        // The second stage compiles in the public half of the key its updates are signed with.
        NativeBuild.Build(NativeBuild.CortexM33, [.. cacheArgs, $"-DMB_SIGNING_KEY={keys.Mcuboot}"]);
        FirmwareArtefacts.Write(table, keys);
        ManagedBuild.Build();
        ManagedDeployment.Write(table, keys);
        if (boardArtefacts)
            DkArtefacts.Write(table, keys, DkArtefacts.DefaultDir);
        // After the deployment: the csharp_* cases put the signed deployment (image 3) in flash.
        QemuSmoke.WriteImages(table);
        return 0;
    }

    public static int TestAll(string board, Keys keys, bool boardArtefacts = false)
    {
        BuildAll(board, keys, boardArtefacts);
        var tally = new TestTally();
        var xunit = ManagedBuild.Test(tally);
        var ctest = NativeBuild.Test(tally);
        var qemu = QemuSmoke.Test(tally);
        Log.Section("summary");
        Log.Info($"xunit: {Verdict(xunit)}; ctest: {Verdict(ctest)}; qemu: {Verdict(qemu)}");
        // The last line: every suite's tests added up, so a run that executed nothing shows "0 passed".
        Log.Info($"total: {tally}");
        return xunit == 0 && ctest == 0 && qemu == 0 && tally.Passed > 0 ? 0 : 1;
    }

    private static string Verdict(int exitCode) => exitCode == 0 ? "passed" : "FAILED";

    public static int Sizes(string board) => SizeReport.Print(LoadTable(board));

    /// <summary>Builds, then runs every benchmark script (bench/*/run.sh): measurements, not tests.</summary>
    public static int Bench(string board, Keys keys)
    {
        BuildAll(board, keys);
        var failed = 0;
        foreach (var script in Directory.GetFiles(Path.Combine(Repo.Root, "bench"), "run.sh", SearchOption.AllDirectories).Order())
        {
            Log.Section($"bench {Path.GetRelativePath(Repo.Root, Path.GetDirectoryName(script)!)}");
            if (Shell.Run("bash", [script], workingDir: Repo.Root) != 0)
                failed++;
        }
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Builds, then runs the simulated DK in the foreground; its state persists in build/dk.</summary>
    public static int Dk(string board, Keys keys)
    {
        BuildAll(board, keys, boardArtefacts: false);
        Log.Section("simulated DK (tools/DkSim)");
        return DkSim.DkCommands.Run(new DkSim.DkOptions { StateFolder = DkSim.DkCommands.DefaultState, SerialPort = 1338 }, fresh: false);
    }

    /// <summary>Builds everything and reports the artefacts; then boots the emulated DK, unless the run was for
    /// a board's flashable artefacts (--board), which are the result then.</summary>
    public static int Run(string board, Keys keys, bool boardArtefacts, bool fresh, int smpPort)
    {
        BuildAll(board, keys, boardArtefacts);
        var sizes = Sizes(board);
        if (boardArtefacts || sizes != 0)
            return sizes;
        return EmulatedDk.Run(LoadTable(board), fresh, smpPort);
    }
}
