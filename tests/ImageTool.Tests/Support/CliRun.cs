using ImageTool.Cli;

namespace ImageTool.Tests.Support;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the command line in-process with its own stdout/stderr, as a user would see them.</summary>
public static class CliRun
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ImageToolCli.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static CliResult Ok(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"imagetool {string.Join(' ', args)} failed ({result.ExitCode}): {result.Error}");
        return result;
    }

    /// <summary>Must fail with exit code 1 and a message containing every fragment.</summary>
    public static CliResult Fails(string[] args, params string[] fragments)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 1, $"imagetool {string.Join(' ', args)} should fail, exit {result.ExitCode}: {result.Output}");
        foreach (string fragment in fragments)
            Assert.Contains(fragment, result.Error);
        return result;
    }
}
