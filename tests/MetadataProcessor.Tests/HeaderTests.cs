using System.IO.Hashing;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MetadataProcessor.Tests.Support;

namespace MetadataProcessor.Tests;

/// <summary>The assembly header and table directory, field by field, as DEPLOYMENT_FORMAT.md lays them out.</summary>
public class HeaderTests
{
    private const string AppSource = """
        using System;
        [assembly: System.Reflection.AssemblyVersion("1.2.3.4")]
        public static class Program
        {
            public static void Main() { Console.WriteLine("hello"); }
        }
        """;

    private static readonly Lazy<(CompiledAssembly App, ParsedImage Image)> Built = new(() =>
    {
        var app = TestCompiler.App(AppSource);
        return (app, Processor.BuildAndParse(TestCompiler.Mscorlib, app));
    });

    [Fact]
    public void Assemblies_come_back_to_back_with_the_corlib_first()
    {
        var image = Built.Value.Image;
        Assert.Equal(["mscorlib", "App"], image.Assemblies.Select(a => a.Name));
        Assert.Equal(0, image.Assemblies[0].Offset);
        Assert.Equal((int)image.Assemblies[0].TotalSize, image.Assemblies[1].Offset);
    }

    [Fact]
    public void The_header_holds_magic_format_size_name_and_version()
    {
        var app = Built.Value.Image["App"];
        Assert.Equal(0x31414E4Eu, app.MagicField);
        Assert.Equal("NNA1", System.Text.Encoding.ASCII.GetString(app.Bytes, 0, 4));
        Assert.Equal(3, app.Format);
        Assert.Equal((uint)app.Bytes.Length, app.TotalSize);
        Assert.Equal(0u, app.TotalSize % 4);
        Assert.Equal("App", app.Name);
        Assert.Equal(((ushort)1, (ushort)2, (ushort)3, (ushort)4), app.Version);
        Assert.Equal(0u, app.Reserved);
    }

    [Fact]
    public void The_crc_is_zlib_crc32_over_everything_after_the_crc_field()
    {
        foreach (var assembly in Built.Value.Image.Assemblies)
            Assert.Equal(Crc32.HashToUInt32(assembly.CrcCovered), assembly.Crc);
    }

    [Fact]
    public void Tables_are_aligned_inside_the_assembly_and_do_not_overlap()
    {
        foreach (var assembly in Built.Value.Image.Assemblies)
        {
            var used = new List<(long Start, long End)>();
            for (int t = 0; t < ParsedAssembly.TableCount; t++)
            {
                var (offset, count) = assembly.Directory[t];
                if (count == 0)
                {
                    Assert.Equal(0u, offset);
                    continue;
                }
                long end = offset + (long)count * ParsedAssembly.EntrySizes[t];
                Assert.True(offset >= 176, $"table {t} at {offset} overlaps the header");
                Assert.Equal(0u, offset % 4);
                Assert.True(end <= assembly.TotalSize, $"table {t} ends at {end}, past total_size {assembly.TotalSize}");
                Assert.DoesNotContain(used, u => offset < u.End && end > u.Start);
                used.Add((offset, end));
            }
        }
    }

    [Fact]
    public void Table_counts_match_the_assembly_metadata()
    {
        var (compiled, image) = Built.Value;
        var app = image["App"];
        using var pe = new PEReader(new MemoryStream(compiled.Bytes));
        var md = pe.GetMetadataReader();
        Assert.Equal(md.AssemblyReferences.Count, app.Count(ParsedAssembly.AssemblyRefT));
        Assert.Equal(md.TypeReferences.Count, app.Count(ParsedAssembly.TypeRefT));
        Assert.Equal(md.TypeDefinitions.Count, app.Count(ParsedAssembly.TypeDefT));
        Assert.Equal(md.FieldDefinitions.Count, app.Count(ParsedAssembly.FieldDefT));
        Assert.Equal(md.MethodDefinitions.Count, app.Count(ParsedAssembly.MethodDefT));
        // Only members the code uses: Console.WriteLine(string), and Attribute::.ctor called by the attributes Roslyn
        // embeds (RefSafetyRules); not AttributeUsageAttribute::.ctor, which only custom-attribute blobs name.
        Assert.Equal(["System.Attribute::.ctor", "System.Console::WriteLine"],
            Enumerable.Range(0, app.Count(ParsedAssembly.MethodRefT)).Select(i => app.MethodRef(i))
                .Select(m => $"{app.TypeRef(m.Owner).Namespace}.{app.TypeRef(m.Owner).Name}::{m.Name}").Order());
        Assert.Equal(0, app.Count(ParsedAssembly.FieldRefT));
        Assert.Equal(0, app.Count(ParsedAssembly.InternalCallT));
        Assert.Equal(("mscorlib", (ushort)0, (ushort)0, (ushort)0, (ushort)0), app.AssemblyRef(0));
        Assert.Equal(0, app.TypeDef(0).Reserved);
        Assert.Equal("<Module>", app.TypeDef(0).Name);
    }

    [Fact]
    public void The_entry_point_is_the_apps_Main_and_only_the_app_has_one()
    {
        var image = Built.Value.Image;
        var app = image["App"];
        Assert.Equal(1, app.Flags & 1);
        Assert.Equal((uint)app.MethodIndex("Program", "Main"), app.EntryPoint);
        var corlib = image["mscorlib"];
        Assert.Equal(0, corlib.Flags & 1);
        Assert.Equal(0xFFFFFFFFu, corlib.EntryPoint);
    }
}
