using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MetadataProcessor.FastCode;
using MetadataProcessor.Format;
using MetadataProcessor.Il;

namespace MetadataProcessor.Dump;

/// <summary>`dump`: every table of every assembly in a deployment image, with tokens, signatures and IL
/// shown by name, for debugging the runtime and the processor.</summary>
public static class ImageDump
{
    public static string Format(byte[] image)
    {
        var text = new StringBuilder();
        foreach (var assembly in ImageAssembly.ReadAll(image))
            new AssemblyDump(assembly, text).Write();
        return text.ToString();
    }

    private sealed class AssemblyDump(ImageAssembly a, StringBuilder text)
    {
        public void Write()
        {
            string crc = a.Crc == a.ComputedCrc ? "ok" : $"MISMATCH, computed 0x{a.ComputedCrc:x8}";
            Line($"assembly {a.Name} {a.Version} at 0x{a.ImageOffset:x}");
            Line($"  format {a.Format}, flags 0x{a.Flags:x4}, total_size {a.TotalSize}, crc32 0x{a.Crc:x8} ({crc})");
            Line($"  native_checksum 0x{a.NativeChecksum:x8}, entry_point {(a.EntryPoint == DeploymentFormat.None32 ? "none" : $"MethodDef {a.EntryPoint} {MethodName(a.EntryPoint)}")}");
            Line("  tables:");
            for (int t = 0; t < DeploymentFormat.TableCount; t++)
                Line($"    {t,2} {(TableId)t,-13} offset 0x{a.Directory[t].Offset:x6} count {a.Directory[t].Count}");

            Section(TableId.AssemblyRef, i =>
            {
                var r = a.Row(TableId.AssemblyRef, i);
                return $"{a.String(U32(r, 0))} {U16(r, 4)}.{U16(r, 6)}.{U16(r, 8)}.{U16(r, 10)}";
            });
            Section(TableId.TypeRef, i =>
            {
                var r = a.Row(TableId.TypeRef, i);
                ushort asm = U16(r, 8), enclosing = U16(r, 10);
                string scope = enclosing != DeploymentFormat.None16 ? $"nested in TypeRef {enclosing}" : $"AssemblyRef {asm}";
                return $"{TypeRefName(i)}  ({scope})";
            });
            Section(TableId.FieldRef, i => MemberRef(TableId.FieldRef, i));
            Section(TableId.MethodRef, i => MemberRef(TableId.MethodRef, i));
            Section(TableId.TypeDef, i =>
            {
                var r = a.Row(TableId.TypeDef, i);
                uint extends = U32(r, 12), cctor = U32(r, 28);
                ushort enclosing = U16(r, 24);
                return $"{TypeDefName(i)}  flags 0x{U32(r, 8):x8} extends {(extends == 0 ? "-" : Token(extends))} " +
                       $"fields {U16(r, 16)}+{U16(r, 18)} methods {U16(r, 20)}+{U16(r, 22)}" +
                       (enclosing == DeploymentFormat.None16 ? "" : $" enclosing TypeDef {enclosing}") +
                       (cctor == DeploymentFormat.None32 ? "" : $" cctor MethodDef {cctor}");
            });
            Section(TableId.FieldDef, i =>
            {
                var r = a.Row(TableId.FieldDef, i);
                return $"{FieldName((uint)i)}  flags 0x{U32(r, 4):x4} : {Signature(U32(r, 8))}";
            });
            Section(TableId.MethodDef, Method);
            Section(TableId.InternalCall, i =>
            {
                var r = a.Row(TableId.InternalCall, i);
                return $"{a.String(U32(r, 0))} → MethodDef {U32(r, 4)}";
            });
            Section(TableId.EH, i =>
            {
                var r = a.Row(TableId.EH, i);
                ushort kind = U16(r, 0);
                uint extra = U32(r, 20);
                string what = kind switch
                {
                    EhKind.Catch => $"catch {Token(extra)}",
                    EhKind.Filter => $"filter at IL_{extra:x4}",
                    EhKind.Finally => "finally",
                    EhKind.Fault => "fault",
                    _ => $"kind {kind}",
                };
                return $"{what}: try IL_{U32(r, 4):x4}..IL_{U32(r, 8):x4} handler IL_{U32(r, 12):x4}..IL_{U32(r, 16):x4}";
            });
            Section(TableId.FieldRva, i =>
            {
                var r = a.Row(TableId.FieldRva, i);
                uint field = U32(r, 0), offset = U32(r, 4);
                var data = a.Table(TableId.FieldData);
                int shown = (int)Math.Min(16, Math.Max(0, data.Length - offset));
                return $"FieldDef {field} {FieldName(field)} at FieldData 0x{offset:x}: {Convert.ToHexString(data.Slice((int)offset, shown))}{(shown == 16 ? "…" : "")}";
            });
            Section(TableId.InterfaceImpl, i =>
            {
                var r = a.Row(TableId.InterfaceImpl, i);
                return $"{TypeDefName(U16(r, 0))} implements {Token(U32(r, 4))}";
            });
            Section(TableId.MethodImpl, i =>
            {
                var r = a.Row(TableId.MethodImpl, i);
                return $"{TypeDefName(U16(r, 0))}: {Token(U32(r, 4))} implements {Token(U32(r, 8))}";
            });
            Section(TableId.Test, i =>
            {
                var r = a.Row(TableId.Test, i);
                string Hook(ushort m) => m == DeploymentFormat.None16 ? "-" : MethodName(m);
                uint args = U32(r, 8);
                return $"{TypeDefName(U16(r, 0))}: {MethodName(U16(r, 2))} setup {Hook(U16(r, 4))} cleanup {Hook(U16(r, 6))}" +
                       (args == DeploymentFormat.None32 ? "" : $" DataRow blob 0x{args:x}");
            });
            var strings = a.Strings();
            Line($"  Strings ({strings.Count} strings, {a.Count(TableId.Strings)} bytes)");
            foreach (var (offset, value) in strings)
                Line($"    0x{offset:x4} {Quote(value)}");
            Line($"  Blob {a.Count(TableId.Blob)} bytes, IL {a.Count(TableId.IL)} bytes, FieldData {a.Count(TableId.FieldData)} bytes");
            Line("");
        }

        private void Section(TableId table, Func<int, string> row)
        {
            int count = a.Count(table);
            if (count == 0)
                return;
            Line($"  {table} ({count})");
            for (int i = 0; i < count; i++)
                Line($"    [{i}] {row(i)}");
        }

        private string MemberRef(TableId table, int i)
        {
            var r = a.Row(table, i);
            return $"{TypeRefName(U16(r, 4))}::{a.String(U32(r, 0))}  {Signature(U32(r, 8))}";
        }

        private string Method(int i)
        {
            var r = a.Row(TableId.MethodDef, i);
            ushort internalCall = U16(r, 14);
            uint locals = U32(r, 20), il = U32(r, 24), ilSize = U32(r, 28);
            ushort ehFirst = U16(r, 32), ehCount = U16(r, 34);
            var line = new StringBuilder();
            line.Append($"{MethodName((uint)i)}  {Signature(U32(r, 16))}  flags 0x{U16(r, 4):x4} impl 0x{U16(r, 6):x4} args {r[10]} locals {r[11]} maxstack {U16(r, 12)}");
            if (internalCall != DeploymentFormat.None16)
                line.Append($" internal_call {internalCall}");
            if (ehCount > 0)
                line.Append($" eh {ehFirst}+{ehCount}");
            if (locals != DeploymentFormat.None32)
                line.Append($"\n        locals {Signature(locals)}");
            if (ilSize > 0)
            {
                var ilTable = a.Table(TableId.IL);
                if (il + ilSize > ilTable.Length)
                    line.Append($"\n        IL at 0x{il:x} + {ilSize} lies outside table 9");
                else
                {
                    var body = ilTable.Slice((int)il, (int)ilSize);
                    var lines = (U16(r, 6) & 3) == FastCodeType
                        ? FastDisassembler.Lines(body, r[10], r[11], Token)
                        : Disassemble(body.ToArray());
                    foreach (string instruction in lines)
                        line.Append("\n        ").Append(instruction);
                }
            }
            return line.ToString();
        }

        /// <summary>impl_flags code type of a fast body (ECMA's OPTIL).</summary>
        private const int FastCodeType = 2;

        private IEnumerable<string> Disassemble(byte[] il)
        {
            var lines = new List<string>();
            try
            {
                foreach (var ins in IlDecoder.Decode(il))
                    lines.Add($"IL_{ins.Offset:x4}: {ins.OpCode.Name}{Operand(il, ins)}");
            }
            catch (IlFormatException e)
            {
                lines.Add($"IL_{e.Offset:x4}: {e.Message}");
            }
            return lines;
        }

        private string Operand(byte[] il, Instruction ins)
        {
            var o = il.AsSpan(ins.OperandOffset);
            return ins.OpCode.Operand switch
            {
                Il.Operand.None => "",
                Il.Operand.Int8 => $" {(sbyte)o[0]}",
                Il.Operand.Var8 => $" {o[0]}",
                Il.Operand.Var16 => $" {BinaryPrimitives.ReadUInt16LittleEndian(o)}",
                Il.Operand.Branch8 => $" IL_{ins.End + (sbyte)o[0]:x4}",
                Il.Operand.Branch32 => $" IL_{ins.End + BinaryPrimitives.ReadInt32LittleEndian(o):x4}",
                Il.Operand.Int32 => $" {BinaryPrimitives.ReadInt32LittleEndian(o)}",
                Il.Operand.Int64 => $" {BinaryPrimitives.ReadInt64LittleEndian(o)}",
                Il.Operand.Float32 => $" {BinaryPrimitives.ReadSingleLittleEndian(o).ToString(CultureInfo.InvariantCulture)}",
                Il.Operand.Float64 => $" {BinaryPrimitives.ReadDoubleLittleEndian(o).ToString(CultureInfo.InvariantCulture)}",
                Il.Operand.Switch => " (" + string.Join(", ", SwitchTargets(il, ins).Select(t => $"IL_{t:x4}")) + ")",
                _ => " " + Token(BinaryPrimitives.ReadUInt32LittleEndian(o)),
            };
        }

        private static IEnumerable<int> SwitchTargets(byte[] il, Instruction ins)
        {
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(il.AsSpan(ins.OperandOffset));
            for (int k = 0; k < count; k++)
                yield return ins.End + BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(ins.OperandOffset + 4 + 4 * k));
        }

        private string Token(uint token)
        {
            byte table = TokenTable.TableOf(token);
            uint index = TokenTable.IndexOf(token);
            string name = Safe(() => table switch
            {
                TokenTable.TypeRef => TypeRefName((int)index),
                TokenTable.TypeDef => TypeDefName((int)index),
                TokenTable.FieldDef => FieldName(index),
                TokenTable.MethodDef => MethodName(index),
                TokenTable.FieldRef => MemberRefName(TableId.FieldRef, (int)index),
                TokenTable.MethodRef => MemberRefName(TableId.MethodRef, (int)index),
                TokenTable.TypeSpec => Signature(index),
                TokenTable.String => Quote(a.String(index)),
                _ => "?",
            });
            return $"{name} ({TokenTable.Name(table)} {(table == TokenTable.String || table == TokenTable.TypeSpec ? $"0x{index:x}" : index)})";
        }

        private string MemberRefName(TableId table, int index)
        {
            var r = a.Row(table, index);
            return $"{TypeRefName(U16(r, 4))}::{a.String(U32(r, 0))}";
        }

        private string TypeRefName(int index)
        {
            var r = a.Row(TableId.TypeRef, index);
            ushort enclosing = U16(r, 10);
            string name = a.String(U32(r, 0));
            if (enclosing != DeploymentFormat.None16)
                return TypeRefName(enclosing) + "/" + name;
            return Qualify(a.String(U32(r, 4)), name);
        }

        private string TypeDefName(int index)
        {
            var r = a.Row(TableId.TypeDef, index);
            ushort enclosing = U16(r, 24);
            string name = a.String(U32(r, 0));
            if (enclosing != DeploymentFormat.None16 && enclosing != index)
                return TypeDefName(enclosing) + "/" + name;
            return Qualify(a.String(U32(r, 4)), name);
        }

        private string FieldName(uint index) => Safe(() => $"{TypeDefName(OwnerOf(TableId.FieldDef, index))}::{a.String(U32(a.Row(TableId.FieldDef, (int)index), 0))}");

        private string MethodName(uint index) => Safe(() =>
        {
            var r = a.Row(TableId.MethodDef, (int)index);
            return $"{TypeDefName(U16(r, 8))}::{a.String(U32(r, 0))}";
        });

        private int OwnerOf(TableId table, uint index)
        {
            int firstAt = table == TableId.FieldDef ? 16 : 20;
            for (int t = 0; t < a.Count(TableId.TypeDef); t++)
            {
                var r = a.Row(TableId.TypeDef, t);
                if (index >= U16(r, firstAt) && index < U16(r, firstAt) + U16(r, firstAt + 2))
                    return t;
            }
            throw new ToolException($"{table} {index} belongs to no type");
        }

        /// <summary>A compact signature as text, e.g. "instance void(int32, string[])".</summary>
        private string Signature(uint offset) => Safe(() =>
        {
            byte[] blob = a.Table(TableId.Blob).ToArray();
            int pos = (int)offset;
            byte kind = blob[pos++];
            switch (kind)
            {
                case SignatureKind.Method:
                {
                    bool hasThis = (blob[pos++] & SignatureKind.MethodHasThis) != 0;
                    int count = blob[pos++];
                    string ret = Type(blob, ref pos);
                    var parameters = new List<string>();
                    for (int k = 0; k < count; k++)
                        parameters.Add(Type(blob, ref pos));
                    return $"{(hasThis ? "instance " : "")}{ret}({string.Join(", ", parameters)})";
                }
                case SignatureKind.Field or SignatureKind.Type:
                    return Type(blob, ref pos);
                case SignatureKind.Locals:
                {
                    int count = blob[pos++];
                    var locals = new List<string>();
                    for (int k = 0; k < count; k++)
                        locals.Add(Type(blob, ref pos));
                    return "(" + string.Join(", ", locals) + ")";
                }
                default:
                    return $"?kind {kind}";
            }
        });

        private string Type(byte[] blob, ref int pos)
        {
            byte e = blob[pos++];
            switch (e)
            {
                case ElementType.SzArray:
                    return Type(blob, ref pos) + "[]";
                case ElementType.ByRef:
                    return Type(blob, ref pos) + "&";
                case ElementType.Class or ElementType.ValueType:
                    uint token = BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(pos));
                    pos += 4;
                    string name = TokenTable.TableOf(token) switch
                    {
                        TokenTable.TypeRef => TypeRefName((int)TokenTable.IndexOf(token)),
                        TokenTable.TypeDef => TypeDefName((int)TokenTable.IndexOf(token)),
                        _ => $"?0x{token:x8}",
                    };
                    return (e == ElementType.ValueType ? "valuetype " : "class ") + name;
                default:
                    return e switch
                    {
                        ElementType.Void => "void",
                        ElementType.Boolean => "bool",
                        ElementType.Char => "char",
                        ElementType.I1 => "int8",
                        ElementType.U1 => "uint8",
                        ElementType.I2 => "int16",
                        ElementType.U2 => "uint16",
                        ElementType.I4 => "int32",
                        ElementType.U4 => "uint32",
                        ElementType.I8 => "int64",
                        ElementType.U8 => "uint64",
                        ElementType.R4 => "float32",
                        ElementType.R8 => "float64",
                        ElementType.String => "string",
                        ElementType.I => "native int",
                        ElementType.U => "native uint",
                        ElementType.Object => "object",
                        _ => $"?0x{e:x2}",
                    };
            }
        }

        private static string Safe(Func<string> describe)
        {
            try
            {
                return describe();
            }
            catch (Exception e) when (e is ToolException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                return $"<bad: {e.Message}>";
            }
        }

        private static string Quote(string value)
        {
            var quoted = new StringBuilder("\"");
            foreach (char c in value)
                quoted.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    < ' ' => $"\\u{(int)c:x4}",
                    _ => c.ToString(),
                });
            return quoted.Append('"').ToString();
        }

        private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        private static ushort U16(ReadOnlySpan<byte> r, int at) => BinaryPrimitives.ReadUInt16LittleEndian(r[at..]);
        private static uint U32(ReadOnlySpan<byte> r, int at) => BinaryPrimitives.ReadUInt32LittleEndian(r[at..]);

        private void Line(string line) => text.Append(line).Append('\n');
    }
}
