using System.Diagnostics;

namespace Nrf5340Sdk.Build;

/// <summary>Runs external programs with their output streamed to the console, and finds them on PATH.</summary>
public static class Shell
{
    /// <summary>Runs a program with its output on the console; <paramref name="onLine"/> also sees each stdout line.</summary>
    public static int Run(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null, Action<string>? onLine = null)
    {
        var argList = args.ToList();
        Log.Step($"{file} {string.Join(' ', argList.Select(Quote))}");
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDir ?? Repo.Root, UseShellExecute = false, RedirectStandardOutput = onLine is not null,
        };
        argList.ForEach(psi.ArgumentList.Add);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new BuildException($"cannot start {file}");
        if (onLine is not null)
            for (string? line; (line = p.StandardOutput.ReadLine()) is not null;)
            {
                Console.WriteLine(line);
                onLine(line);
            }
        p.WaitForExit();
        return p.ExitCode;
    }

    public static void RunOrThrow(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null)
    {
        var code = Run(file, args, workingDir, env);
        if (code != 0) throw new BuildException($"{file} failed with exit code {code}");
    }

    /// <summary>Runs quietly and returns stdout; null when the program is missing or fails.</summary>
    public static string? Capture(string file, params string[] args)
    {
        if (Which(file) is null) return null;
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return p.ExitCode == 0 ? stdout.Result : null;
    }

    public static string? Which(string program)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program) ? program : null;
        var exts = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", "" } : new[] { "" };
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => exts.Select(ext => Path.Combine(dir, program + ext)))
            .FirstOrDefault(File.Exists);
    }

    private static string Quote(string a) => a.Contains(' ') ? $"\"{a}\"" : a;
}

public sealed class BuildException(string message) : Exception(message);
