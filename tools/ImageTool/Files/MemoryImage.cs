namespace ImageTool.Files;

/// <summary>
/// Bytes at absolute addresses, possibly with holes (what an Intel HEX file describes). Every byte remembers
/// which input it came from so an overlap can name both culprits.
/// </summary>
public sealed class MemoryImage
{
    public sealed record Segment(uint Address, byte[] Data, string Source)
    {
        public ulong End => (ulong)Address + (ulong)Data.Length;
    }

    private readonly List<Segment> _segments = [];

    /// <summary>Entry point from a type 03 (CS:IP) or 05 (EIP) record, kept so merged files still boot.</summary>
    public HexStartAddress? StartAddress { get; private set; }

    public IReadOnlyList<Segment> Segments => _segments;

    public bool IsEmpty => _segments.Count == 0;

    public uint MinAddress => IsEmpty ? throw new ToolException("the image is empty") : _segments[0].Address;

    /// <summary>One past the highest written address.</summary>
    public ulong EndAddress => IsEmpty ? throw new ToolException("the image is empty") : _segments[^1].End;

    public static MemoryImage FromBytes(uint address, ReadOnlySpan<byte> data, string source)
    {
        var image = new MemoryImage();
        image.Add(address, data, source);
        return image;
    }

    /// <summary>Adds bytes; refuses to write any address twice.</summary>
    public void Add(uint address, ReadOnlySpan<byte> data, string source)
    {
        if (data.IsEmpty)
            return;
        ulong end = (ulong)address + (ulong)data.Length;
        if (end > 0x1_0000_0000UL)
            throw new ToolException($"{source}: {data.Length} bytes at 0x{address:x} run past the 4 GiB address space");

        int index = _segments.FindIndex(s => s.Address >= address);
        if (index < 0)
            index = _segments.Count;
        CheckOverlap(index - 1, address, end, source);
        CheckOverlap(index, address, end, source);

        // Merge with a touching neighbour from the same source so a hex file reads as a few large runs.
        if (index > 0 && _segments[index - 1].End == address && _segments[index - 1].Source == source)
        {
            var previous = _segments[index - 1];
            _segments[index - 1] = previous with { Data = [.. previous.Data, .. data] };
            index--;
        }
        else
        {
            _segments.Insert(index, new Segment(address, data.ToArray(), source));
        }

        if (index + 1 < _segments.Count && _segments[index].End == _segments[index + 1].Address
            && _segments[index + 1].Source == source)
        {
            _segments[index] = _segments[index] with { Data = [.. _segments[index].Data, .. _segments[index + 1].Data] };
            _segments.RemoveAt(index + 1);
        }
    }

    private void CheckOverlap(int index, uint address, ulong end, string source)
    {
        if (index < 0 || index >= _segments.Count)
            return;
        var other = _segments[index];
        ulong start = Math.Max(address, other.Address);
        ulong stop = Math.Min(end, other.End);
        if (start < stop)
        {
            string what = other.Source == source
                ? $"{source} writes 0x{start:x}..0x{stop - 1:x} twice"
                : $"{other.Source} and {source} overlap at 0x{start:x}..0x{stop - 1:x}";
            throw new ToolException($"overlapping data: {what}");
        }
    }

    public void SetStartAddress(HexStartAddress start, string source)
    {
        if (StartAddress is { } existing && existing != start)
            throw new ToolException(
                $"{source}: start address {start} conflicts with start address {existing} of an earlier input");
        StartAddress = start;
    }

    /// <summary>Copies every segment and the start address of <paramref name="other"/> into this image.</summary>
    public void AddAll(MemoryImage other)
    {
        foreach (var segment in other.Segments)
            Add(segment.Address, segment.Data, segment.Source);
        if (other.StartAddress is { } start)
            SetStartAddress(start, other.Segments.Count > 0 ? other.Segments[0].Source : "input");
    }

    /// <summary>The bytes from the lowest to the highest address, holes filled with <paramref name="fill"/>.</summary>
    public byte[] ToContiguous(byte fill = 0xFF) => Slice(MinAddress, checked((int)(EndAddress - MinAddress)), fill);

    /// <summary>A fixed-size window of memory, unwritten bytes set to <paramref name="fill"/>.</summary>
    public byte[] Slice(uint address, int length, byte fill = 0xFF)
    {
        var result = new byte[length];
        Array.Fill(result, fill);
        ulong windowEnd = (ulong)address + (ulong)length;
        foreach (var segment in _segments)
        {
            ulong start = Math.Max(address, segment.Address);
            ulong stop = Math.Min(windowEnd, segment.End);
            if (start < stop)
                segment.Data.AsSpan((int)(start - segment.Address), (int)(stop - start))
                    .CopyTo(result.AsSpan((int)(start - address)));
        }
        return result;
    }
}

/// <summary>An Intel HEX start address record: type 03 holds CS:IP, type 05 an EIP.</summary>
public readonly record struct HexStartAddress(byte RecordType, uint Value)
{
    public override string ToString() => RecordType == 3 ? $"CS:IP 0x{Value:x8}" : $"EIP 0x{Value:x8}";
}
