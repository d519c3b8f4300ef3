using System.CommandLine;
using Nrf5340Sdk.DkSim;

var root = new RootCommand("The simulated nRF5340 DK: b0 -> second stage -> the app on the host runtime, SMP over UDP and a serial stream");

var state = new Option<string>("--state") { Description = "State folder (flash, OTP, retained RAM): kept between runs", DefaultValueFactory = _ => DkCommands.DefaultState };
var udp = new Option<int>("--udp") { Description = "SMP UDP port on 127.0.0.1", DefaultValueFactory = _ => 1337 };
var serial = new Option<int?>("--serial") { Description = "TCP port on 127.0.0.1 for the app's UART (mcumgr serial framing)" };
var appVersion = new Option<string>("--app-version") { Description = "Version of the app image a new state gets", DefaultValueFactory = _ => "1.0.0" };
var fresh = new Option<bool>("--fresh") { Description = "Start from a new state (erases the folder's flash, OTP and retained RAM)" };
var deploy = new Option<string?>("--deployment") { Description = "Deployment image (.nfdeploy) a new state gets in managed_deploy; default: the build's" };
var run = new Command("run", "Run the DK until Ctrl-C or until the app stops (the default)") { state, udp, serial, appVersion, fresh, deploy };
run.SetAction(r => DkCommands.Run(new DkOptions
{
    StateFolder = r.GetValue(state)!, UdpPort = r.GetValue(udp), SerialPort = r.GetValue(serial), AppVersion = r.GetValue(appVersion)!,
    Deployment = r.GetValue(deploy),
}, r.GetValue(fresh)));
root.Subcommands.Add(run);

var output = new Option<string>("--output", "-o") { Description = "File to write", Required = true };
var version = new Option<string>("--version") { Description = "Image version (MAJOR.MINOR.REVISION[+BUILD])", Required = true };
var size = new Option<int>("--size") { Description = "Payload bytes", DefaultValueFactory = _ => 0x3000 };
var images = new Command("image", "Make a signed update image for the DK (development keys)");
var app = new Command("app", "A stand-in app image (MCUboot image 0)") { output, version, size };
app.SetAction(r => DkCommands.Write(r.GetValue(output)!, i => i.App(r.GetValue(version)!, r.GetValue(size))));
var deployment = new Command("deployment", "The build's C# deployment with another version (MCUboot image 3)") { output, version };
deployment.SetAction(r => DkCommands.Write(r.GetValue(output)!, i => i.Deployment(r.GetValue(version)!)));
var slot = new Option<string>("--slot") { Description = "s0 or s1", Required = true };
slot.AcceptOnlyFromAmong("s0", "s1");
var fwVersion = new Option<int>("--fw-version") { Description = "fw_info version (b0's monotonic version)", Required = true };
var bootloader = new Command("bootloader", "The second stage for a b0 slot as an update (MCUboot image 2)") { output, slot, fwVersion };
bootloader.SetAction(r => DkCommands.Write(r.GetValue(output)!, i => i.BootloaderUpdate(r.GetValue(slot)!, r.GetValue(fwVersion))));
images.Subcommands.Add(app);
images.Subcommands.Add(deployment);
images.Subcommands.Add(bootloader);
root.Subcommands.Add(images);

return root.Parse(args.Length == 0 ? ["run"] : args).Invoke();
