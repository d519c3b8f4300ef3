using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>Table 16: the app's tests, found by the nanoFramework.TestFramework attribute names.</summary>
public class TestTableTests
{
    /// <summary>The framework's attributes by name (the processor matches names, not an assembly).</summary>
    private const string Attributes = """
        namespace nanoFramework.TestFramework
        {
            using System;
            public sealed class TestClassAttribute : Attribute { }
            public sealed class TestMethodAttribute : Attribute { }
            public sealed class SetupAttribute : Attribute { }
            public sealed class CleanupAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
            public sealed class DataRowAttribute : Attribute { public DataRowAttribute(params object[] data) { } }
        }
        """;

    private static ParsedAssembly Tests(string source) =>
        Processor.BuildAndParse(TestCompiler.Mscorlib, TestCompiler.Library("Tests", source + Attributes))["Tests"];

    private static string Refusal(string source) =>
        Processor.Fails(TestCompiler.Mscorlib, TestCompiler.Library("Tests", source + Attributes));

    private const ushort None16 = 0xFFFF;
    private const uint None32 = 0xFFFFFFFF;

    [Fact]
    public void Tests_follow_metadata_order_once_per_data_row_with_the_class_setup_and_cleanup()
    {
        var t = Tests("""
            namespace Ns
            {
                using nanoFramework.TestFramework;
                [TestClass]
                public class A
                {
                    [Setup] public void Up() { }
                    [TestMethod] public void First() { }
                    public void Helper() { }
                    [DataRow(1, "x")] [DataRow(2, null)] public void Second(int n, string s) { }
                    [Cleanup] public void Down() { }
                }
                public class NotATestClass { [TestMethod] public void Ignored() { } }
                [TestClass]
                public class B { [TestMethod] public static void Third() { } }
            }
            """);
        int a = t.TypeDefIndex("Ns.A"), b = t.TypeDefIndex("Ns.B");
        ushort up = (ushort)t.MethodIndex("Ns.A", "Up"), down = (ushort)t.MethodIndex("Ns.A", "Down");
        Assert.Equal(4, t.Count(ParsedAssembly.TestT));
        Assert.Equal(((ushort)a, (ushort)t.MethodIndex("Ns.A", "First"), up, down, None32), t.Test(0));
        var second = (ushort)t.MethodIndex("Ns.A", "Second");
        Assert.Equal(((ushort)a, second, up, down), (t.Test(1).Class, t.Test(1).Method, t.Test(1).Setup, t.Test(1).Cleanup));
        Assert.Equal(((ushort)a, second), (t.Test(2).Class, t.Test(2).Method));
        Assert.Equal(((ushort)b, (ushort)t.MethodIndex("Ns.B", "Third"), None16, None16, None32), t.Test(3));

        uint x = t.AllStrings().Single(s => s.Value == "x").Offset;
        Assert.Equal([4, 2, 0x08, 1, 0, 0, 0, 0x0E, (byte)x, (byte)(x >> 8), (byte)(x >> 16), (byte)(x >> 24)], t.Blob(t.Test(1).Arguments, 12));
        Assert.Equal([4, 2, 0x08, 2, 0, 0, 0, 0x1C], t.Blob(t.Test(2).Arguments, 8));
        Assert.Equal(2, t.Flags); // the app (the last assembly), without an entry point
    }

    [Fact]
    public void Every_constant_kind_is_encoded_by_its_element_type_little_endian()
    {
        var t = Tests("""
            using nanoFramework.TestFramework;
            [TestClass]
            public class T
            {
                [DataRow(true, 'c', (sbyte)-1, (byte)2, (short)-3, (ushort)4, -5, 6u, -7L, 8UL, 1.5f, 2.5)]
                public void M(bool a, char b, sbyte c, byte d, short e, ushort f, int g, uint h, long i, ulong j, float k, double l) { }
            }
            """);
        byte[] expected =
        [
            4, 12, 0x02, 1, 0x03, (byte)'c', 0, 0x04, 0xFF, 0x05, 2, 0x06, 0xFD, 0xFF, 0x07, 4, 0,
            0x08, 0xFB, 0xFF, 0xFF, 0xFF, 0x09, 6, 0, 0, 0, 0x0A, 0xF9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0x0B, 8, 0, 0, 0, 0, 0, 0, 0, 0x0C, 0, 0, 0xC0, 0x3F, 0x0D, 0, 0, 0, 0, 0, 0, 0x04, 0x40,
        ];
        Assert.Equal(expected, t.Blob(t.Test(0).Arguments, expected.Length));
    }

    [Fact]
    public void A_null_data_array_is_one_null_argument()
    {
        var t = Tests("""
            using nanoFramework.TestFramework;
            [TestClass] public class T { [DataRow(null)] public void M(string s) { } }
            """);
        Assert.Equal([4, 1, 0x1C], t.Blob(t.Test(0).Arguments, 3));
    }

    [Theory]
    [InlineData("E.One", "argument 2 is an enum value")]
    [InlineData("new int[] { 1 }", "argument 2 is an array")]
    public void A_data_row_argument_that_is_not_a_constant_is_refused_naming_method_and_argument(string value, string what)
    {
        string message = Refusal($$"""
            using nanoFramework.TestFramework;
            public enum E { One }
            [TestClass] public class T { [DataRow(1, {{value}})] public void M(int a, object b) { } }
            """);
        Assert.Equal($"Tests: T.M [DataRow]: {what}; DataRow arguments must be constants: bool, char, integers, float, double, string or null", message);
    }

    [Fact]
    public void Two_setup_methods_and_a_setup_with_parameters_are_refused()
    {
        string message = Refusal("""
            using nanoFramework.TestFramework;
            [TestClass] public class T { [Setup] public void A() { } [Setup] public void B() { } [Cleanup] public void C(int x) { } }
            """);
        Assert.Equal(["Tests: T: more than one [Setup] method (A, B)", "Tests: T.C: a [Cleanup] method takes no parameters"], message.Split('\n'));
    }

    [Fact]
    public void Only_the_app_gets_a_test_table_and_the_app_flag()
    {
        var library = TestCompiler.Library("Lib", Attributes + """
            [nanoFramework.TestFramework.TestClass] public class LibTests { [nanoFramework.TestFramework.TestMethod] public void M() { } }
            """);
        var image = Processor.BuildAndParse(TestCompiler.Mscorlib, library,
            TestCompiler.App("public static class Program { public static void Main() { new LibTests().M(); } }", TestCompiler.Mscorlib, library));
        Assert.Equal(0, image["Lib"].Count(ParsedAssembly.TestT));
        Assert.Equal(0, image["Lib"].Flags);
        Assert.Equal(0, image["mscorlib"].Flags);
        Assert.Equal(3, image["App"].Flags); // entry point and app
        Assert.Equal(0, image["App"].Count(ParsedAssembly.TestT));
    }

    [Fact]
    public void Build_counts_the_tests_and_dump_lists_them()
    {
        using var dir = new TempDirectory();
        string image = dir.File("tests.bin");
        var tests = TestCompiler.Library("Tests", """
            using nanoFramework.TestFramework;
            [TestClass] public class T { [Setup] public void Up() { } [DataRow(1)] [DataRow(2)] public void M(int a) { } }
            """ + Attributes);
        var build = Processor.Cli("build", "--out", image, dir.Write(TestCompiler.Mscorlib), dir.Write(tests));
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.EndsWith(", 2 tests", build.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1]);
        var dump = Processor.Cli("dump", image);
        Assert.Matches(@"T: T::M setup T::Up cleanup - DataRow blob 0x[0-9a-f]+", dump.Output);
    }
}
