using System.Collections.Immutable;
using MetadataProcessor.Input;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MetadataProcessor.Tests.Support;

/// <summary>An assembly compiled in-test: its bytes, and a reference for compiling against it.</summary>
public sealed record CompiledAssembly(string Name, byte[] Bytes)
{
    public MetadataReference Reference { get; } = MetadataReference.CreateFromImage(ImmutableArray.Create(Bytes));

    public InputAssembly Input => InputAssembly.FromBytes(Name + ".dll", Bytes);
}

/// <summary>Compiles C# with Roslyn as the SDK would for the device: Release, deterministic, no BCL.</summary>
public static class TestCompiler
{
    private static readonly Lazy<CompiledAssembly> DefaultCorlib = new(() => Corlib(TestCorlib.Source));

    public static CompiledAssembly Mscorlib => DefaultCorlib.Value;

    public static CompiledAssembly Corlib(string source, string name = "mscorlib") => Compile(name, source, [], OutputKind.DynamicallyLinkedLibrary);

    public static CompiledAssembly Library(string name, string source, params CompiledAssembly[] references) =>
        Compile(name, source, references.Length == 0 ? [Mscorlib] : references, OutputKind.DynamicallyLinkedLibrary);

    public static CompiledAssembly App(string source, params CompiledAssembly[] references) =>
        Compile("App", source, references.Length == 0 ? [Mscorlib] : references, OutputKind.ConsoleApplication);

    public static CompiledAssembly Compile(string name, string source, IEnumerable<CompiledAssembly> references, OutputKind kind)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: name + ".cs");
        var options = new CSharpCompilationOptions(kind, optimizationLevel: OptimizationLevel.Release, deterministic: true, allowUnsafe: true);
        var compilation = CSharpCompilation.Create(name, [tree], references.Select(r => r.Reference), options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, options: new EmitOptions(runtimeMetadataVersion: "v4.0.30319"));
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success || errors.Count > 0)
            throw new InvalidOperationException($"test source {name} does not compile:\n{string.Join("\n", errors)}");
        return new CompiledAssembly(name, stream.ToArray());
    }
}
