namespace Nrf5340Sdk.DkSim;

/// <summary>What the dksim command line (and the build's `dk` command) does.</summary>
public static class DkCommands
{
    public static string DefaultState => Path.Combine(DkBuild.FindFromHere().Root, "build", "dk");

    /// <summary>Runs the DK in the foreground until Ctrl-C or until it stops by itself.</summary>
    public static int Run(DkOptions options, bool fresh)
    {
        try
        {
            var build = DkBuild.FindFromHere();
            var state = new DkState(options.StateFolder);
            if (fresh && state.Exists)
                File.Delete(state.Flash);
            using var dk = SimulatedDk.Start(build, options);
            Console.WriteLine($"[dk] SMP on udp:127.0.0.1:{options.UdpPort}" +
                (options.SerialPort is int s ? $" and tcp:127.0.0.1:{s} (serial framing)" : "") + "; try:");
            Console.WriteLine($"[dk]   dotnet {Path.Combine(build.Root, "build", "dotnet", "bin", "SmpClient", "Release", "net10.0", "smp.dll")} " +
                $"--conn udp:127.0.0.1:{options.UdpPort} image list");
            using var stop = new ManualResetEventSlim();
            // Ctrl-C and SIGTERM stop the stages too: they are separate processes that would outlive this one.
            using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGINT, e => { e.Cancel = true; stop.Set(); });
            using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGTERM, e => { e.Cancel = true; stop.Set(); });
            while (dk.Running && !stop.Wait(200))
            {
            }
            dk.Stop();
            return dk.StopReason == "stopped by the host" ? 0 : 1;
        }
        catch (Exception e) when (e is DkException or ImageTool.ToolException or IOException)
        {
            Console.Error.WriteLine($"dksim: {e.Message}");
            return 1;
        }
    }

    public static int Write(string path, Func<DkImages, byte[]> make)
    {
        try
        {
            var bytes = make(new DkImages(DkBuild.FindFromHere()));
            File.WriteAllBytes(path, bytes);
            Console.WriteLine($"{path}: {bytes.Length} bytes");
            return 0;
        }
        catch (Exception e) when (e is DkException or ImageTool.ToolException or IOException)
        {
            Console.Error.WriteLine($"dksim: {e.Message}");
            return 1;
        }
    }
}
