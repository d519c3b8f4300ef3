namespace MetadataProcessor.FastCode;

/// <summary>
/// The map of a fast body (DEPLOYMENT_FORMAT.md, "Fast code"): per entry, in code order, the code offset's increase
/// and the IL offset's change (zigzag), each a variable-length number of 7 bits per byte, low bits first.
/// </summary>
public static class FastMap
{
    public static byte[] Encode(IEnumerable<(int Code, int Il)> entries)
    {
        var bytes = new List<byte>();
        int code = 0, il = 0;
        foreach (var (c, i) in entries.OrderBy(e => e.Code))
        {
            Number(bytes, (uint)(c - code));
            int change = i - il;
            Number(bytes, (uint)((change << 1) ^ (change >> 31)));
            (code, il) = (c, i);
        }
        return [.. bytes];
    }

    /// <summary>The entries, or null when the bytes do not parse.</summary>
    public static List<(int Code, int Il)>? Decode(ReadOnlySpan<byte> map)
    {
        var entries = new List<(int, int)>();
        int pos = 0, code = 0, il = 0;
        while (pos < map.Length)
        {
            if (Read(map, ref pos) is not { } step || Read(map, ref pos) is not { } change)
                return null;
            code += (int)step;
            il += (int)(change >> 1) ^ -(int)(change & 1);
            entries.Add((code, il));
        }
        return entries;
    }

    private static void Number(List<byte> bytes, uint v)
    {
        for (; v >= 0x80; v >>= 7)
            bytes.Add((byte)(v | 0x80));
        bytes.Add((byte)v);
    }

    private static uint? Read(ReadOnlySpan<byte> map, ref int pos)
    {
        uint v = 0;
        for (int shift = 0; pos < map.Length && shift < 21; shift += 7)
        {
            byte b = map[pos++];
            v |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
                return v;
        }
        return null;
    }
}
