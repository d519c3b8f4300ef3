using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>The same input gives the same bytes: images can be compared, cached and reproduced.</summary>
public class DeterminismTests
{
    private const string LibSource = "namespace Lib { public static class Util { public static string Name() { return \"util\"; } } }";
    private const string AppSource = """
        using System;
        public static class Program
        {
            static readonly int[] Table = { 3, 1, 4, 1, 5, 9, 2, 6 };
            public static void Main()
            {
                try { Console.WriteLine(Lib.Util.Name()); Console.WriteLine(Table[2]); }
                finally { Console.WriteLine("bye"); }
            }
        }
        """;

    [Fact]
    public void Building_twice_gives_identical_bytes()
    {
        var lib = TestCompiler.Library("Lib", LibSource);
        var app = TestCompiler.App(AppSource, TestCompiler.Mscorlib, lib);
        Assert.Equal(Processor.Build(TestCompiler.Mscorlib, lib, app), Processor.Build(TestCompiler.Mscorlib, lib, app));
    }

    [Fact]
    public void Recompiled_sources_and_another_input_order_give_identical_bytes()
    {
        var lib1 = TestCompiler.Library("Lib", LibSource);
        var first = Processor.Build(TestCompiler.Mscorlib, lib1, TestCompiler.App(AppSource, TestCompiler.Mscorlib, lib1));
        var corlib2 = TestCompiler.Corlib(TestCorlib.Source);
        var lib2 = TestCompiler.Library("Lib", LibSource, corlib2);
        var second = Processor.Build(TestCompiler.App(AppSource, corlib2, lib2), lib2, corlib2);
        Assert.Equal(first, second);
    }
}
