using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nrf5340Sdk.Board;
using Nrf5340Sdk.Build;
using Nrf5340Sdk.Smp.Commands;
using Nrf5340Sdk.Smp.Protocol;
using Nrf5340Sdk.Smp.Transport;

namespace EmulatedDk.Tests;

/// <summary>
/// One emulated DK for one test: a first-flashed flash file in its own folder, QEMU started on it with the SMP
/// serial port on a free TCP port, the UART0 log collected for waits and failure messages. Every wait is bounded;
/// Dispose stops QEMU and removes the folder.
/// </summary>
public sealed class QemuDk : IDisposable
{
    /// <summary>Upper bound for a boot: b0 and the second stage verifying (a swap included), the runtime starting.</summary>
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(90);

    public static PartitionTable Table { get; } = PartitionTable.Load(Repo.PartitionTable("nrf5340dk"));

    private readonly List<string> log = [];
    private Process qemu;

    public QemuDk()
    {
        Folder = Directory.CreateTempSubdirectory("emulated-dk-").FullName;
        FlashFile = Path.Combine(Folder, "nrf5340dk.flash");
        Nrf5340Sdk.Build.EmulatedDk.WriteFirstFlash(Table, FlashFile);
        qemu = Start();
    }

    public string Folder { get; }
    public string FlashFile { get; }
    public int SmpPort { get; private set; }
    public string Connection => $"tcp:127.0.0.1:{SmpPort}";

    /// <summary>A new DK whose app answers SMP.</summary>
    public static QemuDk Booted()
    {
        var dk = new QemuDk();
        dk.WaitUntilAnswering();
        return dk;
    }

    private Process Start()
    {
        SmpPort = FreePort();
        var start = new ProcessStartInfo("qemu-system-arm")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in Nrf5340Sdk.Build.EmulatedDk.QemuArguments(FlashFile, SmpPort))
            start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.Add(line.TrimEnd('\r'));
    }

    public string[] LogLines
    {
        get
        {
            lock (log)
                return [.. log];
        }
    }

    public int LogCount
    {
        get
        {
            lock (log)
                return log.Count;
        }
    }

    /// <summary>Waits for a log line containing text, among the lines from index `from` on.</summary>
    public bool WaitForLog(string text, int from = 0, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? BootTimeout))
        {
            if (LogLines.Skip(from).Any(l => l.Contains(text, StringComparison.Ordinal)))
                return true;
            if (qemu.HasExited)
                return false;
            Thread.Sleep(50);
        }
        return false;
    }

    /// <summary>Stops QEMU (power off) and starts it again on the same flash file.</summary>
    public void PowerCycle()
    {
        Stop();
        qemu = Start();
    }

    public SmpSession Session() => new(SmpLinks.Open(Connection), new SmpTimeouts(TimeSpan.FromSeconds(5), 2));

    public T Call<T>(Func<McuMgr, T> command)
    {
        using var session = Session();
        return command(new McuMgr(session));
    }

    /// <summary>Waits until the app answers an echo over the serial port.</summary>
    public void WaitUntilAnswering()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < BootTimeout)
        {
            Assert.False(qemu.HasExited, $"QEMU ended (exit {(qemu.HasExited ? qemu.ExitCode : 0)})\n{Tail()}");
            try
            {
                using var session = new SmpSession(SmpLinks.Open(Connection), new SmpTimeouts(TimeSpan.FromSeconds(1), 0));
                if (new McuMgr(session).Echo("up?") == "up?")
                    return;
            }
            catch (Exception e) when (e is SmpTimeoutException or ArgumentException or IOException)
            {
                Thread.Sleep(200);
            }
        }
        Assert.Fail($"the emulated DK did not answer SMP within {BootTimeout.TotalSeconds} s\n{Tail()}");
    }

    /// <summary>Sends reset and waits until the next boot's app answers; returns the log index where it began.</summary>
    public int Reset()
    {
        int from = LogCount;
        Assert.True(Call(m => m.Reset()), $"no answer to reset\n{Tail()}");
        Assert.True(WaitForLog("Attempting to boot slot", from), $"no new boot after reset\n{Tail()}");
        WaitUntilAnswering();
        return from;
    }

    public string Tail(int lines = 60) => string.Join('\n', LogLines.TakeLast(lines));

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private void Stop()
    {
        if (!qemu.HasExited)
        {
            qemu.Kill(entireProcessTree: true);
            qemu.WaitForExit();
        }
        qemu.Dispose();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
