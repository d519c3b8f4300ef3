using System.Reflection;
using System.Text;
using MetadataProcessor.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace MetadataProcessor.Tests;

/// <summary>
/// Random int32 programs (arithmetic, small-integer locals, assignments inside expressions, conditionals, loops,
/// switch) translated into fast code and run by <see cref="FastInt32Machine"/> must return what .NET returns for
/// the same C#.
/// </summary>
public class FastCodeDifferentialTests(ITestOutputHelper output)
{
    private const int Programs = 60;
    private static readonly int[][] Inputs = [[0, 0, 0], [1, 2, 3], [-7, 100, 13], [int.MaxValue, int.MinValue, -1], [12345, -6789, 255], [40000, 3, -200]];

    [Fact]
    public void Random_programs_return_what_dotnet_returns()
    {
        var random = new Random(5340);
        var sources = Enumerable.Range(0, Programs).Select(i => new ProgramGenerator(random).Method($"F{i}")).ToList();
        string body = string.Join("\n", sources);

        var image = ParsedImage.Parse(Processor.Build(TestCompiler.Mscorlib,
            TestCompiler.App($"public class Program\n{{\n    public static void Main() {{ }}\n{body}\n}}")))["App"];
        var dotnet = DotNet($"public static class Program\n{{\n{body}\n}}");

        int translated = 0;
        for (int i = 0; i < Programs; i++)
        {
            var m = image.MethodDef(image.MethodIndex("Program", $"F{i}"));
            Assert.True((m.ImplFlags & 3) == 2, $"F{i} stayed IL:\n{sources[i]}");
            translated++;
            foreach (var args in Inputs)
            {
                int expected = (int)dotnet.GetMethod($"F{i}")!.Invoke(null, args.Cast<object>().ToArray())!;
                int actual = FastInt32Machine.Run(image.IlOf(image.MethodIndex("Program", $"F{i}")), m.ArgCount, m.LocalCount, m.MaxStack, args);
                Assert.True(expected == actual, $"F{i}({string.Join(", ", args)}): .NET {expected}, fast code {actual}\n{sources[i]}");
            }
        }
        output.WriteLine($"{translated} programs × {Inputs.Length} inputs agree");
    }

    private static Type DotNet(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Expected", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assembly.Load(stream.ToArray()).GetType("Program")!;
    }

    /// <summary>One random method <c>static int F(int a, int b, int c)</c> with int, short and byte locals.</summary>
    private sealed class ProgramGenerator(Random random)
    {
        private static readonly string[] Ints = ["a", "b", "c", "x", "y"];
        private static readonly string[] Readable = ["a", "b", "c", "x", "y", "s", "u"];
        private int _loops;

        public string Method(string name)
        {
            var text = new StringBuilder();
            text.AppendLine($"    public static int {name}(int a, int b, int c)");
            text.AppendLine("    {");
            text.AppendLine("        int x = a, y = 7; short s = (short)b; byte u = 3;");
            text.AppendLine("        unchecked");
            text.AppendLine("        {");
            Statements(text, 3, 4);
            text.AppendLine("            return x ^ y ^ s ^ u ^ a;");
            text.AppendLine("        }");
            text.AppendLine("    }");
            return text.ToString();
        }

        private void Statements(StringBuilder text, int depth, int count)
        {
            for (int i = 0; i < count; i++)
                Statement(text, depth);
        }

        private void Statement(StringBuilder text, int depth)
        {
            string indent = new(' ', 4 * depth);
            switch (random.Next(depth > 4 ? 3 : 7))
            {
                case 0: text.AppendLine($"{indent}{Pick(Ints)} = {Expr(3)};"); break;
                case 1: text.AppendLine($"{indent}s = (short)({Expr(2)});"); break;
                case 2: text.AppendLine($"{indent}u {Pick(["+=", "-=", "^="])} (byte)({Expr(2)});"); break;
                case 3:
                    text.AppendLine($"{indent}if ({Condition(2)})");
                    text.AppendLine($"{indent}{{");
                    Statements(text, depth + 1, 2);
                    text.AppendLine($"{indent}}}");
                    text.AppendLine($"{indent}else");
                    text.AppendLine($"{indent}{{");
                    Statements(text, depth + 1, 1);
                    text.AppendLine($"{indent}}}");
                    break;
                case 4:
                    string i = $"i{_loops++}";
                    text.AppendLine($"{indent}for (int {i} = 0; {i} < {random.Next(1, 5)}; {i}++)");
                    text.AppendLine($"{indent}{{");
                    text.AppendLine($"{indent}    x += {i};");
                    Statements(text, depth + 1, 2);
                    text.AppendLine($"{indent}}}");
                    break;
                case 5:
                    text.AppendLine($"{indent}switch ({Expr(2)} & 3)");
                    text.AppendLine($"{indent}{{");
                    for (int k = 0; k < 3; k++)
                        text.AppendLine($"{indent}    case {k}: {Pick(Ints)} = {Expr(2)}; break;");
                    text.AppendLine($"{indent}    default: y ^= {Expr(1)}; break;");
                    text.AppendLine($"{indent}}}");
                    break;
                default:
                    text.AppendLine($"{indent}x = {Pick(["x", "y", "a"])} + ({Pick(["x", "y", "a"])} = {Expr(2)}) * {Pick(Readable)};");
                    break;
            }
        }

        private string Expr(int depth)
        {
            if (depth == 0 || random.Next(4) == 0)
                return random.Next(3) == 0 ? Constant() : Pick(Readable);
            return random.Next(10) switch
            {
                0 => $"({Expr(depth - 1)} {Pick(["<<", ">>", ">>>"])} {random.Next(0, 32)})",
                1 => $"({Expr(depth - 1)} / (({Expr(depth - 1)} & 7) + 1))",
                2 => $"({Expr(depth - 1)} % (({Expr(depth - 1)} & 15) + 1))",
                3 => $"(int)((uint){Expr(depth - 1)} / (uint)(({Expr(depth - 1)} & 7) + 1))",
                4 => $"({Condition(depth - 1)} ? {Expr(depth - 1)} : {Expr(depth - 1)})",
                5 => $"({Pick(["(sbyte)", "(char)", "(short)", "(byte)", "-", "~"])}({Expr(depth - 1)}))",
                6 => $"({Pick(["x", "y"])} = {Expr(depth - 1)})",
                _ => $"({Expr(depth - 1)} {Pick(["+", "-", "*", "&", "|", "^"])} {Expr(depth - 1)})",
            };
        }

        private string Condition(int depth) => random.Next(6) switch
        {
            0 => $"({Condition(Math.Max(depth - 1, 0))} && {Expr(depth)} != {Constant()})",
            1 => $"!({Expr(depth)} == {Expr(depth)})",
            2 => $"(uint){Expr(depth)} > (uint){Expr(depth)}",
            _ => $"{Expr(depth)} {Pick(["<", "<=", ">", ">=", "==", "!="])} {Expr(depth)}",
        };

        private string Constant() => random.Next(3) switch
        {
            0 => random.Next(-3, 10).ToString(),
            1 => random.Next(-100000, 100000).ToString(),
            _ => random.Next(int.MinValue, int.MaxValue).ToString(),
        };

        private string Pick(string[] options) => options[random.Next(options.Length)];
    }
}
