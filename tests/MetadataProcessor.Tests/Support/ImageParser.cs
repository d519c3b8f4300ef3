using System.Buffers.Binary;
using System.Text;

namespace MetadataProcessor.Tests.Support;

/// <summary>
/// A small reader of the deployment format written from DEPLOYMENT_FORMAT.md alone (it shares no code with
/// the processor), so the tests check the bytes against the document, not the writer against itself.
/// </summary>
public sealed class ParsedImage
{
    public List<ParsedAssembly> Assemblies { get; } = [];

    public ParsedAssembly this[string name] => Assemblies.Single(a => a.Name == name);

    public static ParsedImage Parse(byte[] image)
    {
        var parsed = new ParsedImage();
        int offset = 0;
        while (offset + 4 <= image.Length && BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(offset)) == ParsedAssembly.Magic)
        {
            var assembly = new ParsedAssembly(image, offset);
            parsed.Assemblies.Add(assembly);
            Assert.True(assembly.TotalSize > 0 && assembly.TotalSize % 4 == 0, $"total_size {assembly.TotalSize} is not a positive multiple of 4");
            offset += (int)assembly.TotalSize;
        }
        Assert.Equal(image.Length, offset);
        return parsed;
    }
}

public sealed record TypeRefEntry(string Name, string Namespace, ushort AssemblyRef, ushort Enclosing);
public sealed record MemberRefEntry(string Name, ushort Owner, uint Signature);
public sealed record TypeDefEntry(string Name, string Namespace, uint Flags, uint Extends, ushort FirstField, ushort FieldCount,
    ushort FirstMethod, ushort MethodCount, ushort Enclosing, ushort Reserved, uint Cctor);
public sealed record FieldDefEntry(string Name, uint Flags, uint Signature);
public sealed record MethodDefEntry(string Name, ushort Flags, ushort ImplFlags, ushort Owner, byte ArgCount, byte LocalCount, ushort MaxStack,
    ushort InternalCall, uint Signature, uint Locals, uint Il, uint IlSize, ushort EhFirst, ushort EhCount);
public sealed record EhEntry(ushort Kind, ushort Reserved, uint TryStart, uint TryEnd, uint HandlerStart, uint HandlerEnd, uint ClassOrFilter);

public sealed class ParsedAssembly
{
    public const uint Magic = 0x31414E4E;
    public const int AssemblyRefT = 0, TypeRefT = 1, FieldRefT = 2, MethodRefT = 3, TypeDefT = 4, FieldDefT = 5, MethodDefT = 6,
        StringsT = 7, BlobT = 8, IlT = 9, InternalCallT = 10, EhT = 11, FieldDataT = 12, FieldRvaT = 13, InterfaceImplT = 14, MethodImplT = 15, TestT = 16, TableCount = 17;

    /// <summary>Entry sizes from the format's table (MethodDef: the 36 bytes its field list adds up to).</summary>
    public static readonly int[] EntrySizes = [12, 12, 12, 12, 32, 12, 36, 1, 1, 1, 8, 24, 1, 8, 8, 12, 12];

    public ParsedAssembly(byte[] image, int offset)
    {
        Offset = offset;
        uint total = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(offset + 8));
        Bytes = image.AsSpan(offset, (int)total).ToArray();
        for (int t = 0; t < TableCount; t++)
            Directory[t] = (U32(40 + t * 8), U32(40 + t * 8 + 4));
    }

    public int Offset { get; }
    public byte[] Bytes { get; }
    public uint MagicField => U32(0);
    public ushort Format => U16(4);
    public ushort Flags => U16(6);
    public uint TotalSize => U32(8);
    public uint Crc => U32(12);
    public uint NameOffset => U32(16);
    public string Name => String(NameOffset);
    public (ushort, ushort, ushort, ushort) Version => (U16(20), U16(22), U16(24), U16(26));
    public uint NativeChecksum => U32(28);
    public uint EntryPoint => U32(32);
    public uint Reserved => U32(36);
    public (uint Offset, uint Count)[] Directory { get; } = new (uint, uint)[TableCount];

    public int Count(int table) => (int)Directory[table].Count;

    public byte[] Table(int table) => Bytes.AsSpan((int)Directory[table].Offset, Count(table) * EntrySizes[table]).ToArray();

    private ReadOnlySpan<byte> Row(int table, int index)
    {
        Assert.InRange(index, 0, Count(table) - 1);
        return Bytes.AsSpan((int)Directory[table].Offset + index * EntrySizes[table], EntrySizes[table]);
    }

    public string String(uint offset)
    {
        var strings = Table(StringsT);
        int length = BinaryPrimitives.ReadUInt16LittleEndian(strings.AsSpan((int)offset));
        Assert.Equal(0, strings[(int)offset + 2 + length]);
        return Encoding.UTF8.GetString(strings, (int)offset + 2, length);
    }

    public List<(uint Offset, string Value)> AllStrings()
    {
        var strings = Table(StringsT);
        var list = new List<(uint, string)>();
        int at = 0;
        while (at < strings.Length)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(strings.AsSpan(at));
            list.Add(((uint)at, Encoding.UTF8.GetString(strings, at + 2, length)));
            Assert.Equal(0, strings[at + 2 + length]);
            at += length + 3;
        }
        return list;
    }

    public (string Name, ushort Major, ushort Minor, ushort Build, ushort Revision) AssemblyRef(int i)
    {
        var r = Row(AssemblyRefT, i);
        return (String(R32(r, 0)), R16(r, 4), R16(r, 6), R16(r, 8), R16(r, 10));
    }

    public TypeRefEntry TypeRef(int i)
    {
        var r = Row(TypeRefT, i);
        return new TypeRefEntry(String(R32(r, 0)), String(R32(r, 4)), R16(r, 8), R16(r, 10));
    }

    public MemberRefEntry FieldRef(int i) => MemberRef(FieldRefT, i);
    public MemberRefEntry MethodRef(int i) => MemberRef(MethodRefT, i);

    private MemberRefEntry MemberRef(int table, int i)
    {
        var r = Row(table, i);
        Assert.Equal(0, R16(r, 6));
        return new MemberRefEntry(String(R32(r, 0)), R16(r, 4), R32(r, 8));
    }

    public TypeDefEntry TypeDef(int i)
    {
        var r = Row(TypeDefT, i);
        return new TypeDefEntry(String(R32(r, 0)), String(R32(r, 4)), R32(r, 8), R32(r, 12), R16(r, 16), R16(r, 18), R16(r, 20), R16(r, 22),
            R16(r, 24), R16(r, 26), R32(r, 28));
    }

    public FieldDefEntry FieldDef(int i)
    {
        var r = Row(FieldDefT, i);
        return new FieldDefEntry(String(R32(r, 0)), R32(r, 4), R32(r, 8));
    }

    public MethodDefEntry MethodDef(int i)
    {
        var r = Row(MethodDefT, i);
        return new MethodDefEntry(String(R32(r, 0)), R16(r, 4), R16(r, 6), R16(r, 8), r[10], r[11], R16(r, 12), R16(r, 14),
            R32(r, 16), R32(r, 20), R32(r, 24), R32(r, 28), R16(r, 32), R16(r, 34));
    }

    public (string Name, uint Method) InternalCall(int i)
    {
        var r = Row(InternalCallT, i);
        return (String(R32(r, 0)), R32(r, 4));
    }

    public EhEntry Eh(int i)
    {
        var r = Row(EhT, i);
        return new EhEntry(R16(r, 0), R16(r, 2), R32(r, 4), R32(r, 8), R32(r, 12), R32(r, 16), R32(r, 20));
    }

    public (uint Field, uint Offset) FieldRva(int i)
    {
        var r = Row(FieldRvaT, i);
        return (R32(r, 0), R32(r, 4));
    }

    public (ushort Type, uint Interface) InterfaceImpl(int i)
    {
        var r = Row(InterfaceImplT, i);
        return (R16(r, 0), R32(r, 4));
    }

    public (ushort Type, uint Body, uint Declaration) MethodImpl(int i)
    {
        var r = Row(MethodImplT, i);
        return (R16(r, 0), R32(r, 4), R32(r, 8));
    }

    public (ushort Class, ushort Method, ushort Setup, ushort Cleanup, uint Arguments) Test(int i)
    {
        var r = Row(TestT, i);
        return (R16(r, 0), R16(r, 2), R16(r, 4), R16(r, 6), R32(r, 8));
    }

    public IEnumerable<TypeDefEntry> TypeDefs => Enumerable.Range(0, Count(TypeDefT)).Select(TypeDef);
    public IEnumerable<MethodDefEntry> MethodDefs => Enumerable.Range(0, Count(MethodDefT)).Select(MethodDef);

    public int TypeDefIndex(string fullName) =>
        Enumerable.Range(0, Count(TypeDefT)).Single(i => Qualify(TypeDef(i).Namespace, TypeDef(i).Name) == fullName);

    /// <summary>Index of the method <paramref name="name"/> of type <paramref name="type"/> (namespace-qualified).</summary>
    public int MethodIndex(string type, string name)
    {
        var t = TypeDef(TypeDefIndex(type));
        return Enumerable.Range(t.FirstMethod, t.MethodCount).Single(i => MethodDef(i).Name == name);
    }

    public int FieldIndex(string type, string name)
    {
        var t = TypeDef(TypeDefIndex(type));
        return Enumerable.Range(t.FirstField, t.FieldCount).Single(i => FieldDef(i).Name == name);
    }

    public byte[] IlOf(int method)
    {
        var m = MethodDef(method);
        return Table(IlT).AsSpan((int)m.Il, (int)m.IlSize).ToArray();
    }

    public byte[] Blob(uint offset, int length) => Table(BlobT).AsSpan((int)offset, length).ToArray();

    public byte[] CrcCovered => Bytes[16..];

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(at));
    private static ushort R16(ReadOnlySpan<byte> r, int at) => BinaryPrimitives.ReadUInt16LittleEndian(r[at..]);
    private static uint R32(ReadOnlySpan<byte> r, int at) => BinaryPrimitives.ReadUInt32LittleEndian(r[at..]);
}
