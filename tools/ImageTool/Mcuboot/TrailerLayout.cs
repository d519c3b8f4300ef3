namespace ImageTool.Mcuboot;

/// <summary>
/// Where MCUboot keeps its swap state at the end of a slot, sized as imgtool sizes it (swap-move/scratch,
/// three status states per sector): status area, then swap_size, swap_info, copy_done, image_ok (each
/// max_align apart) and the 16-byte magic in the last max_align-aligned block.
/// </summary>
public sealed record TrailerLayout(int Align, int MaxAlign, int MaxSectors)
{
    public const int MagicSize = 16;
    public const int DefaultMaxSectors = 128;

    private static readonly int[] ValidAligns = [1, 2, 4, 8, 16, 32];
    private static readonly int[] ValidMaxAligns = [8, 16, 32];

    private static readonly byte[] Magic8 =
        [0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f, 0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80];

    // With BOOT_MAX_ALIGN > 8 the magic starts with the alignment (u16) and these 14 bytes follow.
    private static readonly byte[] MagicTail =
        [0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a];

    /// <summary>max_align defaults to max(8, align), as in imgtool.</summary>
    public static TrailerLayout Create(int align, int? maxAlign = null, int maxSectors = DefaultMaxSectors)
    {
        if (!ValidAligns.Contains(align))
            throw new ToolException($"--align {align} is invalid: use one of {string.Join(", ", ValidAligns)}");
        if (maxAlign is { } m && !ValidMaxAligns.Contains(m))
            throw new ToolException($"--max-align {m} is invalid: use one of {string.Join(", ", ValidMaxAligns)}");
        if (maxSectors < 1)
            throw new ToolException($"--max-sectors {maxSectors} is invalid: it must be at least 1");
        return new TrailerLayout(align, maxAlign ?? Math.Max(8, align), maxSectors);
    }

    public int MagicAlignedSize => AlignUp(MagicSize, MaxAlign);

    public int Size => MaxSectors * 3 * Align + MaxAlign * 4 + MagicAlignedSize;

    /// <summary>Distances from the end of the slot to each flag (MCUboot's boot_*_off).</summary>
    public int ImageOkFromEnd => MagicAlignedSize + MaxAlign;

    public int CopyDoneFromEnd => ImageOkFromEnd + MaxAlign;

    public int SwapInfoFromEnd => CopyDoneFromEnd + MaxAlign;

    public int SwapSizeFromEnd => SwapInfoFromEnd + MaxAlign;

    public byte[] Magic => MaxAlign == 8
        ? Magic8
        : [(byte)MaxAlign, (byte)(MaxAlign >> 8), .. MagicTail];

    /// <summary>The max_align a trailer magic announces, or null if the bytes are not a magic.</summary>
    public static int? MaxAlignFromMagic(ReadOnlySpan<byte> magic)
    {
        if (magic.SequenceEqual(Magic8))
            return 8;
        if (magic.Length == MagicSize && magic[2..].SequenceEqual(MagicTail))
            return magic[0] | magic[1] << 8;
        return null;
    }

    private static int AlignUp(int value, int align) => (value + align - 1) / align * align;
}
