using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>Dependency order, and references that cannot be satisfied, named in the refusal.</summary>
public class ReferenceTests
{
    private static readonly Lazy<CompiledAssembly> Lib = new(() => TestCompiler.Library("Lib", """
        [assembly: System.Reflection.AssemblyVersion("2.1.0.0")]
        namespace Lib
        {
            public class Outer
            {
                public static int Counter;
                public class Inner { public static int Twice(int x) { return 2 * x; } }
            }
        }
        """));

    private static readonly Lazy<CompiledAssembly> App = new(() => TestCompiler.App("""
        public static class Program
        {
            public static void Main() { Lib.Outer.Counter = Lib.Outer.Inner.Twice(4); }
        }
        """, TestCompiler.Mscorlib, Lib.Value));

    [Fact]
    public void Assemblies_are_ordered_by_dependency_whatever_the_input_order()
    {
        var image = Processor.BuildAndParse(App.Value, Lib.Value, TestCompiler.Mscorlib);
        Assert.Equal(["mscorlib", "Lib", "App"], image.Assemblies.Select(a => a.Name));
        var app = image["App"];
        var refs = Enumerable.Range(0, app.Count(ParsedAssembly.AssemblyRefT)).Select(app.AssemblyRef).ToList();
        Assert.Contains(("Lib", (ushort)2, (ushort)1, (ushort)0, (ushort)0), refs);
    }

    [Fact]
    public void A_nested_type_reference_names_its_enclosing_type_reference()
    {
        var app = Processor.BuildAndParse(TestCompiler.Mscorlib, Lib.Value, App.Value)["App"];
        var typeRefs = Enumerable.Range(0, app.Count(ParsedAssembly.TypeRefT)).Select(app.TypeRef).ToList();
        var inner = typeRefs.Single(t => t.Name == "Inner");
        var outer = typeRefs.Single(t => t.Name == "Outer");
        Assert.Equal(typeRefs.IndexOf(outer), inner.Enclosing);
        Assert.Equal(0xFFFF, outer.Enclosing);
        Assert.Equal("Lib", app.AssemblyRef(outer.AssemblyRef).Name);
        Assert.Equal(outer.AssemblyRef, inner.AssemblyRef);
        Assert.Equal(("Lib", ""), (outer.Namespace, inner.Namespace));

        var field = app.FieldRef(0);
        Assert.Equal(("Counter", "Outer"), (field.Name, app.TypeRef(field.Owner).Name));
        Assert.Equal<byte[]>([1, 0x08], app.Blob(field.Signature, 2));
    }

    [Fact]
    public void A_missing_referenced_assembly_is_named()
    {
        string message = Processor.Fails(TestCompiler.Mscorlib, App.Value);
        Assert.Equal("App references Lib 2.1.0.0, which is not among the input assemblies; add Lib.dll to the inputs", message);
    }

    [Fact]
    public void A_different_major_minor_version_of_a_reference_is_refused()
    {
        var lib3 = TestCompiler.Library("Lib", "[assembly: System.Reflection.AssemblyVersion(\"3.0.0.0\")] namespace Lib { public class Outer { public static int Counter; public class Inner { public static int Twice(int x) { return x; } } } }");
        string message = Processor.Fails(TestCompiler.Mscorlib, lib3, App.Value);
        Assert.Contains("App was built against Lib 2.1.0.0, but the input Lib is 3.0.0.0", message);
    }

    [Fact]
    public void A_reference_cycle_is_refused_with_the_cycle()
    {
        var a0 = TestCompiler.Library("A", "public class A { }");
        var b = TestCompiler.Library("B", "public class B { public A Partner; }", TestCompiler.Mscorlib, a0);
        var a = TestCompiler.Library("A", "public class A { public B Partner; }", TestCompiler.Mscorlib, b);
        string message = Processor.Fails(TestCompiler.Mscorlib, a, b);
        Assert.Equal("assemblies reference each other in a cycle: A → B → A", message);
    }

    [Fact]
    public void The_same_assembly_twice_is_refused()
    {
        Assert.Contains("assembly mscorlib is given twice", Processor.Fails(TestCompiler.Mscorlib, TestCompiler.Mscorlib));
    }

    [Fact]
    public void A_member_missing_from_the_referenced_assembly_is_named_where_it_is_used()
    {
        var richer = TestCompiler.Corlib(TestCorlib.Source.Replace("public static extern void beep();", "public static extern void beep(); public static void Flush() { }"));
        var app = TestCompiler.App("public static class Program { public static void Main() { System.Console.Flush(); } }", richer);
        string message = Processor.Fails(TestCompiler.Mscorlib, app);
        Assert.Equal("App: Program.Main at IL_0000: method System.Console::Flush() returning System.Void is not defined in mscorlib (no method of that name and signature)", message);
    }

    [Fact]
    public void A_type_missing_from_the_referenced_assembly_is_named()
    {
        var richer = TestCompiler.Corlib(TestCorlib.Source + "namespace System { public class Extra { } }");
        var app = TestCompiler.App("public static class Program { public static void Main() { object o = new System.Extra(); } }", richer);
        string message = Processor.Fails(TestCompiler.Mscorlib, app);
        Assert.Contains("App: type reference System.Extra: type System.Extra is not defined in mscorlib", message.Split('\n'));
    }

    [Fact]
    public void Two_applications_are_refused()
    {
        var other = TestCompiler.Compile("Other", "public static class P { public static void Main() { } }", [TestCompiler.Mscorlib], Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);
        var app = TestCompiler.App("public static class Program { public static void Main() { } }");
        Assert.Equal("more than one assembly has an entry point: Other, App; deploy one application", Processor.Fails(TestCompiler.Mscorlib, other, app));
    }
}
