using MetadataProcessor.Cli;

namespace MetadataProcessor.Tests.Support;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the processor in-process, through the library or the command line.</summary>
public static class Processor
{
    public static byte[] Build(params CompiledAssembly[] assemblies) =>
        DeploymentBuilder.Build(assemblies.Select(a => a.Input).ToList()).Bytes;

    public static ParsedImage BuildAndParse(params CompiledAssembly[] assemblies) => ParsedImage.Parse(Build(assemblies));

    /// <summary>Every body kept as IL (--no-fast-code): for tests of the IL as deployed.</summary>
    public static ParsedImage BuildAndParseIl(params CompiledAssembly[] assemblies) =>
        ParsedImage.Parse(DeploymentBuilder.Build(assemblies.Select(a => a.Input).ToList(), fastCode: false).Bytes);

    /// <summary>The build must fail; returns its message (one line per problem).</summary>
    public static string Fails(params CompiledAssembly[] assemblies) =>
        Assert.Throws<ToolException>(() => Build(assemblies)).Message;

    public static CliResult Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = MetadataProcessorCli.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
