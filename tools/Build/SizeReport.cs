using Nrf5340Sdk.Board;

namespace Nrf5340Sdk.Build;

/// <summary>
/// An artefact the build places in a partition, and where the build writes it. A <paramref name="HeaderPartition"/>
/// holds the artefact's first bytes (the MCUboot header in s0_pad), which do not count against the partition.
/// </summary>
public sealed record Artefact(string Name, string Path, string Partition, string? HeaderPartition = null);

/// <summary>Prints the partition map with every produced artefact's size against its partition's budget.</summary>
public static class SizeReport
{
    /// <summary>Artefacts the build produces; each new stage adds its line here.</summary>
    public static readonly IReadOnlyList<Artefact> Known =
    [
        new("provision.hex", ProvisioningArtefact.FilePath, "provision"),
        new("b0_an505.bin", FirmwareArtefacts.Built("b0_an505", ".bin"), "b0"),
        new("mcuboot_an505 S0, signed", FirmwareArtefacts.Update("s0"), "s0_image", "s0_pad"),
        new("mcuboot_an505 S1, signed", FirmwareArtefacts.Update("s1"), "s1_image", "s1_pad"),
        new("nfclr_an505, signed", FirmwareArtefacts.ClrApp, "mcuboot_primary"),
        new("C# deployment, signed", ManagedDeployment.SignedBin, "managed_deploy"),
        new("nrf5340dk b0", DkArtefacts.B0, "b0"),
        new("nrf5340dk S0, signed", DkArtefacts.SecondStageUpdate(DkArtefacts.DefaultDir, "s0"), "s0_image", "s0_pad"),
        new("nrf5340dk S1, signed", DkArtefacts.SecondStageUpdate(DkArtefacts.DefaultDir, "s1"), "s1_image", "s1_pad"),
        new("nrf5340dk app, signed", DkArtefacts.AppUpdate(DkArtefacts.DefaultDir), "mcuboot_primary"),
    ];

    public static int Print(PartitionTable t)
    {
        Log.Section($"{t.Board}: artefacts against partitions");
        var failures = new List<string>();
        Log.Info($"{"partition",-18} {"address",-10} {"size",9}  {"artefact",-28} {"bytes",8} {"budget",8} {"used",5}");
        foreach (var p in t.Partitions)
        {
            var indent = p.Parent is null ? "" : "  ";
            var artefacts = Known.Where(a => a.Partition == p.Name && File.Exists(a.Path)).ToList();
            var head = $"{indent + p.Name,-18} {Names(p.Address),-10} {p.Size,9}";
            if (artefacts.Count == 0) { Log.Info(head); continue; }
            foreach (var a in artefacts)
            {
                var bytes = ArtefactSize(a.Path) - (a.HeaderPartition is { } header ? t[header].Size : 0);
                var budget = t.ImageBudget(p);
                Log.Info($"{head}  {a.Name,-28} {bytes,8} {budget,8} {100.0 * bytes / budget,4:0}%");
                if (PartitionTableValidator.CheckFits(p, a.Name, bytes, budget) is { } error) failures.Add(error);
                head = new string(' ', head.Length);
            }
        }
        foreach (var f in failures) Log.Error(f);
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Bytes a file occupies in flash: data bytes for Intel HEX, the length otherwise.</summary>
    private static long ArtefactSize(string path) =>
        path.EndsWith(".hex", StringComparison.OrdinalIgnoreCase)
            ? File.ReadLines(path).Where(l => l.Length >= 11 && l[0] == ':' && l.Substring(7, 2) == "00")
                .Sum(l => Convert.ToInt32(l.Substring(1, 2), 16))
            : new FileInfo(path).Length;

    private static string Names(uint address) => $"0x{address:X8}";
}
