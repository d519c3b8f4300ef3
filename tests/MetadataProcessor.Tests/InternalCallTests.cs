using System.IO.Hashing;
using System.Text;
using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>Table 10 and native_checksum: the contract between the managed declarations and the firmware.</summary>
public class InternalCallTests
{
    private static readonly Lazy<ParsedAssembly> Corlib = new(() => Processor.BuildAndParse(TestCompiler.Mscorlib)["mscorlib"]);

    [Fact]
    public void Internal_calls_are_listed_by_canonical_name_in_byte_order()
    {
        var corlib = Corlib.Value;
        var names = Enumerable.Range(0, corlib.Count(ParsedAssembly.InternalCallT)).Select(i => corlib.InternalCall(i).Name).ToList();
        Assert.Equal(TestCorlib.SortedInternalCalls, names);
    }

    [Fact]
    public void The_native_checksum_is_the_crc_of_the_sorted_names_each_ending_in_a_newline()
    {
        string text = string.Concat(TestCorlib.SortedInternalCalls.Select(n => n + "\n"));
        Assert.Equal(Crc32.HashToUInt32(Encoding.UTF8.GetBytes(text)), Corlib.Value.NativeChecksum);
    }

    [Fact]
    public void Each_internal_call_row_and_its_method_point_at_each_other()
    {
        var corlib = Corlib.Value;
        for (int i = 0; i < corlib.Count(ParsedAssembly.InternalCallT); i++)
        {
            var (name, methodIndex) = corlib.InternalCall(i);
            var method = corlib.MethodDef((int)methodIndex);
            Assert.Equal(i, method.InternalCall);
            Assert.Equal(0x1000, method.ImplFlags & 0x1000);
            Assert.Equal(0u, method.IlSize);
            Assert.Equal("::" + method.Name + "(", name[name.IndexOf("::", StringComparison.Ordinal)..(name.IndexOf('(') + 1)]);
        }
        Assert.All(corlib.MethodDefs.Where(m => (m.ImplFlags & 0x1000) == 0), m => Assert.Equal(0xFFFF, m.InternalCall));
    }

    [Fact]
    public void An_assembly_without_internal_calls_has_checksum_zero_and_no_table()
    {
        var app = Processor.BuildAndParse(TestCompiler.Mscorlib, TestCompiler.App("public static class Program { public static void Main() { } }"))["App"];
        Assert.Equal(0u, app.NativeChecksum);
        Assert.Equal((0u, 0u), app.Directory[ParsedAssembly.InternalCallT]);
    }

    [Fact]
    public void The_checksum_changes_when_a_declaration_changes()
    {
        var changed = TestCompiler.Corlib(TestCorlib.Source.Replace("public static extern void beep();", "public static extern void beep(int hz);"));
        var image = Processor.BuildAndParse(changed)["mscorlib"];
        Assert.Contains(Enumerable.Range(0, image.Count(ParsedAssembly.InternalCallT)), i => image.InternalCall(i).Name == "System.Console::beep(System.Int32)");
        Assert.NotEqual(Corlib.Value.NativeChecksum, image.NativeChecksum);
    }
}
