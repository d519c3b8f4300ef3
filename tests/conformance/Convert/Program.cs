using System;

// System.Convert: numbers between types (ranges, floating point rounded half to even, .NET's overflow
// messages), from and to text (null, bases 2/8/10/16 with their own rules and messages), booleans, and
// Base64 both ways with .NET's message for bad input.
public static class Program
{
    static readonly string[] BaseTexts =
    {
        "12", " 12", "12 ", "-12", "+12", "0x1F", "0X1f", "1F", "ff", "FFFFFFFF", "100000000", "-1", "", " ", "1 2", "-", "0x", "80000000",
        "7fffffff", "-80000000", "z", null, "128", "256", "32768", "65536", "2147483648", "4294967296", "9223372036854775808",
        "18446744073709551616", "-0", "-129", "-2147483649", "-9223372036854775809", "ffffffffffffffff", "1000000000000000000000000",
    };

    static readonly double[] Doubles =
    {
        0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 127.5, 128.5, -128.5, -129.5, 255.5, 254.5, 32767.5, 65535.5,
        2147483647.4, 2147483647.5, -2147483648.5, -2147483648.6, 4294967295.4, 4294967295.5, 1e10, 9.2233720368547758E+18,
        -9.2233720368547758E+18, 1.8446744073709552E+19, -0.6, double.NaN, double.PositiveInfinity, 4503599627370497.0, 1e300,
    };

    static void Main()
    {
        for (int i = 0; i < BaseTexts.Length; i++)
        {
            string s = BaseTexts[i];
            Console.Write("[" + (s ?? "null") + "]");
            int[] bases = { 2, 8, 10, 16 };
            for (int b = 0; b < bases.Length; b++)
            {
                FromBase(s, bases[b]);
            }

            Console.WriteLine();
        }

        for (int i = 0; i < Doubles.Length; i++)
        {
            double d = Doubles[i];
            Console.Write(d.ToString() + ":");
            try { Console.Write(" sbyte " + Convert.ToSByte(d).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" byte " + Convert.ToByte(d).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" short " + Convert.ToInt16(d).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" ushort " + Convert.ToUInt16(d).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" int " + Convert.ToInt32(d).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" uint " + Convert.ToUInt32(d).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" long " + Convert.ToInt64(d).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" ulong " + Convert.ToUInt64(d).ToString()); } catch (OverflowException e) { Over(e); }
            Console.Write(" float " + Convert.ToSingle(d).ToString() + " bool " + Convert.ToBoolean(d).ToString());
            Console.WriteLine();
        }

        long[] longs = { 0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, 65535, 65536, int.MaxValue, 2147483648L, int.MinValue, -2147483649L, uint.MaxValue, 4294967296L, long.MaxValue, long.MinValue };
        for (int i = 0; i < longs.Length; i++)
        {
            long l = longs[i];
            Console.Write(l.ToString() + ":");
            try { Console.Write(" sbyte " + Convert.ToSByte(l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" byte " + Convert.ToByte(l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" short " + Convert.ToInt16(l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" ushort " + Convert.ToUInt16(l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" int " + Convert.ToInt32(l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" uint " + Convert.ToUInt32(l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" ulong " + Convert.ToUInt64(l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" from ulong " + Convert.ToInt64((ulong)l).ToString()); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" uint to int " + Convert.ToInt32((uint)l).ToString()); } catch (OverflowException e) { Over(e); }
            Console.WriteLine(" double " + Convert.ToDouble(l).ToString() + " ulong double " + Convert.ToDouble((ulong)l).ToString());
            Console.WriteLine("  bases {0} {1} {2} {3}", Convert.ToString(l, 2), Convert.ToString(l, 8), Convert.ToString(l, 10), Convert.ToString(l, 16));
            Console.WriteLine("  int bases {0} {1} {2}", Convert.ToString((int)l, 2), Convert.ToString((int)l, 8), Convert.ToString((int)l, 16));
            Console.WriteLine("  short bases {0} {1} {2}", Convert.ToString((short)l, 2), Convert.ToString((short)l, 8), Convert.ToString((byte)l, 16));
        }

        string[] texts = { "12", " -34 ", "abc", "1e3", "99999999999", "-0", "", null };
        for (int i = 0; i < texts.Length; i++)
        {
            string s = texts[i];
            Console.Write("[" + (s ?? "null") + "]");
            try { Console.Write(" int " + Convert.ToInt32(s).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" byte " + Convert.ToByte(s).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" ulong " + Convert.ToUInt64(s).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
            try { Console.Write(" double " + Convert.ToDouble(s).ToString()); } catch (FormatException e) { Bad(e); }
            try { Console.Write(" float " + Convert.ToSingle(s).ToString()); } catch (FormatException e) { Bad(e); }
            Console.WriteLine();
        }

        string[] bools = { "true", " TRUE ", "False\0", "false", "yes", "", "1", null };
        for (int i = 0; i < bools.Length; i++)
        {
            try { Console.WriteLine("bool [" + (bools[i] ?? "null") + "] " + Convert.ToBoolean(bools[i]).ToString()); }
            catch (FormatException e) { Console.WriteLine("bool FormatException: " + e.Message); }
        }

        Console.WriteLine("{0} {1} {2} {3}", Convert.ToBoolean(0), Convert.ToBoolean(-3L), Convert.ToInt32(true), Convert.ToDouble(false));
        try { Convert.ToBoolean('a'); } catch (InvalidCastException e) { Console.WriteLine("InvalidCastException: " + e.Message); }
        try { Convert.ToString(5, 3); } catch (ArgumentException e) { Console.WriteLine("ArgumentException: " + e.Message); }
        try { Convert.ToInt32("1", 3); } catch (ArgumentException e) { Console.WriteLine("ArgumentException: " + e.Message); }
        Console.WriteLine("{0}|{1}|{2}|{3}", Convert.ToString((object)null), Convert.ToString(1.5), Convert.ToString(true), Convert.ToString(-7));
        Console.WriteLine(Convert.ToString((string)null) == null ? "null string stays null" : "?");
        Console.WriteLine("{0} {1} {2}", Convert.ToInt32('A'), Convert.ToSingle(1e300), Convert.ToInt64(2.5f));

        Base64();
    }

    static void Base64()
    {
        byte[][] arrays = { new byte[0], new byte[] { 1 }, new byte[] { 1, 2 }, new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3, 4, 5, 255 }, new byte[] { 0xFB, 0xFF, 0xBF } };
        for (int i = 0; i < arrays.Length; i++)
        {
            string text = Convert.ToBase64String(arrays[i]);
            Console.WriteLine("[" + text + "] " + Hex(Convert.FromBase64String(text)));
        }

        byte[] big = new byte[1000];
        for (int i = 0; i < big.Length; i++)
        {
            big[i] = (byte)(i * 7);
        }

        string bigText = Convert.ToBase64String(big);
        byte[] back = Convert.FromBase64String(bigText);
        bool same = back.Length == big.Length;
        for (int i = 0; same && i < big.Length; i++)
        {
            same = back[i] == big[i];
        }

        Console.WriteLine(bigText.Length.ToString() + " " + same.ToString());

        string[] inputs = { "AQIDBAX/", "AQIDBA==", "AQID BA==", "AQIDBA=", "AQIDBA", "AQIDB===", "A===", "====", "", " ", "AQ=D", "AQ==AQ==", "*AQ=", "AQIDBAX", "QQ", "QR==", "QQ==\n", "\tQ Q = =\r\n" };
        for (int i = 0; i < inputs.Length; i++)
        {
            try { Console.WriteLine("from [" + inputs[i] + "] " + Hex(Convert.FromBase64String(inputs[i]))); }
            catch (FormatException e) { Console.WriteLine("from [" + inputs[i] + "] FormatException: " + e.Message); }
        }

        try { Convert.ToBase64String(null); } catch (ArgumentNullException e) { Console.WriteLine("ArgumentNullException: " + e.Message); }
        try { Convert.FromBase64String(null); } catch (ArgumentNullException e) { Console.WriteLine("ArgumentNullException: " + e.Message); }
    }

    static string Hex(byte[] bytes)
    {
        string text = bytes.Length.ToString() + ":";
        for (int i = 0; i < bytes.Length; i++)
        {
            text = text + " " + bytes[i].ToString("X2");
        }

        return text;
    }

    static void FromBase(string s, int b)
    {
        Console.Write(" b" + b.ToString());
        try { Console.Write(" sbyte " + Convert.ToSByte(s, b).ToString()); } catch (Exception e) { Report(e); }
        try { Console.Write(" byte " + Convert.ToByte(s, b).ToString()); } catch (Exception e) { Report(e); }
        try { Console.Write(" short " + Convert.ToInt16(s, b).ToString()); } catch (Exception e) { Report(e); }
        try { Console.Write(" ushort " + Convert.ToUInt16(s, b).ToString()); } catch (Exception e) { Report(e); }
        try { Console.Write(" int " + Convert.ToInt32(s, b).ToString()); } catch (Exception e) { Report(e); }
        try { Console.Write(" uint " + Convert.ToUInt32(s, b).ToString()); } catch (Exception e) { Report(e); }
        try { Console.Write(" long " + Convert.ToInt64(s, b).ToString()); } catch (Exception e) { Report(e); }
        try { Console.Write(" ulong " + Convert.ToUInt64(s, b).ToString()); } catch (Exception e) { Report(e); }
    }

    static void Report(Exception e)
    {
        if (e is OverflowException) Console.Write(" OverflowException: " + e.Message);
        else if (e is FormatException) Console.Write(" FormatException: " + e.Message);
        else if (e is ArgumentOutOfRangeException) Console.Write(" ArgumentOutOfRangeException: " + e.Message);
        else if (e is ArgumentException) Console.Write(" ArgumentException: " + e.Message);
        else Console.Write(" other exception");
    }

    static void Bad(FormatException e)
    {
        Console.Write(" FormatException: " + e.Message);
    }

    static void Over(OverflowException e)
    {
        Console.Write(" OverflowException: " + e.Message);
    }
}
