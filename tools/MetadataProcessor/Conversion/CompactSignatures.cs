using MetadataProcessor.Format;

namespace MetadataProcessor.Conversion;

/// <summary>
/// Writes signatures in the format's compact encoding (table 8): a kind byte, then element-type bytes with
/// 4-byte little-endian tokens after CLASS and VALUETYPE.
/// </summary>
internal static class CompactSignatures
{
    public static byte[] Method(MethodSig sig, Func<SigType.Named, uint> token)
    {
        if (sig.Parameters.Count > byte.MaxValue)
            throw new UnsupportedException($"method with {sig.Parameters.Count} parameters (at most {byte.MaxValue})");
        var bytes = new List<byte> { SignatureKind.Method, sig.HasThis ? SignatureKind.MethodHasThis : (byte)0, (byte)sig.Parameters.Count };
        Type(bytes, sig.Return, token);
        foreach (var p in sig.Parameters)
            Type(bytes, p, token);
        return [.. bytes];
    }

    public static byte[] Field(SigType type, Func<SigType.Named, uint> token)
    {
        var bytes = new List<byte> { SignatureKind.Field };
        Type(bytes, type, token);
        return [.. bytes];
    }

    public static byte[] Locals(IReadOnlyList<SigType> locals, Func<SigType.Named, uint> token)
    {
        if (locals.Count > byte.MaxValue)
            throw new UnsupportedException($"method with {locals.Count} local variables (at most {byte.MaxValue})");
        var bytes = new List<byte> { SignatureKind.Locals, (byte)locals.Count };
        foreach (var l in locals)
            Type(bytes, l, token);
        return [.. bytes];
    }

    /// <summary>Kind 3: one type, the target of a TypeSpec token (0x1B).</summary>
    public static byte[] TypeSpec(SigType type, Func<SigType.Named, uint> token)
    {
        var bytes = new List<byte> { SignatureKind.Type };
        Type(bytes, type, token);
        return [.. bytes];
    }

    private static void Type(List<byte> bytes, SigType type, Func<SigType.Named, uint> token)
    {
        switch (type)
        {
            case SigType.Primitive p:
                bytes.Add(p.ElementType);
                break;
            case SigType.Named n:
                bytes.Add(n.IsValueType ? ElementType.ValueType : ElementType.Class);
                uint t = token(n);
                bytes.Add((byte)t);
                bytes.Add((byte)(t >> 8));
                bytes.Add((byte)(t >> 16));
                bytes.Add((byte)(t >> 24));
                break;
            case SigType.SzArray a:
                bytes.Add(ElementType.SzArray);
                Type(bytes, a.Element, token);
                break;
            case SigType.ByRef b:
                bytes.Add(ElementType.ByRef);
                Type(bytes, b.Element, token);
                break;
            default:
                throw new InvalidOperationException(type.ToString());
        }
    }
}
