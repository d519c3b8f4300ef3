using System.Text.RegularExpressions;

namespace Nrf5340Sdk.Board;

/// <summary>
/// The rules a partition table must keep. Every message starts with the partition (or memory, or image)
/// at fault so a bad table is fixed where it is wrong.
/// </summary>
public static partial class PartitionTableValidator
{
    public static IReadOnlyList<string> Check(PartitionTable t)
    {
        var errors = new List<string>();
        foreach (var m in t.Memories) CheckMemory(m, errors);
        CheckUniqueNames(t, errors);
        foreach (var p in t.Partitions) CheckPartition(t, p, errors);
        CheckOverlaps(t, errors);
        CheckImages(t, errors);
        if (t.Swap.Algorithm != "move")
            errors.Add($"swap: algorithm '{t.Swap.Algorithm}' is not supported (move)");
        return errors;
    }

    public static void ThrowIfInvalid(PartitionTable t)
    {
        var errors = Check(t);
        if (errors.Count > 0)
            throw new BoardTableException($"{t.Board} partition table is invalid:\n  " + string.Join("\n  ", errors));
    }

    /// <summary>An artefact must fit the partition it is written to.</summary>
    public static string? CheckFits(Partition p, string artefact, long size, uint capacity) =>
        size <= capacity ? null
            : $"partition '{p.Name}': {artefact} is {size} bytes (0x{size:X}), {size - capacity} bytes over its " +
              $"{capacity} (0x{capacity:X}) bytes: shrink the image or grow '{p.Name}' in partitions.json";

    private static void CheckMemory(Memory m, List<string> errors)
    {
        var what = $"memory '{m.Name}'";
        if (m.Size == 0) errors.Add($"{what}: size is 0");
        if ((ulong)m.Base + m.Size > 0x1_0000_0000) errors.Add($"{what}: ends beyond 4 GiB");
        if (m.Kind != MemoryKind.Flash) return;
        if (m.PageSize == 0 || (m.PageSize & (m.PageSize - 1)) != 0)
            errors.Add($"{what}: page_size 0x{m.PageSize:X} must be a power of two");
        else if (m.Base % m.PageSize != 0 || m.Size % m.PageSize != 0)
            errors.Add($"{what}: base and size must be multiples of the 0x{m.PageSize:X} page");
        if (m.LockRegion != 0 && m.PageSize != 0 && m.LockRegion % m.PageSize != 0)
            errors.Add($"{what}: lock_region 0x{m.LockRegion:X} must be a multiple of the page size");
    }

    private static void CheckUniqueNames(PartitionTable t, List<string> errors)
    {
        foreach (var g in t.Partitions.GroupBy(p => p.Name).Where(g => g.Count() > 1))
            errors.Add($"partition '{g.Key}': defined {g.Count()} times");
        foreach (var p in t.Partitions.Where(p => !IdentifierPattern().IsMatch(p.Name)))
            errors.Add($"partition '{p.Name}': name must be lower case letters, digits and '_' (it becomes a C macro)");
    }

    private static void CheckPartition(PartitionTable t, Partition p, List<string> errors)
    {
        var what = $"partition '{p.Name}'";
        var m = t.MemoryOf(p);
        if (p.Size == 0) errors.Add($"{what}: size is 0");
        if (p.Address < m.Base || (ulong)p.Address + p.Size > m.End)
            errors.Add($"{what}: 0x{p.Address:X}..0x{(ulong)p.Address + p.Size:X} is outside memory '{m.Name}' " +
                       $"(0x{m.Base:X}..0x{m.End:X})");
        if (p.Parent is { } parentName && t.Partitions.FirstOrDefault(x => x.Name == parentName) is { } parent
            && (p.Address < parent.Address || p.End > parent.End))
            errors.Add($"{what}: lies outside its parent '{parent.Name}' (0x{parent.Address:X}..0x{parent.End:X})");
        if (m.Kind == MemoryKind.Flash && p.Parent is null && (p.Address % m.PageSize != 0 || p.Size % m.PageSize != 0))
            errors.Add($"{what}: address 0x{p.Address:X} and size 0x{p.Size:X} must be multiples of the " +
                       $"0x{m.PageSize:X} flash page (a page is the erase unit)");
        if (p.Locked && (m.LockRegion == 0 || p.Address % m.LockRegion != 0 || p.Size % m.LockRegion != 0))
            errors.Add($"{what}: locked partitions must start and end on 0x{m.LockRegion:X} SPU regions " +
                       $"(address 0x{p.Address:X}, size 0x{p.Size:X})");
        if (p.Link is { } link) CheckLink(t, p, m, link, errors);
    }

    private static void CheckLink(PartitionTable t, Partition p, Memory m, LinkInfo link, List<string> errors)
    {
        var what = $"partition '{p.Name}'";
        var ram = t.Partitions.FirstOrDefault(x => x.Name == link.Ram);
        if (ram is null || t.MemoryOf(ram).Kind != MemoryKind.Ram || t.MemoryOf(ram).Core != m.Core)
            errors.Add($"{what}: link.ram '{link.Ram}' must be a RAM partition of the {m.Core} core");
        if (link.Offset >= p.Size)
            errors.Add($"{what}: link.offset 0x{link.Offset:X} leaves no room for code");
    }

    private static void CheckOverlaps(PartitionTable t, List<string> errors)
    {
        // Siblings (same memory, same parent) must not overlap; a child overlapping its parent is the point.
        foreach (var group in t.Partitions.GroupBy(p => (p.MemoryName, p.Parent)))
        {
            var sorted = group.OrderBy(p => p.Address).ToList();
            for (var i = 1; i < sorted.Count; i++)
                if (sorted[i].Address < sorted[i - 1].End)
                    errors.Add($"partition '{sorted[i].Name}': 0x{sorted[i].Address:X} overlaps '{sorted[i - 1].Name}' " +
                               $"(0x{sorted[i - 1].Address:X}..0x{sorted[i - 1].End:X})");
        }
    }

    private static void CheckImages(PartitionTable t, List<string> errors)
    {
        foreach (var g in t.Images.GroupBy(i => i.Number).Where(g => g.Count() > 1))
            errors.Add($"image {g.Key}: number used by {string.Join(" and ", g.Select(i => i.Name))}");
        foreach (var image in t.Images)
        {
            var what = $"image '{image.Name}'";
            foreach (var name in image.Primary.Append(image.Secondary))
            {
                var p = t.Partitions.FirstOrDefault(x => x.Name == name);
                if (p is null) { errors.Add($"{what}: partition '{name}' is not in the table"); continue; }
                var m = t.MemoryOf(p);
                if (m.Kind != MemoryKind.Flash) { errors.Add($"{what}: partition '{name}' is not flash"); continue; }
                if (m.PageSize != 0 && p.Size / m.PageSize > (uint)t.Swap.MaxSectors)
                    errors.Add($"partition '{name}': {p.Size / m.PageSize} sectors exceed swap max_sectors {t.Swap.MaxSectors}");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
