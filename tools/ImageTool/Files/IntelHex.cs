using System.Globalization;
using System.Text;

namespace ImageTool.Files;

/// <summary>
/// Intel HEX reader and writer. The writer emits the same records as python-intelhex (used by imgtool and the
/// NCS scripts): 16-byte data records that break at holes and 64 KiB boundaries, type 04 records only when an
/// address is above 0xFFFF, "\n" line ends, upper-case hex. That is what makes our output byte-identical.
/// </summary>
public static class IntelHex
{
    private const int BytesPerRecord = 16;

    public static MemoryImage Parse(string text, string source)
    {
        var image = new MemoryImage();
        uint upper = 0; // from type 02 (segment << 4) or type 04 (linear << 16)
        bool sawEnd = false;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            string where = $"{source} line {i + 1}";
            if (sawEnd)
                throw new ToolException($"{where}: data after the end-of-file record");
            byte[] record = DecodeRecord(line, where);
            int length = record[0];
            ushort offset = (ushort)(record[1] << 8 | record[2]);
            byte type = record[3];
            var data = record.AsSpan(4, length);
            switch (type)
            {
                case 0:
                    ulong address = (ulong)upper + offset;
                    if (address + (ulong)length > 0x1_0000_0000UL)
                        throw new ToolException($"{where}: data record runs past address 0xffffffff");
                    image.Add((uint)address, data, source);
                    break;
                case 1:
                    sawEnd = true;
                    break;
                case 2:
                    RequireLength(length, 2, where, type);
                    upper = (uint)(data[0] << 8 | data[1]) << 4;
                    break;
                case 4:
                    RequireLength(length, 2, where, type);
                    upper = (uint)(data[0] << 8 | data[1]) << 16;
                    break;
                case 3:
                case 5:
                    RequireLength(length, 4, where, type);
                    image.SetStartAddress(
                        new HexStartAddress(type, (uint)(data[0] << 24 | data[1] << 16 | data[2] << 8 | data[3])), where);
                    break;
                default:
                    throw new ToolException($"{where}: unknown record type {type:x2}");
            }
        }
        if (!sawEnd)
            throw new ToolException($"{source}: no end-of-file record (:00000001FF); is the file truncated?");
        return image;
    }

    private static void RequireLength(int length, int expected, string where, byte type)
    {
        if (length != expected)
            throw new ToolException($"{where}: record type {type:x2} must hold {expected} bytes, not {length}");
    }

    private static byte[] DecodeRecord(string line, string where)
    {
        if (line[0] != ':')
            throw new ToolException($"{where}: an Intel HEX record must start with ':'");
        if (line.Length < 11 || line.Length % 2 == 0)
            throw new ToolException($"{where}: record has a bad length ({line.Length} characters)");
        byte[] record;
        try
        {
            record = Convert.FromHexString(line.AsSpan(1));
        }
        catch (FormatException)
        {
            throw new ToolException($"{where}: record contains characters that are not hex digits");
        }
        if (record.Length != record[0] + 5)
            throw new ToolException($"{where}: byte count {record[0]} does not match the record length");
        byte sum = 0;
        foreach (byte b in record)
            sum += b;
        if (sum != 0)
            throw new ToolException($"{where}: checksum mismatch (record sums to 0x{sum:x2}, not 0)");
        return record;
    }

    public static string Write(MemoryImage image)
    {
        var text = new StringBuilder();
        if (image.StartAddress is { } start)
            AppendRecord(text, 0, start.RecordType, BigEndian(start.Value));

        bool needUpperRecords = !image.IsEmpty && image.EndAddress - 1 > 0xFFFF;
        uint? currentUpper = null;
        foreach (var (runAddress, run) in ContiguousRuns(image))
        {
            int position = 0;
            while (position < run.Length)
            {
                uint address = runAddress + (uint)position;
                uint upper = address >> 16;
                if (needUpperRecords && upper != currentUpper)
                {
                    AppendRecord(text, 0, 4, [(byte)(upper >> 8), (byte)upper]);
                    currentUpper = upper;
                }
                int toBoundary = 0x10000 - (int)(address & 0xFFFF);
                int count = Math.Min(Math.Min(BytesPerRecord, toBoundary), run.Length - position);
                AppendRecord(text, (ushort)address, 0, run.AsSpan(position, count));
                position += count;
            }
        }
        text.Append(":00000001FF\n");
        return text.ToString();
    }

    /// <summary>Touching segments from different inputs form one run, as they would in a single hex file.</summary>
    private static IEnumerable<(uint Address, byte[] Data)> ContiguousRuns(MemoryImage image)
    {
        var segments = image.Segments;
        for (int i = 0; i < segments.Count;)
        {
            int j = i + 1;
            while (j < segments.Count && segments[j - 1].End == segments[j].Address)
                j++;
            yield return (segments[i].Address, segments.Skip(i).Take(j - i).SelectMany(s => s.Data).ToArray());
            i = j;
        }
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static void AppendRecord(StringBuilder text, ushort offset, byte type, ReadOnlySpan<byte> data)
    {
        byte sum = (byte)(data.Length + (offset >> 8) + offset + type);
        text.Append(':')
            .Append(data.Length.ToString("X2", CultureInfo.InvariantCulture))
            .Append(offset.ToString("X4", CultureInfo.InvariantCulture))
            .Append(type.ToString("X2", CultureInfo.InvariantCulture));
        foreach (byte b in data)
        {
            text.Append(b.ToString("X2", CultureInfo.InvariantCulture));
            sum += b;
        }
        text.Append(((byte)-sum).ToString("X2", CultureInfo.InvariantCulture)).Append('\n');
    }
}
