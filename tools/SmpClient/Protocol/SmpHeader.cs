using System.Buffers.Binary;

namespace Nrf5340Sdk.Smp.Protocol;

/// <summary>The 8-byte SMP header (big-endian): op | version &lt;&lt; 3, flags, length, group, sequence, command.</summary>
public readonly record struct SmpHeader(SmpOp Op, int Version, byte Flags, ushort Length, ushort Group, byte Sequence, byte Command)
{
    public const int Size = nanoFramework.McuMgr.Smp.HeaderSize;

    /// <summary>SMP v2 (group errors); version 0 is the legacy SMP v1.</summary>
    public const int V2 = nanoFramework.McuMgr.Smp.Version2;

    public void Write(Span<byte> destination)
    {
        destination[0] = (byte)(((int)Op & 7) | ((Version & 3) << 3));
        destination[1] = Flags;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Length);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Group);
        destination[6] = Sequence;
        destination[7] = Command;
    }

    public static SmpHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
            throw new SmpProtocolException($"an SMP packet needs an 8-byte header, got {source.Length} bytes");
        return new SmpHeader((SmpOp)(source[0] & 7), (source[0] >> 3) & 3, source[1],
            BinaryPrimitives.ReadUInt16BigEndian(source[2..]), BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
            source[6], source[7]);
    }

    /// <summary>Header + body as one packet.</summary>
    public static byte[] Packet(SmpHeader header, ReadOnlySpan<byte> body)
    {
        var packet = new byte[Size + body.Length];
        (header with { Length = checked((ushort)body.Length) }).Write(packet);
        body.CopyTo(packet.AsSpan(Size));
        return packet;
    }
}

/// <summary>A frame or answer that does not follow the protocol (truncated, malformed, wrong length).</summary>
public sealed class SmpProtocolException(string message) : Exception(message);
