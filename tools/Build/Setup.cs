namespace Nrf5340Sdk.Build;

/// <summary>
/// Installs what the build needs on a Debian machine, skipping what is there. Elsewhere (Windows, other
/// distributions) it checks the tools are on PATH and says what to install.
/// </summary>
public static class Setup
{
    /// <summary>Debian package → a program that proves it is installed.</summary>
    public static readonly IReadOnlyList<(string Package, string Program)> Requirements =
    [
        ("cmake", "cmake"),
        ("ninja-build", "ninja"),
        ("gcc", "gcc"),
        ("gcc-arm-none-eabi", "arm-none-eabi-gcc"),
        ("libnewlib-arm-none-eabi", "/usr/lib/arm-none-eabi/newlib/libc.a"),
        ("qemu-system-arm", "qemu-system-arm"),
        ("openssl", "openssl"),
        ("valgrind", "valgrind"),
        ("dpkg-dev", "dpkg-source"),
    ];

    public static void Ensure()
    {
        Log.Section("set-up");
        var missing = Requirements.Where(r => Shell.Which(r.Program) is null).ToList();
        if (missing.Count == 0)
        {
            Log.Step("all build tools present");
            return;
        }
        var packages = missing.Select(m => m.Package).ToList();
        if (Shell.Which("apt-get") is null)
            throw new BuildException("missing tools: " + string.Join(", ", missing.Select(m => m.Program)) +
                                     " — install them (Debian package names: " + string.Join(' ', packages) + ")");
        var sudo = Environment.UserName == "root" ? null : Shell.Which("sudo");
        AptGet(sudo, ["update"]);
        // A mirror hiccup is common on fresh machines: retry the install once before giving up.
        string[] install = ["install", "-y", "--no-install-recommends", .. packages];
        if (AptGet(sudo, install, throwOnError: false) != 0) AptGet(sudo, install);
        var still = Requirements.Where(r => Shell.Which(r.Program) is null).Select(r => r.Package).ToList();
        if (still.Count > 0) throw new BuildException("still missing after apt-get install: " + string.Join(' ', still));
    }

    private static int AptGet(string? sudo, string[] args, bool throwOnError = true)
    {
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var code = sudo is null ? Shell.Run("apt-get", args, env: env) : Shell.Run(sudo, ["apt-get", .. args], env: env);
        if (code != 0 && throwOnError) throw new BuildException($"apt-get {args[0]} failed ({code})");
        return code;
    }
}
