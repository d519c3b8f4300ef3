using System.CommandLine;

namespace ImageTool.Cli;

/// <summary>The command line. Every refusal ends as one "error: ..." line on stderr and exit code 1.</summary>
public static class ImageToolCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("imagetool: MCUboot-compatible image tool with NCS b0 support")
        {
            KeyCommands.Keygen(),
            KeyCommands.GetPub(),
            KeyCommands.GetPubHash(),
            ImageCommands.Sign(),
            ImageCommands.Verify(),
            ImageCommands.DumpInfo(),
            B0Commands.Create(),
            ProvisionCommand.Create(),
            MergeCommand.Create(),
            PackageCommands.Create(),
        };
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (ToolException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
