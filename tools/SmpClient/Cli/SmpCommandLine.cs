using System.CommandLine;
using System.Net.Sockets;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;
using Nrf5340Sdk.Smp.Transport;

namespace Nrf5340Sdk.Smp.Cli;

/// <summary>`smp`: the mcumgr commands from the command line. Exit codes: 0 done, 1 the device refused (group, code
/// name and reason printed), 2 bad arguments or files, 3 no or malformed answer.</summary>
public static class SmpCommandLine
{
    public const string DefaultConnection = "udp:127.0.0.1:1337";

    /// <summary>Runs a command with its output and errors captured (for programs and tests driving the client).</summary>
    public static (int Exit, string Output, string Errors) RunCaptured(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var connection = new Option<string>("--conn", "-c")
        {
            Description = "udp:HOST:PORT, tcp:HOST:PORT (serial framing over TCP) or serial:/dev/ttyACM0[@BAUD]",
            DefaultValueFactory = _ => DefaultConnection,
            Recursive = true,
        };
        var timeout = new Option<double>("--timeout", "-t")
        {
            Description = "Seconds to wait for an answer", DefaultValueFactory = _ => 3, Recursive = true,
        };
        var retries = new Option<int>("--retries")
        {
            Description = "How often to ask again after a timeout", DefaultValueFactory = _ => 2, Recursive = true,
        };
        var root = new RootCommand("SMP (mcumgr) client for the nRF5340 DK and its simulation") { connection, timeout, retries };

        int Run(ParseResult r, Func<McuMgr, int> action)
        {
            try
            {
                using var session = new SmpSession(SmpLinks.Open(r.GetValue(connection)!),
                    new SmpTimeouts(TimeSpan.FromSeconds(r.GetValue(timeout)), r.GetValue(retries)));
                return action(new McuMgr(session));
            }
            catch (SmpDeviceException e)
            {
                errors.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or SocketException)
            {
                errors.WriteLine($"error: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is SmpTimeoutException or SmpProtocolException)
            {
                errors.WriteLine($"error: {e.Message}");
                return 3;
            }
        }

        Command Add(Command parent, Command command, Func<ParseResult, McuMgr, int> action)
        {
            command.SetAction(r => Run(r, m => action(r, m)));
            parent.Subcommands.Add(command);
            return command;
        }

        var text = new Argument<string>("text") { Description = "What the device echoes" };
        Add(root, new Command("echo", "Echo a text (OS group)") { text }, (r, m) =>
        {
            output.WriteLine(m.Echo(r.GetValue(text)!));
            return 0;
        });
        Add(root, new Command("params", "The device's SMP buffer size and count"), (_, m) =>
        {
            output.WriteLine(m.Params() is { } b ? $"buf_size={b.Size} buf_count={b.Count}" : "parameters not supported");
            return 0;
        });
        Add(root, new Command("reset", "Reset the device through its boot chain"), (_, m) =>
        {
            output.WriteLine(m.Reset() ? "reset" : "reset sent (no answer: the device may have reset already)");
            return 0;
        });
        var storage = new Command("storage", "Settings storage (basic group)");
        root.Subcommands.Add(storage);
        Add(storage, new Command("erase", "Erase the settings storage"), (_, m) =>
        {
            m.StorageErase();
            output.WriteLine("storage erased");
            return 0;
        });
        root.Subcommands.Add(ImageCommand(output, Add));
        root.Subcommands.Add(BootloaderCommand(output, Add));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = errors });
    }

    private delegate Command Adder(Command parent, Command command, Func<ParseResult, McuMgr, int> action);

    private static Command ImageCommand(TextWriter output, Adder add)
    {
        var image = new Command("image", "Image group: list, upload, test, confirm, erase");
        add(image, new Command("list", "The images in their slots"), (_, m) =>
        {
            PrintSlots(output, m.ImageList());
            return 0;
        });
        var file = new Argument<string>("file") { Description = "Signed MCUboot image (.bin)" };
        var number = new Option<int>("--image", "-n") { Description = "Image number: 0 app, 1 net core, 2 bootloader, 3 C# deployment" };
        var chunk = new Option<int?>("--chunk") { Description = "Data bytes per chunk (default: from the device's buf_size)" };
        var window = new Option<int?>("--window") { Description = "Chunks in flight (default: the device's buf_count - 1)" };
        add(image, new Command("upload", "Upload an image to the upload slot (resumes an unfinished upload of the same file)")
        {
            file, number, chunk, window,
        }, (r, m) =>
        {
            var data = ReadFile(r.GetValue(file)!);
            Upload(output, m, data, Path.GetFileName(r.GetValue(file)!), new UploadOptions
            {
                Image = r.GetValue(number), ChunkSize = r.GetValue(chunk), Window = r.GetValue(window),
            });
            return 0;
        });
        var hash = new Argument<string>("hash") { Description = "The image's SHA-256 TLV as hex (see image list)" };
        add(image, new Command("test", "Boot the image with this hash once, as a test") { hash }, (r, m) =>
        {
            PrintSlots(output, m.ImageTest(Hash(r.GetValue(hash)!)));
            return 0;
        });
        var optionalHash = new Argument<string?>("hash") { Description = "Image to make permanent; none: the running image", Arity = ArgumentArity.ZeroOrOne };
        add(image, new Command("confirm", "Confirm the running image, or make the image with this hash permanent") { optionalHash }, (r, m) =>
        {
            PrintSlots(output, m.ImageConfirm(r.GetValue(optionalHash) is string h ? Hash(h) : null));
            return 0;
        });
        var slot = new Option<int?>("--slot") { Description = "Slot to erase (default: the upload slot)" };
        add(image, new Command("erase", "Erase the upload slot") { slot }, (r, m) =>
        {
            m.ImageErase(r.GetValue(slot));
            output.WriteLine("upload slot erased");
            return 0;
        });
        return image;
    }

    private static Command BootloaderCommand(TextWriter output, Adder add)
    {
        var bootloader = new Command("bootloader", "Bootloader info and update");
        add(bootloader, new Command("info", "Bootloader name, MCUboot mode, active b0 slot"), (_, m) =>
        {
            var info = m.BootloaderInfo();
            output.WriteLine($"bootloader: {info.Name}");
            output.WriteLine($"mode: {info.Mode?.ToString() ?? "unknown"}");
            output.WriteLine($"no-downgrade: {info.NoDowngrade?.ToString().ToLowerInvariant() ?? "unknown"}");
            output.WriteLine($"active b0 slot: {(info.ActiveB0Slot is int s ? $"S{s}" : "unknown")}");
            return 0;
        });
        var zip = new Argument<string>("zip") { Description = "Bootloader update zip with S0 and S1 variants (dfu_mcuboot.zip)" };
        add(bootloader, new Command("update", "Upload the variant for the b0 slot the device is not running, and mark it for test")
        {
            zip,
        }, (r, m) =>
        {
            var package = BootloaderPackage.Read(r.GetValue(zip)!);
            var info = m.BootloaderInfo();
            if (info.ActiveB0Slot is not int active)
                throw new ArgumentException("the device does not tell its active b0 slot; upload a variant with image upload --image 2");
            var variant = package.For(active);
            output.WriteLine($"device runs S{active}: sending {variant.Name} (linked at 0x{variant.LoadAddress:x})");
            Upload(output, m, variant.Content, variant.Name, new UploadOptions { Image = BootloaderImage });
            PrintSlots(output, m.ImageTest(variant.ImageHash));
            output.WriteLine("marked for test: reset to install it");
            return 0;
        });
        return bootloader;
    }

    /// <summary>MCUboot image number of the second-stage bootloader (boards/nrf5340dk/partitions.json).</summary>
    public const int BootloaderImage = 2;

    private static void Upload(TextWriter output, McuMgr m, byte[] data, string name, UploadOptions options)
    {
        var bar = new ProgressBar();
        var buffers = m.Params();
        var result = new ImageUploader(m.Session, options with { Progress = bar.Update }).Upload(data, buffers);
        output.WriteLine($"uploaded {name}: {result.Length} bytes as image {options.Image}" +
            (result.ResumedAt > 0 ? $", resumed at {result.ResumedAt}" : "") +
            $", {result.ChunkSize}-byte chunks, window {result.Window}, {result.KiBPerSecond:0.0} KiB/s");
    }

    private static void PrintSlots(TextWriter output, List<ImageSlot> slots)
    {
        output.WriteLine("Images:");
        foreach (var s in slots)
        {
            output.WriteLine($" image={s.Image} slot={s.Slot}");
            output.WriteLine($"    version: {s.Version}");
            output.WriteLine($"    flags: {s.Flags}");
            output.WriteLine($"    hash: {s.HashHex}");
        }
    }

    private static byte[] ReadFile(string path)
    {
        if (!File.Exists(path))
            throw new ArgumentException($"{path} does not exist");
        return File.ReadAllBytes(path);
    }

    private static byte[] Hash(string hex)
    {
        try
        {
            var bytes = Convert.FromHexString(hex);
            return bytes.Length == 32 ? bytes : throw new ArgumentException($"a hash is 32 bytes (64 hex digits), \"{hex}\" has {bytes.Length}");
        }
        catch (FormatException)
        {
            throw new ArgumentException($"\"{hex}\" is not a hex hash");
        }
    }
}
