using System.Diagnostics;

namespace Nrf5340Sdk.DkSim;

/// <summary>How to run a DK: its state folder and its SMP ports.</summary>
public sealed record DkOptions
{
    public required string StateFolder { get; init; }

    /// <summary>SMP over UDP on 127.0.0.1 (Zephyr's default port).</summary>
    public int UdpPort { get; init; } = 1337;

    /// <summary>The app's UART as a TCP port on 127.0.0.1 (mcumgr's serial framing); null: none.</summary>
    public int? SerialPort { get; init; }

    /// <summary>Version of the app image a new state gets in mcuboot_primary.</summary>
    public string AppVersion { get; init; } = "1.0.0";

    /// <summary>The deployment image (.nfdeploy) a new state gets in managed_deploy, signed as image 3; null: the
    /// build's (build/artefacts/managed_deploy.signed.hex).</summary>
    public string? Deployment { get; init; }

    /// <summary>Where the boot log of every stage goes, line by line.</summary>
    public TextWriter Log { get; init; } = Console.Out;
}

/// <summary>
/// The simulated nRF5340 DK: b0_sim, which starts mcuboot_sim in its place, which starts nfclr_sim in its place,
/// all over the state folder's flash, OTP and retained-RAM files. Exit 8 of the app (it asked for a reset) and
/// exit 3 of the second stage (a bootloader copy is staged) run the chain again, as a reset does; any other exit
/// stops the DK with a message naming it.
/// </summary>
public sealed class SimulatedDk : IDisposable
{
    public const int AppResetExit = 8;
    public const int SecondStageResetExit = 3;

    private readonly DkBuild build;
    private readonly DkOptions options;
    private readonly List<string> log = [];
    private readonly Thread loop;
    private Process? current;
    private volatile bool stopping;

    private SimulatedDk(DkBuild build, DkOptions options)
    {
        this.build = build;
        this.options = options;
        State = new DkState(options.StateFolder);
        loop = new Thread(Loop) { IsBackground = true, Name = "dk" };
    }

    /// <summary>Composes the state folder if it is new, then boots the DK in the background.</summary>
    public static SimulatedDk Start(DkBuild build, DkOptions options)
    {
        var dk = new SimulatedDk(build, options);
        if (!dk.State.Exists)
            dk.State.Compose(build, options.AppVersion, options.Log, options.Deployment);
        dk.loop.Start();
        return dk;
    }

    public DkState State { get; }

    /// <summary>How often the chain was started (power-on and every reset).</summary>
    public int Boots { get; private set; }

    /// <summary>Why the DK stopped; null while it runs.</summary>
    public string? StopReason { get; private set; }

    public bool Running => loop.IsAlive;

    public string[] LogLines { get { lock (log) return [.. log]; } }

    /// <summary>The command line of one boot: the three stages, each over the same files.</summary>
    public IReadOnlyList<string> ChainArguments()
    {
        string[] files = ["--flash", State.Flash, "--otp", State.Otp, "--retained", State.Retained];
        List<string> app = [build.NfclrSim, .. files, "--key", State.McubootKey, "--smp-udp", options.UdpPort.ToString()];
        if (options.SerialPort is int serial)
            app.AddRange(["--smp-serial", serial.ToString()]);
        return [.. files, "--", build.McubootSim, .. files, "--key", State.McubootKey, "--", .. app];
    }

    private void Loop()
    {
        while (!stopping)
        {
            Boots++;
            Write($"[dk] boot {Boots}");
            int firstLine = LogLines.Length;
            int exit = RunChain();
            if (stopping)
                break;
            // Exit codes overlap between the stages (3: the second stage's reset, nfclr_sim's deadlock): the
            // second stage's last line tells whether the app was running.
            bool appRan = LogLines.Skip(firstLine).Any(l => l.StartsWith(AppStartLine, StringComparison.Ordinal));
            if (appRan ? exit == AppResetExit : exit == SecondStageResetExit)
            {
                Write(appRan ? "[dk] the app asked for a reset" : "[dk] the second stage asked for a reset (bootloader copy staged)");
                continue;
            }
            StopReason = appRan ? DescribeApp(exit) : Describe(exit);
            Write($"[dk] stopped: {StopReason}");
            return;
        }
        StopReason = "stopped by the host";
    }

    private int RunChain()
    {
        var start = new ProcessStartInfo(build.B0Sim) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in ChainArguments())
            start.ArgumentList.Add(argument);
        // A Process started after Stop's check would never be killed: both sides look under the lock.
        lock (log)
        {
            if (stopping)
                return -1;
            current = Process.Start(start) ?? throw new DkException($"cannot start {build.B0Sim}");
        }
        current.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        current.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        current.BeginOutputReadLine();
        current.BeginErrorReadLine();
        current.WaitForExit();
        return current.ExitCode;
    }

    /// <summary>What mcuboot_sim prints when it starts the app (bootloader/ports/host-sim/mcuboot_main.c).</summary>
    public const string AppStartLine = "Jumping to the app at";

    /// <summary>An exit of b0_sim or mcuboot_sim (before the app started).</summary>
    public static string Describe(int exit) => exit switch
    {
        1 => "a boot stage halted: nothing valid to boot (exit 1); see the boot log",
        2 => "a stage refused its arguments or files (exit 2); see the boot log",
        4 => "the second stage lost power (exit 4)",
        127 => "a stage could not start the next one (exit 127)",
        _ => $"a boot stage ended with exit code {exit}",
    };

    /// <summary>An exit of nfclr_sim (its usage text lists the codes).</summary>
    public static string DescribeApp(int exit) => exit switch
    {
        0 => "the app's Main returned (exit 0)",
        1 => "the runtime ran nothing: arguments, file or deployment refused, or no Main (exit 1); see the log",
        2 => "the app ended with an unhandled exception (exit 2)",
        3 => "the app deadlocked (exit 3)",
        _ => $"the app ended with exit code {exit}",
    };

    private void Write(string line)
    {
        lock (log)
        {
            log.Add(line);
            options.Log.WriteLine(line);
        }
    }

    /// <summary>Waits until a boot-log line contains text; false on timeout.</summary>
    public bool WaitForLog(string text, TimeSpan timeout, int after = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (LogLines.Skip(after).Any(l => l.Contains(text, StringComparison.Ordinal)))
                return true;
            Thread.Sleep(20);
        }
        return false;
    }

    /// <summary>Stops the DK: kills the running stage, as pulling the power does.</summary>
    public void Stop()
    {
        lock (log)
        {
            stopping = true;
            try
            {
                current?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
        loop.Join();
    }

    public void Dispose() => Stop();
}
