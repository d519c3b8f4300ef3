using System.Text;

namespace MetadataProcessor.Format;

/// <summary>
/// Table 7: every name and ldstr literal once, as u16 byte length, UTF-8 bytes, then a 0 byte. Offsets are
/// handed out in first-use order, so the same input always gives the same table.
/// </summary>
public sealed class StringHeap
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, uint> _offsets = new(StringComparer.Ordinal);
    private readonly MemoryStream _bytes = new();

    public int Size => (int)_bytes.Length;

    public int Count => _offsets.Count;

    /// <summary>Offset of <paramref name="value"/>, adding it if new. Throws <see cref="ArgumentException"/>
    /// with the reason when the string cannot be stored (lone surrogate, longer than 65,535 bytes).</summary>
    public uint Add(string value)
    {
        if (_offsets.TryGetValue(value, out uint offset))
            return offset;
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("the string holds a lone UTF-16 surrogate, which has no UTF-8 form");
        }
        if (utf8.Length > ushort.MaxValue)
            throw new ArgumentException($"the string is {utf8.Length} bytes of UTF-8; the format holds at most {ushort.MaxValue}");
        offset = (uint)_bytes.Length;
        _bytes.WriteByte((byte)utf8.Length);
        _bytes.WriteByte((byte)(utf8.Length >> 8));
        _bytes.Write(utf8);
        _bytes.WriteByte(0);
        _offsets.Add(value, offset);
        return offset;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
