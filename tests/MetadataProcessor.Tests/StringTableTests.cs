using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>Table 7: u16 length, UTF-8, a 0 byte; every name and literal once.</summary>
public class StringTableTests
{
    private static readonly Lazy<ParsedAssembly> App = new(() => Processor.BuildAndParseIl(TestCompiler.Mscorlib, TestCompiler.App("""
        using System;
        public static class Program
        {
            public static void Main() { Console.WriteLine("hello"); Console.WriteLine("Main"); Other(); }
            static void Other() { Console.WriteLine("hello"); Console.WriteLine("grüße, 世界 🙂"); Console.WriteLine(""); }
        }
        """))["App"]);

    [Fact]
    public void Identical_strings_are_stored_once()
    {
        var strings = App.Value.AllStrings().Select(s => s.Value).ToList();
        Assert.Equal(strings.Count, strings.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(strings, s => s == "hello");
        Assert.Single(strings, s => s == "WriteLine");
    }

    [Fact]
    public void A_literal_and_a_name_with_the_same_text_share_one_entry()
    {
        var app = App.Value;
        uint main = app.AllStrings().Single(s => s.Value == "Main").Offset;
        var method = app.MethodDef(app.MethodIndex("Program", "Main"));
        byte[] il = app.IlOf(app.MethodIndex("Program", "Main"));
        var literals = IlWalker.Walk(il).Where(x => x.OpCode == System.Reflection.Emit.OpCodes.Ldstr).Select(x => x.Token(il)).ToList();
        Assert.Contains(0x70000000u | main, literals);
        Assert.Equal("Main", app.String(main));
        Assert.Equal(method.Name, app.String(main));
    }

    [Fact]
    public void Both_uses_of_a_literal_carry_the_same_token()
    {
        var app = App.Value;
        uint Hello(string method)
        {
            byte[] il = app.IlOf(app.MethodIndex("Program", method));
            return IlWalker.Walk(il).Where(x => x.OpCode == System.Reflection.Emit.OpCodes.Ldstr).Select(x => x.Token(il)).First();
        }
        Assert.Equal(Hello("Main"), Hello("Other"));
    }

    [Fact]
    public void Strings_are_utf8_with_a_byte_length_and_a_terminating_zero()
    {
        var app = App.Value;
        var (offset, value) = app.AllStrings().Single(s => s.Value.StartsWith("grüße"));
        Assert.Equal("grüße, 世界 🙂", value);
        byte[] table = app.Table(ParsedAssembly.StringsT);
        int length = table[offset] | table[offset + 1] << 8;
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(value), length);
        Assert.Equal(0, table[offset + 2 + length]);
        Assert.Contains(app.AllStrings(), s => s.Value == ""); // the empty literal and the empty namespace
    }
}
