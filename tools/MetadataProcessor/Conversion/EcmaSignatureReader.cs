using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using MetadataProcessor.Format;

namespace MetadataProcessor.Conversion;

/// <summary>
/// Reads ECMA-335 signature blobs (II.23.2) into <see cref="SigType"/>s, refusing with
/// <see cref="UnsupportedException"/> what the runtime does not run: generics, pointers, function pointers,
/// multi-dimensional arrays, TypedReference, varargs, pinned locals. Custom modifiers (modreq/modopt, e.g.
/// <c>in</c>, <c>init</c>, <c>volatile</c>) are dropped: they never tell C# overloads apart.
/// </summary>
internal static class EcmaSignatureReader
{
    private const byte CallingConventionMask = 0x0F;
    private const byte Default = 0x00;
    private const byte VarArg = 0x05;
    private const byte Field = 0x06;
    private const byte LocalSig = 0x07;
    private const byte Generic = 0x10;
    private const byte HasThis = 0x20;
    private const byte ExplicitThis = 0x40;

    public static bool IsFieldSignature(MetadataReader md, BlobHandle blob) => md.GetBlobReader(blob).ReadByte() == Field;

    public static MethodSig ReadMethod(MetadataReader md, BlobHandle blob)
    {
        var r = md.GetBlobReader(blob);
        byte header = r.ReadByte();
        if ((header & Generic) != 0)
            throw new UnsupportedException("generic method (generic signature)");
        if ((header & ExplicitThis) != 0)
            throw new UnsupportedException("explicit 'this' calling convention");
        int convention = header & CallingConventionMask;
        if (convention == VarArg)
            throw new UnsupportedException("varargs method (__arglist)");
        if (convention != Default)
            throw new UnsupportedException($"calling convention 0x{convention:x} (only the managed default is)");
        int count = r.ReadCompressedInteger();
        var ret = ReadType(ref r, md, allowVoid: true);
        var parameters = new List<SigType>(count);
        for (int i = 0; i < count; i++)
            parameters.Add(ReadType(ref r, md, allowVoid: false));
        return new MethodSig((header & HasThis) != 0, ret, parameters);
    }

    public static SigType ReadField(MetadataReader md, BlobHandle blob)
    {
        var r = md.GetBlobReader(blob);
        if (r.ReadByte() != Field)
            throw new InvalidInputException("field signature does not start with FIELD (0x06)");
        return ReadType(ref r, md, allowVoid: false);
    }

    public static IReadOnlyList<SigType> ReadLocals(MetadataReader md, BlobHandle blob)
    {
        var r = md.GetBlobReader(blob);
        if (r.ReadByte() != LocalSig)
            throw new InvalidInputException("local variable signature does not start with LOCAL_SIG (0x07)");
        int count = r.ReadCompressedInteger();
        var locals = new List<SigType>(count);
        for (int i = 0; i < count; i++)
        {
            try
            {
                locals.Add(ReadType(ref r, md, allowVoid: false));
            }
            catch (UnsupportedException e)
            {
                throw new UnsupportedException($"local variable {i}: {e.Message}");
            }
        }
        return locals;
    }

    /// <summary>A TypeSpec used as a type operand: only single-dimension arrays (<c>int[][]</c>, <c>string[]</c>
    /// in a cast, <c>typeof(byte[])</c>).</summary>
    public static SigType ReadTypeSpec(MetadataReader md, TypeSpecificationHandle handle)
    {
        var r = md.GetBlobReader(md.GetTypeSpecification(handle).Signature);
        var type = ReadType(ref r, md, allowVoid: false);
        if (type is not SigType.SzArray)
            throw new UnsupportedException("type specification other than a single-dimension array (TypeSpec)");
        return type;
    }

    private static SigType ReadType(ref BlobReader r, MetadataReader md, bool allowVoid)
    {
        SkipCustomModifiers(ref r);
        byte e = r.ReadByte();
        switch (e)
        {
            case ElementType.Void:
                if (!allowVoid)
                    throw new InvalidInputException("void used as a value type");
                return new SigType.Primitive(e);
            case >= ElementType.Boolean and <= ElementType.String:
            case ElementType.I or ElementType.U or ElementType.Object:
                return new SigType.Primitive(e);
            case ElementType.ValueType or ElementType.Class:
                var handle = r.ReadTypeHandle();
                if (handle.Kind == HandleKind.TypeSpecification)
                    throw new UnsupportedException("type specification inside a signature (TypeSpec)");
                return new SigType.Named(handle, e == ElementType.ValueType);
            case ElementType.SzArray:
                return new SigType.SzArray(ReadType(ref r, md, allowVoid: false));
            case ElementType.ByRef:
                return new SigType.ByRef(ReadType(ref r, md, allowVoid: false));
            case ElementType.Ptr:
                throw new UnsupportedException("unmanaged pointer type (ELEMENT_TYPE_PTR)");
            case ElementType.FnPtr:
                throw new UnsupportedException("function pointer type (ELEMENT_TYPE_FNPTR)");
            case ElementType.Array:
                throw new UnsupportedException($"multi-dimensional array ({DescribeArray(ref r, md)})");
            case ElementType.GenericInst:
                throw new UnsupportedException("generic type instantiation (GENERICINST)");
            case ElementType.Var:
                throw new UnsupportedException("generic type parameter (ELEMENT_TYPE_VAR)");
            case ElementType.MVar:
                throw new UnsupportedException("generic method parameter (ELEMENT_TYPE_MVAR)");
            case ElementType.TypedByRef:
                throw new UnsupportedException("TypedReference (ELEMENT_TYPE_TYPEDBYREF)");
            case ElementType.Sentinel:
                throw new UnsupportedException("varargs call (SENTINEL)");
            case ElementType.Pinned:
                throw new UnsupportedException("pinned local (fixed statement, ELEMENT_TYPE_PINNED)");
            default:
                throw new InvalidInputException($"unknown element type 0x{e:x2} in a signature");
        }
    }

    private static void SkipCustomModifiers(ref BlobReader r)
    {
        while (r.RemainingBytes > 0)
        {
            byte next = r.ReadByte();
            if (next is not (ElementType.CModReqd or ElementType.CModOpt))
            {
                r.Offset--;
                return;
            }
            r.ReadTypeHandle();
        }
    }

    /// <summary>"System.Int32[,]" for a message, from an ARRAY shape (II.23.2.13) after the element type byte.</summary>
    private static string DescribeArray(ref BlobReader r, MetadataReader md)
    {
        string element;
        try
        {
            element = TypeNames.Describe(md, ReadType(ref r, md, allowVoid: false));
        }
        catch (Exception e) when (e is UnsupportedException or InvalidInputException)
        {
            element = "…";
        }
        int rank = r.RemainingBytes > 0 ? r.ReadCompressedInteger() : 2;
        return $"{element}[{new string(',', Math.Max(rank - 1, 0))}]";
    }
}
