using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>IL bodies are copied byte for byte except the 4-byte token operands, which get the format's tokens.</summary>
public class IlRewriteTests
{
    private static byte[] Token(byte table, int index) => [(byte)index, (byte)(index >> 8), (byte)(index >> 16), table];

    private static int MethodRefIndex(ParsedAssembly a, string name, params byte[] signature) =>
        Enumerable.Range(0, a.Count(ParsedAssembly.MethodRefT))
            .Single(i => a.MethodRef(i).Name == name && a.Blob(a.MethodRef(i).Signature, signature.Length).SequenceEqual(signature));

    [Fact]
    public void Every_token_operand_is_rewritten_and_every_other_byte_is_kept()
    {
        var compiled = TestCompiler.App("""
            using System;
            public static class Program
            {
                static int counter;
                public static void Main() { Console.WriteLine("hello"); counter = Twice(21); Console.WriteLine(counter); }
                static int Twice(int x) { return x * 2; }
            }
            """);
        var app = Processor.BuildAndParseIl(TestCompiler.Mscorlib, compiled)["App"];

        uint hello = app.AllStrings().Single(s => s.Value == "hello").Offset;
        int writeString = MethodRefIndex(app, "WriteLine", 0, 0, 1, 0x01, 0x0E);
        int writeInt = MethodRefIndex(app, "WriteLine", 0, 0, 1, 0x01, 0x08);
        int twice = app.MethodIndex("Program", "Twice");
        int counter = app.FieldIndex("Program", "counter");
        byte[] expected =
        [
            0x72, .. Token(0x70, (int)hello),     // ldstr "hello"
            0x28, .. Token(0x07, writeString),    // call Console::WriteLine(string)
            0x1F, 21,                             // ldc.i4.s 21
            0x28, .. Token(0x06, twice),          // call Program::Twice
            0x80, .. Token(0x04, counter),        // stsfld Program::counter
            0x7E, .. Token(0x04, counter),        // ldsfld Program::counter
            0x28, .. Token(0x07, writeInt),       // call Console::WriteLine(int32)
            0x2A,                                 // ret
        ];
        Assert.Equal(expected, app.IlOf(app.MethodIndex("Program", "Main")));

        var owner = app.TypeRef(app.MethodRef(writeString).Owner);
        Assert.Equal(("Console", "System"), (owner.Name, owner.Namespace));
        Assert.Equal("mscorlib", app.AssemblyRef(owner.AssemblyRef).Name);
        Assert.Equal(0xFFFF, owner.Enclosing);
    }

    [Fact]
    public void The_method_row_carries_args_locals_stack_and_signatures_in_the_compact_encoding()
    {
        var compiled = TestCompiler.App("""
            public class Program
            {
                public static void Main() { }
                public int Sum(int n, string label)
                {
                    int total = 0;
                    for (int i = 0; i < n; i++) total += i;
                    return total;
                }
                public static void Take(Program p, ref int x, byte[] data) { }
            }
            """);
        var app = Processor.BuildAndParseIl(TestCompiler.Mscorlib, compiled)["App"];
        int program = app.TypeDefIndex("Program");

        var sum = app.MethodDef(app.MethodIndex("Program", "Sum"));
        Assert.Equal(3, sum.ArgCount); // this + 2
        Assert.Equal(2, sum.LocalCount);
        Assert.Equal(0xFFFF, sum.InternalCall);
        Assert.Equal((ushort)program, sum.Owner);
        Assert.Equal<byte[]>([0, 0x01, 2, 0x08, 0x08, 0x0E], app.Blob(sum.Signature, 6));
        Assert.Equal<byte[]>([2, 2, 0x08, 0x08], app.Blob(sum.Locals, 4));

        using var pe = new PEReader(new MemoryStream(compiled.Bytes));
        var md = pe.GetMetadataReader();
        var ecma = md.GetMethodDefinition(md.MethodDefinitions.Single(m => md.GetString(md.GetMethodDefinition(m).Name) == "Sum"));
        var body = pe.GetMethodBody(ecma.RelativeVirtualAddress);
        Assert.Equal(body.MaxStack, sum.MaxStack);
        Assert.Equal(body.GetILBytes(), app.IlOf(app.MethodIndex("Program", "Sum"))); // no tokens in this body

        var take = app.MethodDef(app.MethodIndex("Program", "Take"));
        Assert.Equal(3, take.ArgCount);
        Assert.Equal(0xFFFFFFFFu, take.Locals);
        byte[] programToken = Token(0x02, program);
        Assert.Equal<byte[]>([0, 0, 3, 0x01, 0x12, .. programToken, 0x10, 0x08, 0x1D, 0x05], app.Blob(take.Signature, 13));
    }

    [Fact]
    public void Jagged_arrays_use_a_TypeSpec_token_that_points_at_a_type_signature()
    {
        var compiled = TestCompiler.App("""
            public static class Program
            {
                public static void Main() { }
                public static int[][] Make() { var j = new int[3][]; j[0] = new int[2]; return j; }
            }
            """);
        var app = Processor.BuildAndParseIl(TestCompiler.Mscorlib, compiled)["App"];
        byte[] il = app.IlOf(app.MethodIndex("Program", "Make"));
        var newarrs = IlWalker.Walk(il).Where(x => x.OpCode == System.Reflection.Emit.OpCodes.Newarr).Select(x => x.Token(il)).ToList();
        Assert.Equal(2, newarrs.Count);

        Assert.Equal(0x1B, (int)(newarrs[0] >> 24)); // newarr int32[]
        Assert.Equal<byte[]>([3, 0x1D, 0x08], app.Blob(newarrs[0] & 0xFFFFFF, 3));

        Assert.Equal(0x01, (int)(newarrs[1] >> 24)); // newarr int32: a TypeRef to System.Int32
        var int32 = app.TypeRef((int)(newarrs[1] & 0xFFFFFF));
        Assert.Equal(("Int32", "System"), (int32.Name, int32.Namespace));
    }

    [Fact]
    public void Switch_and_branch_operands_are_walked_but_not_changed()
    {
        var compiled = TestCompiler.App("""
            public static class Program
            {
                public static void Main() { }
                public static string Name(int n)
                {
                    switch (n) { case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three"; default: return "many"; }
                }
            }
            """);
        var app = Processor.BuildAndParseIl(TestCompiler.Mscorlib, compiled)["App"];
        byte[] il = app.IlOf(app.MethodIndex("Program", "Name"));
        using var pe = new PEReader(new MemoryStream(compiled.Bytes));
        var md = pe.GetMetadataReader();
        var ecma = md.GetMethodDefinition(md.MethodDefinitions.Single(m => md.GetString(md.GetMethodDefinition(m).Name) == "Name"));
        byte[] original = pe.GetMethodBody(ecma.RelativeVirtualAddress).GetILBytes()!;
        Assert.Equal(0x45, original[1]); // ldarg.0; switch (4 targets)
        Assert.Equal(original.Length, il.Length);
        var tokenBytes = IlWalker.Walk(original).Where(x => IlWalker.HasToken(x.OpCode))
            .SelectMany(x => Enumerable.Range(x.OperandOffset, 4)).ToHashSet();
        Assert.All(Enumerable.Range(0, il.Length).Where(i => !tokenBytes.Contains(i)), i => Assert.Equal(original[i], il[i]));
        var ldstrTargets = IlWalker.Walk(il).Where(x => x.OpCode == System.Reflection.Emit.OpCodes.Ldstr)
            .Select(x => app.String(x.Token(il) & 0xFFFFFF)).Order();
        Assert.Equal(["many", "one", "three", "two", "zero"], ldstrTargets);
    }
}
