using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>Exception clauses (table 11) and field RVA data (tables 12 and 13).</summary>
public class BodyTableTests
{
    [Fact]
    public void Exception_clauses_keep_their_order_offsets_and_catch_type()
    {
        var compiled = TestCompiler.App("""
            using System;
            public static class Program
            {
                public static void Main() { }
                public static int Guarded(int x)
                {
                    try
                    {
                        try { x = 10 / x; }
                        catch (Exception) { x = -1; }
                        try { x++; } catch when (x > 5) { x = 0; }
                    }
                    finally { Console.WriteLine("done"); }
                    return x;
                }
            }
            """);
        var app = Processor.BuildAndParse(TestCompiler.Mscorlib, compiled)["App"];
        var method = app.MethodDef(app.MethodIndex("Program", "Guarded"));
        Assert.Equal(3, method.EhCount);

        using var pe = new PEReader(new MemoryStream(compiled.Bytes));
        var md = pe.GetMetadataReader();
        var ecma = md.GetMethodDefinition(md.MethodDefinitions.Single(m => md.GetString(md.GetMethodDefinition(m).Name) == "Guarded"));
        var regions = pe.GetMethodBody(ecma.RelativeVirtualAddress).ExceptionRegions;
        for (int i = 0; i < regions.Length; i++)
        {
            var eh = app.Eh(method.EhFirst + i);
            var r = regions[i];
            Assert.Equal((uint)r.TryOffset, eh.TryStart);
            Assert.Equal((uint)(r.TryOffset + r.TryLength), eh.TryEnd);
            Assert.Equal((uint)r.HandlerOffset, eh.HandlerStart);
            Assert.Equal((uint)(r.HandlerOffset + r.HandlerLength), eh.HandlerEnd);
            Assert.Equal(0, eh.Reserved);
        }
        Assert.Equal([0, 1, 2], Enumerable.Range(method.EhFirst, 3).Select(i => (int)app.Eh(i).Kind));
        var caught = app.Eh(method.EhFirst).ClassOrFilter;
        Assert.Equal(0x01, (int)(caught >> 24));
        Assert.Equal("Exception", app.TypeRef((int)(caught & 0xFFFFFF)).Name);
        Assert.Equal((uint)regions[1].FilterOffset, app.Eh(method.EhFirst + 1).ClassOrFilter);
        Assert.Equal(0u, app.Eh(method.EhFirst + 2).ClassOrFilter);
    }

    [Fact]
    public void Array_initialisers_carry_their_bytes_in_field_data()
    {
        var compiled = TestCompiler.App("""
            public static class Program
            {
                static readonly byte[] Bytes = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };
                static readonly int[] Ints = { 0x11223344, -1, 7 };
                public static void Main() { }
            }
            """);
        var app = Processor.BuildAndParse(TestCompiler.Mscorlib, compiled)["App"];
        Assert.Equal(2, app.Count(ParsedAssembly.FieldRvaT));
        byte[] data = app.Table(ParsedAssembly.FieldDataT);
        var chunks = Enumerable.Range(0, 2).Select(app.FieldRva).ToList();
        Assert.All(chunks, c => Assert.Equal(0u, c.Offset % 4));
        Assert.All(chunks, c => Assert.Equal(0x0100u, app.FieldDef((int)c.Field).Flags & 0x0100)); // HasFieldRVA

        byte[] ints = [0x44, 0x33, 0x22, 0x11, 0xFF, 0xFF, 0xFF, 0xFF, 7, 0, 0, 0];
        byte[] bytes = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        Assert.Contains(chunks, c => data.AsSpan((int)c.Offset).StartsWith(bytes));
        Assert.Contains(chunks, c => data.AsSpan((int)c.Offset).StartsWith(ints));

        // The cctor hands the field to RuntimeHelpers.InitializeArray through ldtoken <FieldDef>.
        var program = app.TypeDef(app.TypeDefIndex("Program"));
        byte[] il = app.IlOf((int)program.Cctor);
        var fieldTokens = IlWalker.Walk(il).Where(x => x.OpCode == System.Reflection.Emit.OpCodes.Ldtoken).Select(x => x.Token(il)).ToList();
        Assert.Equal(chunks.Select(c => 0x04000000u | c.Field).Order(), fieldTokens.Order());
    }
}
