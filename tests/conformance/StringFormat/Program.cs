using System;

// string.Format and Console.Write/WriteLine with a format: items with index, alignment and format,
// brace escapes, boxed numbers formatted through IFormattable, other objects through ToString(), null
// arguments, and .NET's FormatException and ArgumentNullException messages for bad composite formats.
public static class Program
{
    class Point
    {
        public int X;

        public override string ToString()
        {
            return "Point(" + X.ToString() + ")";
        }
    }

    static readonly string[] BadFormats =
    {
        "{0", "{0}}", "}", "{", "x}y", "{0}{", "{0:X", "{-1}", "{a}", "{ 0 }", "{}", "{0,}", "{0,a}", "{0,+5}", "{0a}", "{0,5a}",
        "{0:{}", "{0:x{}", "{0,-}", "{0,- 5}", "{0,5", "{0,", "{0:", "{10000000}", "{0,10000000}", "{2}", "{1000000}", "{0\t}",
        "{0:Z}", "{1:0.00}", "{0,6:#,##0.0;(#)}",
    };

    static void Main()
    {
        Console.WriteLine(string.Format("{0}", 5));
        Console.WriteLine(string.Format("{0,5}|{0,-5}|", 5));
        Console.WriteLine(string.Format("{0:X4} {0:x} {0:D8} {0:N0}", 255));
        Console.WriteLine(string.Format("{0,8:F2}|{1,-10:E3}|{2:P1}", 3.14159, -0.000123, 0.256));
        Console.WriteLine(string.Format("{{}}{0}{{{1}}}", 1, 2));
        Console.WriteLine(string.Format("{0 ,5}|{0, 5}|{0,5 }|{0:}|{0 }|{00}", 1));
        Console.WriteLine(string.Format("{0:}}}|{1:x}}}", 1, 255));
        Console.WriteLine(string.Format("{0}|{1}|{2}", null, "x", null));
        Console.WriteLine(string.Format("{0} {1} {2} {3}", 1, 2.5, "s", true));
        Console.WriteLine(string.Format("{0,-3}|{1,3}|{2,6}", "abcd", "ab", new Point { X = 3 }));
        Console.WriteLine(string.Format("{0} {1} {2} {3} {4} {5} {6} {7} {8} {9}", (sbyte)-1, (byte)200, (short)-300, (ushort)60000,
            -7, 4000000000u, -8000000000L, 18000000000000000000UL, 1.5f, 1e300));
        Console.WriteLine(string.Format("{0:X} {1:X} {2:X} {3:X} {4:E2} {5:G3} {6:F1}", (sbyte)-1, (short)-1, -1, -1L, 1.5f, 123456.0, 2.25));
        Console.WriteLine(string.Format("{0:D3}|{1,4:D3}", "abc", true));
        Console.WriteLine(string.Format("{0,5}|{0,-6}|", -1.5f));
        Console.WriteLine(string.Format("{0,999}", 1).Length.ToString());
        Console.WriteLine(string.Format("a{1}b{0}c{1}", 1, 2));
        Console.WriteLine(string.Format(null, "{0}-{1}", 4, 5));
        Console.WriteLine(string.Format("{0}{1}{2}{3}", 1, 2, 3, 4));
        Console.WriteLine(string.Format("plain text"));
        int count = 5;
        double ratio = 2.5;
        Console.WriteLine($"interpolated: {count} {ratio:F2} {count,4:X} {-ratio,-6}|{null}|{"text"}");

        Console.WriteLine("{0} and {1}", 1, 2);
        Console.WriteLine("{0}|{1}|{2}", 1, "two", 3.0);
        Console.WriteLine("{0}{1}{2}{3}", 1, 2, 3, 4);
        Console.WriteLine("{0,4:X}", 171);
        Console.Write("{0}-", 1);
        Console.Write("{0}-{1}-", 2, 3);
        Console.Write("{0}-{1}-{2}-", 4, 5, 6);
        Console.Write("{0}{1}{2}{3}", 7, 8, 9, 10);
        Console.WriteLine();
        Console.WriteLine("{0}|", (object[])null);
        Console.WriteLine((object)42);
        Console.WriteLine((object)null);
        Console.Write((object)2.5);
        Console.WriteLine(new Point { X = 9 });

        for (int i = 0; i < BadFormats.Length; i++)
        {
            try
            {
                Console.WriteLine(BadFormats[i] + " => " + string.Format(BadFormats[i], 1, 2));
            }
            catch (FormatException e)
            {
                Console.WriteLine(BadFormats[i] + " => FormatException: " + e.Message);
            }
        }

        try
        {
            string.Format(null, 1);
        }
        catch (ArgumentNullException e)
        {
            Console.WriteLine("ArgumentNullException: " + e.Message);
        }

        try
        {
            string.Format("{0}", (object[])null);
        }
        catch (ArgumentNullException e)
        {
            Console.WriteLine("ArgumentNullException: " + e.Message);
        }
    }
}
