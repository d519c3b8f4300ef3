using System.Formats.Cbor;
using System.Text.Json;
using nanoFramework.McuMgr;

namespace Nrf5340Sdk.SmpTests;

/// <summary>One SMP packet taken apart by the tests, its body decoded by System.Formats.Cbor (not our reader).</summary>
public sealed record Answer(int Byte0, int Op, int Version, int Flags, int Length, int Group, int Seq, int Cmd, object? Body)
{
    public Dictionary<string, object?> Map => Assert.IsType<Dictionary<string, object?>>(Body);

    /// <summary>The keys of the map, which must be exactly these.</summary>
    public void Keys(params string[] keys) => Assert.Equal(keys.Order(), Map.Keys.Order());

    /// <summary>The error code of a {"rc"} or {"err": {"group", "rc"}} answer; 0 when it has neither.</summary>
    public long Rc => Map.TryGetValue("err", out var err) ? (long)((Dictionary<string, object?>)err!)["rc"]!
        : Map.TryGetValue("rc", out var rc) ? (long)rc! : 0;
}

public static class Frames
{
    public static readonly string Root = FindRoot();
    public static readonly string Vectors = Path.Combine(Root, "..", "shared", "vectors");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "nrf5340-sdk.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    public sealed record Vector(string File, string Client, string Command, byte[] Bytes, JsonElement Row);

    public static List<Vector> All()
    {
        string dir = Path.Combine(Vectors, "smp");
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(dir, "index.json")));
        return doc.RootElement.EnumerateArray().Select(r => new Vector(
            r.GetProperty("file").GetString()!, r.GetProperty("client").GetString()!,
            r.GetProperty("command").GetString()!,
            System.IO.File.ReadAllBytes(Path.Combine(dir, r.GetProperty("file").GetString()!)), r.Clone())).ToList();
    }

    public static byte[] UploadedImage() => File.ReadAllBytes(Path.Combine(Vectors, "imgtool", "p256-basic.bin"));

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    /// <summary>Splits a server output into its answers, each checked and decoded strictly.</summary>
    public static List<Answer> Split(byte[] output)
    {
        var list = new List<Answer>();
        int at = 0;
        while (at < output.Length)
        {
            Assert.True(output.Length - at >= 8, "answer shorter than a header");
            int length = output[at + 2] << 8 | output[at + 3];
            Assert.True(at + 8 + length <= output.Length, "answer body shorter than its header says");
            var reader = new CborReader(output.AsMemory(at + 8, length), CborConformanceMode.Strict);
            object? body = Decode(reader);
            Assert.Equal(0, reader.BytesRemaining);
            list.Add(new Answer(output[at], output[at] & 7, output[at] >> 3 & 3, output[at + 1], length,
                output[at + 4] << 8 | output[at + 5], output[at + 6], output[at + 7], body));
            at += 8 + length;
        }
        return list;
    }

    public static Answer One(byte[] output) => Assert.Single(Split(output));

    /// <summary>What Decode gives for CBOR undefined (requests only: mcumgr-web's confirm).</summary>
    public static readonly object Undefined = new();

    public static Dictionary<string, object?> RequestBody(byte[] packet) =>
        packet.Length == 8 ? [] : (Dictionary<string, object?>)Decode(new CborReader(packet.AsMemory(8), CborConformanceMode.Lax))!;

    public static object? Decode(CborReader r)
    {
        switch (r.PeekState())
        {
            case CborReaderState.StartMap:
                var map = new Dictionary<string, object?>();
                r.ReadStartMap();
                while (r.PeekState() != CborReaderState.EndMap)
                    map.Add(r.ReadTextString(), Decode(r));
                r.ReadEndMap();
                return map;
            case CborReaderState.StartArray:
                var list = new List<object?>();
                r.ReadStartArray();
                while (r.PeekState() != CborReaderState.EndArray)
                    list.Add(Decode(r));
                r.ReadEndArray();
                return list;
            case CborReaderState.UnsignedInteger:
            case CborReaderState.NegativeInteger:
                return r.ReadInt64();
            case CborReaderState.TextString:
                return r.ReadTextString();
            case CborReaderState.ByteString:
                return r.ReadByteString();
            case CborReaderState.Boolean:
                return r.ReadBoolean();
            case CborReaderState.Null:
                r.ReadNull();
                return null;
            case CborReaderState.SimpleValue when r.ReadSimpleValue() == CborSimpleValue.Undefined:
                return Undefined;
            default:
                throw new InvalidDataException($"unexpected CBOR {r.PeekState()} in an answer");
        }
    }

    /// <summary>A request: header (version 0 or 1) and a body written by System.Formats.Cbor.</summary>
    public static byte[] Request(int op, int group, int cmd, Action<CborWriter>? body = null, int version = 1, int seq = 7)
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        if (body == null)
        {
            w.WriteStartMap(0);
            w.WriteEndMap();
        }
        else
        {
            body(w);
        }
        return Packet(op, group, cmd, w.Encode(), version, seq);
    }

    public static byte[] Packet(int op, int group, int cmd, byte[] body, int version = 1, int seq = 7)
    {
        var p = new byte[8 + body.Length];
        p[0] = (byte)(version << 3 | op);
        p[2] = (byte)(body.Length >> 8);
        p[3] = (byte)body.Length;
        p[4] = (byte)(group >> 8);
        p[5] = (byte)group;
        p[6] = (byte)seq;
        p[7] = (byte)cmd;
        body.CopyTo(p, 8);
        return p;
    }

    /// <summary>A map of text keys written definite-length, values by type.</summary>
    public static Action<CborWriter> Map(params (string Key, object? Value)[] entries) => w =>
    {
        w.WriteStartMap(entries.Length);
        foreach (var (key, value) in entries)
        {
            w.WriteTextString(key);
            switch (value)
            {
                case null: w.WriteNull(); break;
                case string s: w.WriteTextString(s); break;
                case byte[] b: w.WriteByteString(b); break;
                case bool v: w.WriteBoolean(v); break;
                case int i: w.WriteInt64(i); break;
                case long l: w.WriteInt64(l); break;
                default: throw new ArgumentException(value.GetType().Name);
            }
        }
        w.WriteEndMap();
    };

    public static (MemoryImageSlots Slots, MemoryDeviceServices Device, SmpServer Server) NewDevice(int slotSize = 0x60000)
    {
        var slots = new MemoryImageSlots(ImageFile.Build(1, 0, 300, Hex(PrimaryHash)), slotSize);
        var device = new MemoryDeviceServices();
        return (slots, device, new SmpServer(slots, device));
    }

    /// <summary>The running image's hash TLV as mcumgr-web's confirm (row 07) names it.</summary>
    public const string PrimaryHash = "d75906efe972a2c526c08b136ce2863e920a586cd4291b9ee9518b54f04c4296";
    public const string UploadHash = "0fb85f97aba4e2db8277d6950cf4e08fdb941ff98291416e907de850b1da92b9";
    public const string FileSha = "e726b704369a0c97e3e8634d4b7f5af15873cd9a074d51c3996e425b30ba419b";
}
