using System.Formats.Cbor;

namespace Nrf5340Sdk.Smp.Protocol;

/// <summary>
/// SMP bodies: requests are written as definite maps of text keys; answers are read into plain values
/// (Dictionary&lt;string, object?&gt;, List&lt;object?&gt;, long, byte[], string, bool, null), whether the device
/// wrote definite or indefinite lengths. An empty body is an empty map.
/// </summary>
public static class CborBody
{
    public static byte[] Encode(params (string Key, object? Value)[] entries)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(entries.Length);
        foreach (var (key, value) in entries)
        {
            writer.WriteTextString(key);
            WriteValue(writer, value);
        }
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static void WriteValue(CborWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNull(); break;
            case string s: writer.WriteTextString(s); break;
            case bool b: writer.WriteBoolean(b); break;
            case byte[] bytes: writer.WriteByteString(bytes); break;
            case ReadOnlyMemory<byte> memory: writer.WriteByteString(memory.Span); break;
            case Memory<byte> memory: writer.WriteByteString(memory.Span); break;
            case int i: writer.WriteInt64(i); break;
            case long l: writer.WriteInt64(l); break;
            case uint u: writer.WriteUInt64(u); break;
            default: throw new ArgumentException($"no CBOR encoding for {value.GetType().Name}");
        }
    }

    public static Dictionary<string, object?> Decode(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
            return [];
        try
        {
            var reader = new CborReader(body, CborConformanceMode.Lax);
            if (reader.PeekState() != CborReaderState.StartMap)
                throw new SmpProtocolException($"the answer's body is a CBOR {reader.PeekState()}, not a map");
            var map = (Dictionary<string, object?>)ReadValue(reader)!;
            if (reader.BytesRemaining != 0)
                throw new SmpProtocolException($"{reader.BytesRemaining} bytes follow the answer's CBOR map");
            return map;
        }
        catch (CborContentException e)
        {
            throw new SmpProtocolException($"the answer's body is not valid CBOR: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            throw new SmpProtocolException($"the answer's body is not valid CBOR: {e.Message}");
        }
    }

    private static object? ReadValue(CborReader reader)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.StartMap:
                reader.ReadStartMap();
                var map = new Dictionary<string, object?>();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    object? key = ReadValue(reader);
                    map[key as string ?? Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "null"] = ReadValue(reader);
                }
                reader.ReadEndMap();
                return map;
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                var list = new List<object?>();
                while (reader.PeekState() != CborReaderState.EndArray)
                    list.Add(ReadValue(reader));
                reader.ReadEndArray();
                return list;
            case CborReaderState.UnsignedInteger:
            case CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.ByteString:
            case CborReaderState.StartIndefiniteLengthByteString:
                return reader.ReadByteString();
            case CborReaderState.TextString:
            case CborReaderState.StartIndefiniteLengthTextString:
                return reader.ReadTextString();
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            case CborReaderState.SimpleValue:
                reader.ReadSimpleValue();
                return null;
            case CborReaderState.Tag:
                reader.ReadTag();
                return ReadValue(reader);
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                return reader.ReadDouble();
            default:
                throw new SmpProtocolException($"unexpected CBOR item {reader.PeekState()}");
        }
    }
}
