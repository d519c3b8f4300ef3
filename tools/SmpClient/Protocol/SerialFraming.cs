using System.Buffers.Binary;
using System.Text;

namespace Nrf5340Sdk.Smp.Protocol;

/// <summary>
/// mcumgr's serial framing (Zephyr smp_transport.rst, "console"): the packet travels as
/// u16 BE length (packet + CRC) | packet | CRC-16/XMODEM BE, base64-encoded, cut into lines of at most 127 bytes:
/// the first starts with 0x06 0x09, the others with 0x04 0x14, each ends with '\n'.
/// </summary>
public static class SerialFraming
{
    public const int MaxFrame = 127;
    public static ReadOnlySpan<byte> FirstMarker => [0x06, 0x09];
    public static ReadOnlySpan<byte> ContinuationMarker => [0x04, 0x14];

    /// <summary>Base64 characters per frame: a multiple of 4, so every frame decodes on its own.</summary>
    private const int TextPerFrame = (MaxFrame - 3) / 4 * 4;

    public static byte[] Encode(ReadOnlySpan<byte> packet)
    {
        var body = new byte[2 + packet.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(body, checked((ushort)(packet.Length + 2)));
        packet.CopyTo(body.AsSpan(2));
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2 + packet.Length), Crc16.Compute(packet));
        string text = Convert.ToBase64String(body);
        var output = new MemoryStream();
        for (int at = 0; at < text.Length; at += TextPerFrame)
        {
            output.Write(at == 0 ? FirstMarker : ContinuationMarker);
            output.Write(Encoding.ASCII.GetBytes(text.Substring(at, Math.Min(TextPerFrame, text.Length - at))));
            output.WriteByte((byte)'\n');
        }
        return output.ToArray();
    }
}

/// <summary>
/// Reassembles packets from a serial byte stream. Lines that are not SMP frames (a console log sharing the UART)
/// are skipped; a frame that does not decode, a bad length or a CRC mismatch drops the packet being assembled
/// and is reported through <see cref="Errors"/>, never thrown.
/// </summary>
public sealed class SerialDecoder
{
    private readonly List<byte> line = [];
    private readonly List<byte> body = [];
    private bool inPacket;

    /// <summary>Why packets were dropped, oldest first (for diagnostics and tests).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Feeds stream bytes; returns the packets (header + CBOR) completed by them.</summary>
    public List<byte[]> Feed(ReadOnlySpan<byte> data)
    {
        var packets = new List<byte[]>();
        foreach (byte b in data)
        {
            if (b != (byte)'\n')
            {
                // A frame is at most 127 bytes: a longer line is console text, not worth keeping.
                if (line.Count < 4 * SerialFraming.MaxFrame)
                    line.Add(b);
                continue;
            }
            if (Line() is { } packet)
                packets.Add(packet);
            line.Clear();
        }
        return packets;
    }

    private byte[]? Line()
    {
        var bytes = line.ToArray().AsSpan();
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            bytes = bytes[..^1];
        if (bytes.StartsWith(SerialFraming.FirstMarker))
        {
            body.Clear();
            inPacket = true;
        }
        else if (!bytes.StartsWith(SerialFraming.ContinuationMarker) || !inPacket)
            return null;
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(Encoding.ASCII.GetString(bytes[2..]));
        }
        catch (FormatException)
        {
            return Drop("a frame is not base64");
        }
        body.AddRange(decoded);
        if (body.Count < 2)
            return null;
        int length = BinaryPrimitives.ReadUInt16BigEndian([body[0], body[1]]);
        if (length < 2 + SmpHeader.Size)
            return Drop($"the frame's length field {length} is too short for a packet and its CRC");
        if (body.Count < 2 + length)
            return null;
        if (body.Count > 2 + length)
            return Drop($"the frames hold {body.Count - 2} bytes, the length field says {length}");
        var all = body.ToArray();
        var packet = all.AsSpan(2, length - 2);
        ushort crc = BinaryPrimitives.ReadUInt16BigEndian(all.AsSpan(length));
        if (Crc16.Compute(packet) != crc)
            return Drop($"CRC mismatch (frame 0x{crc:x4}, computed 0x{Crc16.Compute(packet):x4})");
        inPacket = false;
        body.Clear();
        return packet.ToArray();
    }

    private byte[]? Drop(string why)
    {
        Errors.Add(why);
        inPacket = false;
        body.Clear();
        return null;
    }
}
