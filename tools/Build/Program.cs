using System.CommandLine;
using Nrf5340Sdk.Board;
using Nrf5340Sdk.Build;

// Without --board the build serves the host and QEMU (the nRF5340 DK's partition table); --board nrf5340dk adds
// what a user flashes on the DK (build/artefacts/nrf5340dk, DkArtefacts.cs).
var board = new Option<string?>("--board") { Description = "Board to build flashable artefacts for (nrf5340dk); default: host and QEMU only" };
string Board(ParseResult r) => r.GetValue(board) ?? DkArtefacts.Board;

var b0Key = new Option<string?>("--b0-key") { Description = "b0 signing key (PEM); default: the development key" };
var mcubootKey = new Option<string?>("--mcuboot-key") { Description = "MCUboot signing key (PEM); default: the development key" };
Keys KeysOf(ParseResult r) => Keys.Resolve(r.GetValue(b0Key), r.GetValue(mcubootKey));

var root = new RootCommand("nRF5340 SDK build tool: ./build.sh <command> (build.ps1 on Windows)");

root.Subcommands.Add(Command("setup", "Install the build tools this machine lacks (Debian: apt-get)", _ => { Setup.Ensure(); return 0; }));
root.Subcommands.Add(Command("deps", "Fetch and unpack the third-party C sources (Debian trixie source packages) into the cache",
    _ => { ThirdPartySources.Ensure(); return 0; }));
root.Subcommands.Add(Command("generate", "Generate C header, linker regions and C# constants from the partition table",
    r => Steps.Generate(Board(r))));
root.Subcommands.Add(Command("build", "Set up, generate, and build all native and C# code",
    r => Steps.BuildAll(Board(r), KeysOf(r), r.GetValue(board) is not null)));
root.Subcommands.Add(Command("test", "Build, then run every test suite (xunit and CTest)",
    r => Steps.TestAll(Board(r), KeysOf(r), r.GetValue(board) is not null)));
root.Subcommands.Add(Command("qemu", "Run the QEMU mps2-an505 smoke boots of the last build (CTest, cortex-m33 tree)",
    _ => QemuSmoke.Test(new TestTally())));
root.Subcommands.Add(Command("sizes", "Print the built artefacts against their partitions",
    r => Steps.Sizes(Board(r))));
root.Subcommands.Add(Command("bench", "Build, then run the benchmarks in bench/ (sizes, instruction counts, flash work)",
    r => Steps.Bench(Board(r), KeysOf(r))));
var fresh = new Option<bool>("--fresh") { Description = "run: flash the emulated DK anew instead of keeping its flash file" };
var smpPort = new Option<int>("--smp-port") { Description = "run: TCP port of the emulated DK's SMP serial port", DefaultValueFactory = _ => EmulatedDk.DefaultSmpPort };
var run = Command("run", "Set up and build everything, report the artefacts against the partitions, boot the emulated DK (QEMU) until Ctrl-C",
    r => Steps.Run(Board(r), KeysOf(r), r.GetValue(board) is not null, r.GetValue(fresh), r.GetValue(smpPort)));
run.Options.Add(fresh);
run.Options.Add(smpPort);
root.Subcommands.Add(run);
root.Subcommands.Add(Command("dk", "Build, then run the simulated DK (SMP on udp:127.0.0.1:1337, serial framing on tcp:127.0.0.1:1338) until Ctrl-C",
    r => Steps.Dk(Board(r), KeysOf(r))));

return root.Parse(args).Invoke();

Command Command(string name, string description, Func<ParseResult, int> action)
{
    var c = new Command(name, description) { board, b0Key, mcubootKey };
    c.SetAction(r =>
    {
        try { return action(r); }
        catch (Exception e) when (e is BuildException or BoardTableException or ImageTool.ToolException)
        {
            Log.Error(e.Message);
            return 1;
        }
    });
    return c;
}
