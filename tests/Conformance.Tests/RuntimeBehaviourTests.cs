using System.Net;
using System.Net.Sockets;
using nanoFramework.Hardware.Nrf;

namespace Nrf5340Sdk.Conformance.Tests;

/// <summary>
/// Programs in tests/runtime-behaviour whose behaviour is the runtime's own, not .NET's (a thread's
/// unhandled exception, a deadlock, native events): each runs on our runtime and its exit code, output and
/// log lines are checked.
/// </summary>
public class RuntimeBehaviourTests
{
    [Fact]
    public void A_failing_thread_ends_alone_and_Main_goes_on()
    {
        var (exit, output, log) = RunProgram("ThreadFailures");
        Assert.Equal(0, exit);
        Assert.Equal("main continues\nFalse\nTrue\nafter the overflow\n", output);
        Assert.Contains("Unhandled exception: System.InvalidOperationException: boom", log);
        Assert.Contains("Unhandled exception: System.StackOverflowException: Operation caused a stack overflow.", log);
    }

    [Fact]
    public void A_failing_static_constructor_of_the_entry_type_is_unhandled_before_Main()
    {
        var (exit, output, log) = RunProgram("FailedEntryType");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Unhandled exception: System.TypeInitializationException: The type initializer for " +
                        "'RuntimeBehaviour.FailedEntryType.Program' threw an exception.\n" +
                        " ---> System.DivideByZeroException: Attempted to divide by zero.\n" +
                        "   at RuntimeBehaviour.FailedEntryType.Program.Main()\n", log);
    }

    [Fact]
    public void A_deadlock_is_reported_and_ends_the_program()
    {
        var (exit, output, log) = RunProgram("Deadlock");
        Assert.Equal(3, exit);
        Assert.Equal("waiting for b\n", output);
        Assert.Contains("All threads are blocked and nothing can wake them: deadlock", log);
    }

    [Fact]
    public void Native_events_arrive_in_order_and_a_full_queue_counts_and_logs_its_losses()
    {
        var (exit, output, log) = RunProgram("NativeEvents", "--events", "20");
        Assert.Equal(0, exit);
        var expected = string.Concat(Enumerable.Range(0, 16).Select(k => $"{k} {k * 2} {k * 3}\n")) + "4\nFalse\n";
        Assert.Equal(expected, output);
        Assert.Contains("native event queue full: 4 events lost (4 in all)", log);
    }

    [Fact]
    public void Settings_written_from_CSharp_survive_into_the_next_run()
    {
        var flash = Path.Combine(Path.GetTempPath(), $"settings-{Environment.ProcessId}.flash");
        try
        {
            var first = RunProgram("Settings", "--settings", flash);
            Assert.Equal(0, first.Exit);
            Assert.Equal("0\n3\n3\nTrue\nTrue\nKüche\n2\nbt/keys/1\n3\nFalse\n" +
                         "NVS partition full (garbage collection could not make room); nothing was lost\n" +
                         "True\n7\nTrue\n0\nsettings key is null, empty or longer than 64 bytes\n" +
                         "A setting's value holds at least one byte. (Parameter 'value')\n", first.Out);
            var second = RunProgram("Settings", "--settings", flash);
            Assert.StartsWith("1\n3\n", second.Out); // the boot counter went on
        }
        finally
        {
            File.Delete(flash);
            File.Delete(flash + ".wcount");
        }
    }

    [Fact]
    public void GpioController_drives_the_stand_in_and_refuses_misuse()
    {
        var (exit, output, log) = RunProgram("Gpio");
        Assert.Equal(0, exit);
        Assert.Equal("48\nHigh\nLow\nTrue\nFalse\nTrue\n0\n" +
                     "ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter 'pinNumber')\n" +
                     "ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter 'pinNumber')\n" +
                     "InvalidOperationException: The pin is already open.\n" +
                     "InvalidOperationException: Set the pin to PinMode.Output before writing it.\n" +
                     "InvalidOperationException: This pin does not support that mode.\n" +
                     "InvalidOperationException: The pin is not open.\n" +
                     "False\nInvalidOperationException: The pin is closed.\ndone\n", output);
        Assert.Equal("gpio: P1.1 output\ngpio: P1.1 -> 1\ngpio: P1.1 -> 0\n" +
                     "gpio: P0.5 input, pull-up\ngpio: P0.5 input, pull-down\n", log);
    }

    [Fact]
    public void The_Blinky_sample_toggles_LED1()
    {
        var (exit, output, log) = Run(ConformanceTests.Built("Blinky", "net10.0", "Blinky.dll"));
        Assert.Equal(0, exit);
        Assert.Equal("Button 1 is released\nLED1 blinked 3 times\n", output);
        Assert.Equal("gpio: P0.28 output\ngpio: P0.28 -> 1\ngpio: P0.23 input, pull-up\n" +
                     string.Concat(Enumerable.Repeat("gpio: P0.28 -> 0\ngpio: P0.28 -> 1\n", 3)), log);
    }

    [Fact]
    public void A_bad_upload_is_refused_with_the_bootloaders_line_and_a_reset_exits_with_8()
    {
        var flash = TempFlash("firmware");
        try
        {
            var (exit, output, log) = RunProgram("Firmware", "--settings", flash);
            Assert.Equal(8, exit);
            Assert.Equal("True\n" +
                $"True {BoardPartitions.ManagedDeploySize} 0\n" +
                "no such image number (0 app, 1 net core, 2 bootloader, 3 C# deployment)\n" +
                "the upload is empty or larger than its image's slot\n0\nnot the next offset of the upload\n0\n" +
                "data past the announced length\nTrue\n86 148\n0 1\n" +
                "app image refused: header magic is not 0x96f3b83d\nthe upload slot holds no valid image\n0\nreset\n",
                output);
            Assert.Contains("the app asked for a reset (exit 8)", log);
        }
        finally
        {
            DeleteFlash(flash);
        }
    }

    [Fact]
    public void A_signed_deployment_in_the_upload_slot_is_listed_as_image_3_and_requested_for_good()
    {
        var signed = Path.Combine(ConformanceTests.Root, "build", "artefacts", "managed_deploy.signed.bin");
        Assert.True(File.Exists(signed), $"{signed} is missing: ./build.sh build writes it");
        var flash = TempFlash("staged");
        try
        {
            // An erased app-core flash: settings_storage is its last partition.
            var size = (int)(BoardPartitions.SettingsStorageAddress + BoardPartitions.SettingsStorageSize);
            var bytes = Enumerable.Repeat((byte)0xff, size).ToArray();
            File.ReadAllBytes(signed).CopyTo(bytes, (int)BoardPartitions.McubootSecondaryAddress);
            File.WriteAllBytes(flash, bytes);
            var (exit, output, log) = RunProgram("Firmware", "--settings", flash);
            Assert.True(exit == 0, log);
            Assert.Equal("3/1 1.0.0 32\n0\n3/1 1.0.0 pending permanent 32\nTrue\nTrue\n", output);
        }
        finally
        {
            DeleteFlash(flash);
        }
    }

    [Fact]
    public async Task Smp_channels_echo_over_udp_and_tcp_while_other_threads_run()
    {
        int udpPort = FreePort(SocketType.Dgram, ProtocolType.Udp), tcpPort = FreePort(SocketType.Stream, ProtocolType.Tcp);
        var image = Deploy(Program("SmpChannels"));
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(ConformanceTests.Runtime())
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            foreach (var a in new[] { "--smp-udp", $"{udpPort}", "--smp-serial", $"{tcpPort}", image })
                start.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(start)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var timeout = TimeSpan.FromSeconds(30);
            async Task<string?> Line() => await p.StandardOutput.ReadLineAsync().WaitAsync(timeout);
            try
            {
                Assert.Equal($"udp 127.0.0.1:{udpPort} False 4096", await Line());
                Assert.Equal($"serial 127.0.0.1:{tcpPort} True 512", await Line());
                Assert.Equal("ready", await Line());
                Assert.Equal("0", await Line()); // nothing arrived within 50 ms
                Assert.Equal("True", await Line()); // the counting thread ran meanwhile
                await Echoes(udpPort, tcpPort);
                Assert.True(p.WaitForExit(timeout), "the program did not end");
                Assert.True(p.ExitCode == 0, await stderr);
                Assert.Equal("9\nTrue\n5\nTrue\n", await p.StandardOutput.ReadToEndAsync().WaitAsync(timeout));
            }
            finally
            {
                if (!p.HasExited)
                    p.Kill();
            }
        }
        finally
        {
            File.Delete(image);
        }
    }

    /// <summary>One datagram to the UDP port and a few bytes to the TCP port, each echoed back.</summary>
    static async Task Echoes(int udpPort, int tcpPort)
    {
        var timeout = TimeSpan.FromSeconds(30);
        using var udp = new UdpClient();
        var datagram = new byte[] { 0, 0, 0, 1, 0, 0, 0xff, 6, 0xa0 };
        await udp.SendAsync(datagram, new IPEndPoint(IPAddress.Loopback, udpPort));
        Assert.Equal(datagram, (await udp.ReceiveAsync().WaitAsync(timeout)).Buffer);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, tcpPort);
        var stream = tcp.GetStream();
        var bytes = new byte[] { 6, 9, (byte)'A', (byte)'B', 10 };
        await stream.WriteAsync(bytes);
        var echo = new byte[bytes.Length];
        await stream.ReadExactlyAsync(echo).AsTask().WaitAsync(timeout);
        Assert.Equal(bytes, echo);
    }

    static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var s = new Socket(AddressFamily.InterNetwork, type, protocol);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }

    static string TempFlash(string name) => Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}.flash");

    static void DeleteFlash(string flash)
    {
        File.Delete(flash);
        File.Delete(flash + ".wcount");
    }

    static (int Exit, string Out, string Err) RunProgram(string program, params string[] options) =>
        Run(Program(program), options);

    /// <summary>A runtime-behaviour program's device build.</summary>
    static string Program(string program) => ConformanceTests.Built($"RuntimeBehaviour.{program}", "device", $"RuntimeBehaviour.{program}.dll");

    /// <summary>Deploys the app and runs it on nfclr_sim.</summary>
    static (int Exit, string Out, string Err) Run(string app, params string[] options)
    {
        var image = Deploy(app);
        try
        {
            return ConformanceTests.Run(ConformanceTests.Runtime(), [.. options, image]);
        }
        finally
        {
            File.Delete(image);
        }
    }

    /// <summary>The app and the libraries it uses (its folder holds the device build of each) as a deployment
    /// image in the temp folder.</summary>
    static string Deploy(string app)
    {
        var name = Path.GetFileNameWithoutExtension(app);
        var deviceDir = Path.GetDirectoryName(app)!;
        var image = Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}.nfdeploy");
        // mscorlib first, the app last, the libraries it uses in between.
        var libraries = Directory.GetFiles(deviceDir, "*.dll").Select(Path.GetFileName)
            .Where(f => f != "mscorlib.dll" && f != $"{name}.dll").Order();
        var assemblies = new[] { "mscorlib.dll" }.Concat(libraries).Append($"{name}.dll")
            .Select(f => Path.Combine(deviceDir, f!));
        var processor = ConformanceTests.Run("dotnet", [.. ConformanceTests.ProcessorBuild(image), .. assemblies]);
        Assert.True(processor.Exit == 0, $"metadata processor refused {name}: {processor.Out}{processor.Err}");
        return image;
    }
}
