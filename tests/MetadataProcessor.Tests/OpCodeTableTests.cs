using System.Reflection;
using System.Reflection.Emit;
using MetadataProcessor.Il;

namespace MetadataProcessor.Tests;

/// <summary>The processor's opcode table against System.Reflection.Emit's (ECMA-335 Partition III).</summary>
public class OpCodeTableTests
{
    private static readonly List<OpCode> Reference = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .Where(o => !o.Name!.StartsWith("prefix", StringComparison.Ordinal)) // 0xF8-0xFF: reserved, not instructions
        .ToList();

    [Fact]
    public void Every_ECMA_opcode_is_known_with_its_name_and_operand_size()
    {
        foreach (var op in Reference)
        {
            var ours = OpCodeTable.Find((ushort)op.Value);
            Assert.True(ours is not null, $"{op.Name} (0x{(ushort)op.Value:X4}) is missing");
            Assert.Equal(op.Name, ours.Name);
            int expected = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                _ => 4,
            };
            Assert.Equal(expected, OpCodeTable.OperandSize(ours.Operand));
            Assert.Equal(op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType
                or OperandType.InlineTok or OperandType.InlineString or OperandType.InlineSig, ours.IsToken);
        }
    }

    [Fact]
    public void Nothing_else_is_known_but_the_no_prefix()
    {
        var extra = OpCodeTable.All.Select(o => o.Name).Except(Reference.Select(o => o.Name!)).ToList();
        Assert.Equal(["no."], extra);
        Assert.Null(OpCodeTable.Find(0xFE30));
        Assert.Null(OpCodeTable.Find(0x24));
    }

    [Fact]
    public void The_refused_opcodes_are_exactly_these()
    {
        Assert.Equal(["jmp", "calli", "refanyval", "mkrefany", "arglist", "localloc", "no.", "refanytype"],
            OpCodeTable.All.Where(o => o.Unsupported is not null).Select(o => o.Name));
    }

    [Fact]
    public void An_unknown_opcode_stops_the_walk_with_its_offset()
    {
        var e = Assert.Throws<IlFormatException>(() => IlDecoder.Decode([0x00, 0x24, 0x2A]).ToList());
        Assert.Equal(1, e.Offset);
        Assert.Contains("unknown opcode 0x24", e.Message);
        var truncated = Assert.Throws<IlFormatException>(() => IlDecoder.Decode([0x20, 0x01]).ToList());
        Assert.Contains("runs past the end", truncated.Message);
        var hugeSwitch = Assert.Throws<IlFormatException>(() => IlDecoder.Decode([0x45, 0xFF, 0xFF, 0xFF, 0xFF]).ToList());
        Assert.Contains("switch", hugeSwitch.Message);
    }
}
