using System;

// double and float: arithmetic, printing (shortest round-trip text, as .NET Core 3.0 and later print),
// special values, conversions. Operands arrive as arguments or are computed, so nothing is folded.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("FloatingPoint");

        Console.WriteLine("-- double arithmetic");
        Basic(7.5, 2.0);
        Basic(-7.5, 2.0);
        Basic(0.1, 0.2);
        Basic(1e308, 10.0);
        Basic(1.0, 3.0);
        Basic(5e-324, 0.5);

        Console.WriteLine("-- float arithmetic");
        BasicF(7.5f, 2.0f);
        BasicF(0.1f, 0.2f);
        BasicF(1.0f, 3.0f);
        BasicF(3e38f, 10.0f);

        Console.WriteLine("-- printing double");
        Show("0.1", Div(1.0, 10.0));
        Show("1.0 / 3", Div(1.0, 3.0));
        Show("2.0 / 3", Div(2.0, 3.0));
        Show("1e16", Mul(1e8, 1e8));
        Show("1e-7", Div(1.0, 1e7));
        Show("-0.0", Mul(-1.0, 0.0));
        Show("0.0", Mul(1.0, 0.0));
        Show("NaN", Div(0.0, 0.0));
        Show("+Infinity", Div(1.0, 0.0));
        Show("-Infinity", Div(-1.0, 0.0));
        Show("MaxValue", double.MaxValue);
        Show("MinValue", double.MinValue);
        Show("Epsilon", double.Epsilon);
        Show("smallest normal", 2.2250738585072014E-308);
        Show("1.5", Add(1.0, 0.5));
        Show("100", Mul(10.0, 10.0));
        Show("-123.456", Negate(123.456));
        Show("2^53", Mul(4294967296.0, 2097152.0));
        Show("2^53 + 1", Add(9007199254740992.0, 1.0));
        Show("pi approximation", Div(355.0, 113.0));
        Console.WriteLine("-- where double switches to exponent notation");
        double power = 1.0;
        for (int k = 0; k <= 22; k++)
        {
            Console.Write("1e");
            Console.Write(k);
            Console.Write(" = ");
            Console.Write(power);
            Console.Write(", x1.5 = ");
            Console.WriteLine(power * 1.5);
            power *= 10.0;
        }

        double small = 1.0;
        for (int k = 1; k <= 9; k++)
        {
            small /= 10.0;
            Console.Write("1e-");
            Console.Write(k);
            Console.Write(" = ");
            Console.Write(small);
            Console.Write(", x1.5 = ");
            Console.WriteLine(small * 1.5);
        }

        Console.WriteLine("-- printing float");
        ShowF("0.1f", DivF(1.0f, 10.0f));
        ShowF("1f / 3", DivF(1.0f, 3.0f));
        ShowF("1e16f", MulF(1e8f, 1e8f));
        ShowF("1e-7f", DivF(1.0f, 1e7f));
        ShowF("-0.0f", MulF(-1.0f, 0.0f));
        ShowF("NaN", DivF(0.0f, 0.0f));
        ShowF("+Infinity", DivF(1.0f, 0.0f));
        ShowF("-Infinity", DivF(-1.0f, 0.0f));
        ShowF("MaxValue", float.MaxValue);
        ShowF("Epsilon", float.Epsilon);
        ShowF("16777217f", AddF(16777216f, 1f));
        ShowF("1234567f", MulF(1234567f, 1f));
        ShowF("12345678f", MulF(12345678f, 1f));
        Console.WriteLine("-- where float switches to exponent notation");
        float powerF = 1.0f;
        for (int k = 0; k <= 12; k++)
        {
            Console.Write("1e");
            Console.Write(k);
            Console.Write("f = ");
            Console.WriteLine(powerF);
            powerF *= 10.0f;
        }

        Console.WriteLine("-- comparisons and NaN");
        Compare(1.0, 2.0);
        Compare(-0.0, 0.0);
        Compare(Div(0.0, 0.0), 1.0);
        Compare(Div(0.0, 0.0), Div(0.0, 0.0));
        Compare(Div(1.0, 0.0), double.MaxValue);
        Console.Write("IsNaN(0/0) = ");
        Console.WriteLine(double.IsNaN(Div(0.0, 0.0)));
        Console.Write("IsNaN(1) = ");
        Console.WriteLine(double.IsNaN(Div(1.0, 1.0)));
        Console.Write("IsInfinity(-1/0) = ");
        Console.WriteLine(double.IsInfinity(Div(-1.0, 0.0)));
        Console.Write("float IsNaN(0/0) = ");
        Console.WriteLine(float.IsNaN(DivF(0.0f, 0.0f)));

        Console.WriteLine("-- conversions");
        FromInt(7);
        FromInt(-2147483648);
        FromInt(16777217);
        FromLong(9007199254740993L);
        FromLong(-9223372036854775808L);
        FromULong(18446744073709551615UL);
        FromULong(9223372036854775809UL);
        FromUInt(4294967295u);
        ToIntegers(2.9);
        ToIntegers(-2.9);
        ToIntegers(0.5);
        ToIntegers(-0.0);
        ToIntegers(1e10);
        ToIntegers(-1e10);
        ToIntegers(1e19);
        ToIntegers(1e20);
        ToIntegers(-1e20);
        ToIntegers(Div(0.0, 0.0));
        ToIntegers(Div(1.0, 0.0));
        ToIntegers(Div(-1.0, 0.0));
        FloatToInt(3.99f);
        FloatToInt(-3e9f);
        FloatToInt(DivF(0.0f, 0.0f));
        Widen(0.1f);
        Widen(DivF(1.0f, 3.0f));
        Widen(DivF(1.0f, 0.0f));
        Narrow(0.1);
        Narrow(1.0 / 3.0);
        Narrow(1e39);
        Narrow(1e-46);
        Narrow(16777217.0);
        Narrow(Div(0.0, 0.0));

        Console.WriteLine("-- Math");
        Show("Abs(-2.5)", Math.Abs(Negate(2.5)));
        Show("Abs(-0.0)", Math.Abs(Mul(-1.0, 0.0)));
        Show("Abs(-Infinity)", Math.Abs(Div(-1.0, 0.0)));
        Show("Abs(NaN)", Math.Abs(Div(0.0, 0.0)));
        Show("Min(1.5, -2.5)", Math.Min(Add(1.5, 0.0), Negate(2.5)));
        Show("Max(1.5, -2.5)", Math.Max(Add(1.5, 0.0), Negate(2.5)));
        Show("Min(0.0, -0.0)", Math.Min(Mul(1.0, 0.0), Mul(-1.0, 0.0)));
        Show("Min(-0.0, 0.0)", Math.Min(Mul(-1.0, 0.0), Mul(1.0, 0.0)));
        Show("Max(0.0, -0.0)", Math.Max(Mul(1.0, 0.0), Mul(-1.0, 0.0)));
        Show("Max(-0.0, 0.0)", Math.Max(Mul(-1.0, 0.0), Mul(1.0, 0.0)));
        Show("Min(NaN, 1)", Math.Min(Div(0.0, 0.0), 1.0));
        Show("Max(1, NaN)", Math.Max(1.0, Div(0.0, 0.0)));

        Console.WriteLine("-- accumulation");
        double sum = 0.0;
        for (int i = 0; i < 10; i++)
        {
            sum += 0.1;
        }

        Show("0.1 added ten times", sum);
        float sumF = 0.0f;
        for (int i = 0; i < 10; i++)
        {
            sumF += 0.1f;
        }

        ShowF("0.1f added ten times", sumF);
        double harmonic = 0.0;
        for (int i = 1; i <= 1000; i++)
        {
            harmonic += 1.0 / i;
        }

        Show("harmonic(1000)", harmonic);
    }

    private static void Show(string label, double value)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(value);
    }

    private static void ShowF(string label, float value)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(value);
    }

    private static double Add(double a, double b) { return a + b; }

    private static double Mul(double a, double b) { return a * b; }

    private static double Div(double a, double b) { return a / b; }

    private static double Negate(double a) { return -a; }

    private static float AddF(float a, float b) { return a + b; }

    private static float MulF(float a, float b) { return a * b; }

    private static float DivF(float a, float b) { return a / b; }

    private static void Basic(double a, double b)
    {
        Pair(" + ", a, b, a + b);
        Pair(" - ", a, b, a - b);
        Pair(" * ", a, b, a * b);
        Pair(" / ", a, b, a / b);
        Pair(" % ", a, b, a % b);
    }

    private static void Pair(string op, double a, double b, double result)
    {
        Console.Write(a);
        Console.Write(op);
        Console.Write(b);
        Console.Write(" = ");
        Console.WriteLine(result);
    }

    private static void BasicF(float a, float b)
    {
        PairF(" + ", a, b, a + b);
        PairF(" - ", a, b, a - b);
        PairF(" * ", a, b, a * b);
        PairF(" / ", a, b, a / b);
        PairF(" % ", a, b, a % b);
    }

    private static void PairF(string op, float a, float b, float result)
    {
        Console.Write(a);
        Console.Write(op);
        Console.Write(b);
        Console.Write(" = ");
        Console.WriteLine(result);
    }

    private static void Compare(double a, double b)
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

    private static void FromInt(int value)
    {
        Console.Write(value);
        Console.Write(": double ");
        Console.Write((double)value);
        Console.Write(", float ");
        Console.WriteLine((float)value);
    }

    private static void FromUInt(uint value)
    {
        Console.Write(value);
        Console.Write(": double ");
        Console.Write((double)value);
        Console.Write(", float ");
        Console.WriteLine((float)value);
    }

    private static void FromLong(long value)
    {
        Console.Write(value);
        Console.Write(": double ");
        Console.Write((double)value);
        Console.Write(", float ");
        Console.WriteLine((float)value);
    }

    private static void FromULong(ulong value)
    {
        Console.Write(value);
        Console.Write(": double ");
        Console.Write((double)value);
        Console.Write(", float ");
        Console.WriteLine((float)value);
    }

    // Truncation toward zero; out of range and NaN saturate (.NET 9 and later on every platform).
    private static void ToIntegers(double value)
    {
        Console.Write(value);
        Console.Write(": int ");
        Console.Write((int)value);
        Console.Write(", uint ");
        Console.Write((uint)value);
        Console.Write(", long ");
        Console.Write((long)value);
        Console.Write(", ulong ");
        Console.Write((ulong)value);
        Console.Write(", short ");
        Console.Write((short)value);
        Console.Write(", byte ");
        Console.WriteLine((byte)value);
    }

    private static void FloatToInt(float value)
    {
        Console.Write(value);
        Console.Write("f: int ");
        Console.Write((int)value);
        Console.Write(", long ");
        Console.Write((long)value);
        Console.Write(", uint ");
        Console.WriteLine((uint)value);
    }

    private static void Widen(float value)
    {
        Console.Write(value);
        Console.Write("f as double = ");
        Console.WriteLine((double)value);
    }

    private static void Narrow(double value)
    {
        Console.Write(value);
        Console.Write(" as float = ");
        Console.WriteLine((float)value);
    }
}
