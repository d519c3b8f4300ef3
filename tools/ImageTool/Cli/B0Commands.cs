using System.CommandLine;
using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;

namespace ImageTool.Cli;

/// <summary>`b0 ...`: keys and validation blocks for NCS's first-stage bootloader (NSIB).</summary>
internal static class B0Commands
{
    public static Command Create() => new("b0", "Sign and check images for the b0 first-stage bootloader")
    {
        Keygen(), KeyHash(), Sign(), Verify(),
    };

    private static Command Keygen()
    {
        var key = new Option<string>("--key", "-k") { Description = "Private key file to create (PEM)", Required = true };
        var development = KeyCommands.DevelopmentFlag();
        var command = new Command("keygen", "Generate a P-256 b0 key whose hash can be provisioned (no 0xFFFF half-word)") { key, development };
        command.SetAction(r =>
        {
            KeyCommands.WriteNewKey(r.GetValue(key)!, B0KeyHash.GenerateKey(), r.GetValue(development));
            return 0;
        });
        return command;
    }

    private static Command KeyHash()
    {
        var key = new Option<string>("--key", "-k") { Description = "Key file (PEM, private or public)", Required = true };
        var command = new Command("keyhash", "Print the 16-byte hash b0 provisions for a key") { key };
        command.SetAction(r =>
        {
            var publicKey = KeyFile.LoadPublic(r.GetValue(key)!, r.InvocationConfiguration.Error);
            r.InvocationConfiguration.Output.WriteLine(Convert.ToHexStringLower(B0KeyHash.ComputeProvisionable(publicKey)));
            return 0;
        });
        return command;
    }

    private static Command Sign()
    {
        var signer = new SignerOptions();
        var address = CliNumbers.UInt("--address");
        address.Required = true;
        address.Description = "Address the image runs at (fw_info.address), e.g. 0x8200 for S0, 0x18200 for S1";
        var version = CliNumbers.OptionalUInt("--fw-version");
        version.Description = "Refuse the image unless its fw_info version is this";
        var input = new Argument<string>("infile") { Description = "Second-stage image with fw_info at offset 0x200 (.bin or .hex)" };
        var output = new Argument<string>("outfile") { Description = "Image with the validation block appended (.bin or .hex)" };
        var command = new Command("sign", "Append b0's validation block (hash, public key, signature)") { address, version, input, output };
        signer.AddTo(command);
        command.SetAction(r =>
        {
            string inPath = r.GetValue(input)!;
            uint runAddress = r.GetValue(address);
            var data = FirmwareFile.Read(inPath);
            if (data.Address is { } at && at != runAddress)
                throw new ToolException($"{inPath} starts at 0x{at:x}, but --address is 0x{runAddress:x}");
            var key = signer.Resolve(r, r.InvocationConfiguration.Error)
                ?? throw new ToolException("b0 sign needs -k/--key or --sign-command with --public-key");
            FirmwareFile.Write(r.GetValue(output)!, B0Image.Sign(data.Bytes, runAddress, key, r.GetValue(version)), runAddress);
            return 0;
        });
        return command;
    }

    private static Command Verify()
    {
        var key = new Option<string?>("--key", "-k") { Description = "Key (PEM) the image must be signed with" };
        var address = CliNumbers.OptionalUInt("--address");
        address.Description = "Address the image must be linked for";
        var image = new Argument<string>("imgfile") { Description = "b0-signed image (.bin or .hex)" };
        var command = new Command("verify", "Check fw_info, hash and signature as b0 does") { key, address, image };
        command.SetAction(r =>
        {
            var trusted = r.GetValue(key) is { } path ? KeyFile.LoadPublic(path, r.InvocationConfiguration.Error) : null;
            var result = B0Image.Verify(FirmwareFile.Read(r.GetValue(image)!).Bytes, r.GetValue(address), trusted);
            r.InvocationConfiguration.Output.WriteLine(
                $"b0 validation OK: address 0x{result.Info.Address:x}, fw_info version {result.Info.Version}, " +
                $"size 0x{result.Info.Size:x}, key hash {Convert.ToHexStringLower(result.KeyHash)}");
            return 0;
        });
        return command;
    }
}
