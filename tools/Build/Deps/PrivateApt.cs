namespace Nrf5340Sdk.Build;

/// <summary>
/// apt-get with its own sources list, state and cache under <paramref name="root"/>: it reads one suite's
/// deb-src index without touching the system's apt configuration or lists. The Release file is verified
/// with the system's Debian keyring, as for any apt source.
/// </summary>
public sealed class PrivateApt(string root, string suite, DebianMirror mirror)
{
    private string SourceParts => Path.Combine(root, "sources.list.d");
    private string State => Path.Combine(root, "state");
    private string Cache => Path.Combine(root, "cache");

    private IEnumerable<string> Options()
    {
        string[] options =
        [
            "-o", "Dir::Etc::SourceList=/dev/null", "-o", $"Dir::Etc::SourceParts={SourceParts}",
            "-o", $"Dir::State={State}", "-o", $"Dir::Cache={Cache}",
        ];
        // As root, apt would hand downloads to the _apt user, which cannot enter a private cache folder, and
        // then warn and download as root anyway: say so up front.
        return Environment.UserName == "root" ? [.. options, "-o", "APT::Sandbox::User=root"] : options;
    }

    /// <summary>Writes the deb-src entry and downloads the suite's signed index.</summary>
    public void Update()
    {
        Directory.CreateDirectory(SourceParts);
        Directory.CreateDirectory(Path.Combine(State, "lists", "partial"));
        Directory.CreateDirectory(Path.Combine(Cache, "archives", "partial"));
        var signedBy = mirror.SignedBy is null ? "" : $"Signed-By: {mirror.SignedBy}\n";
        File.WriteAllText(Path.Combine(SourceParts, $"{suite}-src.sources"),
            $"Types: deb-src\nURIs: {mirror.Uri}\nSuites: {suite}\nComponents: main\n{signedBy}");
        if (Shell.Run("apt-get", [.. Options(), "update"]) != 0)
            throw new BuildException(
                $"apt-get update of {suite}'s source index from {mirror.Uri} failed (see apt's messages above). " +
                $"If apt reports NO_PUBKEY or an unsigned repository, this machine's keyring ({mirror.SignedBy ?? "/etc/apt/trusted.gpg.d"}) " +
                $"lacks {suite}'s archive keys: upgrade debian-archive-keyring (bookworm's 2023.3+deb12u2 has them).");
    }

    /// <summary>
    /// Downloads the .dsc and its tarballs into <paramref name="dir"/>; apt checks their checksums against the
    /// verified index. Returns the path of the .dsc.
    /// </summary>
    public string DownloadSource(string package, string dir)
    {
        if (Shell.Run("apt-get", [.. Options(), "source", "--download-only", "--only-source", $"{package}/{suite}"], dir) != 0)
            throw new BuildException($"apt-get source {package}/{suite} failed (see apt's messages above)");
        var dsc = Directory.GetFiles(dir, $"{package}_*.dsc");
        return dsc.Length == 1 ? dsc[0]
            : throw new BuildException($"apt-get source {package} left {dsc.Length} .dsc files in {dir}, expected one");
    }
}
