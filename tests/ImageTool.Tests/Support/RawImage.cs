using System.Buffers.Binary;

namespace ImageTool.Tests.Support;

/// <summary>
/// A minimal MCUboot image reader written for the tests, independent of the product's parser, so the tests
/// judge the product's output by the format description and not by its own code.
/// </summary>
public sealed record RawImage(byte[] Bytes, int HashedLength, int TlvOffset, List<(ushort Type, byte[] Value)> Tlvs)
{
    public int End => TlvOffset + 4 + Tlvs.Sum(t => 4 + t.Value.Length);

    public byte[] HashedRegion => Bytes[..HashedLength];

    public byte[] Tlv(ushort type) => Tlvs.Single(t => t.Type == type).Value;

    public static RawImage Read(byte[] bytes)
    {
        int hdr = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        int prot = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10));
        int img = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        int offset = hdr + img + prot;
        Assert.Equal(0x6907, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)));
        int end = offset + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 2));
        var tlvs = new List<(ushort, byte[])>();
        for (int p = offset + 4; p < end;)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(p));
            int len = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(p + 2));
            tlvs.Add((type, bytes[(p + 4)..(p + 4 + len)]));
            p += 4 + len;
        }
        return new RawImage(bytes, offset, offset, tlvs);
    }
}
