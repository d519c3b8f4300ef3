using System.Buffers.Binary;

namespace MetadataProcessor.Format;

/// <summary>
/// Lays one <see cref="DeployedAssembly"/> out as DEPLOYMENT_FORMAT.md says: the 40-byte header, the table
/// directory, then the tables in directory order, each 4-byte aligned, the whole padded to a multiple of 4 and
/// covered by the CRC from byte 16. A new table is one more line in <see cref="Tables"/>.
/// </summary>
public static class AssemblyImageWriter
{
    private sealed record TableContent(TableId Id, int Count, byte[] Bytes);

    public static byte[] Write(DeployedAssembly assembly)
    {
        uint nameOffset = assembly.Strings.Add(assembly.Name); // before the heaps are frozen below
        var tables = Tables(assembly).ToDictionary(t => t.Id);

        using var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        w.Write(new byte[DeploymentFormat.TablesStart]);
        var directory = new (uint Offset, uint Count)[DeploymentFormat.TableCount];
        for (int t = 0; t < DeploymentFormat.TableCount; t++)
        {
            if (!tables.TryGetValue((TableId)t, out var table) || table.Count == 0)
                continue;
            if (table.Bytes.Length != table.Count * EntrySize.Of(table.Id))
                throw new InvalidOperationException($"table {table.Id}: {table.Bytes.Length} bytes for {table.Count} entries");
            Align(w);
            directory[t] = ((uint)stream.Position, (uint)table.Count);
            w.Write(table.Bytes);
        }
        Align(w);
        w.Flush();

        byte[] image = stream.ToArray();
        var span = image.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[0..], DeploymentFormat.Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], DeploymentFormat.Version);
        ushort flags = (ushort)((assembly.EntryPoint != DeploymentFormat.None32 ? DeploymentFormat.FlagHasEntryPoint : 0) |
                                (assembly.IsApp ? DeploymentFormat.FlagIsApp : 0));
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)image.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], nameOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], assembly.Version.Major);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], assembly.Version.Minor);
        BinaryPrimitives.WriteUInt16LittleEndian(span[24..], assembly.Version.Build);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], assembly.Version.Revision);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], assembly.NativeChecksum);
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], assembly.EntryPoint);
        BinaryPrimitives.WriteUInt32LittleEndian(span[36..], 0);
        for (int t = 0; t < DeploymentFormat.TableCount; t++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(DeploymentFormat.HeaderSize + t * 8)..], directory[t].Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(DeploymentFormat.HeaderSize + t * 8 + 4)..], directory[t].Count);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], Crc32.Compute(span[DeploymentFormat.CrcStart..]));
        return image;
    }

    private static IEnumerable<TableContent> Tables(DeployedAssembly a) =>
    [
        Rows(TableId.AssemblyRef, a.AssemblyRefs),
        Rows(TableId.TypeRef, a.TypeRefs),
        Rows(TableId.FieldRef, a.FieldRefs),
        Rows(TableId.MethodRef, a.MethodRefs),
        Rows(TableId.TypeDef, a.TypeDefs),
        Rows(TableId.FieldDef, a.FieldDefs),
        Rows(TableId.MethodDef, a.MethodDefs),
        Bytes(TableId.Strings, a.Strings.ToArray()),
        Bytes(TableId.Blob, a.Blobs.ToArray()),
        Bytes(TableId.IL, a.Il.ToArray()),
        Rows(TableId.InternalCall, a.InternalCalls),
        Rows(TableId.EH, a.EhClauses),
        Bytes(TableId.FieldData, a.FieldData.ToArray()),
        Rows(TableId.FieldRva, a.FieldRvas),
        Rows(TableId.InterfaceImpl, a.InterfaceImpls),
        Rows(TableId.MethodImpl, a.MethodImpls),
        Rows(TableId.Test, a.Tests),
    ];

    private static TableContent Rows<T>(TableId id, IReadOnlyList<T> rows) where T : ITableRow
    {
        using var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        foreach (var row in rows)
            row.Write(w);
        w.Flush();
        return new TableContent(id, rows.Count, stream.ToArray());
    }

    private static TableContent Bytes(TableId id, byte[] bytes) => new(id, bytes.Length, bytes);

    private static void Align(BinaryWriter w)
    {
        while (w.BaseStream.Position % 4 != 0)
            w.Write((byte)0);
    }
}
