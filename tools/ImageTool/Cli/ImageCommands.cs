using System.CommandLine;
using ImageTool.Files;
using ImageTool.Keys;
using ImageTool.Mcuboot;

namespace ImageTool.Cli;

/// <summary>sign, verify, dumpinfo: imgtool's image commands, with imgtool's option names.</summary>
internal static class ImageCommands
{
    public static Command Sign()
    {
        var signer = new SignerOptions();
        var headerSize = CliNumbers.UInt("--header-size", "-H");
        headerSize.Required = true;
        headerSize.Description = "Header room before the payload (ih_hdr_size), e.g. 0x200";
        var padHeader = new Option<bool>("--pad-header") { Description = "Prepend the header room instead of expecting it (zeroed) in the input" };
        var align = new Option<int>("--align") { Description = "Flash write alignment of the swap status area: 1, 2, 4, 8, 16 or 32", DefaultValueFactory = _ => 1 };
        var maxAlign = new Option<int?>("--max-align") { Description = "BOOT_MAX_ALIGN (8, 16 or 32) if not max(8, --align)" };
        var version = new Option<string>("--version", "-v") { Description = "Image version MAJOR.MINOR.REVISION+BUILD", Required = true };
        var slotSize = CliNumbers.UInt("--slot-size", "-S");
        slotSize.Required = true;
        slotSize.Description = "Size of the slot the image goes to (the image plus trailer must fit)";
        var maxSectors = new Option<int>("--max-sectors", "-M") { Description = "Sectors in the swap status area", DefaultValueFactory = _ => TrailerLayout.DefaultMaxSectors };
        var pad = new Option<bool>("--pad") { Description = "Pad to --slot-size and write the trailer magic" };
        var confirm = new Option<bool>("--confirm") { Description = "Also mark the image confirmed (implies --pad)" };
        var securityCounter = new Option<string?>("--security-counter", "-s") { Description = "SEC_CNT value, or 'auto' to derive it from the version" };
        var dependencies = new Option<string[]>("--dependencies", "-d") { Description = "\"(IMAGE_ID,MAJ.MIN.REV+BUILD)\", repeatable" };
        var keyFormat = new Option<string>("--public-key-format") { Description = "Embed the key as hash (KEYHASH) or full (PUBKEY)", DefaultValueFactory = _ => "hash" };
        keyFormat.AcceptOnlyFromAmong("hash", "full");
        var hexAddress = CliNumbers.OptionalUInt("--hex-addr", "-x");
        hexAddress.Description = "Address of the image in a .hex output";
        var input = new Argument<string>("infile") { Description = "Firmware to sign (.bin or .hex)" };
        var output = new Argument<string>("outfile") { Description = "Signed image (.bin or .hex)" };

        var command = new Command("sign", "Create a signed (or, without a key, hash-only) MCUboot image")
        {
            headerSize, padHeader, align, maxAlign, version, slotSize, maxSectors, pad, confirm, securityCounter,
            dependencies, keyFormat, hexAddress, input, output,
        };
        signer.AddTo(command);
        command.SetAction(r =>
        {
            var imageVersion = ImageVersion.Parse(r.GetValue(version)!);
            var options = new SignOptions
            {
                Version = imageVersion,
                HeaderSize = (int)r.GetValue(headerSize),
                PadHeader = r.GetValue(padHeader),
                Align = r.GetValue(align),
                MaxAlign = r.GetValue(maxAlign),
                MaxSectors = r.GetValue(maxSectors),
                SlotSize = r.GetValue(slotSize),
                Pad = r.GetValue(pad),
                Confirm = r.GetValue(confirm),
                SecurityCounter = r.GetValue(securityCounter) switch
                {
                    null => null,
                    "auto" => imageVersion.AutoSecurityCounter,
                    string n => CliNumbers.ParseUInt32(n, "--security-counter"),
                },
                Dependencies = (r.GetValue(dependencies) ?? []).SelectMany(ImageDependency.ParseList).ToList(),
                PublicKeyFormat = r.GetValue(keyFormat) == "full" ? PublicKeyFormat.Full : PublicKeyFormat.Hash,
            };
            var key = signer.Resolve(r, r.InvocationConfiguration.Error);
            var signed = ImageSigner.Sign(FirmwareFile.Read(r.GetValue(input)!), options, key);
            signed.Save(r.GetValue(output)!, r.GetValue(hexAddress));
            return 0;
        });
        return command;
    }

    public static Command Verify()
    {
        var key = new Option<string?>("--key", "-k") { Description = "Key (PEM, private or public) the image must be signed with" };
        var image = new Argument<string>("imgfile") { Description = "Signed image (.bin or .hex)" };
        var command = new Command("verify", "Check an image's hash and, with -k, its signature") { key, image };
        command.SetAction(r =>
        {
            var publicKey = r.GetValue(key) is { } path ? KeyFile.LoadPublic(path, r.InvocationConfiguration.Error) : null;
            var result = ImageVerifier.Verify(FirmwareFile.Read(r.GetValue(image)!).Bytes, publicKey);
            if (!result.Ok)
            {
                r.InvocationConfiguration.Error.WriteLine(result.Message);
                return 1;
            }
            var stdout = r.InvocationConfiguration.Output;
            stdout.WriteLine(result.Message);
            stdout.WriteLine($"Image version: {result.Version}");
            stdout.WriteLine($"Image digest: {Convert.ToHexStringLower(result.Digest!)}");
            return 0;
        });
        return command;
    }

    public static Command DumpInfo()
    {
        var image = new Argument<string>("imgfile") { Description = "Image (.bin or .hex)" };
        var command = new Command("dumpinfo", "Print the header, TLVs and trailer of an image") { image };
        command.SetAction(r =>
        {
            string path = r.GetValue(image)!;
            r.InvocationConfiguration.Output.Write(Mcuboot.DumpInfo.Format(FirmwareFile.Read(path).Bytes, Path.GetFileName(path)));
            return 0;
        });
        return command;
    }
}
