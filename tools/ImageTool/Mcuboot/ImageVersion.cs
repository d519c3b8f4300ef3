using System.Globalization;
using System.Text.RegularExpressions;

namespace ImageTool.Mcuboot;

/// <summary>MCUboot's struct image_version: MAJ.MIN.REV+BUILD with 8/8/16/32-bit fields.</summary>
public readonly partial record struct ImageVersion(byte Major, byte Minor, ushort Revision, uint Build)
{
    public const int Size = 8;

    [GeneratedRegex(@"^(\d+)(?:\.(\d+)(?:\.(\d+)(?:\+(\d+))?)?)?$")]
    private static partial Regex Pattern();

    /// <summary>Accepts "1", "1.2", "1.2.3" and "1.2.3+4", as imgtool does; missing parts are 0.</summary>
    public static ImageVersion Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            throw new ToolException($"invalid version '{text}': expected MAJOR.MINOR.REVISION+BUILD, e.g. 1.2.3+4");
        return new ImageVersion(
            (byte)Part(match, 1, byte.MaxValue, "major", text),
            (byte)Part(match, 2, byte.MaxValue, "minor", text),
            (ushort)Part(match, 3, ushort.MaxValue, "revision", text),
            (uint)Part(match, 4, uint.MaxValue, "build", text));
    }

    private static ulong Part(Match match, int group, ulong max, string name, string text)
    {
        if (!match.Groups[group].Success)
            return 0;
        if (!ulong.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) || value > max)
            throw new ToolException($"invalid version '{text}': the {name} number must be at most {max}");
        return value;
    }

    public static ImageVersion Read(ReadOnlySpan<byte> bytes) => new(
        bytes[0], bytes[1],
        System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));

    public void Write(Span<byte> bytes)
    {
        bytes[0] = Major;
        bytes[1] = Minor;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes[2..], Revision);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], Build);
    }

    /// <summary>imgtool's `-s auto` security counter: major, minor and revision packed into 32 bits.</summary>
    public uint AutoSecurityCounter => ((uint)Major << 24) + ((uint)Minor << 16) + Revision;

    public override string ToString() => $"{Major}.{Minor}.{Revision}+{Build}";
}
