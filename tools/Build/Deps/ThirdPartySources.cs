namespace Nrf5340Sdk.Build;

/// <summary>The unpacked third-party source trees, as the CMake cache variables bootloader/crypto reads.</summary>
public sealed record ThirdPartySourceDirs(string MbedTls, string Libsodium)
{
    public IReadOnlyList<string> CMakeCacheArgs =>
        [$"-D{ThirdPartySources.MbedTls.CMakeVariable}={MbedTls}", $"-D{ThirdPartySources.Libsodium.CMakeVariable}={Libsodium}"];
}

/// <summary>
/// Makes sure Debian trixie's mbedTLS 3.6 and libsodium source packages are unpacked in the SDK cache
/// (<see cref="Repo.Cache"/>), with Debian's patches applied. Idempotent: once unpacked, nothing touches the
/// network. Safe if interrupted: a package is unpacked into a temporary folder and renamed into place last.
/// </summary>
public static class ThirdPartySources
{
    public const string Suite = "trixie";
    public static readonly DebianSourcePackage MbedTls = new("mbedtls", "3.6.", "MBEDTLS_SOURCE_DIR", "include/mbedtls/build_info.h");
    public static readonly DebianSourcePackage Libsodium = new("libsodium", "1.0.", "LIBSODIUM_SOURCE_DIR", "src/libsodium/include/sodium.h");

    public static string Root => Path.Combine(Repo.Cache, "debian-sources", Suite);
    public static string DirOf(DebianSourcePackage package) => Path.Combine(Root, package.Name);

    public static ThirdPartySourceDirs Ensure()
    {
        Log.Section($"third-party sources (Debian {Suite} source packages)");
        DebianSourcePackage[] packages = [MbedTls, Libsodium];
        if (packages.Any(p => !IsUsable(p)))
        {
            Directory.CreateDirectory(Root);
            using var _ = LockOrWait(Path.Combine(Root, ".lock"));
            var missing = packages.Where(p => !IsUsable(p)).ToList(); // another run may have finished meanwhile
            if (missing.Count > 0) Fetch(missing);
        }
        foreach (var p in packages)
            Log.Info($"-D{p.CMakeVariable}={DirOf(p)}   ({p.Name} {UnpackedVersion(DirOf(p))})");
        return new ThirdPartySourceDirs(DirOf(MbedTls), DirOf(Libsodium));
    }

    private static void Fetch(IReadOnlyList<DebianSourcePackage> packages)
    {
        foreach (var tool in new[] { "apt-get", "dpkg-source" })
            if (Shell.Which(tool) is null)
                throw new BuildException($"{tool} is missing: fetching Debian source packages needs Debian's apt and dpkg-dev " +
                                         "(run ./build.sh setup)");
        // Left-overs of an interrupted run; the lock guarantees no other run is using them.
        foreach (var stale in Directory.GetDirectories(Root, ".tmp-*")) Directory.Delete(stale, recursive: true);

        var apt = new PrivateApt(Path.Combine(Root, "apt"), Suite, DebianMirror.FromSystem());
        apt.Update();
        foreach (var package in packages)
        {
            var work = Path.Combine(Root, $".tmp-{package.Name}");
            Directory.CreateDirectory(work);
            var dsc = apt.DownloadSource(package.Name, work);
            var version = DscVersion(dsc);
            if (!version.StartsWith(package.VersionPrefix))
                throw new BuildException($"{Suite} now has {package.Name} {version}; bootloader/crypto is written for " +
                                         $"{package.VersionPrefix}x: review its configuration, then widen the version in ThirdPartySources");
            // dpkg-source checks the tarballs against the .dsc and applies Debian's patches.
            if (Shell.Run("dpkg-source", ["-x", dsc, "tree"], work) != 0)
                throw new BuildException($"dpkg-source -x {Path.GetFileName(dsc)} failed (see its messages above)");
            if (!File.Exists(Path.Combine(work, "tree", package.MarkerFile)))
                throw new BuildException($"{package.Name} {version} has no {package.MarkerFile}: not the expected source layout");
            if (Directory.Exists(DirOf(package))) Directory.Delete(DirOf(package), recursive: true);
            Directory.Move(Path.Combine(work, "tree"), DirOf(package));
            Directory.Delete(work, recursive: true);
        }
    }

    private static bool IsUsable(DebianSourcePackage package) =>
        File.Exists(Path.Combine(DirOf(package), package.MarkerFile))
        && UnpackedVersion(DirOf(package))?.StartsWith(package.VersionPrefix) == true;

    /// <summary>The version in debian/changelog's first line: "mbedtls (3.6.6-0.1~deb13u1) trixie; ...".</summary>
    private static string? UnpackedVersion(string dir)
    {
        var changelog = Path.Combine(dir, "debian", "changelog");
        var first = File.Exists(changelog) ? File.ReadLines(changelog).FirstOrDefault() : null;
        var open = first?.IndexOf('(') ?? -1;
        var close = first?.IndexOf(')') ?? -1;
        return open >= 0 && close > open ? first![(open + 1)..close] : null;
    }

    private static string DscVersion(string dsc) =>
        File.ReadLines(dsc).Where(l => l.StartsWith("Version:")).Select(l => l["Version:".Length..].Trim()).FirstOrDefault()
        ?? throw new BuildException($"{dsc} has no Version field");

    /// <summary>One fetch at a time per cache: apt's own lists lock would otherwise fail the second run.</summary>
    private static FileStream LockOrWait(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        for (var announced = false; ; announced = true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (DateTime.UtcNow >= deadline)
                    throw new BuildException($"{path} stayed locked for 10 minutes: another build is fetching sources, or hangs");
                if (!announced) Log.Step($"waiting for another run to finish with {Root}");
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }
}
