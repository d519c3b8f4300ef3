using System.Formats.Cbor;
using nanoFramework.McuMgr.Cbor;
using OurReader = nanoFramework.McuMgr.Cbor.CborReader;
using OurWriter = nanoFramework.McuMgr.Cbor.CborWriter;

namespace Nrf5340Sdk.SmpTests;

/// <summary>Our CBOR writer read by System.Formats.Cbor, System.Formats.Cbor's output read by ours, and bad input.</summary>
public class CborTests
{
    static readonly ulong[] Unsigned = [0, 1, 23, 24, 255, 256, 65535, 65536, 0xffffffff, 0x100000000, ulong.MaxValue];
    static readonly long[] Signed = [-1, -24, -25, -256, -257, -65536, -65537, int.MinValue, long.MinValue, long.MaxValue];
    static readonly string[] Texts = ["", "a", "hello from mcumgr-core", "µ€😀", new string('x', 24), new string('y', 300)];

    static byte[] Ours(Action<OurWriter> write, int size = 4096)
    {
        var buffer = new byte[size];
        var w = new OurWriter(buffer, 0, size);
        write(w);
        return buffer[..w.Length];
    }

    [Fact]
    public void Integers_are_written_in_their_shortest_form()
    {
        foreach (ulong u in Unsigned)
        {
            var r = new System.Formats.Cbor.CborReader(Ours(w => w.WriteUInt(u)), CborConformanceMode.Canonical);
            Assert.Equal(u, r.ReadUInt64());
        }
        foreach (long s in Signed)
        {
            var r = new System.Formats.Cbor.CborReader(Ours(w => w.WriteInt(s)), CborConformanceMode.Canonical);
            Assert.Equal(s, r.ReadInt64());
        }
    }

    [Fact]
    public void Nested_definite_and_indefinite_containers_read_back_in_System_Formats_Cbor()
    {
        foreach (bool indefinite in new[] { false, true })
        {
            byte[] bytes = Ours(w =>
            {
                w.BeginMap(indefinite ? -1 : 3);
                w.WriteText("texts");
                w.BeginArray(indefinite ? -1 : Texts.Length);
                foreach (var t in Texts) w.WriteText(t);
                if (indefinite) w.WriteBreak();
                w.WriteText("bytes");
                w.WriteBytes([1, 2, 3, 0xff]);
                w.WriteText("misc");
                w.BeginArray(indefinite ? -1 : 4);
                w.WriteBool(true); w.WriteBool(false); w.WriteNull(); w.WriteUndefined();
                if (indefinite) { w.WriteBreak(); w.WriteBreak(); }
            });
            var r = new System.Formats.Cbor.CborReader(bytes, CborConformanceMode.Strict);
            Assert.Equal(indefinite ? null : 3, r.ReadStartMap());
            Assert.Equal("texts", r.ReadTextString());
            r.ReadStartArray();
            foreach (var t in Texts) Assert.Equal(t, r.ReadTextString());
            r.ReadEndArray();
            Assert.Equal("bytes", r.ReadTextString());
            Assert.Equal(new byte[] { 1, 2, 3, 0xff }, r.ReadByteString());
            Assert.Equal("misc", r.ReadTextString());
            r.ReadStartArray();
            Assert.True(r.ReadBoolean());
            Assert.False(r.ReadBoolean());
            r.ReadNull();
            Assert.Equal(CborSimpleValue.Undefined, r.ReadSimpleValue());
            r.ReadEndArray();
            r.ReadEndMap();
            Assert.Equal(0, r.BytesRemaining);
        }
    }

    [Fact]
    public void A_buffer_too_small_is_a_CborException()
    {
        Assert.Throws<CborException>(() => Ours(w => w.WriteText(new string('z', 40)), 16));
        Assert.Throws<CborException>(() => Ours(w => w.WriteUInt(ulong.MaxValue), 8));
    }

    [Fact]
    public void Values_from_System_Formats_Cbor_read_in_both_length_forms()
    {
        foreach (bool indefinite in new[] { false, true })
        {
            var w = new System.Formats.Cbor.CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
            w.WriteStartMap(indefinite ? null : 6);
            w.WriteTextString("u"); w.WriteStartArray(indefinite ? null : Unsigned.Length);
            foreach (var u in Unsigned) w.WriteUInt64(u);
            w.WriteEndArray();
            w.WriteTextString("s"); w.WriteStartArray(indefinite ? null : Signed.Length);
            foreach (var s in Signed) w.WriteInt64(s);
            w.WriteEndArray();
            w.WriteTextString("t"); w.WriteStartArray(indefinite ? null : Texts.Length);
            foreach (var t in Texts)
            {
                if (indefinite)
                {
                    // Chunked text: each chunk a definite text string.
                    w.WriteStartIndefiniteLengthTextString();
                    for (int i = 0; i < t.Length; i += 2) w.WriteTextString(t.Substring(i, Math.Min(2, t.Length - i)).Replace("\ud83d", "").Replace("\ude00", ""));
                    w.WriteEndIndefiniteLengthTextString();
                }
                else w.WriteTextString(t);
            }
            w.WriteEndArray();
            w.WriteTextString("b");
            if (indefinite)
            {
                w.WriteStartIndefiniteLengthByteString();
                w.WriteByteString([1, 2]); w.WriteByteString([]); w.WriteByteString([3]);
                w.WriteEndIndefiniteLengthByteString();
            }
            else w.WriteByteString([1, 2, 3]);
            w.WriteTextString("f"); w.WriteBoolean(false);
            w.WriteTextString("skip"); w.WriteTag(CborTag.DateTimeString); w.WriteStartArray(2); w.WriteDouble(1.5); w.WriteHalf((Half)2); w.WriteEndArray();
            w.WriteEndMap();
            byte[] bytes = w.Encode();

            var r = new OurReader(bytes, 0, bytes.Length);
            int entries = r.BeginMap();
            Assert.Equal(indefinite ? -1 : 6, entries);
            var keys = new List<string>();
            while (r.NextItem(ref entries))
            {
                string key = r.ReadText();
                keys.Add(key);
                switch (key)
                {
                    case "u":
                        int n = r.BeginArray(); int i = 0;
                        while (r.NextItem(ref n)) Assert.Equal(Unsigned[i++], r.ReadUInt64());
                        Assert.Equal(Unsigned.Length, i);
                        break;
                    case "s":
                        n = r.BeginArray(); i = 0;
                        while (r.NextItem(ref n)) Assert.Equal(Signed[i++], r.ReadInt64());
                        break;
                    case "t":
                        n = r.BeginArray(); i = 0;
                        while (r.NextItem(ref n))
                        {
                            string t = r.ReadText();
                            if (!indefinite) Assert.Equal(Texts[i], t);
                            i++;
                        }
                        Assert.Equal(Texts.Length, i);
                        break;
                    case "b":
                        byte[] arr = r.ReadBytes(out int off, out int count);
                        Assert.Equal(new byte[] { 1, 2, 3 }, arr[off..(off + count)]);
                        break;
                    case "f":
                        Assert.False(r.ReadBool());
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }
            Assert.True(r.AtEnd);
            Assert.Equal(new[] { "u", "s", "t", "b", "f", "skip" }, keys);
        }
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "", "empty input" },
        { "a1", "map without its entry" },
        { "a16164", "map key without value" },
        { "bf6164", "indefinite map without break" },
        { "18", "uint8 missing its byte" },
        { "1b000000", "uint64 truncated" },
        { "5a00000010aa", "byte string longer than the input" },
        { "7bffffffffffffffff", "text length past any buffer" },
        { "9bffffffffffffffff", "array count past any buffer" },
        { "1c", "reserved additional information 28" },
        { "3d", "reserved additional information 29" },
        { "fe", "reserved simple 30" },
        { "ff", "break outside an indefinite item" },
        { "a1ff00", "break as a map key" },
        { "bf6161ff", "indefinite map ending after a key" },
        { "1f", "indefinite length of an integer" },
        { "5f4101", "indefinite byte string without end" },
        { "5f6161ff", "text chunk in a byte string" },
        { "5f5f4101ffff", "nested indefinite chunk" },
        { "f818", "two-byte simple value below 32" },
        { "818181818181818181818100", "nesting deeper than the limit" },
        { "c1c1c1c1c1c1c1c1c1c100", "tags nested deeper than the limit" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_is_a_CborException(string hex, string what)
    {
        byte[] bytes = Convert.FromHexString(hex);
        var e = Assert.Throws<CborException>(() => new OurReader(bytes, 0, bytes.Length).Skip());
        Assert.False(string.IsNullOrEmpty(e.Message), what);
    }

    [Theory]
    [InlineData("01", "map")]
    [InlineData("a0", "text")]
    [InlineData("6161", "bytes")]
    [InlineData("f5", "int")]
    [InlineData("1bffffffffffffffff", "int")]
    [InlineData("3bffffffffffffffff", "int")]
    [InlineData("1b0000000100000000", "count")]
    [InlineData("f6", "bool")]
    public void A_value_of_another_type_is_a_CborException(string hex, string read)
    {
        byte[] b = Convert.FromHexString(hex);
        var r = new OurReader(b, 0, b.Length);
        Assert.Throws<CborException>(() =>
        {
            switch (read)
            {
                case "map": r.BeginMap(); break;
                case "text": r.ReadText(); break;
                case "bytes": r.ReadBytes(out _, out _); break;
                case "int": r.ReadInt64(); break;
                case "count": r.ReadCount(); break;
                default: r.ReadBool(); break;
            }
        });
    }
}
