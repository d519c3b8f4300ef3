namespace System.Runtime.CompilerServices
{
    // Markers the C# compiler writes into metadata by itself (ref safety rules, readonly structs and
    // parameters, ref structs, unmanaged constraints, nullable annotations, extension methods, generated
    // code). When the corlib does not define them publicly, Roslyn embeds a private copy of each into every
    // assembly that needs one; defining them here once keeps every device assembly smaller.

    /// <summary>The ref-safety rules version the module was compiled with (C# 11 and later write 11).</summary>
    [AttributeUsage(AttributeTargets.Module, AllowMultiple = false, Inherited = false)]
    public sealed class RefSafetyRulesAttribute : Attribute
    {
        public readonly int Version;

        public RefSafetyRulesAttribute(int version)
        {
            Version = version;
        }
    }

    /// <summary>Marks readonly structs, <c>in</c> parameters and <c>ref readonly</c> returns.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false)]
    public sealed class IsReadOnlyAttribute : Attribute
    {
        public IsReadOnlyAttribute()
        {
        }
    }

    /// <summary>Marks <c>ref struct</c> types.</summary>
    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class IsByRefLikeAttribute : Attribute
    {
        public IsByRefLikeAttribute()
        {
        }
    }

    /// <summary>Marks generic parameters constrained with <c>unmanaged</c>.</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false)]
    public sealed class IsUnmanagedAttribute : Attribute
    {
        public IsUnmanagedAttribute()
        {
        }
    }

    /// <summary>Nullable annotations of one type reference: 0 oblivious, 1 not annotated, 2 annotated.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Event | AttributeTargets.Field
        | AttributeTargets.GenericParameter | AttributeTargets.Parameter | AttributeTargets.Property
        | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
    public sealed class NullableAttribute : Attribute
    {
        public readonly byte[] NullableFlags;

        public NullableAttribute(byte value)
        {
            NullableFlags = new byte[] { value };
        }

        public NullableAttribute(byte[] value)
        {
            NullableFlags = value;
        }
    }

    /// <summary>The default nullable annotation for the references inside a type or method.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Delegate | AttributeTargets.Interface
        | AttributeTargets.Method | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class NullableContextAttribute : Attribute
    {
        public readonly byte Flag;

        public NullableContextAttribute(byte value)
        {
            Flag = value;
        }
    }

    /// <summary>Says that only public and protected members carry nullable annotations.</summary>
    [AttributeUsage(AttributeTargets.Module, Inherited = false)]
    public sealed class NullablePublicOnlyAttribute : Attribute
    {
        public readonly bool IncludesInternals;

        public NullablePublicOnlyAttribute(bool value)
        {
            IncludesInternals = value;
        }
    }

    /// <summary>Marks extension methods and the classes and assemblies that contain them.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly)]
    public sealed class ExtensionAttribute : Attribute
    {
        public ExtensionAttribute()
        {
        }
    }

    /// <summary>Marks code the compiler generated (closures, iterators, backing fields).</summary>
    [AttributeUsage(AttributeTargets.All, Inherited = true)]
    public sealed class CompilerGeneratedAttribute : Attribute
    {
        public CompilerGeneratedAttribute()
        {
        }
    }
}
