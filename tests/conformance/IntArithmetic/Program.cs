using System;

// 32-bit integer arithmetic, unchecked: every operand arrives as an argument so nothing is folded by
// the compiler and each operation runs on the runtime under test.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("IntArithmetic");

        Console.WriteLine("-- add, sub, mul, div, rem");
        Basic(7, 3);
        Basic(-7, 3);
        Basic(7, -3);
        Basic(-7, -3);
        Basic(0, 5);
        Basic(1000000, 7);

        Console.WriteLine("-- wrap-around");
        Show("MaxValue + 1", Add(int.MaxValue, 1));
        Show("MinValue - 1", Sub(int.MinValue, 1));
        Show("65536 * 65536", Mul(65536, 65536));
        Show("46341 * 46341", Mul(46341, 46341));
        Show("-MinValue", Negate(int.MinValue));
        Show("-5", Negate(5));
        Show("MaxValue", int.MaxValue);
        Show("MinValue", int.MinValue);

        Console.WriteLine("-- bitwise and shifts");
        Bits(0x12345678, 0x0F0F0F0F);
        Bits(-1, 0x55555555);
        Shifts(1, 1);
        Shifts(-16, 2);
        Shifts(0x40000000, 31);
        Shifts(-2147483648, 31);
        Shifts(5, 33);
        Shifts(-5, 32);

        Console.WriteLine("-- unsigned");
        Unsigned(7u, 3u);
        Unsigned(4294967295u, 2u);
        Unsigned(2147483648u, 3u);
        UShow("uint.MaxValue", uint.MaxValue);
        UShow("0u - 1", USub(0u, 1u));
        Show("(int)uint.MaxValue", ToInt(uint.MaxValue));
        UShow("(uint)-2", ToUInt(-2));

        Console.WriteLine("-- comparisons");
        Compare(1, 2);
        Compare(2, 1);
        Compare(-1, -1);
        Compare(int.MinValue, int.MaxValue);
        UCompare(1u, 4294967295u);
        UCompare(4294967295u, 1u);

        Console.WriteLine("-- small integer types");
        Narrow(300);
        Narrow(-1);
        Narrow(70000);
        Narrow(200);
        Narrow(-129);
        Show("byte 200 + byte 100", AddBytes(200, 100));
        Show("(byte)(200 + 100)", AddBytesWrapped(200, 100));
        Show("sbyte -128 - 1 as int", SubSBytes(-128, 1));
        Show("short 30000 + 30000 as short", AddShorts(30000, 30000));
        Show("ushort 65535 + 1 as int", AddUShorts(65535, 1));

        Console.WriteLine("-- increment and compound assignment");
        Compound(10);

        Console.WriteLine("-- Math");
        Show("Abs(-42)", Math.Abs(Negate(42)));
        Show("Abs(42)", Math.Abs(Add(40, 2)));
        Show("Abs(MaxValue)", Math.Abs(Add(int.MaxValue, 0)));
        Show("Abs(-MaxValue)", Math.Abs(Negate(int.MaxValue)));
        Show("Min(3, -4)", Math.Min(Add(3, 0), Negate(4)));
        Show("Max(3, -4)", Math.Max(Add(3, 0), Negate(4)));
        Show("Min(MinValue, MaxValue)", Math.Min(Add(int.MinValue, 0), Add(int.MaxValue, 0)));
        Show("Max(MinValue, MaxValue)", Math.Max(Add(int.MinValue, 0), Add(int.MaxValue, 0)));
    }

    private static void Show(string label, int value)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(value);
    }

    private static void UShow(string label, uint value)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(value);
    }

    private static void Pair(string op, int a, int b, int result)
    {
        Console.Write(a);
        Console.Write(op);
        Console.Write(b);
        Console.Write(" = ");
        Console.WriteLine(result);
    }

    private static void UPair(string op, uint a, uint b, uint result)
    {
        Console.Write(a);
        Console.Write(op);
        Console.Write(b);
        Console.Write(" = ");
        Console.WriteLine(result);
    }

    private static int Add(int a, int b) { return a + b; }

    private static int Sub(int a, int b) { return a - b; }

    private static int Mul(int a, int b) { return a * b; }

    private static int Negate(int a) { return -a; }

    private static uint USub(uint a, uint b) { return a - b; }

    private static int ToInt(uint a) { return (int)a; }

    private static uint ToUInt(int a) { return (uint)a; }

    private static void Basic(int a, int b)
    {
        Pair(" + ", a, b, a + b);
        Pair(" - ", a, b, a - b);
        Pair(" * ", a, b, a * b);
        Pair(" / ", a, b, a / b);
        Pair(" % ", a, b, a % b);
    }

    private static void Bits(int a, int b)
    {
        Pair(" & ", a, b, a & b);
        Pair(" | ", a, b, a | b);
        Pair(" ^ ", a, b, a ^ b);
        Show("~a", ~a);
    }

    // The shift count is masked to its low 5 bits, as in C# and IL.
    private static void Shifts(int a, int count)
    {
        Pair(" << ", a, count, a << count);
        Pair(" >> ", a, count, a >> count);
        Pair(" >>> ", a, count, a >>> count);
    }

    private static void Unsigned(uint a, uint b)
    {
        UPair(" + ", a, b, a + b);
        UPair(" - ", a, b, a - b);
        UPair(" * ", a, b, a * b);
        UPair(" / ", a, b, a / b);
        UPair(" % ", a, b, a % b);
        UPair(" >> ", a, b, a >> (int)b);
        UPair(" << ", a, b, a << (int)b);
    }

    private static void Compare(int a, int b)
    {
        Console.Write(a);
        Console.Write(" vs ");
        Console.Write(b);
        Console.Write(": < ");
        Console.Write(a < b);
        Console.Write(", <= ");
        Console.Write(a <= b);
        Console.Write(", > ");
        Console.Write(a > b);
        Console.Write(", >= ");
        Console.Write(a >= b);
        Console.Write(", == ");
        Console.Write(a == b);
        Console.Write(", != ");
        Console.WriteLine(a != b);
    }

    private static void UCompare(uint a, uint b)
    {
        Console.Write(a);
        Console.Write(" vs ");
        Console.Write(b);
        Console.Write(": < ");
        Console.Write(a < b);
        Console.Write(", <= ");
        Console.Write(a <= b);
        Console.Write(", > ");
        Console.Write(a > b);
        Console.Write(", >= ");
        Console.WriteLine(a >= b);
    }

    private static void Narrow(int value)
    {
        Console.Write(value);
        Console.Write(": byte ");
        Console.Write((byte)value);
        Console.Write(", sbyte ");
        Console.Write((sbyte)value);
        Console.Write(", short ");
        Console.Write((short)value);
        Console.Write(", ushort ");
        Console.Write((ushort)value);
        Console.Write(", char code ");
        Console.WriteLine((int)(char)value);
    }

    private static int AddBytes(byte a, byte b) { return a + b; }

    private static int AddBytesWrapped(byte a, byte b) { return (byte)(a + b); }

    private static int SubSBytes(sbyte a, sbyte b) { return a - b; }

    private static int AddShorts(short a, short b) { return (short)(a + b); }

    private static int AddUShorts(ushort a, ushort b) { return a + b; }

    private static void Compound(int start)
    {
        int x = start;
        x++;
        Show("x++", x);
        x--;
        x--;
        Show("x-- twice", x);
        x += 15;
        Show("x += 15", x);
        x -= 4;
        Show("x -= 4", x);
        x *= 3;
        Show("x *= 3", x);
        x /= 2;
        Show("x /= 2", x);
        x %= 7;
        Show("x %= 7", x);
        x <<= 4;
        Show("x <<= 4", x);
        x >>= 1;
        Show("x >>= 1", x);
        x |= 0x100;
        Show("x |= 0x100", x);
        x &= 0x1F0;
        Show("x &= 0x1F0", x);
        x ^= 0xFF;
        Show("x ^= 0xFF", x);
        int y = x++ + ++x;
        Show("x++ + ++x", y);
        Show("x afterwards", x);
    }
}
