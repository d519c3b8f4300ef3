using System.Text;

namespace Nrf5340Sdk.Board;

/// <summary>board_partitions.h: memories (MEM_*), partitions (PM_*, as NCS's partition manager names them), images.</summary>
public static class CHeaderGenerator
{
    public const string FileName = "board_partitions.h";

    public static string Generate(PartitionTable t)
    {
        var s = new StringBuilder();
        s.AppendLine("/* " + string.Format(Names.DoNotEdit, t.Board) + " */");
        s.AppendLine("#ifndef BOARD_PARTITIONS_H");
        s.AppendLine("#define BOARD_PARTITIONS_H");
        s.AppendLine();
        s.AppendLine($"#define BOARD_NAME \"{t.Board}\"");
        s.AppendLine();
        foreach (var m in t.Memories)
        {
            var n = "MEM_" + Names.Macro(m.Name);
            s.AppendLine($"/* {m.Name}: {m.Kind.ToString().ToLowerInvariant()} of the {m.Core} core */");
            Define(s, n + "_BASE", Names.Hex(m.Base) + "u");
            Define(s, n + "_SIZE", Names.Hex(m.Size) + "u");
            if (m.Kind == MemoryKind.Flash)
            {
                Define(s, n + "_PAGE_SIZE", Names.Hex(m.PageSize) + "u");
                Define(s, n + "_LOCK_REGION", Names.Hex(m.LockRegion) + "u");
            }
            if (m.Kind != MemoryKind.Ram) Define(s, n + "_WRITE_UNIT", m.WriteUnit + "u");
        }
        s.AppendLine();
        foreach (var p in t.Partitions)
        {
            var n = "PM_" + Names.Macro(p.Name);
            s.AppendLine($"/* {p.Name}{(p.Parent is null ? "" : " (in " + p.Parent + ")")} */");
            Define(s, n + "_ADDRESS", Names.Hex(p.Address) + "u");
            Define(s, n + "_SIZE", Names.Hex(p.Size) + "u");
            Define(s, n + "_END_ADDRESS", Names.Hex(p.End) + "u");
            if (p.Locked) Define(s, n + "_LOCKED", "1");
        }
        s.AppendLine();
        s.AppendLine("/* MCUboot image numbers and slots */");
        Define(s, "SWAP_MAX_SECTORS", t.Swap.MaxSectors.ToString());
        Define(s, "BOOT_MAX_ALIGN", PartitionTable.MaxAlign.ToString());
        foreach (var i in t.Images)
            Define(s, $"IMAGE_NUMBER_{Names.Macro(i.Name)}", i.Number.ToString());
        Define(s, "IMAGE_COUNT", t.Images.Count.ToString());
        foreach (var slot in t.Images.SelectMany(i => i.Primary.Append(i.Secondary)).Distinct())
        {
            var p = t[slot];
            if (t.MemoryOf(p).Kind == MemoryKind.Flash && p.Parent is null)
                Define(s, $"PM_{Names.Macro(slot)}_MAX_IMAGE_SIZE", Names.Hex(t.MaxImageSize(p)) + "u");
        }
        s.AppendLine();
        s.AppendLine("#endif /* BOARD_PARTITIONS_H */");
        return s.ToString();
    }

    private static void Define(StringBuilder s, string name, string value) =>
        s.AppendLine($"#define {name,-40} {value}");
}
