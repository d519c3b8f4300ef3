using System.Text.RegularExpressions;

namespace ImageTool.Mcuboot;

public enum PublicKeyFormat
{
    /// <summary>KEYHASH TLV: SHA-256 of the DER public key (imgtool's default).</summary>
    Hash,

    /// <summary>PUBKEY TLV: the DER public key itself.</summary>
    Full,
}

/// <summary>imgtool's DEPENDENCY TLV: this image needs image <see cref="ImageId"/> at <see cref="MinVersion"/> or newer.</summary>
public readonly partial record struct ImageDependency(byte ImageId, ImageVersion MinVersion)
{
    [GeneratedRegex(@"\(\s*(\d+)\s*,\s*([0-9.+]+)\s*\)")]
    private static partial Regex Item();

    /// <summary>Parses "(1,1.2.3+0)" or several, "(1, 1.2.3), (2, 2.0.0)".</summary>
    public static IReadOnlyList<ImageDependency> ParseList(string text)
    {
        var matches = Item().Matches(text);
        string rest = Item().Replace(text, "").Replace(",", "").Trim();
        if (matches.Count == 0 || rest.Length > 0)
            throw new ToolException($"invalid dependency '{text}': expected \"(IMAGE_ID,MAJOR.MINOR.REVISION+BUILD)\", e.g. \"(1,1.2.3+0)\"");
        return matches.Select(m =>
        {
            if (!byte.TryParse(m.Groups[1].Value, out byte id))
                throw new ToolException($"invalid dependency '{m.Value}': the image id must be 0..255");
            return new ImageDependency(id, ImageVersion.Parse(m.Groups[2].Value));
        }).ToList();
    }

    /// <summary>struct image_dependency: u8 image_id, 3 pad bytes, struct image_version.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[4 + ImageVersion.Size];
        bytes[0] = ImageId;
        MinVersion.Write(bytes.AsSpan(4));
        return bytes;
    }
}

/// <summary>What `imgtool sign` takes on its command line (the subset this project uses).</summary>
public sealed record SignOptions
{
    public required ImageVersion Version { get; init; }

    /// <summary>ih_hdr_size: room before the payload, at least 32 bytes.</summary>
    public required int HeaderSize { get; init; }

    /// <summary>Prepend the header room (erased bytes) instead of expecting it, zeroed, in the input.</summary>
    public bool PadHeader { get; init; }

    public int Align { get; init; } = 1;

    public int? MaxAlign { get; init; }

    public int MaxSectors { get; init; } = TrailerLayout.DefaultMaxSectors;

    /// <summary>0 means no slot-size check (imgtool always requires it on its command line).</summary>
    public uint SlotSize { get; init; }

    /// <summary>Fill to the slot size and write the trailer magic.</summary>
    public bool Pad { get; init; }

    /// <summary>Also set image_ok in the trailer; implies <see cref="Pad"/>.</summary>
    public bool Confirm { get; init; }

    public uint? SecurityCounter { get; init; }

    public IReadOnlyList<ImageDependency> Dependencies { get; init; } = [];

    public PublicKeyFormat PublicKeyFormat { get; init; } = PublicKeyFormat.Hash;

    public bool PadsToSlot => Pad || Confirm;

    public TrailerLayout Trailer => TrailerLayout.Create(Align, MaxAlign, MaxSectors);
}
