using System.Text;

namespace Nrf5340Sdk.Board;

/// <summary>
/// memory_&lt;partition&gt;.ld for every partition that holds linked code: FLASH is that partition (after its
/// link offset, e.g. the MCUboot header), RAM is its link RAM, and every other RAM partition of the same core
/// is a region of its own (e.g. RAM_RETAINED) so stages can share fixed RAM records.
/// </summary>
public static class LinkerRegionsGenerator
{
    public static string FileName(Partition p) => $"memory_{p.Name}.ld";

    public static IEnumerable<(string FileName, string Text)> Generate(PartitionTable t) =>
        t.Partitions.Where(p => p.Link is not null).Select(p => (FileName(p), Generate(t, p)));

    public static string Generate(PartitionTable t, Partition p)
    {
        var link = p.Link!;
        var core = t.MemoryOf(p).Core;
        var ram = t[link.Ram];
        var flashLength = t.ImageBudget(p) - link.Offset;
        var s = new StringBuilder();
        s.AppendLine("/* " + string.Format(Names.DoNotEdit, t.Board) + " */");
        s.AppendLine("MEMORY");
        s.AppendLine("{");
        Region(s, "FLASH", "rx", p.Address + link.Offset, flashLength);
        Region(s, "RAM", "rwx", ram.Address, ram.Size);
        foreach (var other in t.Partitions.Where(o => o != ram && t.MemoryOf(o).Kind == MemoryKind.Ram
                                                     && t.MemoryOf(o).Core == core))
            Region(s, Names.Macro(other.Name), "rw", other.Address, other.Size);
        s.AppendLine("}");
        return s.ToString();
    }

    private static void Region(StringBuilder s, string name, string attrs, uint origin, uint length) =>
        s.AppendLine($"  {name,-14} ({attrs,-3}) : ORIGIN = {Names.Hex(origin)}, LENGTH = {Names.Hex(length)}");
}
