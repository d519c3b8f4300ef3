using System.Buffers.Binary;
using System.Text;

namespace ImageTool.Mcuboot;

/// <summary>
/// Human-readable dump of an image in the layout of imgtool's dumpinfo: header, protected TLVs, TLVs, and for a
/// slot-padded image the trailer fields (located from the magic, which announces max_align).
/// </summary>
public static class DumpInfo
{
    private const int Width = 60;

    public static string Format(byte[] bytes, string name)
    {
        var image = McubootImage.Parse(bytes);
        var h = image.Header;
        var text = new StringBuilder();
        text.Append($"Printing content of signed image: {name}\n\n");
        Section(text, "Image header (offset: 0x0)");
        Field(text, "magic:", 20, $"0x{ImageHeader.Magic:x}");
        Field(text, "load_addr:", 20, $"0x{h.LoadAddress:x}");
        Field(text, "hdr_size:", 20, $"0x{h.HeaderSize:x}");
        Field(text, "protected_tlv_size:", 20, $"0x{h.ProtectedTlvSize:x}");
        Field(text, "img_size:", 20, $"0x{h.ImageSize:x}");
        Field(text, "flags:", 20, $"0x{h.Flags:x}");
        Field(text, "version:", 20, h.Version.ToString());
        text.Append(new string('#', Width)).Append('\n');

        Section(text, $"Payload (offset: 0x{image.PayloadOffset:x})");
        string box = "|" + new string(' ', Width - 2) + "|\n";
        text.Append(box).Append('|').Append(Center($"FW image (size: 0x{h.ImageSize:x} Bytes)", Width - 2)).Append("|\n").Append(box);
        text.Append(new string('#', Width)).Append('\n');

        if (image.ProtectedTlvs is { } prot)
            Area(text, "Protected TLV area", image.ProtectedTlvOffset, prot);
        Area(text, "TLV area", image.TlvOffset, image.Tlvs);
        if (bytes.Length > image.End)
            Trailer(text, bytes, image.End);
        Section(text, "End of Image ");
        return text.ToString();
    }

    private static void Area(StringBuilder text, string title, int offset, TlvArea area)
    {
        Section(text, $"{title} (offset: 0x{offset:x})");
        Field(text, "magic:", 11, $"0x{area.Magic:x}");
        Field(text, "area size:", 11, $"0x{area.Size:x}");
        foreach (var tlv in area.Entries)
        {
            text.Append("        ").Append(new string('-', 45)).Append('\n');
            text.Append($"        type: {TlvType.Name(tlv.Type)} (0x{tlv.Type:x})\n");
            text.Append($"        len:  0x{tlv.Value.Length:x}\n");
            text.Append("        data: ");
            Bytes(text, tlv.Value, 14);
        }
        text.Append(new string('#', Width)).Append('\n');
    }

    private static void Trailer(StringBuilder text, byte[] bytes, int imageEnd)
    {
        int? maxAlign = bytes.Length - imageEnd >= TrailerLayout.MagicSize
            ? TrailerLayout.MaxAlignFromMagic(bytes.AsSpan(bytes.Length - TrailerLayout.MagicSize))
            : null;
        if (maxAlign is not (8 or 16 or 32))
        {
            Section(text, $"Data after the TLV area (offset: 0x{imageEnd:x})");
            text.Append($"{bytes.Length - imageEnd} bytes without a valid trailer magic\n");
            return;
        }
        var layout = new TrailerLayout(1, maxAlign.Value, 0);
        int end = bytes.Length;
        if (end - imageEnd < layout.SwapSizeFromEnd)
        {
            Section(text, $"Data after the TLV area (offset: 0x{imageEnd:x})");
            text.Append("a trailer magic, but too little room for the trailer fields\n");
            return;
        }
        Section(text, $"Image trailer (offset: 0x{end - layout.SwapSizeFromEnd:x})");
        text.Append("(the swap status area in front depends on the update strategy)\n");
        uint swapSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end - layout.SwapSizeFromEnd));
        Field(text, "swap size:", 13, swapSize == 0xFFFFFFFF ? "UNSET (0xffffffff)" : $"0x{swapSize:x}");
        byte swapInfo = bytes[end - layout.SwapInfoFromEnd];
        Field(text, "swap_info:", 13, swapInfo == 0xFF
            ? "UNSET (0xff)"
            : $"swap type {swapInfo & 0x0F}, image {swapInfo >> 4} (0x{swapInfo:x})");
        Field(text, "copy_done:", 13, Flag(bytes[end - layout.CopyDoneFromEnd]));
        Field(text, "image_ok:", 13, Flag(bytes[end - layout.ImageOkFromEnd]));
        text.Append("boot magic:  ");
        Bytes(text, bytes.AsSpan(end - TrailerLayout.MagicSize).ToArray(), 13);
        Field(text, "max_align:", 13, maxAlign.Value.ToString());
        text.Append('\n');
    }

    private static string Flag(byte value) => value switch
    {
        0x01 => "SET (0x1)",
        0xFF => "UNSET (0xff)",
        _ => $"BAD (0x{value:x})",
    };

    private static void Section(StringBuilder text, string title)
    {
        string line = $"#### {title} ";
        text.Append(line).Append(new string('#', Math.Max(0, Width - line.Length))).Append('\n');
    }

    private static void Field(StringBuilder text, string name, int column, string value) =>
        text.Append(name.PadRight(column)).Append(value).Append('\n');

    private static void Bytes(StringBuilder text, byte[] data, int indent)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (i > 0 && i % 8 == 0)
                text.Append('\n').Append(' ', indent);
            text.Append($"0x{data[i]:x2} ");
        }
        text.Append('\n');
    }

    private static string Center(string value, int width)
    {
        int left = (width - value.Length) / 2;
        return new string(' ', left) + value + new string(' ', width - value.Length - left);
    }
}
