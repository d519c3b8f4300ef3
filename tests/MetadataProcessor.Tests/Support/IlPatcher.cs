using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MetadataProcessor.Tests.Support;

/// <summary>Replaces the IL of one method of a compiled assembly (tiny body, same length or shorter, padded with
/// nop), for IL shapes C# never emits.</summary>
public static class IlPatcher
{
    public static CompiledAssembly Replace(CompiledAssembly assembly, string method, byte[] il)
    {
        byte[] bytes = (byte[])assembly.Bytes.Clone();
        using (var pe = new PEReader(new MemoryStream(assembly.Bytes)))
        {
            var md = pe.GetMetadataReader();
            var handle = md.MethodDefinitions.Single(m => md.GetString(md.GetMethodDefinition(m).Name) == method);
            int rva = md.GetMethodDefinition(handle).RelativeVirtualAddress;
            var section = pe.PEHeaders.SectionHeaders.Single(s => rva >= s.VirtualAddress && rva < s.VirtualAddress + s.VirtualSize);
            int at = rva - section.VirtualAddress + section.PointerToRawData;
            Assert.True((bytes[at] & 3) == 2, $"{method} must have a tiny body");
            int size = bytes[at] >> 2;
            Assert.True(il.Length <= size, $"{method} has {size} bytes of IL, fewer than the {il.Length} to write");
            il.CopyTo(bytes, at + 1);
            Array.Fill(bytes, (byte)0x00, at + 1 + il.Length, size - il.Length); // nop
        }
        return new CompiledAssembly(assembly.Name, bytes);
    }
}
