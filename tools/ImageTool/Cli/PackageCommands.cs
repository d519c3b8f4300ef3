using System.CommandLine;
using ImageTool.Files;
using ImageTool.Packaging;

namespace ImageTool.Cli;

/// <summary>`package app|bootloader`: the DFU zips phones and nRF Cloud take.</summary>
internal static class PackageCommands
{
    public static Command Create() => new("package", "Create DFU zips with manifest.json as NCS writes them")
    {
        Application(), Bootloader(),
    };

    private sealed record Common(Option<string> Output, Option<string> Board, Option<string> Soc, Option<string?> Name)
    {
        public static Common Add(Command command, string defaultOutput)
        {
            var common = new Common(
                new Option<string>("--output", "-o") { Description = "Zip to write", DefaultValueFactory = _ => defaultOutput },
                new Option<string>("--board") { Description = "Board name, e.g. nrf5340dk/nrf5340/cpuapp", Required = true },
                new Option<string>("--soc") { Description = "SoC name, e.g. nrf5340", Required = true },
                new Option<string?>("--name") { Description = "Name shown to the user" });
            command.Options.Add(common.Output);
            command.Options.Add(common.Board);
            command.Options.Add(common.Soc);
            command.Options.Add(common.Name);
            return common;
        }

        public PackageTarget Target(ParseResult r) =>
            new(r.GetValue(Board)!, r.GetValue(Soc)!, r.GetValue(Name), DfuPackage.SourceDateEpoch() ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    private static Command Application()
    {
        var image = new Argument<string>("image") { Description = "Signed application image (.bin)" };
        var load = CliNumbers.UInt("--load-address");
        load.Required = true;
        load.Description = "Where the application partition starts";
        var net = new Option<string?>("--net-image") { Description = "Signed network core image (.bin)" };
        var netLoad = CliNumbers.OptionalUInt("--net-load-address");
        netLoad.Description = "Where the network core application starts";
        var netBoard = new Option<string?>("--net-board") { Description = "Network core board name" };
        var command = new Command("app", "dfu_application.zip: the application (and network core) update") { image, load, net, netLoad, netBoard };
        var common = Common.Add(command, "dfu_application.zip");
        command.SetAction(r =>
        {
            string? netPath = r.GetValue(net);
            if (netPath is not null && r.GetValue(netLoad) is null)
                throw new ToolException("--net-image needs --net-load-address");
            byte[] zip = DfuPackage.Application(common.Target(r), Input(r.GetValue(image)!), r.GetValue(load),
                netPath is null ? null : Input(netPath), r.GetValue(netLoad) ?? 0, r.GetValue(netBoard));
            FirmwareFile.WriteBytes(r.GetValue(common.Output)!, zip);
            return 0;
        });
        return command;
    }

    private static Command Bootloader()
    {
        var s0 = new Argument<string>("s0") { Description = "Signed S0 bootloader update (.bin)" };
        var s1 = new Argument<string>("s1") { Description = "Signed S1 bootloader update (.bin)" };
        var command = new Command("bootloader", "dfu_mcuboot.zip: both S variants of the second-stage bootloader") { s0, s1 };
        var common = Common.Add(command, "dfu_mcuboot.zip");
        command.SetAction(r =>
        {
            byte[] zip = DfuPackage.Bootloader(common.Target(r), Input(r.GetValue(s0)!), Input(r.GetValue(s1)!));
            FirmwareFile.WriteBytes(r.GetValue(common.Output)!, zip);
            return 0;
        });
        return command;
    }

    private static PackageInput Input(string path) => PackageInput.FromFile(path);
}
