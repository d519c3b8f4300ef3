using System.CommandLine;
using ImageTool.B0;
using ImageTool.Files;
using ImageTool.Keys;

namespace ImageTool.Cli;

/// <summary>`provision`: b0's OTP data, with provision.py's option names.</summary>
internal static class ProvisionCommand
{
    public static Command Create()
    {
        var s0 = CliNumbers.UInt("--s0-addr");
        s0.Required = true;
        s0.Description = "Start of the S0 partition (including its MCUboot header pad), e.g. 0x8000";
        var s1 = CliNumbers.OptionalUInt("--s1-addr");
        s1.Description = "Start of the S1 partition (default: same as S0)";
        var at = CliNumbers.UInt("--provision-addr");
        at.Required = true;
        at.Description = "Start of the provision region, 0xff8100 (UICR OTP) on the nRF5340 application core";
        var keys = new Option<string>("--public-key-files") { Description = "Comma-separated PEM keys, signing key first", Required = true };
        var maxSize = CliNumbers.OptionalUInt("--max-size");
        maxSize.Description = "Size of the provision region (default 0x1000; 0x280 on nRF5340)";
        var versionSlots = new Option<int>("--num-counter-slots-version") { Description = "Monotonic counter slots for the firmware version (even)" };
        var mcubootSlots = new Option<int>("--mcuboot-counters-slots") { Description = "Monotonic counter slots for MCUboot (even)" };
        var width = new Option<int>("--otp-write-width") { Description = "OTP write width in bytes", DefaultValueFactory = _ => 2 };
        var legacy = new Option<bool>("--legacy") { Description = "Old NCS layout (no LCS, implementation ID or counters)" };
        var output = new Option<string>("--output", "-o")
        {
            Description = ".hex: the data as provision.py writes it; .bin: the whole region, 0xFF where unwritten",
            DefaultValueFactory = _ => "provision.hex",
        };
        var command = new Command("provision", "Create b0's provisioning data (slot addresses, key hashes, counters)")
        {
            s0, s1, at, keys, maxSize, versionSlots, mcubootSlots, width, legacy, output,
        };
        command.SetAction(r =>
        {
            var publicKeys = r.GetValue(keys)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(path => KeyFile.LoadPublic(path, r.InvocationConfiguration.Error)).ToList();
            var request = new ProvisioningRequest
            {
                S0Address = r.GetValue(s0),
                S1Address = r.GetValue(s1) ?? r.GetValue(s0),
                ProvisionAddress = r.GetValue(at),
                Keys = publicKeys,
                MaxSize = (int)(r.GetValue(maxSize) ?? 0x1000),
                VersionCounterSlots = r.GetValue(versionSlots),
                McubootCounterSlots = r.GetValue(mcubootSlots),
                OtpWriteWidth = r.GetValue(width),
                Layout = r.GetValue(legacy) ? ProvisioningLayout.Legacy : ProvisioningLayout.Current,
            };
            string path = r.GetValue(output)!;
            if (FirmwareFile.IsHex(path))
                FirmwareFile.Write(path, Provisioning.Build(request));
            else
                FirmwareFile.WriteBytes(path, Provisioning.BuildRegion(request));
            return 0;
        });
        return command;
    }
}
