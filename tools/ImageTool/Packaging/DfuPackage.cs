using System.IO.Compression;
using ImageTool.B0;
using ImageTool.Mcuboot;

namespace ImageTool.Packaging;

/// <summary>An input image: the name it gets in the zip, its bytes and its modification time (Unix seconds).</summary>
public sealed record PackageInput(string Name, byte[] Content, long ModifiedTime)
{
    /// <summary>A file under its own name, dated SOURCE_DATE_EPOCH when set, else by its modification time.</summary>
    public static PackageInput FromFile(string path) => new(Path.GetFileName(path), Files.FirmwareFile.ReadBytes(path),
        DfuPackage.SourceDateEpoch() ?? new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds());
}

/// <summary>What every entry shares: board and SoC as NCS names them, an optional display name, the build time.</summary>
public sealed record PackageTarget(string Board, string Soc, string? Name, long Time);

/// <summary>
/// The zips nRF Connect Device Manager and nRF Cloud take: dfu_application.zip (application, optional network
/// core) and dfu_mcuboot.zip (the S0 and S1 builds of the second-stage bootloader; the phone uploads the one
/// for the slot that is not running). Versions and addresses are read from the images, never passed twice.
/// </summary>
public static class DfuPackage
{
    public const int ApplicationImageIndex = 0;

    /// <summary>Reproducible builds pin every timestamp with SOURCE_DATE_EPOCH.</summary>
    public static long? SourceDateEpoch()
    {
        string? value = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(value))
            return null;
        return long.TryParse(value, out long seconds) && seconds >= 0
            ? seconds
            : throw new ToolException($"SOURCE_DATE_EPOCH='{value}' is not a number of seconds");
    }
    public const int NetworkCoreImageIndex = 1;

    public static byte[] Application(PackageTarget target, PackageInput app, uint appLoadAddress,
        PackageInput? net = null, uint netLoadAddress = 0, string? netBoard = null)
    {
        var files = new List<PackageFile>
        {
            new(app.Name, app.Content, app.ModifiedTime,
            [
                new("load_address", (long)appLoadAddress),
                .. Slots(ApplicationImageIndex),
                new("version_MCUBOOT", ParseMcuboot(app).Header.Version.ToString()),
            ]),
        };
        if (net is not null)
        {
            var image = ParseMcuboot(net);
            // A net core behind b0n is versioned by fw_info, otherwise by the MCUboot header.
            var info = FirmwareInfo.TryRead(image.Bytes, image.PayloadOffset + FirmwareInfo.Offset);
            files.Add(new PackageFile(net.Name, net.Content, net.ModifiedTime,
            [
                .. Slots(NetworkCoreImageIndex),
                new("load_address", (long)netLoadAddress),
                new("version", info?.Version.ToString() ?? image.Header.Version.ToString()),
                new("board", netBoard ?? throw new ToolException("a network core image needs its board name")),
                new("soc", target.Soc),
            ]));
        }
        return Zip(target, [new("type", "application"), .. Common(target)], files);
    }

    public static byte[] Bootloader(PackageTarget target, PackageInput s0, PackageInput s1)
    {
        var (s0Image, s0Info) = ParseBootloader(s0);
        var (s1Image, s1Info) = ParseBootloader(s1);
        if (s0Image.Header.Version != s1Image.Header.Version || s0Info.Version != s1Info.Version)
            throw new ToolException(
                $"{s0.Name} ({s0Image.Header.Version}, fw_info {s0Info.Version}) and {s1.Name} ({s1Image.Header.Version}, fw_info {s1Info.Version}) are not the same release");
        if (s0Info.Address == s1Info.Address)
            throw new ToolException($"{s0.Name} and {s1.Name} are both linked for 0x{s0Info.Address:x}: one must be the S1 build");
        var files = new List<PackageFile>
        {
            new(s0.Name, s0.Content, s0.ModifiedTime, [new("load_address", (long)(s0Info.Address - s0Image.Header.HeaderSize))]),
            new(s1.Name, s1.Content, s1.ModifiedTime, [new("load_address", (long)(s1Info.Address - s1Image.Header.HeaderSize))]),
        };
        return Zip(target,
        [
            new("version_MCUBOOT", s0Image.Header.Version.ToString()),
            new("version_B0", s0Info.Version.ToString()),
            new("type", "mcuboot"),
            .. Common(target),
        ], files);
    }

    private static IEnumerable<KeyValuePair<string, object>> Common(PackageTarget target) =>
        [new("board", target.Board), new("soc", target.Soc)];

    /// <summary>MCUboot image i owns slots 2i and 2i+1; the manifest counts from 1.</summary>
    private static IEnumerable<KeyValuePair<string, object>> Slots(int imageIndex) =>
    [
        new("image_index", imageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("slot_index_primary", (2 * imageIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("slot_index_secondary", (2 * imageIndex + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static McubootImage ParseMcuboot(PackageInput input)
    {
        var result = ImageVerifier.Verify(input.Content, null);
        if (!result.Ok)
            throw new ToolException($"{input.Name} is not a valid signed MCUboot image: {result.Message}");
        return McubootImage.Parse(input.Content);
    }

    /// <summary>A bootloader update is an MCUboot image whose payload is a complete b0-signed image.</summary>
    private static (McubootImage Image, FirmwareInfo Info) ParseBootloader(PackageInput input)
    {
        var image = ParseMcuboot(input);
        try
        {
            var b0 = B0Image.Verify(image.Payload.ToArray());
            return (image, b0.Info);
        }
        catch (ToolException e)
        {
            throw new ToolException($"{input.Name} is not an S0/S1 bootloader update (its payload fails b0 validation: {e.Message})");
        }
    }

    private static byte[] Zip(PackageTarget target, IReadOnlyList<KeyValuePair<string, object>> shared, List<PackageFile> files)
    {
        var names = files.Select(f => f.Name).ToList();
        if (names.Distinct().Count() != names.Count || names.Contains("manifest.json"))
            throw new ToolException($"zip entry names must be distinct and not manifest.json: {string.Join(", ", names)}");
        string manifest = DfuManifest.Write(target.Time, target.Name, shared, files);
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
                AddEntry(zip, file.Name, file.Content, file.ModifiedTime);
            AddEntry(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest), target.Time);
        }
        return buffer.ToArray();
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content, long time)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        // Zip stores DOS times from 1980 on; earlier (e.g. SOURCE_DATE_EPOCH=0) is clamped.
        entry.LastWriteTime = DateTimeOffset.FromUnixTimeSeconds(Math.Max(time, 315532800));
        using var stream = entry.Open();
        stream.Write(content);
    }
}
