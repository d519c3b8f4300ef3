using System;

// 64-bit integer arithmetic and conversions between 32 and 64 bits, unchecked. Operands arrive as
// arguments so that the runtime under test does every operation.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("LongArithmetic");

        Console.WriteLine("-- add, sub, mul, div, rem");
        Basic(7L, 3L);
        Basic(-7L, 3L);
        Basic(7L, -3L);
        Basic(-7L, -3L);
        Basic(123456789L, 987654321L);
        Basic(9000000000000000000L, 1000000007L);
        Basic(-4611686018427387904L, 65536L);

        Console.WriteLine("-- wrap-around");
        Show("MaxValue + 1", Add(long.MaxValue, 1L));
        Show("MinValue - 1", Sub(long.MinValue, 1L));
        Show("4294967296 * 4294967296", Mul(4294967296L, 4294967296L));
        Show("3037000500 * 3037000500", Mul(3037000500L, 3037000500L));
        Show("-MinValue", Negate(long.MinValue));
        Show("MaxValue", long.MaxValue);
        Show("MinValue", long.MinValue);

        Console.WriteLine("-- bitwise and shifts");
        Bits(0x123456789ABCDEF0L, 0x0F0F0F0F0F0F0F0FL);
        Shifts(1L, 1);
        Shifts(1L, 32);
        Shifts(1L, 63);
        Shifts(-256L, 4);
        Shifts(long.MinValue, 63);
        Shifts(5L, 65);
        Shifts(-5L, 64);

        Console.WriteLine("-- unsigned");
        Unsigned(7UL, 3UL);
        Unsigned(18446744073709551615UL, 3UL);
        Unsigned(9223372036854775808UL, 10UL);
        Unsigned(12345678901234567890UL, 4294967296UL);
        UShow("ulong.MaxValue", ulong.MaxValue);
        UShow("0 - 1", USub(0UL, 1UL));
        Compare(-1L, 1L);
        Compare(long.MinValue, long.MaxValue);
        Compare(4294967296L, 4294967295L);
        UCompare(1UL, 18446744073709551615UL);
        UCompare(9223372036854775808UL, 9223372036854775807UL);

        Console.WriteLine("-- conversions");
        Widen(-1);
        Widen(int.MinValue);
        Widen(int.MaxValue);
        WidenUnsigned(4294967295u);
        Truncate(4294967297L);
        Truncate(-4294967296L);
        Truncate(0x123456789ABCDEFL);
        Truncate(long.MinValue);
        Show("int * int as long", MulWide(2000000000, 3));
        Show("(long)(int * int)", MulNarrow(2000000000, 3));
        UShow("uint * uint as ulong", UMulWide(4294967295u, 4294967295u));

        Console.WriteLine("-- increment and compound assignment");
        Compound(4000000000L);

        Console.WriteLine("-- Math");
        Show("Abs(-5000000000)", Math.Abs(Negate(5000000000L)));
        Show("Abs(MaxValue)", Math.Abs(Add(long.MaxValue, 0L)));
        Show("Min(-1, 1)", Math.Min(Negate(1L), Add(1L, 0L)));
        Show("Max(-1, 1)", Math.Max(Negate(1L), Add(1L, 0L)));
        Show("Min(MinValue, MaxValue)", Math.Min(Add(long.MinValue, 0L), Add(long.MaxValue, 0L)));
        Show("Max(MinValue, MaxValue)", Math.Max(Add(long.MinValue, 0L), Add(long.MaxValue, 0L)));

        Console.WriteLine("-- factorials");
        long factorial = 1L;
        for (int i = 1; i <= 21; i++)
        {
            factorial *= i;
            Console.Write(i);
            Console.Write("! = ");
            Console.WriteLine(factorial);
        }
    }

    private static void Show(string label, long value)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(value);
    }

    private static void UShow(string label, ulong value)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(value);
    }

    private static void Pair(string op, long a, long b, long result)
    {
        Console.Write(a);
        Console.Write(op);
        Console.Write(b);
        Console.Write(" = ");
        Console.WriteLine(result);
    }

    private static void UPair(string op, ulong a, ulong b, ulong result)
    {
        Console.Write(a);
        Console.Write(op);
        Console.Write(b);
        Console.Write(" = ");
        Console.WriteLine(result);
    }

    private static long Add(long a, long b) { return a + b; }

    private static long Sub(long a, long b) { return a - b; }

    private static long Mul(long a, long b) { return a * b; }

    private static long Negate(long a) { return -a; }

    private static ulong USub(ulong a, ulong b) { return a - b; }

    private static long MulWide(int a, int b) { return (long)a * b; }

    private static long MulNarrow(int a, int b) { return a * b; }

    private static ulong UMulWide(uint a, uint b) { return (ulong)a * b; }

    private static void Basic(long a, long b)
    {
        Pair(" + ", a, b, a + b);
        Pair(" - ", a, b, a - b);
        Pair(" * ", a, b, a * b);
        Pair(" / ", a, b, a / b);
        Pair(" % ", a, b, a % b);
    }

    private static void Bits(long a, long b)
    {
        Pair(" & ", a, b, a & b);
        Pair(" | ", a, b, a | b);
        Pair(" ^ ", a, b, a ^ b);
        Show("~a", ~a);
    }

    // The shift count is masked to its low 6 bits.
    private static void Shifts(long a, int count)
    {
        Console.Write(a);
        Console.Write(" << ");
        Console.Write(count);
        Console.Write(" = ");
        Console.WriteLine(a << count);
        Console.Write(a);
        Console.Write(" >> ");
        Console.Write(count);
        Console.Write(" = ");
        Console.WriteLine(a >> count);
        Console.Write(a);
        Console.Write(" >>> ");
        Console.Write(count);
        Console.Write(" = ");
        Console.WriteLine(a >>> count);
    }

    private static void Unsigned(ulong a, ulong b)
    {
        UPair(" + ", a, b, a + b);
        UPair(" - ", a, b, a - b);
        UPair(" * ", a, b, a * b);
        UPair(" / ", a, b, a / b);
        UPair(" % ", a, b, a % b);
        UPair(" >> ", a, b, a >> (int)b);
    }

    private static void Compare(long a, long b)
    {
        Console.Write(a);
        Console.Write(" vs ");
        Console.Write(b);
        Console.Write(": < ");
        Console.Write(a < b);
        Console.Write(", > ");
        Console.Write(a > b);
        Console.Write(", == ");
        Console.WriteLine(a == b);
    }

    private static void UCompare(ulong a, ulong b)
    {
        Console.Write(a);
        Console.Write(" vs ");
        Console.Write(b);
        Console.Write(": < ");
        Console.Write(a < b);
        Console.Write(", > ");
        Console.Write(a > b);
        Console.Write(", == ");
        Console.WriteLine(a == b);
    }

    private static void Widen(int value)
    {
        Console.Write(value);
        Console.Write(": long ");
        Console.Write((long)value);
        Console.Write(", ulong ");
        Console.Write((ulong)value);
        Console.Write(", via uint ");
        Console.WriteLine((ulong)(uint)value);
    }

    private static void WidenUnsigned(uint value)
    {
        Console.Write(value);
        Console.Write(": long ");
        Console.Write((long)value);
        Console.Write(", via int ");
        Console.WriteLine((long)(int)value);
    }

    private static void Truncate(long value)
    {
        Console.Write(value);
        Console.Write(": int ");
        Console.Write((int)value);
        Console.Write(", uint ");
        Console.Write((uint)value);
        Console.Write(", short ");
        Console.Write((short)value);
        Console.Write(", byte ");
        Console.Write((byte)value);
        Console.Write(", ulong ");
        Console.WriteLine((ulong)value);
    }

    private static void Compound(long start)
    {
        long x = start;
        x++;
        Show("x++", x);
        x -= 5000000000L;
        Show("x -= 5000000000", x);
        x *= -3;
        Show("x *= -3", x);
        x /= 7;
        Show("x /= 7", x);
        x %= 1000;
        Show("x %= 1000", x);
        x <<= 40;
        Show("x <<= 40", x);
        x >>= 20;
        Show("x >>= 20", x);
        x ^= -1L;
        Show("x ^= -1", x);
    }
}
