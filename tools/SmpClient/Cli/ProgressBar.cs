using System.Diagnostics;

namespace Nrf5340Sdk.Smp.Cli;

/// <summary>An upload's progress on stderr: a bar redrawn in place on a terminal, nothing when redirected.</summary>
internal sealed class ProgressBar
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool terminal = !Console.IsErrorRedirected;
    private long start = -1;
    private int shown = -1;

    public void Update(long done, long total)
    {
        if (start < 0)
            start = done;
        int percent = (int)(done * 100 / total);
        if (!terminal || (percent == shown && done != total))
            return;
        shown = percent;
        int filled = (int)(done * Width / total);
        double rate = (done - start) / 1024.0 / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%  " +
            $"{done / 1024.0,7:0.0}/{total / 1024.0:0.0} KiB  {rate,6:0.0} KiB/s");
        if (done == total)
            Console.Error.WriteLine();
    }
}
