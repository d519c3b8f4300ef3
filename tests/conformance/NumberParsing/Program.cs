using System;
using System.Globalization;

// Parse and TryParse of every primitive number type with the invariant culture: white space, signs,
// NumberStyles (Integer, HexNumber, Float, Any, None...), range limits, overflow and bad text with .NET's
// exceptions and messages, correctly rounded floating point (ties to even, midpoints with a far digit).
public static class Program
{
    static readonly string[] IntegerTexts =
    {
        "0", "-0", "+0", "42", "  -123  ", "+123", "\t\n 5 \r", "0005", "127", "128", "-128", "-129", "255", "256", "-1", "32767", "32768",
        "-32769", "65535", "65536", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615", "18446744073709551616",
        "99999999999999999999", "abc", "", " ", "1 2", "- 1", "1,000", "1.0", "--5", "5-", "(5)", "0x10", "99999999999999999999abc",
    };

    static readonly string[] FloatTexts =
    {
        "0", "-0", "1.5", " -1.5e-3 ", ".5", "5.", "1E5", "1e-5", "1,000.5", "1e400", "-1e400", "1e-400", "NaN", "nan", "-NaN", "Infinity",
        "-infinity", "+Infinity", " Infinity ", "9007199254740993", "9007199254740993.000000000000000000001", "9007199254740995",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "0.1", "0.30000000000000004", "123456789012345678901234567890", "16777217", "3.4028235e38", "3.40282357e38", "1e-46",
        ".", "1e", "1e+", "0x10", "1_0", "abc", "", "Infinityx", "1e99999999999",
    };

    static void Main()
    {
        for (int k = 0; k < IntegerTexts.Length; k++)
        {
            Console.Write("[" + IntegerTexts[k] + "]");
            Integers(IntegerTexts[k], NumberStyles.Integer);
        }

        string[] hex = { "ff", "FF", "FFFFFFFF", "1FFFFFFFF", "80", "7F", " ff ", "0x10", "-f", "g", "FFFFFFFFFFFFFFFF" };
        for (int k = 0; k < hex.Length; k++)
        {
            Console.Write("hex [" + hex[k] + "]");
            Integers(hex[k], NumberStyles.HexNumber);
        }

        string[] any = { "1,234.00", "(5)", "5-", "¤5", "1e3", "1.5", "-1,000.000", " ( 5 ) " };
        for (int k = 0; k < any.Length; k++)
        {
            Console.Write("any [" + any[k] + "]");
            Integers(any[k], NumberStyles.Any);
        }

        for (int k = 0; k < FloatTexts.Length; k++)
        {
            Floats(FloatTexts[k], NumberStyles.Float | NumberStyles.AllowThousands);
        }

        Floats("(5)", NumberStyles.Any);
        Floats(" 5", NumberStyles.None);
        Floats("1,5", NumberStyles.Float);

        int i;
        bool ok = int.TryParse("123", out i);
        Console.WriteLine(ok.ToString() + " " + i.ToString());
        ok = int.TryParse((string)null, out i);
        Console.WriteLine(ok.ToString() + " " + i.ToString());
        ok = int.TryParse("ff", NumberStyles.HexNumber, null, out i);
        Console.WriteLine(ok.ToString() + " " + i.ToString());
        double d;
        ok = double.TryParse("abc", out d);
        Console.WriteLine(ok.ToString() + " " + d.ToString());
        Console.Write(int.Parse("77", CultureInfo.InvariantCulture).ToString() + " ");
        Console.WriteLine(double.Parse("2.5", NumberStyles.Float, null).ToString());

        Null();
        Styles();
    }

    static void Integers(string s, NumberStyles style)
    {
        try { Console.Write(" sbyte " + sbyte.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        try { Console.Write(" byte " + byte.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        try { Console.Write(" short " + short.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        try { Console.Write(" ushort " + ushort.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        try { Console.Write(" int " + int.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        try { Console.Write(" uint " + uint.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        try { Console.Write(" long " + long.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        try { Console.Write(" ulong " + ulong.Parse(s, style).ToString()); } catch (FormatException e) { Bad(e); } catch (OverflowException e) { Over(e); }
        long l;
        bool ok = long.TryParse(s, style, null, out l);
        Console.WriteLine(" try " + ok.ToString() + " " + l.ToString());
    }

    static void Floats(string s, NumberStyles style)
    {
        Console.Write("[" + s + "]");
        try { Console.Write(" double " + double.Parse(s, style).ToString("R")); } catch (FormatException e) { Bad(e); }
        try { Console.Write(" float " + float.Parse(s, style).ToString("R")); } catch (FormatException e) { Bad(e); }
        float f;
        bool ok = float.TryParse(s, style, null, out f);
        Console.WriteLine(" try " + ok.ToString() + " " + f.ToString());
    }

    static void Null()
    {
        try { int.Parse((string)null); } catch (ArgumentNullException e) { Console.WriteLine("ArgumentNullException: " + e.Message); }
        try { double.Parse((string)null); } catch (ArgumentNullException e) { Console.WriteLine("ArgumentNullException: " + e.Message); }
    }

    static void Styles()
    {
        try { double.Parse("ff", NumberStyles.HexNumber); } catch (ArgumentException e) { Console.WriteLine("ArgumentException: " + e.Message); }
        try { int.Parse("ff", NumberStyles.HexNumber | NumberStyles.AllowLeadingSign); } catch (ArgumentException e) { Console.WriteLine("ArgumentException: " + e.Message); }
        try { int.Parse("1", (NumberStyles)0x10000); } catch (ArgumentException e) { Console.WriteLine("ArgumentException: " + e.Message); }
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
