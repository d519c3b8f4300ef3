using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using MetadataProcessor.Format;
using MetadataProcessor.Input;

namespace MetadataProcessor.Conversion;

/// <summary>
/// The Test table (table 16) of the app: the nanoFramework.TestFramework attributes found by type name (the
/// device has no reflection). A class with [TestClass]; in it, every method with [TestMethod] or [DataRow] is a
/// test, once per DataRow in attribute order; [Setup] and [Cleanup] (at most one each, no parameters) run around
/// each test. Rows follow metadata order (classes, then methods), the order the .NET runner uses too. DataRow
/// arguments must be constants: bool, char, integers, float, double, string or null.
/// </summary>
internal static class TestTable
{
    private const string Namespace = "nanoFramework.TestFramework";

    public static void Add(InputAssembly input, DeployedAssembly output)
    {
        var md = input.Metadata;
        var errors = new ConversionErrors(input.Name);
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            if (!Has(md, type.GetCustomAttributes(), "TestClassAttribute"))
                continue;
            ushort setup = Hook(md, type, "SetupAttribute", errors);
            ushort cleanup = Hook(md, type, "CleanupAttribute", errors);
            foreach (var methodHandle in type.GetMethods())
            {
                var attributes = md.GetMethodDefinition(methodHandle).GetCustomAttributes();
                var rows = attributes.Where(a => Is(md, a, "DataRowAttribute")).ToList();
                if (!Has(md, attributes, "TestMethodAttribute") && rows.Count == 0)
                    continue;
                ushort cls = (ushort)(MetadataTokens.GetRowNumber(typeHandle) - 1);
                ushort method = (ushort)(MetadataTokens.GetRowNumber(methodHandle) - 1);
                if (rows.Count == 0)
                    output.Tests.Add(new TestRow(cls, method, setup, cleanup, DeploymentFormat.None32));
                foreach (var row in rows)
                {
                    try
                    {
                        output.Tests.Add(new TestRow(cls, method, setup, cleanup, Arguments(md, row, output)));
                    }
                    catch (InvalidInputException e)
                    {
                        errors.Add($"{TypeNames.Method(md, methodHandle)} [DataRow]", e);
                    }
                }
            }
        }
        errors.ThrowIfAny();
    }

    /// <summary>The class's [Setup] or [Cleanup] method, None16 when it has none.</summary>
    private static ushort Hook(MetadataReader md, TypeDefinition type, string attribute, ConversionErrors errors)
    {
        var found = type.GetMethods().Where(m => Has(md, md.GetMethodDefinition(m).GetCustomAttributes(), attribute)).ToList();
        string kind = "[" + attribute[..^"Attribute".Length] + "]";
        if (found.Count > 1)
            errors.Add(TypeNames.FullName(md, md.GetMethodDefinition(found[0]).GetDeclaringType()),
                new InvalidInputException($"more than one {kind} method ({string.Join(", ", found.Select(m => md.GetString(md.GetMethodDefinition(m).Name)))})"));
        if (found.Count == 0)
            return DeploymentFormat.None16;
        var method = md.GetMethodDefinition(found[0]);
        var signature = md.GetBlobReader(method.Signature);
        signature.ReadSignatureHeader();
        if (signature.ReadCompressedInteger() > 0)
            errors.Add(TypeNames.Method(md, found[0]), new InvalidInputException($"a {kind} method takes no parameters"));
        return (ushort)(MetadataTokens.GetRowNumber(found[0]) - 1);
    }

    private static bool Has(MetadataReader md, CustomAttributeHandleCollection attributes, string name) =>
        attributes.Any(a => Is(md, a, name));

    /// <summary>Is the attribute nanoFramework.TestFramework.<paramref name="name"/> (by name, from any assembly)?</summary>
    private static bool Is(MetadataReader md, CustomAttributeHandle handle, string name)
    {
        var ctor = md.GetCustomAttribute(handle).Constructor;
        EntityHandle type = ctor.Kind switch
        {
            HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType(),
            HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)ctor).Parent,
            _ => default,
        };
        return !type.IsNil && TypeNames.FullName(md, type) == Namespace + "." + name;
    }

    /// <summary>
    /// The DataRow(params object[] data) blob (ECMA-335 II.23.3: prolog, u32 element count or 0xFFFFFFFF for a
    /// null array, then each element as its type tag and value) rewritten as a kind 4 blob.
    /// </summary>
    private static uint Arguments(MetadataReader md, CustomAttributeHandle handle, DeployedAssembly output)
    {
        var blob = md.GetBlobReader(md.GetCustomAttribute(handle).Value);
        if (blob.Length < 6 || blob.ReadUInt16() != 1)
            throw new InvalidInputException("the attribute's value is not DataRow(params object[] data)");
        uint count = blob.ReadUInt32();
        var bytes = new List<byte> { Format.SignatureKind.DataRow };
        if (count == uint.MaxValue) // [DataRow(null)]: the array itself is null; the test gets one null argument
        {
            bytes.AddRange([1, ElementType.Object]);
            return output.Blobs.Add([.. bytes]);
        }
        if (count > byte.MaxValue)
            throw new InvalidInputException($"{count} arguments; at most {byte.MaxValue}");
        bytes.Add((byte)count);
        for (int i = 1; i <= count; i++)
            Argument(ref blob, i, bytes, output);
        return output.Blobs.Add([.. bytes]);
    }

    private static void Argument(ref BlobReader blob, int index, List<byte> bytes, DeployedAssembly output)
    {
        byte tag = blob.ReadByte();
        int size = ElementType.SizeOf(tag);
        if (tag == ElementType.String)
        {
            string? text = blob.ReadSerializedString();
            if (text is null)
            {
                bytes.Add(ElementType.Object); // null
                return;
            }
            bytes.Add(ElementType.String);
            Span<byte> offset = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(offset, output.Strings.Add(text));
            bytes.AddRange(offset.ToArray());
            return;
        }
        if (size == 0)
            throw new InvalidInputException($"argument {index} is {Describe(tag)}; DataRow arguments must be constants: bool, char, integers, float, double, string or null");
        bytes.Add(tag);
        for (int k = 0; k < size; k++)
            bytes.Add(blob.ReadByte());
    }

    private static string Describe(byte tag) => tag switch
    {
        0x50 => "a System.Type",
        0x55 => "an enum value",
        ElementType.SzArray => "an array",
        0x51 => "a boxed object",
        _ => $"of element type 0x{tag:x2}",
    };
}
