using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>Everyday non-generic C# converts without a refusal: the processor refuses only what it must.</summary>
public class SupportedFeatureTests
{
    private const string Source = """
        using System;
        namespace Demo
        {
            public delegate int Op(int a, int b);
            public enum Mode { Off, Slow, Fast }
            public struct Plain { public int V; }
            public struct Pair { public int A; public int B; public override string ToString() { return "pair"; } }
            public interface IRun { int Run(int x); }
            public abstract class Shape : IRun
            {
                public abstract int Area();
                public virtual int Run(int x) { return x + Area(); }
            }
            public sealed class Square : Shape
            {
                private readonly int _side;
                public Square(int side) { _side = side; }
                public override int Area() { return _side * _side; }
            }
            public static class Program
            {
                static int s_calls;
                static readonly string[] Names = { "a", "b" };
                static Program() { s_calls = 1; }

                static int Sum(params int[] values) { int total = 0; foreach (int v in values) total += v; return total; }
                static ref int First(int[] values) { return ref values[0]; }

                public static void Main()
                {
                    int captured = 3;
                    Op add = (a, b) => a + b + captured;
                    Op mul = delegate (int a, int b) { return a * b; };
                    int r = add(1, 2) + mul(3, 4);

                    object boxed = r;
                    int unboxed = (int)boxed;
                    if (boxed is int n && n > 0) r += n;
                    Shape shape = new Square(3);
                    IRun run = shape;
                    r += run.Run(1);
                    string text = shape as object == null ? "none" : "some";

                    Pair p = new Pair { A = 1, B = 2 };
                    string ps = p.ToString();
                    Plain plain = new Plain();
                    string qs = plain.ToString(); // constrained. Plain callvirt Object::ToString
                    int hash = plain.GetHashCode();
                    Mode m = Mode.Fast;
                    switch (m) { case Mode.Off: r = 0; break; case Mode.Fast: r *= 2; break; }

                    int[][] jagged = new int[2][];
                    jagged[0] = new int[] { 1, 2, 3 };
                    ref int slot = ref First(jagged[0]);
                    slot = 42;

                    long big = checked((long)r * 1000L);
                    double d = big / 3.0;
                    char c = (char)65;
                    string joined = text + ps;
                    joined = joined + Names[1];
                    uint u = (uint)unboxed >> 2;

                    try { r = Sum(1, 2, 3) / (r - r); }
                    catch (Exception) when (r > 0) { r = -1; }
                    finally { s_calls++; }

                    Console.WriteLine(joined);
                    Console.WriteLine(r + (int)d + c + (int)u + s_calls);
                }
            }
        }
        """;

    [Fact]
    public void Delegates_lambdas_interfaces_structs_enums_boxing_arrays_and_exceptions_convert()
    {
        var image = Processor.BuildAndParse(TestCompiler.Mscorlib, TestCompiler.App(Source));
        var app = image["App"];
        Assert.True(app.Count(ParsedAssembly.MethodDefT) > 10);
        Assert.True(app.Count(ParsedAssembly.EhT) >= 2);
        Assert.True(app.Count(ParsedAssembly.InterfaceImplT) >= 1);
        Assert.Equal((uint)app.MethodIndex("Demo.Program", "Main"), app.EntryPoint);

        byte[] main = app.IlOf(app.MethodIndex("Demo.Program", "Main"));
        var constrained = IlWalker.Walk(main).Where(x => x.OpCode == System.Reflection.Emit.OpCodes.Constrained).ToList();
        Assert.Contains(0x02000000u | (uint)app.TypeDefIndex("Demo.Plain"), constrained.Select(x => x.Token(main)));
        Assert.All(constrained, x => Assert.Equal(0x02u, x.Token(main) >> 24)); // constrained. to a TypeDef of this assembly

        // The delegate's Invoke is runtime-implemented: no IL, not an internal call.
        var invoke = app.MethodDef(app.MethodIndex("Demo.Op", "Invoke"));
        Assert.Equal(3, invoke.ImplFlags & 3);
        Assert.Equal(0u, invoke.IlSize);
        Assert.Equal(0xFFFF, invoke.InternalCall);
    }
}
