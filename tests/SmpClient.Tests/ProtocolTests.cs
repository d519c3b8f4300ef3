using System.Text;
using System.Text.Json;
using Nrf5340Sdk.Smp.Protocol;

namespace SmpClient.Tests;

/// <summary>Header, CBOR and serial framing against frames real clients sent (../shared/vectors/smp) and
/// the published CRC check value.</summary>
public class ProtocolTests
{
    private static string SmpVectors => Path.Combine(RepoRoot.Path, "..", "shared", "vectors", "smp");

    public static TheoryData<string> Frames()
    {
        var data = new TheoryData<string>();
        foreach (var row in JsonDocument.Parse(File.ReadAllText(Path.Combine(SmpVectors, "index.json"))).RootElement.EnumerateArray())
            data.Add(row.GetProperty("file").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Every_captured_header_reads_as_its_index_row_says(string file)
    {
        var row = JsonDocument.Parse(File.ReadAllText(Path.Combine(SmpVectors, "index.json"))).RootElement
            .EnumerateArray().Single(r => r.GetProperty("file").GetString() == file);
        var frame = File.ReadAllBytes(Path.Combine(SmpVectors, file));
        var h = SmpHeader.Read(frame);
        Assert.Equal(row.GetProperty("op").GetInt32(), (int)h.Op);
        Assert.Equal(row.GetProperty("version").GetInt32(), h.Version);
        Assert.Equal(row.GetProperty("length").GetInt32(), h.Length);
        Assert.Equal(row.GetProperty("group").GetInt32(), h.Group);
        Assert.Equal(row.GetProperty("seq").GetInt32(), h.Sequence);
        Assert.Equal(row.GetProperty("cmd").GetInt32(), h.Command);
        var again = new byte[SmpHeader.Size];
        h.Write(again);
        Assert.Equal(frame[..SmpHeader.Size], again);
        // Every body (definite, indefinite or empty) decodes to a map with the keys the index lists.
        var body = CborBody.Decode(frame.AsMemory(SmpHeader.Size));
        var keys = row.TryGetProperty("body_keys_in_order", out var k) ? k.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        Assert.Equal(keys.Order(), body.Keys.Order());
    }

    [Fact]
    public void Requests_encode_as_the_captured_clients_did()
    {
        // mcumgr-cli-01-echo.bin: v1 write, seq 66, {"d": "hello"}.
        var echo = SmpHeader.Packet(new SmpHeader(SmpOp.Write, 0, 0, 0, SmpIds.OsGroup, 66, SmpIds.Echo), CborBody.Encode(("d", "hello")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(SmpVectors, "mcumgr-cli-01-echo.bin")), echo);
        // smpclient-11-image-confirm.bin: v2 write, seq 13, {"confirm": true}.
        var confirm = SmpHeader.Packet(new SmpHeader(SmpOp.Write, SmpHeader.V2, 0, 0, SmpIds.ImageGroup, 13, SmpIds.ImageState),
            CborBody.Encode(("confirm", true)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(SmpVectors, "smpclient-11-image-confirm.bin")), confirm);
        // smpclient-01-mcumgr-params.bin: an empty definite map.
        var parameters = SmpHeader.Packet(new SmpHeader(SmpOp.Read, SmpHeader.V2, 0, 0, SmpIds.OsGroup, 0, SmpIds.Params), CborBody.Encode());
        Assert.Equal(File.ReadAllBytes(Path.Combine(SmpVectors, "smpclient-01-mcumgr-params.bin")), parameters);
    }

    [Fact]
    public void Answers_decode_from_indefinite_maps_as_zephyr_writes_them()
    {
        // {"buf_size":2475,"buf_count":4} as zcbor wrote it (Android issue #219 log, reference A5).
        var body = Convert.FromHexString("bf" + "686275665f73697a65" + "1909ab" + "696275665f636f756e74" + "04" + "ff");
        var map = CborBody.Decode(body);
        Assert.Equal(2475L, map["buf_size"]);
        Assert.Equal(4L, map["buf_count"]);
        Assert.Equal(8L, CborBody.Decode(Convert.FromHexString("bf627263" + "08ff"))["rc"]);
    }

    [Fact]
    public void An_empty_body_is_an_empty_map() => Assert.Empty(CborBody.Decode(ReadOnlyMemory<byte>.Empty));

    [Theory]
    [InlineData("a26164")]         // truncated map
    [InlineData("83010203")]       // an array, not a map
    [InlineData("a0a0")]           // bytes after the map
    [InlineData("ff")]             // a stray break
    public void Malformed_bodies_are_protocol_errors(string hex) =>
        Assert.Throws<SmpProtocolException>(() => CborBody.Decode(Convert.FromHexString(hex)));

    [Fact]
    public void Truncated_header_is_a_protocol_error() =>
        Assert.Throws<SmpProtocolException>(() => SmpHeader.Read([1, 0, 0]));

    [Fact]
    public void Crc_is_crc16_xmodem() => Assert.Equal(0x31C3, Crc16.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void A_small_packet_is_one_frame_with_length_packet_and_crc()
    {
        var packet = File.ReadAllBytes(Path.Combine(SmpVectors, "mcumgr-cli-01-echo.bin"));
        var frames = SerialFraming.Encode(packet);
        Assert.Equal([0x06, 0x09], frames[..2]);
        Assert.Equal((byte)'\n', frames[^1]);
        var decoded = Convert.FromBase64String(Encoding.ASCII.GetString(frames[2..^1]));
        Assert.Equal(packet.Length + 2, decoded[0] << 8 | decoded[1]);
        Assert.Equal(packet, decoded[2..^2]);
        Assert.Equal(Crc16.Compute(packet), decoded[^2] << 8 | decoded[^1]);
    }

    [Fact]
    public void A_large_packet_is_split_into_frames_of_at_most_127_bytes()
    {
        var packet = File.ReadAllBytes(Path.Combine(SmpVectors, "smpclient-07-image-upload-first.bin"));
        var encoded = SerialFraming.Encode(packet);
        var lines = Split(encoded);
        Assert.True(lines.Count > 10);
        Assert.All(lines, l => Assert.True(l.Length + 1 <= SerialFraming.MaxFrame));
        Assert.Equal([0x06, 0x09], lines[0][..2]);
        Assert.All(lines.Skip(1), l => Assert.Equal([0x04, 0x14], l[..2]));
        var decoder = new SerialDecoder();
        Assert.Equal(packet, Assert.Single(decoder.Feed(encoded)));
    }

    [Fact]
    public void The_decoder_skips_console_text_and_takes_packets_fed_byte_by_byte()
    {
        var packet = File.ReadAllBytes(Path.Combine(SmpVectors, "smpclient-02-echo.bin"));
        var stream = Encoding.ASCII.GetBytes("*** Booting app 1.0.0\r\nlog line\n").Concat(SerialFraming.Encode(packet))
            .Concat(Encoding.ASCII.GetBytes("another log line\n")).Concat(SerialFraming.Encode(packet)).ToArray();
        var decoder = new SerialDecoder();
        var packets = new List<byte[]>();
        foreach (byte b in stream)
            packets.AddRange(decoder.Feed([b]));
        Assert.Equal(2, packets.Count);
        Assert.All(packets, p => Assert.Equal(packet, p));
        Assert.Empty(decoder.Errors);
    }

    [Fact]
    public void A_corrupt_frame_is_dropped_with_its_reason_and_the_next_packet_still_arrives()
    {
        var packet = File.ReadAllBytes(Path.Combine(SmpVectors, "smpclient-02-echo.bin"));
        var bad = SerialFraming.Encode(packet);
        bad[5] = (byte)(bad[5] == 'A' ? 'B' : 'A'); // one base64 character changed: the CRC no longer matches
        var decoder = new SerialDecoder();
        Assert.Empty(decoder.Feed(bad));
        Assert.Contains("CRC mismatch", Assert.Single(decoder.Errors));
        Assert.Single(decoder.Feed(SerialFraming.Encode(packet)));

        Assert.Empty(decoder.Feed("\u0006\u0009!!!not base64!!!\n"u8));
        Assert.Contains("not base64", decoder.Errors[^1]);
        // A continuation without a first frame, and a truncated packet, give nothing.
        Assert.Empty(decoder.Feed("\u0004\u0014AAAA\n"u8));
        var encoded = SerialFraming.Encode(File.ReadAllBytes(Path.Combine(SmpVectors, "smpclient-07-image-upload-first.bin")));
        Assert.Empty(decoder.Feed(encoded.AsSpan(0, encoded.Length / 2)));
    }

    private static List<byte[]> Split(byte[] stream)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < stream.Length; i++)
            if (stream[i] == '\n')
            {
                lines.Add(stream[start..i]);
                start = i + 1;
            }
        return lines;
    }
}

internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Directory.Build.props")))
                return dir.FullName;
        throw new InvalidOperationException($"no Directory.Build.props above {AppContext.BaseDirectory}");
    }
}
