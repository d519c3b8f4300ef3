using MetadataProcessor.Tests.Support;
using Xunit.Abstractions;

namespace MetadataProcessor.Tests;

/// <summary>Translation of IL into fast code (DEPLOYMENT_FORMAT.md, "Fast code"), checked by the dump's disassembly.</summary>
public class FastCodeTests(ITestOutputHelper output)
{
    private List<string> Translated(string dump, string method, string type = "Program")
    {
        var code = FastCodeOf.Instructions(dump, method, type);
        Assert.True(code is not null, $"{type}::{method} stayed IL");
        output.WriteLine(string.Join("\n", FastCodeOf.Lines(dump, method, type)!));
        return code;
    }

    [Fact]
    public void The_int_kernel_of_the_benchmark_is_eight_instructions_per_iteration()
    {
        string dump = FastCodeOf.Dump(BenchmarkMethod("IntArith"));
        Assert.Equal([
            "LDC l0, 1", "LDC l1, 7", "LDC l2, 0", "BR 003d",
            "MUL_IMM t0, l0, 31", "ADD l0, t0, l2", "SHR_IMM t1, l0, 3", "XOR l1, l1, t1", "AND_IMM t1, l1, 255",
            "SUB l0, l0, t1", "ADD_IMM l2, l2, 1", "BLT l2, a0, 0015",
            "ADD t0, l0, l1", "RET t0"], Translated(dump, "IntArith"));
        Assert.Contains("maxstack 2", Header(dump, "IntArith"));
    }

    /// <summary>A static method of bench/runtime/Program.cs, from its signature line to its closing brace.</summary>
    private static string BenchmarkMethod(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(RealCorlib.RepoRoot, "bench", "runtime", "Program.cs"));
        int first = Array.FindIndex(lines, l => l.Contains($" {name}(", StringComparison.Ordinal));
        string indent = lines[first][..(lines[first].Length - lines[first].TrimStart().Length)];
        int last = Array.FindIndex(lines, first, l => l == indent + "}");
        return string.Join("\n", lines[first..(last + 1)]);
    }

    private static string Header(string dump, string method) => dump.Split('\n').Single(l => l.Contains($"] Program::{method}  "));

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "int64 arithmetic", "static long L(long a) => a + 1;", "" },
        { "an int64 local", "static int LongLocal(int a) { long x = a; x <<= 40; return (int)(x >> 41); }", "" },
        { "floating point", "static int F(int a) => (int)(a * 1.5f);", "" },
        { "a struct local (ldloca)", "static int StructLocal(int a) { S s; s.X = a; return s.X + s.X; }", "struct S { public int X; }" },
        { "a byref parameter", "static void Set(out int x) { x = 1; }", "" },
        { "a call with ldloca", "static void Set(out int x) { x = 1; } static int UsesOut() { int v; Set(out v); return v; }", "" },
        { "exception clauses", "static int Guarded(int x) { try { x = 10 / x; } finally { x++; } return x; }", "" },
        { "a value type's method", "static int M(S s) => 0;", "struct S { public int X; public int Get() { return X + 1; } }" },
        { "a struct parameter", "static int Param(S s) => 0;", "struct S { public int X; }" },
        { "a value type constructor", "static int Make(int a) { var p = new P(a); return p.A; }", "struct P { public int A; public P(int a) { A = a; } }" },
        { "ldftn (a delegate)", "static int Id(int x) => x; static D MakeD() => new D(Id);", "delegate int D(int x);" },
        { "ldtoken (an array initialiser)", "static int[] Arr() => new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };", "" },
        { "ldelema (compound assignment of an element)", "static void Inc(int[] a, int i) { a[i] += 5; }", "" },
        { "a callee returning int64", "static long G() => 1; static int CallsLong() => (int)G();", "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bodies_fast_code_cannot_hold_stay_IL(string why, string members, string extra)
    {
        string dump = FastCodeOf.Dump(members + "\n    static int Plain(int a) => a + 1;", extra);
        string method = members.Split('(')[0].Split(' ')[^1];
        string last = members.Split(" static ").Last().Split('(')[0].Split(' ')[^1];
        var type = why == "a value type's method" ? ("Get", "S") : (last, "Program");
        Assert.True(FastCodeOf.Lines(dump, type.Item1, type.Item2) is null, $"{why}: {type.Item2}::{type.Item1} was translated");
        Assert.NotNull(FastCodeOf.Lines(dump, "Plain")); // the rest of the program still is
        _ = method;
    }

    /// <summary>IL shapes C# does not emit, patched into <c>static int Patched(int a)</c>: each stays IL.</summary>
    public static TheoryData<string, byte[]> PatchedRefusals => new()
    {
        // 1; L: 1; add; dup; 10; blt L; ret — a value on the stack at the target of a backward branch
        { "a live temporary at a backward branch target", [0x17, 0x17, 0x58, 0x25, 0x1F, 0x0A, 0x32, 0xF9, 0x2A] },
        // ldarg.0; brtrue L1; ldc.i4.0; br L2; L1: ldnull; L2: pop; ldc.i4.0; ret — an int32 and a reference meet
        { "stack types that differ between the ways into a label", [0x02, 0x2D, 0x03, 0x16, 0x2B, 0x01, 0x14, 0x26, 0x16, 0x2A] },
        // pop; ldc.i4.0; ret — stack underflow
        { "a stack underflow", [0x26, 0x16, 0x2A] },
        // ldarg.0; ldnull; add; ret — arithmetic on a reference
        { "arithmetic on a reference", [0x02, 0x14, 0x58, 0x2A] },
    };

    [Theory]
    [MemberData(nameof(PatchedRefusals))]
    public void Bodies_with_IL_shapes_fast_code_cannot_hold_stay_IL(string why, byte[] il)
    {
        var app = IlPatcher.Replace(TestCompiler.App("""
            public class Program
            {
                public static void Main() { }
                static int Patched(int a) { return a * 3 + a / 7 - (a ^ 5) + a * 11 + (a & 6) * (a | 9); }
                static int Plain(int a) => a + 1;
            }
            """), "Patched", il);
        string dump = MetadataProcessor.Dump.ImageDump.Format(Processor.Build(TestCompiler.Mscorlib, app));
        Assert.True(FastCodeOf.Lines(dump, "Patched") is null, $"{why}: translated");
        Assert.NotNull(FastCodeOf.Lines(dump, "Plain"));
    }

    [Fact]
    public void A_value_on_the_stack_at_a_merge_point_lives_in_its_temporary_on_every_way_in()
    {
        string dump = FastCodeOf.Dump("""
                static int Twice(int x) => x * 2;
                static int Pick(bool c, int a, int b) => Twice(c ? a : b + 1);
            """);
        Assert.Equal([
            "CONV_U1 a0, a0", "BRTRUE a0, 0011", "ADD_IMM t0, a2, 1", "BR 0014", "MOV t0, a1",
            "CALL t0, n=1, Program::Twice (MethodDef 3)", "RET t0"], Translated(dump, "Pick"));
    }

    [Fact]
    public void A_store_of_the_last_result_retargets_its_instruction()
    {
        string dump = FastCodeOf.Dump("""
                static int Retarget(int a, int b) { int x = a * b; int y = x + a; a = x - y; return x ^ y ^ a; }
                static int Loop(int n) { int s = 0; for (int i = 0; i < n; i++) { s = s + i * 3; } return s; }
            """);
        // Roslyn keeps x on the stack (t0); y and a are stored by the instructions that compute them
        Assert.Equal(["MUL t0, a0, a1", "ADD l0, t0, a0", "SUB a0, t0, l0", "XOR t0, t0, l0", "XOR t0, t0, a0", "RET t0"],
            Translated(dump, "Retarget"));
        Assert.Equal(["MUL_IMM t1, l1, 3", "ADD l0, l0, t1", "ADD_IMM l1, l1, 1"], Translated(dump, "Loop")[3..6]);
        Assert.DoesNotContain(Translated(dump, "Loop"), i => i.StartsWith("MOV", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_into_a_variable_a_pending_load_still_reads_keeps_the_old_value()
    {
        string dump = FastCodeOf.Dump("""
                static int Alias(int x) { x = x + (x = 3); return x; }
                static int AliasLocal(int a) { int y = a; y = y * (y = a + 1) - y; return y; }
            """);
        Assert.Equal(["MOV t0, a0", "LDC a0, 3", "ADD_IMM a0, t0, 3", "RET a0"], Translated(dump, "Alias"));
        var local = Translated(dump, "AliasLocal");
        Assert.Equal(["MOV l0, a0", "ADD_IMM t1, a0, 1", "MOV t0, l0", "MOV l0, t1", "MUL t0, t0, t1", "SUB l0, t0, l0", "RET l0"], local);
        // "MOV t0, l0": the pending load of the old y is kept before y = a + 1 overwrites it
    }

    [Fact]
    public void Switch_jumps_through_its_table_and_falls_through_past_it()
    {
        string dump = FastCodeOf.Dump("""
                static int Switch(int x)
                {
                    switch (x) { case 0: return 10; case 1: return 20; case 2: return 35; case 3: return 47; }
                    return -1;
                }
            """);
        var code = Translated(dump, "Switch");
        Assert.StartsWith("SWITCH a0, (", code[0]);
        Assert.Equal(4, code[0].Split(',').Length - 1);
        Assert.Contains("LDC t0, 47", code);
        Assert.Equal("RET t0", code[^1]);
    }

    [Fact]
    public void Newobj_takes_its_arguments_in_temporaries_and_keeps_the_next_register_free()
    {
        string dump = FastCodeOf.Dump("""
                static Pt MakePt(int x) => new Pt(x, x + 1);
            """, "public class Pt { public int X, Y; public Pt(int x, int y) { X = x; Y = y; } }");
        Assert.Equal(["ADD_IMM t1, a0, 1", "MOV t0, a0", "NEWOBJ t0, n=2, Pt::.ctor (MethodDef 5)", "RET t0"], Translated(dump, "MakePt"));
        Assert.Contains("maxstack 3", Header(dump, "MakePt")); // t2 is where the object is made
        // Object's constructor only returns: its call is dropped.
        Assert.Equal(["STFLD a0, a1, Pt::X (FieldDef 1)", "STFLD a0, a2, Pt::Y (FieldDef 2)", "RET_VOID"],
            Translated(dump, ".ctor", "Pt"));
    }

    [Fact]
    public void A_call_of_a_method_that_only_returns_is_dropped_unless_it_may_run_a_static_constructor()
    {
        string dump = FastCodeOf.Dump("""
                static void Nothing() { }
                static int CallsNothing(int a) { Nothing(); Init.Touch(); return a; }
            """, "static class Init { static int s; static Init() { s = 1; } public static void Touch() { } }");
        var code = Translated(dump, "CallsNothing");
        Assert.Equal(2, code.Count);
        Assert.StartsWith("CALL t0, n=0, Init::Touch (MethodDef ", code[0]);
        Assert.Equal("RET a0", code[1]);
    }

    [Fact]
    public void Calls_leave_their_results_in_the_first_argument_register()
    {
        string dump = FastCodeOf.Dump("""
                static int Twice(int x) => x * 2;
                static int CallTwice(int y) => Twice(y) + Twice(3) * y;
                static void Say(int v) { Console.WriteLine(v); }
            """);
        Assert.Equal([
            "MOV t0, a0", "CALL t0, n=1, Program::Twice (MethodDef 3)", "LDC t1, 3", "CALL t1, n=1, Program::Twice (MethodDef 3)",
            "MUL t1, t1, a0", "ADD t0, t0, t1", "RET t0"], Translated(dump, "CallTwice"));
        Assert.StartsWith("CALL t0, n=1, System.Console::WriteLine (MethodRef", Translated(dump, "Say")[1]);
    }

    [Fact]
    public void Small_integer_parameters_locals_and_returns_are_converted()
    {
        string dump = FastCodeOf.Dump("""
                static byte Small(byte x, char c, short h)
                {
                    sbyte s = (sbyte)(x + h);
                    ushort u = (ushort)(s * c);
                    for (int i = 0; i < h; i++) { s += (sbyte)i; u = c; }
                    return (byte)(u + s);
                }
                static sbyte Narrow(int v) => (sbyte)v;
                static short Wide(int v) { return (short)(v >> 4); }
            """);
        var code = Translated(dump, "Small");
        Assert.Equal(["CONV_U1 a0, a0", "CONV_U2 a1, a1", "CONV_I2 a2, a2"], code[..3]);
        Assert.Contains(code, i => i.StartsWith("CONV_I1 l0,", StringComparison.Ordinal)); // sbyte s = ...
        Assert.Contains(code, i => i.StartsWith("CONV_U2 l1,", StringComparison.Ordinal)); // ushort u = ...
        Assert.Contains("MOV l1, a1", code); // u = c: a char is in range already
        Assert.Equal("RET t0", code[^1]);
        Assert.StartsWith("CONV_U1 t0,", code[^2]);
        Assert.Single(code, i => i.StartsWith("CONV_U1 t0", StringComparison.Ordinal)); // converted once, not again for the return
        Assert.Equal(["CONV_I1 t0, a0", "RET t0"], Translated(dump, "Narrow"));
    }

    [Fact]
    public void References_compare_with_their_own_instructions()
    {
        string dump = FastCodeOf.Dump("""
                static bool Same(object a, object b) => a == b;
                static bool NotNull(object a) => a != null;
                static int IfNull(object a) { if (a == null) return 1; return 2; }
                static int IfSame(object a, string b) { if (a != b) return 1; return 2; }
            """);
        Assert.Equal(["CEQ_O t0, a0, a1", "RET t0"], Translated(dump, "Same"));
        Assert.Equal(["LDNULL t1", "CNE_O t0, a0, t1", "RET t0"], Translated(dump, "NotNull")); // ldnull; cgt.un
        Assert.Equal("BRTRUE_O a0, 000c", Translated(dump, "IfNull")[0]);
        Assert.StartsWith("BEQ_O a0, a1, ", Translated(dump, "IfSame")[0]);
    }

    [Fact]
    public void Arrays_statics_and_strings_carry_their_tokens_and_live_bounds()
    {
        string dump = FastCodeOf.Dump("""
                static int s;
                static string Store(int[] a, string[] names)
                {
                    s = a.Length;
                    a[0] = s;
                    names[1] = "x";
                    return names[0];
                }
            """);
        Assert.Equal([
            "LDLEN t0, a0", "STSFLD t0, Program::s (FieldDef 1), p=3", // the stored value is live while the class initialises
            "MOV t0, a0", "LDC t1, 0", "LDSFLD t2, Program::s (FieldDef 1), p=4", "STELEM_I4 t0, t1, t2",
            "MOV t0, a1", "LDC t1, 1", "LDSTR t2, \"x\" (String 0xfa), p=4", "STELEM_REF t0, t1, t2",
            "LDC t1, 0", "LDELEM_REF t0, a1, t1", "RET t0"], Translated(dump, "Store"));
    }

    [Fact]
    public void Ldlen_is_one_instruction_with_or_without_the_conv_i4_after_it()
    {
        string dump = FastCodeOf.Dump("""
                static int Length(int[] a) => a.Length - 1;
                static byte[] Copy(byte[] a) => new byte[a.Length];
            """);
        Assert.Equal(["LDLEN t0, a0", "SUB_IMM t0, t0, 1", "RET t0"], Translated(dump, "Length"));
        Assert.Equal(["LDLEN t0, a0", "NEWARR t0, t0, System.Byte (TypeRef 4), p=1", "RET t0"], Translated(dump, "Copy"));
    }

    [Fact]
    public void The_map_names_every_instruction_that_may_throw_call_or_allocate_with_its_IL_offset()
    {
        string dump = FastCodeOf.Dump("""
                int f;
                static int Mapped(Program p, int[] arr, int d) => p.f / d + arr[1] + arr.Length + Twice(d);
                static int Twice(int x) => x * 2;
            """);
        var lines = FastCodeOf.Lines(dump, "Mapped")!;
        output.WriteLine(string.Join("\n", lines));
        var instructions = lines.Where(l => l.Length > 6 && l[4] == ':').ToDictionary(l => l[..4], l => l[6..].Split(' ')[0]);
        var map = lines.Where(l => l.StartsWith("map ", StringComparison.Ordinal)).Select(l => (Code: l[4..8], Il: Convert.ToInt32(l[12..16], 16))).ToList();
        Assert.Equal(["LDFLD", "DIV", "LDELEM_I4", "LDLEN", "CALL"], map.Select(m => instructions[m.Code]));
        Assert.Equal(map.Select(m => m.Il).Order(), map.Select(m => m.Il));
        Assert.Equal(map.Select(m => m.Code).Order(StringComparer.Ordinal), map.Select(m => m.Code));
    }
}
