using System.Text.Json;
using ImageTool.B0;
using ImageTool.Keys;
using ImageTool.Tests.Support;

namespace ImageTool.Tests;

/// <summary>The b0 side against the images and data made by NCS's own scripts.</summary>
public class B0Tests
{
    private static string Key0 => Vectors.B0("key0_priv_TEST_ONLY.pem");

    [Theory]
    [InlineData("s0", "0x8200")]
    [InlineData("s1", "0x18200")]
    public void Signing_reproduces_the_NCS_image_except_r_and_s(string slot, string address)
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["b0", "sign", "-k", Key0, "--address", address, "--fw-version", "2", Vectors.B0($"{slot}_unsigned.bin"), dir.File("o.bin")]);
        byte[] ours = File.ReadAllBytes(dir.File("o.bin"));
        byte[] reference = Vectors.Bytes(Vectors.B0($"signed_by_b0_{slot}_image.bin"));
        Assert.Equal(reference.Length, ours.Length);
        Assert.Equal(reference[..0x470], ours[..0x470]); // image, magic, address, hash, public key
        Assert.NotEqual(reference[0x470..], ours[0x470..]); // a fresh randomised signature
        B0Image.Verify(ours, Convert.ToUInt32(address, 16), KeyFile.LoadPublic(Vectors.B0("key0_pub.pem")));
    }

    [Fact]
    public void Hex_in_gives_the_NCS_hex_out_except_the_signature_records()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["b0", "sign", "-k", Key0, "--address", "0x8200", Vectors.B0("s0_unsigned.hex"), dir.File("o.hex")]);
        string[] ours = File.ReadAllLines(dir.File("o.hex"));
        string[] reference = File.ReadAllLines(Vectors.B0("signed_by_b0_s0_image.hex"));
        Assert.Equal(reference.Length, ours.Length);
        var differing = Enumerable.Range(0, ours.Length).Where(i => ours[i] != reference[i])
            .Select(i => Convert.ToInt32(reference[i][3..7], 16)).ToList();
        Assert.NotEmpty(differing);
        Assert.All(differing, address => Assert.InRange(address, 0x8660, 0x86a0)); // the records holding r||s (0x8670..0x86af)
    }

    [Theory]
    [InlineData("signed_by_b0_s0_image.bin", 0x8200u)]
    [InlineData("signed_by_b0_s1_image.bin", 0x18200u)]
    [InlineData("signed_by_b0_s0_image.hex", 0x8200u)]
    public void The_shipped_signatures_verify(string file, uint address)
    {
        var result = CliRun.Ok(["b0", "verify", "-k", Vectors.B0("key0_pub.pem"), "--address", $"0x{address:x}", Vectors.B0(file)]);
        Assert.Contains("key hash 5bda1f923b77b203062661208abcd6d6", result.Output);

        var expected = JsonDocument.Parse(File.ReadAllText(Vectors.B0("expected.json"))).RootElement
            .GetProperty("images").GetProperty(file.Replace(".hex", ".bin")).GetProperty("validation");
        var block = B0Image.Verify(Files.FirmwareFile.Read(Vectors.B0(file)).Bytes).Block;
        Assert.Equal(expected.GetProperty("hash_sha256_of_bytes_0_to_0x3ff").GetString(), Convert.ToHexStringLower(block.Hash));
        Assert.Equal(expected.GetProperty("signature_r").GetString() + expected.GetProperty("signature_s").GetString(),
            Convert.ToHexStringLower(block.Signature));
    }

    [Fact]
    public void The_shipped_signature_verifies_with_openssl()
    {
        byte[] signed = Vectors.Bytes(Vectors.B0("signed_by_b0_s0_image.bin"));
        OpenSsl.AssertEcdsaVerifies(File.ReadAllText(Vectors.B0("key0_pub.pem")), signed[0x410..0x430], OpenSsl.RawToDer(signed[0x470..0x4b0]));
    }

    [Fact]
    public void Verify_rejects_every_byte_flip_of_image_and_validation_block()
    {
        byte[] signed = Vectors.Bytes(Vectors.B0("signed_by_b0_s0_image.bin"));
        var accepted = new List<int>();
        for (int i = 0; i < signed.Length; i++)
        {
            signed[i] ^= 0xFF;
            try
            {
                B0Image.Verify(signed, 0x8200, KeyFile.LoadPublic(Vectors.B0("key0_pub.pem")));
                accepted.Add(i);
            }
            catch (ToolException)
            {
            }
            signed[i] ^= 0xFF;
        }
        Assert.Empty(accepted);
    }

    [Fact]
    public void Verify_with_another_trusted_key_names_both_key_hashes()
    {
        CliRun.Fails(["b0", "verify", "-k", Vectors.B0("key1_pub.pem"), Vectors.B0("signed_by_b0_s0_image.bin")],
            "5bda1f923b77b203062661208abcd6d6", "88d8f55fb3b6dbbd84a8a01290a72c63");
    }

    [Theory]
    [InlineData("key0_pub.pem", "5bda1f923b77b203062661208abcd6d6")]
    [InlineData("key1_pub.pem", "88d8f55fb3b6dbbd84a8a01290a72c63")]
    [InlineData("key0_priv_TEST_ONLY.pem", "5bda1f923b77b203062661208abcd6d6")]
    public void Key_hash_is_the_first_16_bytes_of_sha256_of_X_and_Y(string key, string hash)
    {
        Assert.Equal(hash + "\n", CliRun.Ok(["b0", "keyhash", "-k", Vectors.B0(key)]).Output);
    }

    [Theory]
    [InlineData("ffff0000000000000000000000000000", true)]
    [InlineData("0000000000000000000000000000ffff", true)]
    [InlineData("00ffff00000000000000000000000000", false)]
    [InlineData("5bda1f923b77b203062661208abcd6d6", false)]
    public void Only_aligned_ffff_half_words_count_as_erased(string hash, bool erased)
    {
        Assert.Equal(erased, B0KeyHash.HasErasedHalfWord(Convert.FromHexString(hash)));
    }

    [Fact]
    public void A_key_whose_hash_holds_ffff_is_refused_for_signing_and_provisioning()
    {
        string key = Vectors.TestData("b0-key-hash-with-ffff.pem");
        CliRun.Fails(["b0", "keyhash", "-k", key], "d5cc099ce716ffff0cf0c9cc065e173b", "contains 0xffff");
        using var dir = new TempDirectory();
        CliRun.Fails(["provision", "--s0-addr", "0x8000", "--provision-addr", "0xff8100", "--public-key-files", key, "-o", dir.File("p.hex")],
            "contains 0xffff");
        Assert.Throws<ToolException>(() => B0KeyHash.ComputeProvisionable(KeyFile.LoadPublic(key)));
    }

    [Fact]
    public void b0_keygen_makes_a_provisionable_p256_key()
    {
        using var dir = new TempDirectory();
        CliRun.Ok(["b0", "keygen", "-k", dir.File("k.pem")]);
        var key = KeyFile.LoadPrivate(dir.File("k.pem"));
        Assert.Equal(KeyType.EcdsaP256, key.PublicKey.Type);
        Assert.False(B0KeyHash.HasErasedHalfWord(B0KeyHash.Compute(key.PublicKey)));
        OpenSsl.PublicPem(dir.File("k.pem"));
    }

    public static TheoryData<string, string, string[]> FwInfoProblems => new()
    {
        { "linked for the other slot", "0x18200", ["fw_info address is 0x8200", "0x18200", "other slot"] },
        { "wrong version", "0x8200 --fw-version 3", ["fw_info version is 2, expected 3"] },
    };

    [Theory]
    [MemberData(nameof(FwInfoProblems))]
    public void Signing_refuses_fw_info_that_b0_would_refuse(string why, string addressArgs, string[] fragments)
    {
        Assert.NotEmpty(why);
        using var dir = new TempDirectory();
        CliRun.Fails(["b0", "sign", "-k", Key0, "--address", .. addressArgs.Split(' '), Vectors.B0("s0_unsigned.bin"), dir.File("o.bin")], fragments);
    }

    [Theory]
    [InlineData(0x200, 0x00, "no fw_info at offset 0x200")]
    [InlineData(0x208, 0x00, "compatibility word is 0x00003500")]
    [InlineData(0x221, 0x00, "valid word is 0x910200ff")]
    [InlineData(0x21f, 0x20, "boot_address 0x20008200 lies outside")]
    public void Signing_refuses_a_damaged_fw_info(int offset, byte value, string message)
    {
        using var dir = new TempDirectory();
        byte[] image = Vectors.Bytes(Vectors.B0("s0_unsigned.bin"));
        image[offset] = value;
        CliRun.Fails(["b0", "sign", "-k", Key0, "--address", "0x8200", dir.Write("in.bin", image), dir.File("o.bin")], message);
    }

    [Fact]
    public void Signing_refuses_an_image_whose_length_differs_from_fw_info_size()
    {
        using var dir = new TempDirectory();
        byte[] image = [.. Vectors.Bytes(Vectors.B0("s0_unsigned.bin")), 0, 0, 0, 0];
        CliRun.Fails(["b0", "sign", "-k", Key0, "--address", "0x8200", dir.Write("in.bin", image), dir.File("o.bin")],
            "fw_info size is 0x400 but the image is 0x404 bytes");
    }

    [Fact]
    public void Signing_refuses_an_Ed25519_key()
    {
        using var dir = new TempDirectory();
        CliRun.Fails(["b0", "sign", "-k", Vectors.Imgtool("ed25519.pem"), "--address", "0x8200", Vectors.B0("s0_unsigned.bin"), dir.File("o.bin")],
            "ed25519 key", "ecdsa-p256 keys only");
    }

    [Fact]
    public void A_hex_input_must_start_at_the_given_address()
    {
        using var dir = new TempDirectory();
        CliRun.Fails(["b0", "sign", "-k", Key0, "--address", "0x18200", Vectors.B0("s0_unsigned.hex"), dir.File("o.bin")],
            "starts at 0x8200", "--address is 0x18200");
    }
}
