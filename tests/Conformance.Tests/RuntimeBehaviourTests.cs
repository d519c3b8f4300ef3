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

    static (int Exit, string Out, string Err) RunProgram(string program, params string[] options)
    {
        var name = $"RuntimeBehaviour.{program}";
        return Run(ConformanceTests.Built(name, "device", $"{name}.dll"), options);
    }

    /// <summary>Deploys the app (its folder holds the device build of everything it uses) and runs it on nfclr_sim.</summary>
    static (int Exit, string Out, string Err) Run(string app, params string[] options)
    {
        var name = Path.GetFileNameWithoutExtension(app);
        var deviceDir = Path.GetDirectoryName(app)!;
        var image = Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}.nfdeploy");
        // mscorlib first, the app last, the libraries it uses in between.
        var libraries = Directory.GetFiles(deviceDir, "*.dll").Select(Path.GetFileName)
            .Where(f => f != "mscorlib.dll" && f != $"{name}.dll").Order();
        var assemblies = new[] { "mscorlib.dll" }.Concat(libraries).Append($"{name}.dll")
            .Select(f => Path.Combine(deviceDir, f!));
        try
        {
            var processor = ConformanceTests.Run("dotnet", [ConformanceTests.Built("MetadataProcessor", "net10.0",
                "MetadataProcessor.dll"), "build", "--out", image, .. assemblies]);
            Assert.True(processor.Exit == 0, $"metadata processor refused {name}: {processor.Out}{processor.Err}");
            return ConformanceTests.Run(ConformanceTests.Runtime(), [.. options, image]);
        }
        finally
        {
            File.Delete(image);
        }
    }
}
