using System.Buffers.Binary;
using System.Text;
using MetadataProcessor.Format;

namespace MetadataProcessor.Dump;

/// <summary>
/// One assembly of a deployment image, read back for `dump`. Checks the structure the runtime checks
/// (magic, format, sizes, tables inside the assembly) and reports the CRC rather than refusing on it, so a
/// damaged image can still be looked at.
/// </summary>
public sealed class ImageAssembly
{
    private readonly byte[] _bytes;

    private ImageAssembly(int imageOffset, byte[] bytes)
    {
        ImageOffset = imageOffset;
        _bytes = bytes;
        var span = bytes.AsSpan();
        Format = U16(4);
        Flags = U16(6);
        TotalSize = U32(8);
        Crc = U32(12);
        ComputedCrc = Crc32.Compute(span[DeploymentFormat.CrcStart..]);
        NameOffset = U32(16);
        Version = new AssemblyVersion(U16(20), U16(22), U16(24), U16(26));
        NativeChecksum = U32(28);
        EntryPoint = U32(32);
        Directory = new (uint Offset, uint Count)[DeploymentFormat.TableCount];
        for (int t = 0; t < DeploymentFormat.TableCount; t++)
        {
            uint offset = U32(DeploymentFormat.HeaderSize + t * 8), count = U32(DeploymentFormat.HeaderSize + t * 8 + 4);
            long end = offset + (long)count * EntrySize.Of((TableId)t);
            if (count != 0 && (offset < DeploymentFormat.TablesStart || end > bytes.Length || offset % 4 != 0))
                throw new ToolException($"assembly at 0x{imageOffset:x}: table {(TableId)t} at 0x{offset:x} with {count} entries lies outside the assembly (0x{bytes.Length:x} bytes) or is not 4-byte aligned");
            Directory[t] = (offset, count);
        }
        Name = String(NameOffset);
    }

    public int ImageOffset { get; }
    public ushort Format { get; }
    public ushort Flags { get; }
    public uint TotalSize { get; }
    public uint Crc { get; }
    public uint ComputedCrc { get; }
    public uint NameOffset { get; }
    public string Name { get; }
    public AssemblyVersion Version { get; }
    public uint NativeChecksum { get; }
    public uint EntryPoint { get; }
    public (uint Offset, uint Count)[] Directory { get; }

    public int Count(TableId table) => (int)Directory[(int)table].Count;

    /// <summary>Entry <paramref name="index"/> of a fixed-size table, or the whole of a byte table.</summary>
    public ReadOnlySpan<byte> Row(TableId table, int index)
    {
        if ((uint)index >= Directory[(int)table].Count)
            throw new ToolException($"{Name}: {table} index {index} outside the table ({Directory[(int)table].Count} entries)");
        int size = EntrySize.Of(table);
        return _bytes.AsSpan((int)Directory[(int)table].Offset + index * size, size);
    }

    public ReadOnlySpan<byte> Table(TableId table) =>
        _bytes.AsSpan((int)Directory[(int)table].Offset, (int)Directory[(int)table].Count * EntrySize.Of(table));

    public string String(uint offset)
    {
        var strings = Table(TableId.Strings);
        if (offset + 3 > strings.Length)
            throw new ToolException($"string offset 0x{offset:x} outside the string table ({strings.Length} bytes)");
        int length = BinaryPrimitives.ReadUInt16LittleEndian(strings[(int)offset..]);
        if (offset + 3 + length > strings.Length || strings[(int)offset + 2 + length] != 0)
            throw new ToolException($"string at 0x{offset:x} runs past the string table or lacks its 0 byte");
        return Encoding.UTF8.GetString(strings.Slice((int)offset + 2, length));
    }

    public IReadOnlyList<(uint Offset, string Value)> Strings()
    {
        var list = new List<(uint, string)>();
        var strings = Table(TableId.Strings);
        uint offset = 0;
        while (offset < strings.Length)
        {
            string value = String(offset);
            list.Add((offset, value));
            offset += 3 + (uint)Encoding.UTF8.GetByteCount(value);
        }
        return list;
    }

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(at));

    /// <summary>The assemblies of an image: back to back until a word that is not the magic, or the end.</summary>
    public static IReadOnlyList<ImageAssembly> ReadAll(byte[] image)
    {
        var assemblies = new List<ImageAssembly>();
        int offset = 0;
        while (offset + 4 <= image.Length && BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(offset)) == DeploymentFormat.Magic)
        {
            if (offset + DeploymentFormat.TablesStart > image.Length)
                throw new ToolException($"assembly at 0x{offset:x}: the image ends inside its header");
            ushort format = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(offset + 4));
            if (format != DeploymentFormat.Version)
                throw new ToolException($"assembly at 0x{offset:x}: format {format}, this tool reads format {DeploymentFormat.Version}");
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(offset + 8));
            if (size < DeploymentFormat.TablesStart || size % 4 != 0 || size > image.Length - offset)
                throw new ToolException($"assembly at 0x{offset:x}: total_size {size} is not a multiple of 4 within the image ({image.Length - offset} bytes left)");
            assemblies.Add(new ImageAssembly(offset, image.AsSpan(offset, (int)size).ToArray()));
            offset += (int)size;
        }
        if (assemblies.Count == 0)
            throw new ToolException($"no deployment image: the first word is not the magic 0x{DeploymentFormat.Magic:x8} (\"NNA1\")");
        return assemblies;
    }
}
