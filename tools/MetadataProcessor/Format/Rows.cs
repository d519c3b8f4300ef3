namespace MetadataProcessor.Format;

/// <summary>One entry of a fixed-size table; writes exactly <see cref="EntrySize"/> bytes for its table.</summary>
public interface ITableRow
{
    void Write(BinaryWriter w);
}

public readonly record struct AssemblyVersion(ushort Major, ushort Minor, ushort Build, ushort Revision)
{
    public override string ToString() => $"{Major}.{Minor}.{Build}.{Revision}";

    public void Write(BinaryWriter w)
    {
        w.Write(Major);
        w.Write(Minor);
        w.Write(Build);
        w.Write(Revision);
    }
}

/// <summary>Table 0.</summary>
public sealed record AssemblyRefRow(uint Name, AssemblyVersion Version) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        Version.Write(w);
    }
}

/// <summary>Table 1. <see cref="Enclosing"/> is the TypeRef of the enclosing type for a nested type (0xFFFF
/// none): see the amendment in tools/MetadataProcessor/README.md.</summary>
public sealed record TypeRefRow(uint Name, uint Namespace, ushort AssemblyRef, ushort Enclosing) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        w.Write(Namespace);
        w.Write(AssemblyRef);
        w.Write(Enclosing);
    }
}

/// <summary>Tables 2 (FieldRef) and 3 (MethodRef).</summary>
public sealed record MemberRefRow(uint Name, ushort Owner, uint Signature) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        w.Write(Owner);
        w.Write((ushort)0);
        w.Write(Signature);
    }
}

/// <summary>Table 4.</summary>
public sealed record TypeDefRow(
    uint Name, uint Namespace, uint Flags, uint Extends,
    ushort FirstField, ushort FieldCount, ushort FirstMethod, ushort MethodCount,
    ushort Enclosing, uint Cctor) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        w.Write(Namespace);
        w.Write(Flags);
        w.Write(Extends);
        w.Write(FirstField);
        w.Write(FieldCount);
        w.Write(FirstMethod);
        w.Write(MethodCount);
        w.Write(Enclosing);
        w.Write((ushort)0);
        w.Write(Cctor);
    }
}

/// <summary>Table 5.</summary>
public sealed record FieldDefRow(uint Name, uint Flags, uint Signature) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        w.Write(Flags);
        w.Write(Signature);
    }
}

/// <summary>Table 6.</summary>
public sealed record MethodDefRow(
    uint Name, ushort Flags, ushort ImplFlags, ushort Owner, byte ArgCount, byte LocalCount, ushort MaxStack,
    ushort InternalCall, uint Signature, uint Locals, uint Il, uint IlSize, ushort EhFirst, ushort EhCount) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        w.Write(Flags);
        w.Write(ImplFlags);
        w.Write(Owner);
        w.Write(ArgCount);
        w.Write(LocalCount);
        w.Write(MaxStack);
        w.Write(InternalCall);
        w.Write(Signature);
        w.Write(Locals);
        w.Write(Il);
        w.Write(IlSize);
        w.Write(EhFirst);
        w.Write(EhCount);
    }
}

/// <summary>Table 10.</summary>
public sealed record InternalCallRow(uint Name, uint Method) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        w.Write(Method);
    }
}

/// <summary>Table 11.</summary>
public sealed record EhRow(ushort Kind, uint TryStart, uint TryEnd, uint HandlerStart, uint HandlerEnd, uint ClassOrFilter) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Kind);
        w.Write((ushort)0);
        w.Write(TryStart);
        w.Write(TryEnd);
        w.Write(HandlerStart);
        w.Write(HandlerEnd);
        w.Write(ClassOrFilter);
    }
}

/// <summary>Table 13.</summary>
public sealed record FieldRvaRow(uint Field, uint Offset) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Field);
        w.Write(Offset);
    }
}

/// <summary>Table 14 (amendment): a TypeDef implements an interface (token TypeDef or TypeRef).</summary>
public sealed record InterfaceImplRow(ushort Type, uint Interface) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Type);
        w.Write((ushort)0);
        w.Write(Interface);
    }
}

/// <summary>Table 16: one test (a test method, once per DataRow): its class, method, the class's Setup and
/// Cleanup (None16: none), and the blob offset of its DataRow arguments (None32: none).</summary>
public sealed record TestRow(ushort Class, ushort Method, ushort Setup, ushort Cleanup, uint Arguments) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Class);
        w.Write(Method);
        w.Write(Setup);
        w.Write(Cleanup);
        w.Write(Arguments);
    }
}

/// <summary>Table 15 (amendment): an explicit implementation, e.g. <c>void IDisposable.Dispose()</c>:
/// MethodDef token of the body, MethodDef or MethodRef token of the declaration it implements.</summary>
public sealed record MethodImplRow(ushort Type, uint Body, uint Declaration) : ITableRow
{
    public void Write(BinaryWriter w)
    {
        w.Write(Type);
        w.Write((ushort)0);
        w.Write(Body);
        w.Write(Declaration);
    }
}
