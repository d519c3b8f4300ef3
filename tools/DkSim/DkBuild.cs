using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.DkSim;

/// <summary>
/// Where the simulated DK's parts come from: the repository's partition table and development keys, the build's
/// artefacts (build/artefacts) and the host executables of the host-test tree. Paths follow tools/Build.
/// </summary>
public sealed class DkBuild(string root)
{
    public string Root { get; } = root;

    public static DkBuild FindFromHere()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "boards")))
                return new DkBuild(dir.FullName);
        throw new DkException($"cannot find the repository root (Directory.Build.props) above {AppContext.BaseDirectory}");
    }

    public PartitionTable Table() => PartitionTable.Load(Path.Combine(Root, "boards", "nrf5340dk", "partitions.json"));

    public string Artefact(string name) => Existing(Path.Combine(Root, "build", "artefacts", name), "the build's artefacts");

    private string HostTree => Path.Combine(Root, "build", "cmake", "host-test");
    public string B0Sim => Existing(Path.Combine(HostTree, "bootloader", "b0", "b0_sim"), "the host-test tree");
    public string McubootSim => Existing(Path.Combine(HostTree, "bootloader", "mcuboot", "loader", "mcuboot_sim"), "the host-test tree");
    public string NfclrSim => Existing(Path.Combine(HostTree, "nf-interpreter-port", "clr", "nfclr_sim"), "the host-test tree");

    /// <summary>The raw second stage the Cortex-M33 build linked for a b0 slot ("s0", "s1"): input of update images.</summary>
    public string SecondStageBinary(string slot) => Existing(Path.Combine(Root, "build", "cmake", "cortex-m33", "bootloader",
        "ports", "qemu-an505", slot == "s0" ? "mcuboot_an505.bin" : $"mcuboot_an505_{slot}.bin"), "the cortex-m33 tree");

    public string DevelopmentKey(string which) =>
        Existing(Path.Combine(Root, "bootloader", "keys", $"DEVELOPMENT-ONLY-{which}-p256.pem"), "bootloader/keys");

    private static string Existing(string path, string where) =>
        File.Exists(path) ? path : throw new DkException($"{path} is missing from {where}: run ./build.sh build first");
}

/// <summary>The simulated DK cannot start or stopped: the message says why.</summary>
public sealed class DkException(string message) : Exception(message);
