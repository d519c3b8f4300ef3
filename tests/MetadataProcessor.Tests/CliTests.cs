using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>The command line: `build` and `dump`, and refusals as "error: ..." lines with exit code 1.</summary>
public class CliTests
{
    private static readonly Lazy<CompiledAssembly> App = new(() => TestCompiler.App("""
        using System;
        public static class Program { public static void Main() { Console.WriteLine("hello"); } }
        """));

    [Fact]
    public void Build_writes_the_image_and_reports_each_assembly()
    {
        using var dir = new TempDirectory();
        string output = dir.File("out/deploy.bin");
        var result = Processor.Cli("build", "--out", output, dir.Write(App.Value), dir.Write(TestCompiler.Mscorlib));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Processor.Build(TestCompiler.Mscorlib, App.Value), File.ReadAllBytes(output));
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("mscorlib 0.0.0.0: ", lines[0]);
        Assert.Contains("internal calls (checksum 0x", lines[0]);
        Assert.StartsWith("App 0.0.0.0: ", lines[1]);
        Assert.EndsWith("entry point", lines[1]);
        Assert.Matches(@" 3 methods \(3 as fast code: \d+ fast bytes, 0 IL bytes\)", lines[1]); // translated by default
        Assert.StartsWith($"{output}: ", lines[2]);
        var dump = Processor.Cli("dump", output).Output;
        Assert.Contains("0000: LDSTR t0, \"hello\" (String 0x", dump);
        Assert.Contains(": CALL t0, n=1, System.Console::WriteLine (MethodRef ", dump);
        Assert.Contains("map 0000 IL_0000", dump);
    }

    [Fact]
    public void Dump_prints_tables_and_disassembled_IL()
    {
        using var dir = new TempDirectory();
        string image = dir.File("deploy.bin");
        var build = Processor.Cli("build", "--no-fast-code", "--out", image, dir.Write(TestCompiler.Mscorlib), dir.Write(App.Value));
        Assert.Matches(@"App 0\.0\.0\.0: .* 3 methods \(0 as fast code: 0 fast bytes, \d+ IL bytes\)", build.Output);
        var result = Processor.Cli("dump", image);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("assembly mscorlib 0.0.0.0 at 0x0", result.Output);
        Assert.Contains("crc32 0x", result.Output);
        Assert.Contains("(ok)", result.Output);
        Assert.Contains("System.Console::WriteLine(System.Int32) → MethodDef", result.Output);
        Assert.Contains("IL_0000: ldstr \"hello\" (String 0x", result.Output);
        Assert.Contains("IL_0005: call System.Console::WriteLine (MethodRef ", result.Output);
        Assert.Contains("entry_point MethodDef", result.Output);
    }

    [Fact]
    public void Dump_reads_an_image_behind_a_header_with_offset()
    {
        using var dir = new TempDirectory();
        string image = dir.File("signed.bin");
        File.WriteAllBytes(image, [.. new byte[0x200], .. Processor.Build(TestCompiler.Mscorlib)]);
        var result = Processor.Cli("dump", "--offset", "0x200", image);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("assembly mscorlib", result.Output);
    }

    [Fact]
    public void A_refusal_is_one_error_line_per_problem_and_exit_code_1()
    {
        using var dir = new TempDirectory();
        var generic = TestCompiler.App("public static class Program { static T Id<T>(T x) { return x; } public static void Main() { Id(1); } }");
        var result = Processor.Cli("build", "--out", dir.File("o.bin"), dir.Write(TestCompiler.Mscorlib), dir.Write(generic));
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("error: App: Program.", l));
        Assert.False(File.Exists(dir.File("o.bin")));
    }

    [Fact]
    public void Unreadable_and_foreign_inputs_are_named()
    {
        using var dir = new TempDirectory();
        var missing = Processor.Cli("build", "--out", dir.File("o.bin"), dir.File("nothere.dll"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot read", missing.Error);
        Assert.Contains("nothere.dll", missing.Error);

        File.WriteAllText(dir.File("text.dll"), "not a PE file at all");
        var foreign = Processor.Cli("build", "--out", dir.File("o.bin"), dir.File("text.dll"));
        Assert.Equal(1, foreign.ExitCode);
        Assert.Contains("text.dll is not a .NET assembly", foreign.Error);

        var notImage = Processor.Cli("dump", dir.File("text.dll"));
        Assert.Equal(1, notImage.ExitCode);
        Assert.Contains("no deployment image", notImage.Error);
    }

    [Fact]
    public void A_damaged_image_shows_its_crc_mismatch()
    {
        using var dir = new TempDirectory();
        byte[] bytes = Processor.Build(TestCompiler.Mscorlib);
        bytes[12] ^= 0xFF; // the stored CRC
        File.WriteAllBytes(dir.File("bad.bin"), bytes);
        var result = Processor.Cli("dump", dir.File("bad.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MISMATCH, computed 0x", result.Output);
    }
}
