using System.Text;
using System.Text.Json;

namespace ImageTool.Packaging;

/// <summary>A file in a DFU zip with its manifest entries ("key": string or integer), in order.</summary>
public sealed record PackageFile(string Name, byte[] Content, long ModifiedTime, IReadOnlyList<KeyValuePair<string, object>> Info);

/// <summary>
/// manifest.json as NCS's generate_zip.py writes it: {"format-version": 1, "time", "files": [...], "name"}.
/// Each file entry is the shared keys, then the file's own keys (a key present in both keeps the shared key's
/// position but takes the file's value), then "size", "file", "modtime". Integers are values given as 0x...
/// (addresses); everything else is a string, as the script leaves it.
/// </summary>
public static class DfuManifest
{
    public const int FormatVersion = 1;

    public static string Write(long time, string? name, IReadOnlyList<KeyValuePair<string, object>> shared,
        IReadOnlyList<PackageFile> files)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("format-version", FormatVersion);
            json.WriteNumber("time", time);
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                foreach (var (key, value) in Entry(shared, file))
                {
                    if (value is string text)
                        json.WriteString(key, text);
                    else
                        json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (name is not null)
                json.WriteString("name", name);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<KeyValuePair<string, object>> Entry(IReadOnlyList<KeyValuePair<string, object>> shared, PackageFile file)
    {
        var entry = new List<KeyValuePair<string, object>>(shared);
        IEnumerable<KeyValuePair<string, object>> own =
        [
            .. file.Info,
            new("size", (long)file.Content.Length),
            new("file", file.Name),
            new("modtime", file.ModifiedTime),
        ];
        foreach (var pair in own)
        {
            int existing = entry.FindIndex(e => e.Key == pair.Key);
            if (existing >= 0)
                entry[existing] = pair;
            else
                entry.Add(pair);
        }
        return entry;
    }
}
