using System;

// Standard numeric format strings of every primitive number type, with the invariant culture: D, X, B, N,
// F, E, G, R, P, C with and without precision, floating point rounding of exact binary values (ties to
// even), integer rounding (ties away from zero), special values, and FormatException for refused formats.
// Custom format strings: digit places, groups, scaling commas, percent and per mille, exponents,
// literals, escapes and the three sections.
public static class Program
{
    static readonly string[] FloatFormats =
        { "", "R", "G", "G1", "G3", "G15", "G17", "F", "F0", "F1", "F2", "F20", "E", "E0", "e3", "E16", "N", "N0", "N3", "P", "P1", "C", "g2" };

    static readonly string[] IntegerFormats =
        { "", "G", "G2", "G0", "D", "D1", "D8", "X", "x", "X4", "X16", "B", "B12", "N", "N0", "F", "F3", "E", "E2", "e0", "P", "R", "C0" };

    static readonly string[] CustomFormats =
    {
        "0.00", "#", "#,##0.00", "0", "00.##", "#.#", "0.0E+00", "0.###e0", "#,#", "0,,", "0.00%", "'x'0\"y\"\\z", "0;(0);zero", "0;;zero",
        "#;-#", ",0", "0,0.0", "#.##;", "E0", "0E", "0.0e-0", "0.00\u2030", "#,##0,", "0.0E0E0", "[0]", "00000", "#0.0#", " F", "G-1",
        "0.0 'E+0'", "\\#0", "0.0E+0;(0.0E-0)", "#,##0.###,,", "0'", "0\\", "000,000.0#",
    };

    static readonly string[] RefusedFormats = { "Z", "D", "X", "B", "F1000000000", "D1000000000", "Y2", "a" };

    static void Main()
    {
        double[] doubles = { 0.0, -0.0, 1.0, -1.0, 2.5, 3.5, 0.5, -0.5, 1.5, 0.125, 0.375, 1.005, 9.5, 0.95, 99.99, 1e15, 1e16, 1e17,
            123.0, 1234.5678, -1234567.891, 0.0001, 0.00001, 1.0 / 3, 2.0 / 3, 1e21, 123456789012345678.0, 5e-324, 1.7976931348623157e308,
            0.1 + 0.2, 0.045, 0.995, 999999.5, 1e-7 };
        for (int k1 = 0; k1 < doubles.Length; k1++)
        {
            double d = doubles[k1];
            Console.Write(d.ToString() + ":");
            for (int k2 = 0; k2 < FloatFormats.Length; k2++)
            {
                string f = FloatFormats[k2];
                Console.Write(" [" + f + "]" + d.ToString(f));
            }

            Console.WriteLine();
        }

        float[] floats = { 0.1f, -2.5f, 16777216f, 123456789f, 1e9f, 1e8f, 3.4028235e38f, 1.401298e-45f, 0.3333333f, 1234.5f };
        for (int k3 = 0; k3 < floats.Length; k3++)
        {
            float f = floats[k3];
            Console.Write(f.ToString() + ":");
            for (int k4 = 0; k4 < FloatFormats.Length; k4++)
            {
                string format = FloatFormats[k4];
                Console.Write(" [" + format + "]" + f.ToString(format));
            }

            Console.WriteLine();
        }

        Specials(double.NaN);
        Specials(double.PositiveInfinity);
        Specials(double.NegativeInfinity);
        Console.WriteLine(float.NaN.ToString("F2") + " " + float.NegativeInfinity.ToString("E"));

        long[] longs = { 0, 1, -1, 7, 125, 135, 12345, 12350, -12345, 255, 999999, int.MinValue, int.MaxValue, long.MinValue, long.MaxValue, 1000, -987654321012L };
        for (int k5 = 0; k5 < longs.Length; k5++)
        {
            long l = longs[k5];
            Console.WriteLine("long " + l.ToString() + ":" + Line64(l));
            int i = (int)l;
            uint u = (uint)l;
            short s = (short)l;
            ushort us = (ushort)l;
            sbyte sb = (sbyte)l;
            byte b = (byte)l;
            ulong ul = (ulong)l;
            string text = "";
            for (int k6 = 0; k6 < IntegerFormats.Length; k6++)
            {
                string f = IntegerFormats[k6];
                text = string.Concat(text, " [", f, "]");
                text = string.Concat(text, i.ToString(f), "|", u.ToString(f));
                text = string.Concat(text, "|", s.ToString(f), "|");
                text = string.Concat(text, us.ToString(f), "|", sb.ToString(f));
                text = string.Concat(text, "|", b.ToString(f), "|");
                text = string.Concat(text, ul.ToString(f));
            }

            Console.WriteLine("narrow " + l.ToString() + ":" + text);
        }

        Console.Write(12345.ToString("D99").Length.ToString() + " " + 1.5.ToString("F300").Length.ToString());
        Console.WriteLine(" " + 1e300.ToString("F2").Length.ToString());
        Console.Write(255.ToString((string)null) + " " + 255.ToString("X2", null));
        Console.WriteLine(" " + 2.5.ToString("F3", null) + " " + 7.ToString((IFormatProvider)null));

        double[] customDoubles = { 0.0, -0.0, 0.125, 2.5, -0.5, 0.001, -0.001, 1234567.891, -987654.321, 1e20, 1.5e-10, 0.999999999999999, 123.456 };
        for (int k = 0; k < CustomFormats.Length; k++)
        {
            string f = CustomFormats[k];
            string text = "[" + f + "]";
            for (int v = 0; v < customDoubles.Length; v++)
            {
                text = string.Concat(text, " ", customDoubles[v].ToString(f));
            }

            text = string.Concat(text, " | ", 1234.5f.ToString(f), " ");
            text = string.Concat(text, (-42).ToString(f), " ", 0.ToString(f));
            text = string.Concat(text, " ", long.MinValue.ToString(f), " ");
            Console.WriteLine(string.Concat(text, ulong.MaxValue.ToString(f), " ", ((byte)7).ToString(f)));
        }

        for (int k7 = 0; k7 < RefusedFormats.Length; k7++)
        {
            string f = RefusedFormats[k7];
            Refused(f);
        }
    }

    static string Line64(long l)
    {
        string text = "";
        for (int k8 = 0; k8 < IntegerFormats.Length; k8++)
        {
            string f = IntegerFormats[k8];
            text = string.Concat(text, " [", f, "]");
            text = text + l.ToString(f);
        }

        return text;
    }

    static void Specials(double d)
    {
        string text = "";
        for (int k9 = 0; k9 < FloatFormats.Length; k9++)
        {
            string f = FloatFormats[k9];
            text = text + " " + d.ToString(f);
        }

        Console.WriteLine(text);
    }

    static void Refused(string format)
    {
        try
        {
            Console.WriteLine("int " + format + ": " + 42.ToString(format));
        }
        catch (FormatException e)
        {
            Console.WriteLine("int " + format + ": FormatException: " + e.Message);
        }

        try
        {
            Console.WriteLine("double " + format + ": " + 1.5.ToString(format));
        }
        catch (FormatException e)
        {
            Console.WriteLine("double " + format + ": FormatException: " + e.Message);
        }
    }
}
