using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>Provisioning data is byte-identical to what NCS's provision.py wrote for the same inputs.</summary>
public class ProvisioningTests
{
    private static string[] Current(string output) =>
    [
        "provision", "--s0-addr", "0x8000", "--s1-addr", "0x18000", "--provision-addr", "0xff8100",
        "--public-key-files", $"{Vectors.B0("key0_pub.pem")},{Vectors.B0("key1_pub.pem")}", "-o", output,
        "--max-size", "0x280", "--num-counter-slots-version", "20", "--otp-write-width", "2",
    ];

    private static string[] Legacy(string output) =>
    [
        "provision", "--legacy", "--s0-addr", "0x8000", "--s1-addr", "0x18000", "--provision-addr", "0xff8100",
        "--public-key-files", $"{Vectors.B0("key0_pub.pem")},{Vectors.B0("key1_pub.pem")}", "-o", output, "--max-size", "0x280",
    ];

    [Theory]
    [InlineData(false, "provision.hex", "provision.hex")]
    [InlineData(false, "provision.bin", "provision_otp.bin")]
    [InlineData(true, "provision.hex", "provision_legacy.hex")]
    [InlineData(true, "provision.bin", "provision_legacy_otp.bin")]
    public void Output_is_byte_identical_to_provision_py(bool legacy, string output, string reference)
    {
        using var dir = new TempDirectory();
        CliRun.Ok(legacy ? Legacy(dir.File(output)) : Current(dir.File(output)));
        Assert.Equal(Vectors.Bytes(Vectors.B0(reference)), File.ReadAllBytes(dir.File(output)));
    }

    [Fact]
    public void Private_key_files_give_the_same_hashes_as_their_public_keys()
    {
        using var dir = new TempDirectory();
        string[] args = Current(dir.File("p.hex"));
        args[8] = $"{Vectors.B0("key0_priv_TEST_ONLY.pem")},{Vectors.B0("key1_pub.pem")}";
        CliRun.Ok(args);
        Assert.Equal(Vectors.Bytes(Vectors.B0("provision.hex")), File.ReadAllBytes(dir.File("p.hex")));
    }

    [Fact]
    public void Data_that_does_not_fit_max_size_is_refused_with_the_sizes()
    {
        using var dir = new TempDirectory();
        string[] args = Current(dir.File("p.hex"));
        args[12] = "0x80";
        CliRun.Fails(args, "provisioning data (140 bytes incl. 40 for LCS and implementation ID) does not fit --max-size 0x80");
    }

    [Fact]
    public void Duplicate_keys_and_odd_counter_slot_counts_are_refused()
    {
        using var dir = new TempDirectory();
        string[] duplicate = Current(dir.File("p.hex"));
        duplicate[8] = $"{Vectors.B0("key0_pub.pem")},{Vectors.B0("key0_priv_TEST_ONLY.pem")}";
        CliRun.Fails(duplicate, "are the same key");
        string[] odd = Current(dir.File("p.hex"));
        odd[14] = "21";
        CliRun.Fails(odd, "must be even");
    }
}
