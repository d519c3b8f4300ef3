using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>What the runtime does not run is refused at build time, naming assembly, type, method and IL offset.</summary>
public class UnsupportedFeatureTests
{
    private static string Refusal(string body, string members = "") => Processor.Fails(TestCompiler.Mscorlib, TestCompiler.App($$"""
        using System;
        public static unsafe class Program
        {
            {{members}}
            public static void Main() { {{body}} }
        }
        """));

    [Fact]
    public void A_generic_method_definition_is_refused()
    {
        string message = Refusal("", "static T Id<T>(T x) { return x; }");
        Assert.Equal("App: Program.Id: generic method definition (GenericParam) is not supported by this runtime", message);
    }

    [Fact]
    public void A_generic_method_instantiation_is_refused_at_its_IL_offset()
    {
        string message = Refusal("Id(5);", "static T Id<T>(T x) { return x; }");
        // ldc.i4.5 at IL_0000, then call Id<int32> (a MethodSpec) at IL_0001.
        Assert.Contains("App: Program.Main at IL_0001: generic method instantiation (MethodSpec) is not supported by this runtime", message.Split('\n'));
    }

    [Fact]
    public void A_generic_type_and_its_instantiations_are_refused()
    {
        string message = Processor.Fails(TestCompiler.Mscorlib, TestCompiler.App("""
            public class Box<T> { public T Value; }
            public static class Program { public static int Main() { return new Box<int>().Value; } }
            """));
        var lines = message.Split('\n');
        Assert.Contains("App: Box`1: generic type definition (GenericParam) is not supported by this runtime", lines);
        Assert.Contains("App: Program.Main at IL_0000: member .ctor of a generic type instantiation (GENERICINST) is not supported by this runtime", lines);
        Assert.Contains("App: Program.Main at IL_0005: member Value of a generic type instantiation (GENERICINST) is not supported by this runtime", lines);
    }

    [Fact]
    public void A_multi_dimensional_array_is_refused()
    {
        string message = Refusal("int[,] grid = new int[2, 3]; grid[1, 2] = 5; Console.WriteLine(grid[1, 2]);");
        var lines = message.Split('\n');
        Assert.Contains("App: Program.Main at IL_0002: member .ctor of a multi-dimensional array (System.Int32[,]) is not supported by this runtime", lines);
        Assert.Contains(lines, l => l.Contains("member Set of a multi-dimensional array (System.Int32[,])"));
        Assert.Contains(lines, l => l.Contains("member Get of a multi-dimensional array (System.Int32[,])"));
    }

    [Theory]
    [InlineData("int* p = stackalloc int[4]; p[0] = 1; Console.WriteLine(*p);", "", "stack allocation (localloc, from stackalloc) is not supported by this runtime")]
    [InlineData("delegate*<int, void> f = &Console.WriteLine; f(3);", "", "indirect call through a function pointer (calli) is not supported by this runtime")]
    [InlineData("int v = 1; TypedReference r = __makeref(v);", "", "TypedReference (mkrefany, from __makeref) is not supported by this runtime")]
    [InlineData("", "static int Deref(int* p) { return *p; }", "App: Program.Deref (signature): unmanaged pointer type (ELEMENT_TYPE_PTR) is not supported by this runtime")]
    [InlineData("", "static void Pin(int[] a) { fixed (int* q = a) { *q = 1; } }", "App: Program.Pin: local variable 0: unmanaged pointer type (ELEMENT_TYPE_PTR) is not supported by this runtime")]
    [InlineData("", "static void Call(delegate*<void> f) { }", "function pointer type (ELEMENT_TYPE_FNPTR) is not supported by this runtime")]
    [InlineData("V(__arglist(1, 2));", "static void V(__arglist) { }", "App: Program.Main at IL_0002: varargs call to V (MemberRef on a MethodDef) is not supported by this runtime")]
    [InlineData("", "static void V(__arglist) { }", "App: Program.V (signature): varargs method (__arglist) is not supported by this runtime")]
    [InlineData("", "static void T(TypedReference r) { }", "TypedReference (ELEMENT_TYPE_TYPEDBYREF) is not supported by this runtime")]
    [InlineData("", "public static extern void NoBody();", "App: Program.NoBody: method has no body and is not abstract, an internal call or runtime-implemented")]
    public void Unsafe_code_varargs_and_TypedReference_are_refused(string body, string members, string expected)
    {
        Assert.Contains(expected, Refusal(body, members));
    }

    [Fact]
    public void Generic_interfaces_and_base_types_are_refused()
    {
        string message = Processor.Fails(TestCompiler.Mscorlib, TestCompiler.App("""
            public interface IBox<T> { T Get(); }
            public class IntBox : IBox<int> { public int Get() { return 1; } }
            public class Base<T> { }
            public class Derived : Base<int> { }
            public static class Program { public static void Main() { } }
            """));
        var lines = message.Split('\n');
        Assert.Contains("App: IntBox interface: generic type instantiation (GENERICINST) in a TypeSpec is not supported by this runtime", lines);
        Assert.Contains("App: Derived base type: generic type instantiation (GENERICINST) in a TypeSpec is not supported by this runtime", lines);
    }

    [Fact]
    public void Explicit_field_offsets_are_refused()
    {
        string message = Processor.Fails(TestCompiler.Mscorlib, TestCompiler.App("""
            using System.Runtime.InteropServices;
            [StructLayout(LayoutKind.Explicit)]
            public struct Union { [FieldOffset(0)] public int I; [FieldOffset(0)] public float F; }
            public static class Program { public static void Main() { } }
            """));
        Assert.StartsWith("App: Union.I: explicit field offset ([FieldOffset], LayoutKind.Explicit) is not supported by this runtime", message);
    }

    [Fact]
    public void All_problems_of_an_assembly_are_reported_together_one_per_line()
    {
        string message = Refusal("Id(5); int[,] g = new int[1, 1];", "static T Id<T>(T x) { return x; }");
        var lines = message.Split('\n');
        Assert.True(lines.Length >= 3, message);
        Assert.All(lines, l => Assert.StartsWith("App: Program.", l));
    }

    [Fact]
    public void An_unknown_opcode_is_refused_with_its_offset()
    {
        var compiled = TestCompiler.App("public static class Program { public static void Main() { } static int M() { return 12345678; } }");
        byte[] bytes = compiled.Bytes.ToArray();
        byte[] body = [0x20, 0x4E, 0x61, 0xBC, 0x00, 0x2A]; // ldc.i4 12345678; ret
        int at = bytes.AsSpan().IndexOf(body);
        Assert.True(at > 0);
        bytes[at] = 0x24; // not an opcode in ECMA-335
        string message = Processor.Fails(TestCompiler.Mscorlib, new CompiledAssembly("App", bytes));
        Assert.Equal("App: Program.M at IL_0000: unknown opcode 0x24 (not in ECMA-335 Partition III)", message);
    }
}
