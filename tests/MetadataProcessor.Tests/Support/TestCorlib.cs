namespace MetadataProcessor.Tests.Support;

/// <summary>
/// The smallest corlib Roslyn accepts for C# 14 (runtime-feasibility.md §1), plus what the tests use:
/// internal calls (MethodImplAttribute), array initialisers (RuntimeHelpers.InitializeArray), exceptions,
/// IDisposable, assembly versions. Internal calls are declared out of order on purpose.
/// </summary>
public static class TestCorlib
{
    public const string Source = """
        namespace System
        {
            public class Object
            {
                public Object() { }
                public virtual string ToString() { return null; }
                public virtual bool Equals(object obj) { return false; }
                public virtual int GetHashCode() { return 0; }
            }
            public abstract class ValueType { }
            public abstract class Enum : ValueType { }
            public struct Void { }
            public struct Boolean { }
            public struct Char { }
            public struct SByte { }
            public struct Byte { }
            public struct Int16 { }
            public struct UInt16 { }
            public struct Int32 { }
            public struct UInt32 { }
            public struct Int64 { }
            public struct UInt64 { }
            public struct Single { }
            public struct Double { }
            public struct IntPtr { }
            public struct UIntPtr { }
            public struct RuntimeFieldHandle { }
            public struct RuntimeTypeHandle { }
            public struct TypedReference { }
            public struct RuntimeArgumentHandle { }
            public sealed class String
            {
                public extern int Length { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] get; }
                [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
                public static extern string Concat(string a, string b);
            }
            public abstract class Array
            {
                public extern int Length { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] get; }
            }
            public class Attribute { }
            public enum AttributeTargets
            {
                Assembly = 1, Module = 2, Class = 4, Struct = 8, Enum = 16, Constructor = 32, Method = 64, Property = 128,
                Field = 256, Event = 512, Interface = 1024, Parameter = 2048, Delegate = 4096, ReturnValue = 8192,
                GenericParameter = 16384, All = 32767,
            }
            [AttributeUsage(AttributeTargets.Class, Inherited = true)]
            public sealed class AttributeUsageAttribute : Attribute
            {
                public AttributeUsageAttribute(AttributeTargets validOn) { }
                public bool AllowMultiple { get; set; }
                public bool Inherited { get; set; }
            }
            public class Exception
            {
                public Exception() { }
                public Exception(string message) { }
            }
            public abstract class Delegate { }
            [AttributeUsage(AttributeTargets.Parameter)]
            public sealed class ParamArrayAttribute : Attribute { }
            public abstract class MulticastDelegate : Delegate { }
            public interface IDisposable { void Dispose(); }
            public static class Console
            {
                [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
                public static extern void WriteLine(string value);
                [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
                public static extern void beep();
                [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
                public static extern void WriteLine(int value);
            }
            public class Outer
            {
                public static class Inner
                {
                    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
                    public static extern bool Native(byte[] data, ref int count, Outer owner);
                }
            }
        }
        namespace System.Runtime.CompilerServices
        {
            public enum MethodImplOptions { NoInlining = 8, InternalCall = 4096 }
            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
            public sealed class MethodImplAttribute : Attribute
            {
                public MethodImplAttribute(MethodImplOptions options) { }
            }
            public static class RuntimeHelpers
            {
                [MethodImpl(MethodImplOptions.InternalCall)]
                public static extern void InitializeArray(Array array, RuntimeFieldHandle field);
            }
        }
        namespace System.Runtime.InteropServices
        {
            public enum LayoutKind { Sequential = 0, Explicit = 2, Auto = 3 }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
            public sealed class StructLayoutAttribute : Attribute { public StructLayoutAttribute(LayoutKind layoutKind) { } }
            [AttributeUsage(AttributeTargets.Field)]
            public sealed class FieldOffsetAttribute : Attribute { public FieldOffsetAttribute(int offset) { } }
        }
        namespace System.Reflection
        {
            [AttributeUsage(AttributeTargets.Assembly)]
            public sealed class AssemblyVersionAttribute : Attribute
            {
                public AssemblyVersionAttribute(string version) { }
            }
        }
        namespace System.Collections
        {
            public interface IEnumerator { bool MoveNext(); object Current { get; } void Reset(); }
            public interface IEnumerable { IEnumerator GetEnumerator(); }
        }
        """;

    /// <summary>The canonical names of the internal calls above, sorted by their bytes, written out by hand.</summary>
    public static readonly string[] SortedInternalCalls =
    [
        "System.Array::get_Length()",
        "System.Console::WriteLine(System.Int32)",
        "System.Console::WriteLine(System.String)",
        "System.Console::beep()",
        "System.Outer/Inner::Native(System.Byte[],System.Int32&,System.Outer)",
        "System.Runtime.CompilerServices.RuntimeHelpers::InitializeArray(System.Array,System.RuntimeFieldHandle)",
        "System.String::Concat(System.String,System.String)",
        "System.String::get_Length()",
    ];
}
