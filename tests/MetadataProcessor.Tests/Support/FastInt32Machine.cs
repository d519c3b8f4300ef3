using System.Buffers.Binary;
using MetadataProcessor.FastCode;

namespace MetadataProcessor.Tests.Support;

/// <summary>
/// Runs the int32 part of fast code (moves, constants, arithmetic, conversions, compares, branches, switch, return)
/// as clr_fast_ops.def defines it, so translated programs can be compared with .NET running the same C#. An
/// instruction outside that part fails the test.
/// </summary>
public static class FastInt32Machine
{
    public static int Run(byte[] body, int argCount, int localCount, int temps, params int[] args)
    {
        int codeSize = BinaryPrimitives.ReadUInt16LittleEndian(body);
        byte[] code = body.AsSpan(4 + localCount, codeSize).ToArray();
        var r = new int[argCount + localCount + temps];
        args.CopyTo(r, 0);
        int pc = 0;
        for (int steps = 0; steps < 1_000_000; steps++)
        {
            var op = FastOps.Find(code[pc]) ?? throw new InvalidOperationException($"unknown opcode at {pc:x4}");
            int at = pc + 1;
            int Reg() => code[at++];
            int Imm() { int v = BinaryPrimitives.ReadInt32LittleEndian(code.AsSpan(at)); at += 4; return v; }
            int Target() { int v = BinaryPrimitives.ReadUInt16LittleEndian(code.AsSpan(at)); at += 2; return v; }
            string name = op.Name;
            int? jump = null;
            switch (name)
            {
                case "MOV": { int d = Reg(); r[d] = r[Reg()]; break; }
                case "LDC": { int d = Reg(); r[d] = Imm(); break; }
                case "NEG": { int d = Reg(); r[d] = -r[Reg()]; break; }
                case "NOT": { int d = Reg(); r[d] = ~r[Reg()]; break; }
                case "CONV_I1": { int d = Reg(); r[d] = (sbyte)r[Reg()]; break; }
                case "CONV_U1": { int d = Reg(); r[d] = (byte)r[Reg()]; break; }
                case "CONV_I2": { int d = Reg(); r[d] = (short)r[Reg()]; break; }
                case "CONV_U2": { int d = Reg(); r[d] = (ushort)r[Reg()]; break; }
                case "RET": return r[Reg()];
                case "BR": jump = Target(); break;
                case "BRTRUE" or "BRFALSE": { int v = r[Reg()]; int t = Target(); if ((v != 0) == (name == "BRTRUE")) jump = t; break; }
                case "SWITCH":
                {
                    int v = r[Reg()];
                    int count = BinaryPrimitives.ReadUInt16LittleEndian(code.AsSpan(at));
                    if ((uint)v < (uint)count)
                        jump = BinaryPrimitives.ReadUInt16LittleEndian(code.AsSpan(at + 2 + 2 * v));
                    at += 2 + 2 * count;
                    break;
                }
                default:
                    if (op.Operands == "rrr")
                    {
                        int d = Reg(), a = r[Reg()], b = r[Reg()];
                        r[d] = Arith(name, a, b);
                    }
                    else if (op.Operands == "rri")
                    {
                        int d = Reg(), a = r[Reg()];
                        r[d] = Arith(name[..^4], a, Imm());
                    }
                    else if (op.Operands is "rrt" or "rit")
                    {
                        int a = r[Reg()];
                        int b = op.Operands == "rit" ? Imm() : r[Reg()];
                        int t = Target();
                        if (Arith("C" + name[1..].Replace("_IMM", ""), a, b) != 0)
                            jump = t;
                    }
                    else
                        throw new InvalidOperationException($"{name} is outside the int32 machine");
                    break;
            }
            pc = jump ?? at;
        }
        throw new InvalidOperationException("no RET within a million instructions");
    }

    private static int Arith(string name, int a, int b) => name switch
    {
        "ADD" => a + b, "SUB" => a - b, "MUL" => a * b, "AND" => a & b, "OR" => a | b, "XOR" => a ^ b,
        "SHL" => a << (b & 31), "SHR" => a >> (b & 31), "SHR_UN" => (int)((uint)a >> (b & 31)),
        "DIV" => a / b, "DIV_UN" => (int)((uint)a / (uint)b), "REM" => a % b, "REM_UN" => (int)((uint)a % (uint)b),
        "CEQ" => a == b ? 1 : 0, "CNE" => a != b ? 1 : 0, "CGT" => a > b ? 1 : 0, "CGT_UN" => (uint)a > (uint)b ? 1 : 0,
        "CLT" => a < b ? 1 : 0, "CLT_UN" => (uint)a < (uint)b ? 1 : 0,
        "CGE" => a >= b ? 1 : 0, "CGE_UN" => (uint)a >= (uint)b ? 1 : 0, "CLE" => a <= b ? 1 : 0, "CLE_UN" => (uint)a <= (uint)b ? 1 : 0,
        _ => throw new InvalidOperationException($"{name} is outside the int32 machine"),
    };
}
