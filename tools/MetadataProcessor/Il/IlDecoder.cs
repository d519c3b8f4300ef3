using System.Buffers.Binary;

namespace MetadataProcessor.Il;

/// <summary>One instruction: where it starts, its opcode, and where its operand lies in the body.</summary>
public readonly record struct Instruction(int Offset, OpCodeInfo OpCode, int OperandOffset, int OperandSize)
{
    public int End => OperandOffset + OperandSize;
}

/// <summary>IL that cannot be walked: unknown opcode or an operand past the end of the body.</summary>
public sealed class IlFormatException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>Walks a method body instruction by instruction with the ECMA-335 opcode table.</summary>
public static class IlDecoder
{
    public static IEnumerable<Instruction> Decode(byte[] il)
    {
        int pos = 0;
        while (pos < il.Length)
        {
            int start = pos;
            ushort value = il[pos++];
            if (value == 0xFE)
            {
                if (pos >= il.Length)
                    throw new IlFormatException(start, "the body ends inside a two-byte opcode (0xFE)");
                value = (ushort)(0xFE00 | il[pos++]);
            }
            var opcode = OpCodeTable.Find(value)
                ?? throw new IlFormatException(start, $"unknown opcode 0x{value:X2} (not in ECMA-335 Partition III)");
            int size = OpCodeTable.OperandSize(opcode.Operand);
            if (opcode.Operand == Operand.Switch && pos + 4 <= il.Length)
            {
                uint targets = BinaryPrimitives.ReadUInt32LittleEndian(il.AsSpan(pos));
                long total = 4 + 4L * targets;
                size = total > il.Length - pos ? int.MaxValue : (int)total;
            }
            if (size > il.Length - pos)
                throw new IlFormatException(start, $"the operand of {opcode.Name} runs past the end of the body ({il.Length} bytes)");
            yield return new Instruction(start, opcode, pos, size);
            pos += size;
        }
    }
}
