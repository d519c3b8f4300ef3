namespace MetadataProcessor.Format;

/// <summary>
/// The numbers of nf-interpreter-port/clr/DEPLOYMENT_FORMAT.md (format 3), in one place. Everything the writer,
/// the reader and the dump know about the layout comes from here.
/// </summary>
public static class DeploymentFormat
{
    public const uint Magic = 0x31414E4E; // "NNA1"
    public const ushort Version = 3;
    public const ushort FlagHasEntryPoint = 0x0001;
    /// <summary>The application (the last assembly): its Main and its tests are the ones that run.</summary>
    public const ushort FlagIsApp = 0x0002;
    public const uint None32 = 0xFFFFFFFF;
    public const ushort None16 = 0xFFFF;

    public const int HeaderSize = 40;
    public const int TableCount = 17;
    public const int DirectorySize = TableCount * 8;
    public const int TablesStart = HeaderSize + DirectorySize; // 176
    public const int CrcStart = 16;

    /// <summary>Largest string offset an ldstr token can carry (24-bit index).</summary>
    public const uint MaxTokenIndex = 0x00FFFFFF;
}

/// <summary>Table ids: the index in the header's table directory.</summary>
public enum TableId
{
    AssemblyRef = 0,
    TypeRef = 1,
    FieldRef = 2,
    MethodRef = 3,
    TypeDef = 4,
    FieldDef = 5,
    MethodDef = 6,
    Strings = 7,
    Blob = 8,
    IL = 9,
    InternalCall = 10,
    EH = 11,
    FieldData = 12,
    FieldRva = 13,
    InterfaceImpl = 14,
    MethodImpl = 15,
    Test = 16,
}

/// <summary>Fixed entry sizes; 1 for the byte tables, whose count is their size in bytes.</summary>
public static class EntrySize
{
    public const int AssemblyRef = 12;
    public const int TypeRef = 12;
    public const int FieldRef = 12;
    public const int MethodRef = 12;
    public const int TypeDef = 32;
    public const int FieldDef = 12;
    public const int MethodDef = 36; // the field list of the format adds up to 36 (the table says 32)
    public const int InternalCall = 8;
    public const int EH = 24;
    public const int FieldRva = 8;
    public const int InterfaceImpl = 8;
    public const int MethodImpl = 12;
    public const int Test = 12;

    public static int Of(TableId table) => table switch
    {
        TableId.AssemblyRef => AssemblyRef,
        TableId.TypeRef => TypeRef,
        TableId.FieldRef => FieldRef,
        TableId.MethodRef => MethodRef,
        TableId.TypeDef => TypeDef,
        TableId.FieldDef => FieldDef,
        TableId.MethodDef => MethodDef,
        TableId.InternalCall => InternalCall,
        TableId.EH => EH,
        TableId.FieldRva => FieldRva,
        TableId.InterfaceImpl => InterfaceImpl,
        TableId.MethodImpl => MethodImpl,
        TableId.Test => Test,
        _ => 1,
    };
}

/// <summary>The table byte of a token: <c>(table &lt;&lt; 24) | index</c> in IL, signatures and TypeDef.extends.</summary>
public static class TokenTable
{
    public const byte TypeRef = 0x01;
    public const byte TypeDef = 0x02;
    public const byte FieldDef = 0x04;
    public const byte FieldRef = 0x05;
    public const byte MethodDef = 0x06;
    public const byte MethodRef = 0x07;
    /// <summary>An SZARRAY type: index = blob offset of a kind-3 (type) signature.</summary>
    public const byte TypeSpec = 0x1B;
    /// <summary>An ldstr literal: index = string offset.</summary>
    public const byte String = 0x70;

    public static uint Make(byte table, uint index) => ((uint)table << 24) | index;
    public static byte TableOf(uint token) => (byte)(token >> 24);
    public static uint IndexOf(uint token) => token & 0x00FFFFFF;

    public static string Name(byte table) => table switch
    {
        TypeRef => "TypeRef",
        TypeDef => "TypeDef",
        FieldDef => "FieldDef",
        FieldRef => "FieldRef",
        MethodDef => "MethodDef",
        MethodRef => "MethodRef",
        TypeSpec => "TypeSpec",
        String => "String",
        _ => $"table 0x{table:x2}",
    };
}

/// <summary>Signature kinds (first byte of every signature in table 8).</summary>
public static class SignatureKind
{
    public const byte Method = 0;
    public const byte Field = 1;
    public const byte Locals = 2;
    public const byte Type = 3;
    /// <summary>A test's DataRow arguments: u8 count, then per argument its element type and value.</summary>
    public const byte DataRow = 4;

    public const byte MethodHasThis = 0x01;
}

/// <summary>ECMA-335 element types (II.23.1.16) as far as the compact signatures use them.</summary>
public static class ElementType
{
    public const byte Void = 0x01;
    public const byte Boolean = 0x02;
    public const byte Char = 0x03;
    public const byte I1 = 0x04;
    public const byte U1 = 0x05;
    public const byte I2 = 0x06;
    public const byte U2 = 0x07;
    public const byte I4 = 0x08;
    public const byte U4 = 0x09;
    public const byte I8 = 0x0A;
    public const byte U8 = 0x0B;
    public const byte R4 = 0x0C;
    public const byte R8 = 0x0D;
    public const byte String = 0x0E;
    public const byte Ptr = 0x0F;
    public const byte ByRef = 0x10;
    public const byte ValueType = 0x11;
    public const byte Class = 0x12;
    public const byte Var = 0x13;
    public const byte Array = 0x14;
    public const byte GenericInst = 0x15;
    public const byte TypedByRef = 0x16;
    public const byte I = 0x18;
    public const byte U = 0x19;
    public const byte FnPtr = 0x1B;
    public const byte Object = 0x1C;
    public const byte SzArray = 0x1D;
    public const byte MVar = 0x1E;
    public const byte CModReqd = 0x1F;
    public const byte CModOpt = 0x20;
    public const byte Sentinel = 0x41;
    public const byte Pinned = 0x45;

    public static bool IsPrimitive(byte e) => e is >= Boolean and <= String or I or U or Object;

    /// <summary>Full CLR name of a primitive element type (canonical internal-call names, dump).</summary>
    public static string FullName(byte e) => e switch
    {
        Void => "System.Void",
        Boolean => "System.Boolean",
        Char => "System.Char",
        I1 => "System.SByte",
        U1 => "System.Byte",
        I2 => "System.Int16",
        U2 => "System.UInt16",
        I4 => "System.Int32",
        U4 => "System.UInt32",
        I8 => "System.Int64",
        U8 => "System.UInt64",
        R4 => "System.Single",
        R8 => "System.Double",
        String => "System.String",
        I => "System.IntPtr",
        U => "System.UIntPtr",
        Object => "System.Object",
        _ => $"element type 0x{e:x2}",
    };

    /// <summary>Size in bytes of a primitive value type, 0 for others.</summary>
    public static int SizeOf(byte e) => e switch
    {
        Boolean or I1 or U1 => 1,
        Char or I2 or U2 => 2,
        I4 or U4 or R4 => 4,
        I8 or U8 or R8 => 8,
        _ => 0,
    };
}

/// <summary>EH clause kinds (table 11), the same numbers as ECMA's COR_ILEXCEPTION_CLAUSE flags.</summary>
public static class EhKind
{
    public const ushort Catch = 0;
    public const ushort Filter = 1;
    public const ushort Finally = 2;
    public const ushort Fault = 4;
}
