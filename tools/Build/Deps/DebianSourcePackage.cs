namespace Nrf5340Sdk.Build;

/// <summary>
/// A Debian source package whose C sources the native build compiles. <paramref name="VersionPrefix"/> guards
/// against a release moving to a version our configuration was not written for; <paramref name="MarkerFile"/>
/// proves an unpacked tree is complete.
/// </summary>
public sealed record DebianSourcePackage(string Name, string VersionPrefix, string CMakeVariable, string MarkerFile);
