using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;

namespace MetadataProcessor.Tests.Support;

public sealed record WalkedInstruction(int Offset, OpCode OpCode, int OperandOffset, int OperandSize)
{
    public uint Token(byte[] il) => BinaryPrimitives.ReadUInt32LittleEndian(il.AsSpan(OperandOffset));
}

/// <summary>Walks IL with System.Reflection.Emit's opcode list, independently of the processor's table.</summary>
public static class IlWalker
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static List<WalkedInstruction> Walk(byte[] il)
    {
        var list = new List<WalkedInstruction>();
        int pos = 0;
        while (pos < il.Length)
        {
            int start = pos;
            short value = il[pos] == 0xFE ? (short)(0xFE00 | il[pos + 1]) : il[pos];
            pos += il[pos] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            int size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * (int)BinaryPrimitives.ReadUInt32LittleEndian(il.AsSpan(pos)),
                _ => 4,
            };
            list.Add(new WalkedInstruction(start, op, pos, size));
            pos += size;
        }
        return list;
    }

    public static bool HasToken(OpCode op) => op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType
        or OperandType.InlineTok or OperandType.InlineString or OperandType.InlineSig;
}
