using System.Globalization;
using System.Text.Json;

namespace Nrf5340Sdk.Board;

/// <summary>Reads partitions.json; every error names the entry and field at fault.</summary>
internal static class PartitionTableReader
{
    public static PartitionTable Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        var board = Str(root, "board", "table");

        var memories = Array(root, "memories").Select(ReadMemory).ToList();
        var byName = memories.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());

        var partitionJson = Array(root, "partitions").ToList();
        // Duplicate names are reported by the validator; here the first one wins so reading goes on.
        var declared = partitionJson.GroupBy(e => Str(e, "name", "partition")).ToDictionary(
            g => g.Key, g => (Parent: OptStr(g.First(), "parent"), Memory: OptStr(g.First(), "memory")));
        var partitions = partitionJson.Select(e => ReadPartition(e, declared, byName)).ToList();

        var images = Array(root, "images").Select(ReadImage).ToList();
        var swapJson = root.TryGetProperty("swap", out var s) ? s
            : throw new BoardTableException("table: missing 'swap'");
        var swap = new SwapSettings(Str(swapJson, "algorithm", "swap"), (int)Num(swapJson, "max_sectors", "swap"));

        var table = new PartitionTable
        {
            Board = board, Memories = memories, Partitions = partitions, Images = images, Swap = swap,
        };
        PartitionTableValidator.ThrowIfInvalid(table);
        return table;
    }

    private static Memory ReadMemory(JsonElement e)
    {
        var name = Str(e, "name", "memory");
        var what = $"memory '{name}'";
        var kind = Str(e, "kind", what) switch
        {
            "flash" => MemoryKind.Flash,
            "otp" => MemoryKind.Otp,
            "ram" => MemoryKind.Ram,
            var k => throw new BoardTableException($"{what}: unknown kind '{k}' (flash, otp or ram)"),
        };
        return new Memory(name, Str(e, "core", what), kind, Num(e, "base", what), Num(e, "size", what),
            OptNum(e, "page_size", what) ?? 0, OptNum(e, "write_unit", what) ?? 1, OptNum(e, "lock_region", what) ?? 0);
    }

    private static Partition ReadPartition(
        JsonElement e, IReadOnlyDictionary<string, (string? Parent, string? Memory)> declared,
        IReadOnlyDictionary<string, Memory> memories)
    {
        var name = Str(e, "name", "partition");
        var what = $"partition '{name}'";
        var memory = MemoryName(name, declared, what);
        if (!memories.ContainsKey(memory))
            throw new BoardTableException($"{what}: unknown memory '{memory}'");
        LinkInfo? link = null;
        if (e.TryGetProperty("link", out var l))
            link = new LinkInfo(Str(l, "ram", what + " link"), OptNum(l, "offset", what + " link") ?? 0);
        var locked = e.TryGetProperty("locked", out var lk) && lk.GetBoolean();
        return new Partition(name, memory, OptStr(e, "parent"), Num(e, "address", what), Num(e, "size", what),
            locked, link);
    }

    /// <summary>A child partition lives in the memory of its nearest ancestor that names one.</summary>
    private static string MemoryName(
        string name, IReadOnlyDictionary<string, (string? Parent, string? Memory)> declared, string what)
    {
        var seen = new HashSet<string>();
        for (var current = name; ;)
        {
            if (!declared.TryGetValue(current, out var entry))
                throw new BoardTableException($"{what}: parent '{current}' is not in the table");
            if (!seen.Add(current))
                throw new BoardTableException($"{what}: parent chain loops at '{current}'");
            if (entry.Memory is not null) return entry.Memory;
            current = entry.Parent ?? throw new BoardTableException($"{what}: missing 'memory'");
        }
    }

    private static ImageSlot ReadImage(JsonElement e)
    {
        var name = Str(e, "name", "image");
        var what = $"image '{name}'";
        var primary = e.TryGetProperty("primary", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : throw new BoardTableException($"{what}: 'primary' must be a list of partitions");
        return new ImageSlot((int)Num(e, "number", what), name, primary, Str(e, "secondary", what));
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string field) =>
        e.TryGetProperty(field, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray()
            : throw new BoardTableException($"table: '{field}' must be a list");

    private static string Str(JsonElement e, string field, string what) =>
        OptStr(e, field) ?? throw new BoardTableException($"{what}: missing '{field}'");

    private static string? OptStr(JsonElement e, string field) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static uint Num(JsonElement e, string field, string what) =>
        OptNum(e, field, what) ?? throw new BoardTableException($"{what}: missing '{field}'");

    /// <summary>Numbers are JSON integers or "0x…" strings (addresses read best in hex).</summary>
    private static uint? OptNum(JsonElement e, string field, string what)
    {
        if (!e.TryGetProperty(field, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt32(out var n)) return n;
        var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h))
            return h;
        throw new BoardTableException($"{what}: '{field}' = {text} is not a 32-bit number (use 123 or \"0x7B\")");
    }
}
