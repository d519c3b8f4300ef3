using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nrf5340Sdk.DkSim;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;
using Nrf5340Sdk.Smp.Transport;

namespace Dk.Tests;

/// <summary>
/// One simulated DK for one test: its own state folder and ports, its boot log kept for failure messages, every
/// wait bounded. Dispose stops it and removes the folder.
/// </summary>
public sealed class TestDk : IDisposable
{
    /// <summary>Upper bound for a boot (b0, second stage with a swap, the runtime starting the app).</summary>
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(60);

    public static DkBuild Build { get; } = DkBuild.FindFromHere();

    private readonly StringWriter log = new();
    private SimulatedDk dk;

    public TestDk(string? stateFolder = null)
    {
        StateFolder = stateFolder ?? Directory.CreateTempSubdirectory("dk-test-").FullName;
        UdpPort = FreePort(SocketType.Dgram, ProtocolType.Udp);
        SerialPort = FreePort(SocketType.Stream, ProtocolType.Tcp);
        dk = StartDk();
    }

    /// <summary>A new DK whose app already answers SMP.</summary>
    public static TestDk Booted()
    {
        var dk = new TestDk();
        dk.WaitUntilAnswering();
        return dk;
    }

    public string StateFolder { get; }
    public int UdpPort { get; }
    public int SerialPort { get; }
    public SimulatedDk Dk => dk;
    /// <summary>Update images signed with the development keys (loaded once for all tests).</summary>
    public static DkImages SharedImages { get; } = new(Build);

    public DkImages Images => SharedImages;
    public string Udp => $"udp:127.0.0.1:{UdpPort}";
    public string Serial => $"tcp:127.0.0.1:{SerialPort}";

    private SimulatedDk StartDk() => SimulatedDk.Start(Build, new DkOptions
    {
        StateFolder = StateFolder, UdpPort = UdpPort, SerialPort = SerialPort, Log = TextWriter.Synchronized(log),
    });

    /// <summary>Stops the DK (power off) and starts it again over the same files.</summary>
    public void PowerCycle()
    {
        dk.Stop();
        dk = StartDk();
    }

    /// <summary>One command (or a few) over a new UDP session.</summary>
    public T Call<T>(Func<McuMgr, T> command)
    {
        using var session = Session();
        return command(new McuMgr(session));
    }

    public SmpSession Session(string? connection = null) =>
        new(SmpLinks.Open(connection ?? Udp), new SmpTimeouts(TimeSpan.FromSeconds(3), 2));

    /// <summary>Waits until the app answers an echo; fails with the boot log when the DK stopped or took too long.</summary>
    public void WaitUntilAnswering(string? connection = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < BootTimeout)
        {
            if (!dk.Running)
                Assert.Fail($"the DK stopped: {dk.StopReason}\n{Tail()}");
            if (Answers(TimeSpan.FromMilliseconds(300), connection))
                return;
        }
        Assert.Fail($"the DK did not answer SMP within {BootTimeout.TotalSeconds} s\n{Tail()}");
    }

    /// <summary>True when the app answers an echo within timeout.</summary>
    public bool Answers(TimeSpan timeout, string? connection = null)
    {
        try
        {
            using var session = new SmpSession(SmpLinks.Open(connection ?? Udp), new SmpTimeouts(timeout, 0));
            return new McuMgr(session).Echo("up?") == "up?";
        }
        catch (Exception e) when (e is SmpTimeoutException or ArgumentException or IOException)
        {
            Thread.Sleep(100);
            return false;
        }
    }

    /// <summary>Sends reset and waits for the next boot to answer.</summary>
    public void Reset()
    {
        int boots = dk.Boots;
        using (var session = Session())
            new McuMgr(session).Reset();
        var clock = Stopwatch.StartNew();
        while (dk.Boots == boots && clock.Elapsed < BootTimeout && dk.Running)
            Thread.Sleep(20);
        Assert.True(dk.Boots > boots, $"no new boot after reset\n{Tail()}");
        WaitUntilAnswering();
    }

    public string Tail(int lines = 60) => string.Join('\n', dk.LogLines.TakeLast(lines));

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        dk.Stop();
        try
        {
            Directory.Delete(StateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

/// <summary>
/// A test that needs the SMP server running in the app on the host runtime: skipped, saying why, while the build
/// lacks it (nfclr_sim without SMP transports, or a C# app whose Main returns without serving SMP). A DK that
/// boots and then fails in any other way is not skipped: its tests fail with the boot log.
/// </summary>
public sealed class DkFactAttribute : FactAttribute
{
    public DkFactAttribute()
    {
        if (DkCapability.Missing is { } why)
            Skip = why;
    }
}

public sealed class DkTheoryAttribute : TheoryAttribute
{
    public DkTheoryAttribute()
    {
        if (DkCapability.Missing is { } why)
            Skip = why;
    }
}

internal static class DkCapability
{
    public static string? Missing => probe.Value;

    private static readonly Lazy<string?> probe = new(Probe);

    private static string? Probe()
    {
        string runtime;
        try
        {
            runtime = TestDk.Build.NfclrSim;
        }
        catch (DkException e)
        {
            return e.Message;
        }
        var start = new ProcessStartInfo(runtime, "--help") { RedirectStandardOutput = true, RedirectStandardError = true };
        using (var process = Process.Start(start)!)
        {
            string usage = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (!usage.Contains("--smp-udp", StringComparison.Ordinal))
                return "nfclr_sim has no --smp-udp: the host runtime's SMP transports are not in this build";
        }
        TestDk dk;
        try
        {
            dk = new TestDk();
        }
        catch (DkException)
        {
            return null; // the tests themselves fail with the reason
        }
        using var _ = dk;
        var clock = Stopwatch.StartNew();
        while (dk.Dk.Running && clock.Elapsed < TestDk.BootTimeout)
        {
            if (dk.Answers(TimeSpan.FromMilliseconds(300)))
                return null;
        }
        return dk.Dk.StopReason == SimulatedDk.DescribeApp(0)
            ? "the build's C# app (managed_deploy) serves no SMP: its Main returned"
            : null;
    }
}
