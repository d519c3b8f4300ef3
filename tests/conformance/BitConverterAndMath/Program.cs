using System;

// BitConverter (bytes of every primitive, reading them back, ToString's "01-AB" form) and Math (Abs, Max,
// Min, Sign for each numeric type, the libm functions, rounding with digits and every MidpointRounding);
// bad arguments print .NET's exception type and message.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("BitConverterAndMath");
        Bytes();
        Reads();
        Functions();
        Rounding();
        MinMax();
        for (int op = 0; op < 30; op++)
        {
            Check(op);
        }
    }

    private static void Bytes()
    {
        Console.WriteLine("-- GetBytes");
        Console.WriteLine(BitConverter.IsLittleEndian);
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(true)) + " " + BitConverter.ToString(BitConverter.GetBytes(false)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes('\u20ac')));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes((short)-2)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes((ushort)0xBEEF)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(0x12345678)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(int.MinValue)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(0xDEADBEEFu)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(-2L)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(0x0102030405060708UL)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(1.5f)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(-0.0f)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(Math.PI)));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(double.NegativeInfinity)));
        Console.WriteLine(BitConverter.DoubleToInt64Bits(1.0));
        Console.WriteLine(BitConverter.Int64BitsToDouble(0x3FF8000000000000));
        Console.WriteLine(BitConverter.SingleToInt32Bits(-2.5f));
        Console.WriteLine(BitConverter.Int32BitsToSingle(0x7F800000));
        byte[] some = { 0, 1, 0x7F, 0x80, 0xAB, 0xFF };
        Console.WriteLine(BitConverter.ToString(some));
        Console.WriteLine(BitConverter.ToString(some, 2));
        Console.WriteLine(BitConverter.ToString(some, 1, 3));
        Console.WriteLine("[" + BitConverter.ToString(new byte[0]) + "]");
    }

    private static void Reads()
    {
        Console.WriteLine("-- To*");
        byte[] data = { 0x01, 0x80, 0xFF, 0x7F, 0x00, 0x00, 0xF8, 0x3F, 0xAA, 0x55 };
        Console.WriteLine(BitConverter.ToBoolean(data, 0).ToString() + " " + BitConverter.ToBoolean(data, 4).ToString());
        Console.WriteLine((int)BitConverter.ToChar(data, 1));
        Console.WriteLine(BitConverter.ToInt16(data, 1));
        Console.WriteLine(BitConverter.ToUInt16(data, 1));
        Console.WriteLine(BitConverter.ToInt32(data, 0));
        Console.WriteLine(BitConverter.ToUInt32(data, 6));
        Console.WriteLine(BitConverter.ToInt64(data, 2));
        Console.WriteLine(BitConverter.ToUInt64(data, 1));
        Console.WriteLine(BitConverter.ToSingle(data, 4));
        Console.WriteLine(BitConverter.ToDouble(data, 0));
        Console.WriteLine(BitConverter.ToDouble(BitConverter.GetBytes(-123.456), 0));
        Console.WriteLine(BitConverter.ToSingle(BitConverter.GetBytes(float.Epsilon), 0));
        Console.WriteLine(BitConverter.ToInt64(BitConverter.GetBytes(long.MinValue), 0));
    }

    private static void Functions()
    {
        Console.WriteLine("-- functions");
        double[] xs = { 0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 10.0, 1e-10, 1e10, Math.PI, -Math.E, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
        for (int i = 0; i < xs.Length; i++)
        {
            double x = xs[i];
            Console.WriteLine(x.ToString() + ": sqrt " + Math.Sqrt(x).ToString() + " exp " + Math.Exp(x).ToString() +
                              " log " + Math.Log(x).ToString() + " log10 " + Math.Log10(x).ToString());
            Console.WriteLine("  sin " + Math.Sin(x).ToString() + " cos " + Math.Cos(x).ToString() + " tan " + Math.Tan(x).ToString());
            Console.WriteLine("  asin " + Math.Asin(x).ToString() + " acos " + Math.Acos(x).ToString() + " atan " + Math.Atan(x).ToString() +
                              " atan2 " + Math.Atan2(x, -1.5).ToString());
            Console.WriteLine("  pow " + Math.Pow(x, 3.0).ToString() + " " + Math.Pow(2.0, x).ToString() + " " + Math.Pow(x, 0.5).ToString() +
                              " log2 " + Math.Log(x, 2.0).ToString());
            Console.WriteLine("  floor " + Math.Floor(x).ToString() + " ceiling " + Math.Ceiling(x).ToString() + " truncate " +
                              Math.Truncate(x).ToString() + " abs " + Math.Abs(x).ToString());
        }

        Console.WriteLine(Math.PI.ToString() + " " + Math.E.ToString());
        Console.WriteLine(Math.Log(8.0, 0.0).ToString() + " " + Math.Log(1.0, 0.0).ToString() + " " + Math.Log(8.0, 1.0).ToString() + " " +
                          Math.Log(8.0, double.PositiveInfinity).ToString() + " " + Math.Log(1.0, double.PositiveInfinity).ToString());
        Console.WriteLine(Math.Pow(-8.0, 1.0 / 3.0).ToString() + " " + Math.Pow(0.0, 0.0).ToString() + " " + Math.Pow(double.NaN, 0.0).ToString() + " " + Math.Pow(1.0, double.NaN).ToString());
        Console.WriteLine(Math.Atan2(0.0, -0.0).ToString() + " " + Math.Atan2(-0.0, -1.0).ToString());
    }

    private static void Rounding()
    {
        Console.WriteLine("-- rounding");
        double[] values = { 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6, 0.125, 0.375, 1.005, 2.675, 123.456789, -0.0, 1e16, double.NaN, double.PositiveInfinity };
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            string line = v.ToString() + ": " + Math.Round(v).ToString() + " " + Math.Round(v, 2).ToString();
            for (int mode = 0; mode < 5; mode++)
            {
                line = line + " " + Math.Round(v, (MidpointRounding)mode).ToString() + "/" + Math.Round(v, 2, (MidpointRounding)mode).ToString();
            }

            Console.WriteLine(line);
        }
    }

    private static void MinMax()
    {
        Console.WriteLine("-- Abs, Max, Min, Sign");
        Console.WriteLine(Math.Abs((sbyte)-5).ToString() + " " + Math.Abs((short)-300).ToString() + " " + Math.Abs(-7).ToString() + " " +
                          Math.Abs(-8L).ToString() + " " + Math.Abs(-1.5f).ToString() + " " + Math.Abs(-0.0f).ToString() + " " + Math.Abs(-2.25).ToString());
        Console.WriteLine(Math.Max((byte)3, (byte)200).ToString() + " " + Math.Max((sbyte)-3, (sbyte)-100).ToString() + " " +
                          Math.Max((short)-3, (short)100).ToString() + " " + Math.Max((ushort)3, (ushort)60000).ToString() + " " +
                          Math.Max(3, -4).ToString() + " " + Math.Max(3u, 4000000000u).ToString() + " " + Math.Max(-3L, 4L).ToString() + " " +
                          Math.Max(3ul, 18000000000000000000ul).ToString() + " " + Math.Max(1.5f, -2f).ToString() + " " + Math.Max(0.0, -0.0).ToString());
        Console.WriteLine(Math.Min((byte)3, (byte)200).ToString() + " " + Math.Min((sbyte)-3, (sbyte)-100).ToString() + " " +
                          Math.Min((short)-3, (short)100).ToString() + " " + Math.Min((ushort)3, (ushort)60000).ToString() + " " +
                          Math.Min(3, -4).ToString() + " " + Math.Min(3u, 4000000000u).ToString() + " " + Math.Min(-3L, 4L).ToString() + " " +
                          Math.Min(3ul, 18000000000000000000ul).ToString() + " " + Math.Min(1.5f, -2f).ToString() + " " + Math.Min(0.0, -0.0).ToString());
        Console.WriteLine(Math.Max(float.NaN, 1f).ToString() + " " + Math.Min(2.0, double.NaN).ToString() + " " + Math.Min(-0.0f, 0.0f).ToString());
        Console.WriteLine(Math.Sign((sbyte)-5).ToString() + " " + Math.Sign((short)0).ToString() + " " + Math.Sign(7).ToString() + " " +
                          Math.Sign(-8L).ToString() + " " + Math.Sign(-1.5f).ToString() + " " + Math.Sign(-0.0).ToString() + " " + Math.Sign(double.PositiveInfinity).ToString());
    }

    private static void Check(int op)
    {
        try
        {
            string result = Run(op);
            if ((object)result != null)
            {
                Console.WriteLine(op.ToString() + ": [" + result + "]");
            }
        }
        catch (ArgumentNullException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentNullException: " + e.Message);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentOutOfRangeException: " + e.Message);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(op.ToString() + ": ArgumentException: " + e.Message);
        }
        catch (OverflowException e)
        {
            Console.WriteLine(op.ToString() + ": OverflowException: " + e.Message);
        }
        catch (ArithmeticException e)
        {
            Console.WriteLine(op.ToString() + ": ArithmeticException: " + e.Message);
        }
    }

    private static string Run(int op)
    {
        byte[] four = { 1, 2, 3, 4 };
        switch (op)
        {
            case 0: return BitConverter.ToInt32(new byte[3], 0).ToString();
            case 1: return BitConverter.ToInt32(four, 1).ToString();
            case 2: return BitConverter.ToInt32(four, -1).ToString();
            case 3: return BitConverter.ToInt32(four, 4).ToString();
            case 4: return BitConverter.ToInt32(null, 0).ToString();
            case 5: return BitConverter.ToBoolean(four, 4).ToString();
            case 6: return BitConverter.ToDouble(four, 0).ToString();
            case 7: return BitConverter.ToString(four, 5);
            case 8: return BitConverter.ToString(four, 1, 4);
            case 9: return BitConverter.ToString(four, 1, -1);
            case 10: return BitConverter.ToString(null);
            case 11: return BitConverter.ToString(new byte[0], 1, 0);
            case 12: return BitConverter.ToString(four, 4, 0);
            case 13: return BitConverter.ToInt16(four, 3).ToString();
            case 14: return Math.Round(1.5, 16).ToString();
            case 15: return Math.Round(1.5, -1).ToString();
            case 16: return Math.Round(1.5, 1, (MidpointRounding)7).ToString();
            case 17: return Math.Sign(double.NaN).ToString();
            case 18: return Math.Sign(float.NaN).ToString();
            case 19: return Math.Abs(int.MinValue).ToString();
            case 20: return Math.Abs(long.MinValue).ToString();
            case 21: return Math.Abs(short.MinValue).ToString();
            case 22: return Math.Abs(sbyte.MinValue).ToString();
            case 23: return Math.Round(2.5, 0, (MidpointRounding)(-1)).ToString();
            default: return null;
        }
    }
}
