using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>TypeDef, FieldDef, InterfaceImpl and MethodImpl rows.</summary>
public class TypeTableTests
{
    private static readonly Lazy<ParsedAssembly> App = new(() => Processor.BuildAndParse(TestCompiler.Mscorlib, TestCompiler.App("""
        using System;
        namespace Demo
        {
            public class Base { public int A; }
            public class Derived : Base
            {
                public static int Counter = Start();
                public string B;
                static int Start() { return 5; }
                public class Nested { public long C; }
            }
            public struct Point { public int X; public int Y; }
            public enum Color : byte { Red, Green }
            public sealed class Resource : IDisposable
            {
                void IDisposable.Dispose() { }
            }
            public interface IShape { int Area(); }
            public class Square : IShape { public int Area() { return 4; } }
            public static class Program { public static void Main() { } }
        }
        """))["App"]);

    [Fact]
    public void Types_name_their_base_as_a_token_and_nested_types_their_enclosing_type()
    {
        var app = App.Value;
        var derived = app.TypeDef(app.TypeDefIndex("Demo.Derived"));
        Assert.Equal(0x02000000u | (uint)app.TypeDefIndex("Demo.Base"), derived.Extends);
        var baseType = app.TypeDef(app.TypeDefIndex("Demo.Base"));
        Assert.Equal(0x01, (int)(baseType.Extends >> 24));
        Assert.Equal("Object", app.TypeRef((int)(baseType.Extends & 0xFFFFFF)).Name);
        Assert.Equal(0u, app.TypeDef(0).Extends); // <Module>

        int nested = Enumerable.Range(0, app.Count(ParsedAssembly.TypeDefT)).Single(i => app.TypeDef(i).Name == "Nested");
        Assert.Equal(app.TypeDefIndex("Demo.Derived"), app.TypeDef(nested).Enclosing);
        Assert.Equal("", app.TypeDef(nested).Namespace);
        Assert.Equal(0xFFFF, derived.Enclosing);
    }

    [Fact]
    public void Fields_and_methods_are_contiguous_ranges_and_the_cctor_is_named()
    {
        var app = App.Value;
        var derived = app.TypeDef(app.TypeDefIndex("Demo.Derived"));
        Assert.Equal(["Counter", "B"], Enumerable.Range(derived.FirstField, derived.FieldCount).Select(i => app.FieldDef(i).Name));
        Assert.Equal(".cctor", app.MethodDef((int)derived.Cctor).Name);
        Assert.InRange((int)derived.Cctor, derived.FirstMethod, derived.FirstMethod + derived.MethodCount - 1);
        Assert.Equal(0xFFFFFFFFu, app.TypeDef(app.TypeDefIndex("Demo.Base")).Cctor);

        var point = app.TypeDef(app.TypeDefIndex("Demo.Point"));
        Assert.All(Enumerable.Range(point.FirstField, point.FieldCount), i => Assert.Equal<byte[]>([1, 0x08], app.Blob(app.FieldDef(i).Signature, 2)));
        var color = app.TypeDef(app.TypeDefIndex("Demo.Color"));
        var valueField = app.FieldDef(color.FirstField);
        Assert.Equal("value__", valueField.Name);
        Assert.Equal<byte[]>([1, 0x05], app.Blob(valueField.Signature, 2));
        Assert.Equal("Enum", app.TypeRef((int)(color.Extends & 0xFFFFFF)).Name);
    }

    [Fact]
    public void Interfaces_and_explicit_implementations_are_listed()
    {
        var app = App.Value;
        var impls = Enumerable.Range(0, app.Count(ParsedAssembly.InterfaceImplT)).Select(app.InterfaceImpl).ToList();
        int square = app.TypeDefIndex("Demo.Square");
        Assert.Contains((ushort)square, impls.Select(i => i.Type));
        Assert.Equal(0x02000000u | (uint)app.TypeDefIndex("Demo.IShape"), impls.Single(i => i.Type == square).Interface);
        var disposable = impls.Single(i => i.Type == app.TypeDefIndex("Demo.Resource")).Interface;
        Assert.Equal("IDisposable", app.TypeRef((int)(disposable & 0xFFFFFF)).Name);

        var (type, body, declaration) = app.MethodImpl(0);
        Assert.Equal(app.TypeDefIndex("Demo.Resource"), type);
        Assert.Equal("System.IDisposable.Dispose", app.MethodDef((int)(body & 0xFFFFFF)).Name);
        Assert.Equal(0x07, (int)(declaration >> 24));
        var dispose = app.MethodRef((int)(declaration & 0xFFFFFF));
        Assert.Equal(("Dispose", "IDisposable"), (dispose.Name, app.TypeRef(dispose.Owner).Name));
    }
}
