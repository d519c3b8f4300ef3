namespace MetadataProcessor.Format;

/// <summary>Table 8: signatures in the compact encoding. Identical signatures are stored once.</summary>
public sealed class BlobHeap
{
    private readonly Dictionary<string, uint> _offsets = new(StringComparer.Ordinal);
    private readonly MemoryStream _bytes = new();

    public int Size => (int)_bytes.Length;

    public uint Add(byte[] blob)
    {
        string key = Convert.ToHexString(blob);
        if (_offsets.TryGetValue(key, out uint offset))
            return offset;
        offset = (uint)_bytes.Length;
        _bytes.Write(blob);
        _offsets.Add(key, offset);
        return offset;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
