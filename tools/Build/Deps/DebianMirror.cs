namespace Nrf5340Sdk.Build;

/// <summary>
/// The Debian archive this machine already uses, read from its own apt configuration, so that no mirror
/// host is written into the repository: the first enabled entry with component "main" for the machine's
/// release codename (deb822 *.sources files and the one-line sources.list are both read).
/// </summary>
public sealed record DebianMirror(string Uri, string? SignedBy)
{
    public const string AptEtc = "/etc/apt";

    public static DebianMirror FromSystem()
    {
        var codename = ReadCodename()
            ?? throw new BuildException("cannot tell the Debian release: /etc/os-release has no VERSION_CODENAME (is this Debian?)");
        var files = new List<string>();
        if (File.Exists(Path.Combine(AptEtc, "sources.list"))) files.Add(Path.Combine(AptEtc, "sources.list"));
        var parts = Path.Combine(AptEtc, "sources.list.d");
        if (Directory.Exists(parts))
            files.AddRange(Directory.GetFiles(parts).Where(f => f.EndsWith(".sources") || f.EndsWith(".list")).Order());
        foreach (var file in files)
        {
            var entries = file.EndsWith(".sources") ? Deb822Entries(File.ReadAllText(file)) : OneLineEntries(File.ReadAllLines(file));
            var match = entries.FirstOrDefault(e => e.Suites.Contains(codename) && e.Components.Contains("main")
                && (e.Uri.StartsWith("http://") || e.Uri.StartsWith("https://")));
            if (match is not null) return new DebianMirror(match.Uri.TrimEnd('/'), match.SignedBy);
        }
        throw new BuildException($"no Debian mirror for '{codename} main' in {AptEtc}/sources.list or {parts}: " +
                                 "the third-party sources are fetched from the archive this machine's apt uses");
    }

    private sealed record Entry(string Uri, string[] Suites, string[] Components, string? SignedBy);

    private static string? ReadCodename() => File.Exists("/etc/os-release")
        ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("VERSION_CODENAME="))
            .Select(l => l["VERSION_CODENAME=".Length..].Trim('"')).FirstOrDefault(c => c.Length > 0)
        : null;

    /// <summary>deb822 stanzas ("Types: deb", "URIs: ...", "Suites: ...", ...), separated by blank lines.</summary>
    private static IEnumerable<Entry> Deb822Entries(string text)
    {
        foreach (var stanza in text.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = stanza.Split('\n').Where(l => !l.StartsWith('#') && l.Contains(':') && !char.IsWhiteSpace(l[0]))
                .Select(l => (Key: l[..l.IndexOf(':')].Trim(), Value: l[(l.IndexOf(':') + 1)..].Trim()))
                .GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
            string[] Words(string key) => fields.TryGetValue(key, out var v) ? v.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            if (fields.TryGetValue("Enabled", out var enabled) && enabled.Equals("no", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Words("Types").Contains("deb") && !Words("Types").Contains("deb-src")) continue;
            var signedBy = fields.TryGetValue("Signed-By", out var s) && s.StartsWith('/') ? s : null;
            foreach (var uri in Words("URIs"))
                yield return new Entry(uri, Words("Suites"), Words("Components"), signedBy);
        }
    }

    /// <summary>One-line format: deb [option=value ...] uri suite component...</summary>
    private static IEnumerable<Entry> OneLineEntries(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Split('#')[0].Trim();
            if (!line.StartsWith("deb ") && !line.StartsWith("deb-src ")) continue;
            string? signedBy = null;
            var open = line.IndexOf('[');
            if (open >= 0 && line.IndexOf(']') > open)
            {
                var options = line[(open + 1)..line.IndexOf(']')].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                signedBy = options.Where(o => o.StartsWith("signed-by=")).Select(o => o["signed-by=".Length..]).FirstOrDefault();
                line = line[..open] + line[(line.IndexOf(']') + 1)..];
            }
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 4) yield return new Entry(words[1], [words[2]], words[3..], signedBy);
        }
    }
}
