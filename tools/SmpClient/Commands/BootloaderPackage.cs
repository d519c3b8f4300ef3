using System.IO.Compression;
using System.Text.Json;
using ImageTool.Mcuboot;

namespace Nrf5340Sdk.Smp.Commands;

/// <summary>
/// A bootloader update zip as NCS builds it for b0 + MCUboot (dfu_mcuboot.zip; ImageTool's `package bootloader`):
/// manifest.json lists two MCUboot-signed images of the second stage, one linked for S0 and one for S1, each with
/// its "load_address". b0 does not move images, so the device must get the variant for the slot it is not running.
/// </summary>
public sealed record BootloaderPackage(BootloaderVariant S0, BootloaderVariant S1)
{
    /// <summary>The variant to send to a device running its second stage from activeSlot (0 = S0, 1 = S1).</summary>
    public BootloaderVariant For(int activeSlot) => activeSlot switch
    {
        0 => S1,
        1 => S0,
        _ => throw new ArgumentException($"active b0 slot {activeSlot} is neither 0 (S0) nor 1 (S1)"),
    };

    public static BootloaderPackage Read(string zipPath)
    {
        using var zip = OpenZip(zipPath);
        var manifestEntry = zip.GetEntry("manifest.json") ?? throw Bad(zipPath, "it has no manifest.json");
        JsonDocument manifest;
        try
        {
            using var stream = manifestEntry.Open();
            manifest = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw Bad(zipPath, $"its manifest.json is not JSON: {e.Message}");
        }
        using (manifest)
        {
            if (!manifest.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
                throw Bad(zipPath, "its manifest.json has no \"files\" array");
            var variants = new List<BootloaderVariant>();
            foreach (var entry in files.EnumerateArray())
            {
                if (Text(entry, "type") is string type && type != "mcuboot")
                    throw Bad(zipPath, $"it holds a \"{type}\" image, not a bootloader (type \"mcuboot\")");
                string name = Text(entry, "file") ?? throw Bad(zipPath, "a manifest entry has no \"file\"");
                if (!entry.TryGetProperty("load_address", out var load) || !load.TryGetInt64(out long address))
                    throw Bad(zipPath, $"the manifest entry of {name} has no numeric \"load_address\"");
                var content = zip.GetEntry(name) ?? throw Bad(zipPath, $"the manifest names {name}, which the zip lacks");
                variants.Add(new BootloaderVariant(name, address, ReadAll(content)));
            }
            if (variants.Count != 2 || variants[0].LoadAddress == variants[1].LoadAddress)
                throw Bad(zipPath, $"it must hold two images for two load addresses (S0, S1), it holds {variants.Count}");
            variants.Sort((a, b) => a.LoadAddress.CompareTo(b.LoadAddress));
            return new BootloaderPackage(variants[0], variants[1]);
        }
    }

    private static ZipArchive OpenZip(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw Bad(path, e.Message);
        }
    }

    private static string? Text(JsonElement entry, string key) =>
        entry.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static ArgumentException Bad(string path, string why) =>
        new($"{path} is not a bootloader update zip: {why}");
}

/// <summary>One S variant: its file name in the zip, where it is linked, its signed bytes.</summary>
public sealed record BootloaderVariant(string Name, long LoadAddress, byte[] Content)
{
    /// <summary>The image's SHA-256 TLV: what test and confirm name it by.</summary>
    public byte[] ImageHash => ImageHashOf(Content, Name);

    public static byte[] ImageHashOf(byte[] content, string name)
    {
        try
        {
            var image = McubootImage.Parse(content);
            return image.Tlvs.Entries.FirstOrDefault(t => t.Type == TlvType.Sha256)?.Value
                ?? throw new ArgumentException($"{name} has no SHA256 TLV");
        }
        catch (ImageTool.ToolException e)
        {
            throw new ArgumentException($"{name} is not an MCUboot image: {e.Message}");
        }
    }
}
