namespace Nrf5340Sdk.Board;

public enum MemoryKind { Flash, Otp, Ram }

/// <summary>A physical memory of one core (flash, OTP, SRAM).</summary>
public sealed record Memory(
    string Name, string Core, MemoryKind Kind, uint Base, uint Size,
    uint PageSize, uint WriteUnit, uint LockRegion)
{
    public uint End => Base + Size;
}

/// <summary>Where code linked into a partition keeps its RAM, and how far into the partition it starts.</summary>
public sealed record LinkInfo(string Ram, uint Offset);

public sealed record Partition(
    string Name, string MemoryName, string? Parent, uint Address, uint Size, bool Locked, LinkInfo? Link)
{
    public uint End => Address + Size;
}

/// <summary>An MCUboot image number and the partitions it updates.</summary>
public sealed record ImageSlot(int Number, string Name, IReadOnlyList<string> Primary, string Secondary);

public sealed record SwapSettings(string Algorithm, int MaxSectors);

public sealed class PartitionTable
{
    public required string Board { get; init; }
    public required IReadOnlyList<Memory> Memories { get; init; }
    public required IReadOnlyList<Partition> Partitions { get; init; }
    public required IReadOnlyList<ImageSlot> Images { get; init; }
    public required SwapSettings Swap { get; init; }

    public Partition this[string name] =>
        Partitions.FirstOrDefault(p => p.Name == name)
        ?? throw new BoardTableException($"partition '{name}' is not in the {Board} table");

    public Memory MemoryOf(Partition p) => Memories.First(m => m.Name == p.MemoryName);

    public ImageSlot Image(string name) =>
        Images.FirstOrDefault(i => i.Name == name)
        ?? throw new BoardTableException($"image '{name}' is not in the {Board} table");

    /// <summary>
    /// Largest signed image (header + payload + TLVs) a primary slot can take with swap using move:
    /// one sector stays free for the move, and the trailer's sectors at the end are not image space.
    /// </summary>
    public uint MaxImageSize(Partition slot)
    {
        var memory = MemoryOf(slot);
        var page = memory.PageSize;
        var trailerPages = (TrailerSize(memory) + page - 1) / page;
        return slot.Size - page * (1 + trailerPages);
    }

    /// <summary>
    /// Bytes an image may take in a partition: the update slot of a single image keeps room for the swap's free
    /// sector and the trailer; any other partition is all image.
    /// </summary>
    public uint ImageBudget(Partition p) =>
        p.Parent is null && Images.Any(i => i.Primary.Count == 1 && i.Primary[0] == p.Name) ? MaxImageSize(p) : p.Size;

    /// <summary>
    /// MCUboot's swap-move trailer: 3 status entries of one write unit per sector, then swap_size, swap_info,
    /// copy_done and image_ok padded to the 8-byte maximum alignment, then the 16-byte magic.
    /// </summary>
    public uint TrailerSize(Memory flash) => (uint)Swap.MaxSectors * 3 * flash.WriteUnit + 4 * MaxAlign + 16;

    public const uint MaxAlign = 8;

    public static PartitionTable Load(string path) => PartitionTableReader.Read(path);
}

public sealed class BoardTableException(string message) : Exception(message);
