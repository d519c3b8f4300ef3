using System.CommandLine;

namespace MetadataProcessor.Cli;

/// <summary>The command line. Every refusal ends as "error: ..." lines on stderr and exit code 1.</summary>
public static class MetadataProcessorCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("metadata-processor: C# assemblies → deployment image for the nRF5340 SDK's IL runtime")
        {
            BuildCommand.Create(),
            DumpCommand.Create(),
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
            foreach (string line in e.Message.Split('\n'))
                error.WriteLine($"error: {line}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
