namespace Nrf5340Sdk.Build;

/// <summary>
/// The keys a build signs and provisions with. Defaults are the repository's labelled development keys (every use
/// warns); production builds pass their own with --b0-key / --mcuboot-key, kept outside the repository.
/// </summary>
public sealed record Keys(string B0, string Mcuboot)
{
    public static string DevelopmentDir => Path.Combine(Repo.Root, "bootloader", "keys");

    public static Keys Resolve(string? b0, string? mcuboot) => new(
        Existing(b0 ?? Path.Combine(DevelopmentDir, "DEVELOPMENT-ONLY-b0-p256.pem"), "--b0-key"),
        Existing(mcuboot ?? Path.Combine(DevelopmentDir, "DEVELOPMENT-ONLY-mcuboot-p256.pem"), "--mcuboot-key"));

    private static string Existing(string path, string option) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new BuildException($"{option} {path}: no such key file");
}
