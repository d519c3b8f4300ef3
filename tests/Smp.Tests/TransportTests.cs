using System.Text;
using nanoFramework.McuMgr;
using nanoFramework.McuMgr.Transport;
using static Nrf5340Sdk.SmpTests.Frames;

namespace Nrf5340Sdk.SmpTests;

/// <summary>mcumgr's serial framing, datagram reassembly and the server loop over a transport.</summary>
public class TransportTests
{
    // mcumgr-cli's echo "hello", framed by hand (Python binascii.crc_hqx is CRC-16/XMODEM: 0xc109).
    static readonly byte[] Echo = Hex("0200000900004200a161646568656c6c6f");
    static readonly byte[] EchoFramed = [6, 9, .. "ABMCAAAJAABCAKFhZGVoZWxsb8EJ"u8, 10];

    [Fact]
    public void Crc16_is_xmodem() => Assert.Equal(0x31c3, Crc16.Compute("123456789"u8.ToArray(), 0, 9));

    [Fact]
    public void Encoder_matches_the_hand_made_frame() => Assert.Equal(EchoFramed, new SerialEncoder().Encode(Echo, 0, Echo.Length));

    [Fact]
    public void Decoder_finds_the_packet_among_console_text()
    {
        var decoder = new SerialDecoder(2475);
        byte[] stream = [.. "boot banner\n"u8, 6, (byte)'x', 10, 4, 0x14, .. "AAAA\n"u8, .. EchoFramed, .. "more text\n"u8];
        var packets = Decode(decoder, stream);
        Assert.Equal(Echo, Assert.Single(packets));
    }

    static List<byte[]> Decode(SerialDecoder decoder, byte[] stream)
    {
        var packets = new List<byte[]>();
        foreach (byte b in stream)
            if (decoder.Push(b))
                packets.Add(decoder.Packet[SerialDecoder.PacketOffset..(SerialDecoder.PacketOffset + decoder.PacketLength)]);
        return packets;
    }

    [Fact]
    public void Long_packets_are_split_in_lines_of_at_most_127_bytes_and_join_again()
    {
        foreach (int size in new[] { 1, 88, 89, 90, 91, 93, 200, 2467 })
        {
            byte[] packet = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
            byte[] framed = new SerialEncoder().Encode(packet, 0, packet.Length);
            var lines = Split(framed);
            Assert.All(lines, l => Assert.True(l.Length <= 127));
            Assert.Equal(new byte[] { 6, 9 }, lines[0][..2]);
            Assert.All(lines.Skip(1), l => Assert.Equal(new byte[] { 4, 0x14 }, l[..2]));
            Assert.All(lines, l => Assert.Equal(10, l[^1]));
            // The whole base64 text decodes to length || packet || CRC (checked with the BCL's decoder).
            byte[] raw = Convert.FromBase64String(string.Concat(lines.Select(l => Encoding.ASCII.GetString(l[2..^1]))));
            Assert.Equal(size + 2, raw[0] << 8 | raw[1]);
            Assert.Equal(packet, raw[2..^2]);
            Assert.Equal(Assert.Single(Decode(new SerialDecoder(2475), framed)), packet);
        }
    }

    static List<byte[]> Split(byte[] framed)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < framed.Length; i++)
            if (framed[i] == 10)
            {
                lines.Add(framed[start..(i + 1)]);
                start = i + 1;
            }
        Assert.Equal(framed.Length, start);
        return lines;
    }

    [Fact]
    public void Lines_longer_than_127_bytes_are_read_too()
    {
        byte[] packet = Request(Smp.OpWrite, 0, 0, Map(("d", new string('l', 200))));
        byte[] raw = [(byte)((packet.Length + 2) >> 8), (byte)(packet.Length + 2), .. packet, 0, 0];
        int crc = Crc16.Compute(packet, 0, packet.Length);
        raw[^2] = (byte)(crc >> 8);
        raw[^1] = (byte)crc;
        byte[] oneLine = [6, 9, .. Encoding.ASCII.GetBytes(Convert.ToBase64String(raw)), 10];
        Assert.True(oneLine.Length > 127);
        Assert.Equal(packet, Assert.Single(Decode(new SerialDecoder(2475), oneLine)));
    }

    [Fact]
    public void Bad_crc_bad_base64_or_oversize_length_drop_the_packet()
    {
        byte[] badCrc = (byte[])EchoFramed.Clone();
        badCrc[^3] = (byte)(badCrc[^3] == (byte)'J' ? 'K' : 'J');
        byte[] badText = (byte[])EchoFramed.Clone();
        badText[5] = (byte)'*';
        byte[] huge = new SerialEncoder().Encode(new byte[3000], 0, 3000);
        var decoder = new SerialDecoder(2475);
        Assert.Empty(Decode(decoder, [.. badCrc, .. badText, .. huge]));
        Assert.Single(Decode(decoder, EchoFramed)); // and the next good frame still comes through
    }

    [Fact]
    public void Serial_stream_through_the_server_split_at_every_byte_position()
    {
        byte[] request = new SerialEncoder().Encode(Echo, 0, Echo.Length);
        byte[] stream = [.. request, .. "log line\n"u8, .. request];
        for (int split = 1; split < stream.Length; split++)
        {
            var (_, device, server) = NewDevice();
            var transport = new MemoryTransport(stream: true) { Device = device };
            transport.Incoming.Enqueue(stream[..split]);
            transport.Incoming.Enqueue(stream[split..]);
            var receive = new byte[transport.MaxReceive];
            while (server.Poll(transport, receive, 0)) { }
            Assert.Equal(2, transport.Sent.Count);
            foreach (var sent in transport.Sent)
            {
                var answer = One(Assert.Single(Decode(new SerialDecoder(2475), sent)));
                Assert.Equal("hello", answer.Map["r"]);
                Assert.Equal(0x42, answer.Seq);
            }
        }
    }

    [Fact]
    public void Message_split_across_datagrams_at_every_position_is_joined()
    {
        byte[] file = UploadedImage();
        byte[] chunk = Request(Smp.OpWrite, 1, 1, Map(("off", 0), ("len", file.Length), ("data", file[..600])));
        for (int split = 1; split < chunk.Length; split += split < 16 ? 1 : 23)
        {
            var (slots, device, server) = NewDevice();
            var transport = new MemoryTransport(stream: false) { Device = device };
            transport.Incoming.Enqueue(chunk[..split]);
            transport.Incoming.Enqueue(chunk[split..]);
            var receive = new byte[transport.MaxReceive];
            while (server.Poll(transport, receive, 0)) { }
            Assert.Equal(600L, One(Assert.Single(transport.Sent)).Map["off"]);
            Assert.Equal(file[..600], slots.Upload(0).Bytes[..600]);
        }
    }

    [Fact]
    public void Ble_style_fragments_and_a_lost_fragment()
    {
        var (_, device, server) = NewDevice();
        var transport = new MemoryTransport(stream: false) { Device = device };
        byte[] echo = Request(Smp.OpWrite, 0, 0, Map(("d", new string('e', 700))));
        for (int at = 0; at < echo.Length; at += 244)
            transport.Incoming.Enqueue(echo[at..Math.Min(echo.Length, at + 244)]);
        var receive = new byte[transport.MaxReceive];
        while (server.Poll(transport, receive, 0)) { }
        Assert.Equal(new string('e', 700), One(Assert.Single(transport.Sent)).Map["r"]);

        // The rest of a message never comes: the timeout (an empty receive) drops the part, the next message is whole.
        transport.Incoming.Enqueue(echo[..100]);
        server.Poll(transport, receive, 0);
        server.Poll(transport, receive, 0);
        transport.Incoming.Enqueue(Echo);
        server.Poll(transport, receive, 0);
        Assert.Equal("hello", One(transport.Sent[^1]).Map["r"]);
    }

    [Fact]
    public void Message_larger_than_the_buffer_is_answered_too_large_and_skipped()
    {
        var slots = new MemoryImageSlots(ImageFile.Build(1, 0, 100));
        var device = new MemoryDeviceServices();
        var server = new SmpServer(slots, device, 256);
        var transport = new MemoryTransport(stream: false) { Device = device };
        byte[] big = Request(Smp.OpWrite, 0, 0, Map(("d", new string('x', 400))), seq: 9);
        transport.Incoming.Enqueue(big[..200]);
        transport.Incoming.Enqueue(big[200..]);
        transport.Incoming.Enqueue(Echo);
        var receive = new byte[transport.MaxReceive];
        while (server.Poll(transport, receive, 0)) { }
        Assert.Equal(2, transport.Sent.Count);
        var tooLarge = One(transport.Sent[0]);
        Assert.Equal((long)MgmtError.TooLarge, tooLarge.Map["rc"]);
        Assert.Equal(9, tooLarge.Seq);
        Assert.Equal("hello", One(transport.Sent[1]).Map["r"]);
        Assert.Equal(256L, One(server.Handle(Request(Smp.OpRead, 0, 6))).Map["buf_size"]);
    }

    [Fact]
    public void Transports_keep_their_own_reassembly_and_framing()
    {
        var (_, device, server) = NewDevice();
        var ble = new MemoryTransport(stream: false) { Device = device };
        var udp = new MemoryTransport(stream: false) { Device = device };
        var uart = new MemoryTransport(stream: true) { Device = device };
        byte[] echo = Request(Smp.OpWrite, 0, 0, Map(("d", "split")));
        byte[] framed = new SerialEncoder().Encode(Echo, 0, Echo.Length);
        var receive = new byte[4096];
        ble.Incoming.Enqueue(echo[..5]);
        server.Poll(ble, receive, 0);
        uart.Incoming.Enqueue(framed[..10]);
        server.Poll(uart, receive, 0);
        udp.Incoming.Enqueue(Echo);
        server.Poll(udp, receive, 0);
        ble.Incoming.Enqueue(echo[5..]);
        server.Poll(ble, receive, 0);
        uart.Incoming.Enqueue(framed[10..]);
        server.Poll(uart, receive, 0);
        Assert.Equal("split", One(Assert.Single(ble.Sent)).Map["r"]);
        Assert.Equal("hello", One(Assert.Single(udp.Sent)).Map["r"]);
        Assert.Equal("hello", One(Assert.Single(Decode(new SerialDecoder(2475), Assert.Single(uart.Sent)))).Map["r"]);
    }

    [Fact]
    public async Task Two_threads_serving_two_transports_share_one_upload()
    {
        var (slots, device, server) = NewDevice();
        byte[] file = UploadedImage();
        var a = new MemoryTransport(stream: false) { Device = device };
        var b = new MemoryTransport(stream: false) { Device = device };
        var echoes = Enumerable.Range(0, 200).Select(i => Request(Smp.OpWrite, 0, 0, Map(("d", $"e{i}")), seq: i)).ToList();
        foreach (var e in echoes)
            b.Incoming.Enqueue(e);
        for (int off = 0; off < file.Length; off += 512)
            a.Incoming.Enqueue(Request(Smp.OpWrite, 1, 1, off == 0
                ? Map(("off", 0), ("len", file.Length), ("data", file[..512]))
                : Map(("off", off), ("data", file[off..Math.Min(file.Length, off + 512)]))));
        void Serve(MemoryTransport t)
        {
            var receive = new byte[t.MaxReceive];
            while (server.Poll(t, receive, 0)) { }
        }
        await Task.WhenAll(Task.Run(() => Serve(a)), Task.Run(() => Serve(b))).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(200, b.Sent.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"e{i}"), b.Sent.Select(s => (string)One(s).Map["r"]!));
        Assert.Equal((long)file.Length, One(a.Sent[^1]).Map["off"]);
        Assert.Equal(file, slots.Upload(0).Bytes);
    }

    [Fact]
    public void Reset_happens_after_its_answer_was_sent()
    {
        foreach (bool stream in new[] { false, true })
        {
            var (_, device, server) = NewDevice();
            var transport = new MemoryTransport(stream) { Device = device };
            byte[] reset = Request(Smp.OpWrite, 0, 5, Map(("force", 1)));
            transport.Incoming.Enqueue(stream ? new SerialEncoder().Encode(reset, 0, reset.Length) : reset);
            device.OnReset = server.Stop;
            server.Run(transport);
            Assert.Equal(1, device.Resets);
            Assert.Equal(new[] { 0 }, transport.ResetsAtSend); // sent before the reset
        }
    }
}
