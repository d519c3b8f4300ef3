using System;

// Numbers to text through instance calls on locals, arguments and static fields (ldloca/ldarga/ldsflda
// then call ToString), and "text" + number concatenation, which Roslyn compiles the same way.
public static class Program
{
    static int s_count = 12345;
    static long s_big = -9007199254740993L;
    static double s_ratio = 0.1;
    static bool s_flag = true;

    static void Main()
    {
        Locals(7, -3);
        Arguments(int.MinValue, long.MaxValue, 1.5, 2.25f, 200, -100);
        Statics();
        ByReference();
        Console.WriteLine("done");
    }

    static void Locals(int a, int b)
    {
        int i = a * b;
        long l = (long)a << 40;
        uint u = (uint)b;
        ulong ul = (ulong)(long)b;
        double d = a / 3.0;
        float f = a / 3.0f;
        short s = (short)(a * 10000);
        ushort us = (ushort)(b * 1000);
        byte by = (byte)(a * 40);
        sbyte sb = (sbyte)(b * 50);
        bool t = a > b;
        bool n = a < b;
        Console.WriteLine("i=" + i.ToString());
        Console.WriteLine("l=" + l.ToString());
        Console.WriteLine("u=" + u.ToString());
        Console.WriteLine("ul=" + ul.ToString());
        Console.WriteLine("d=" + d.ToString());
        Console.WriteLine("f=" + f.ToString());
        Console.Write("s=" + s.ToString() + " us=" + us.ToString());
        Console.WriteLine(" by=" + by.ToString() + " sb=" + sb.ToString());
        Console.WriteLine("t=" + t.ToString() + " n=" + n.ToString());
        Console.WriteLine("sum=" + (a + b).ToString() + " product=" + (a * (long)b).ToString());
        Console.WriteLine("nan=" + (0.0 / (a - a)).ToString() + " inf=" + (1.0 / (b - b)).ToString());
        Console.Write("x=" + i + " y=" + l);
        Console.WriteLine(" z=" + d);
        string text = "";
        for (int k = 0; k < 5; k++)
        {
            text = text + k.ToString() + ",";
        }
        Console.WriteLine(text);
    }

    static void Arguments(int i, long l, double d, float f, byte b, short s)
    {
        Console.Write(i.ToString() + " " + l.ToString());
        Console.WriteLine(" " + d.ToString() + " " + f.ToString());
        Console.WriteLine(b.ToString() + " " + s.ToString());
        i = i + 1;
        Console.WriteLine("after: " + i.ToString());
    }

    static void Statics()
    {
        Console.WriteLine("count=" + s_count.ToString());
        Console.WriteLine("big=" + s_big.ToString());
        Console.WriteLine("ratio=" + s_ratio.ToString() + " " + (s_ratio * 3).ToString());
        Console.WriteLine("flag=" + s_flag.ToString());
        s_count = s_count * 2;
        Console.WriteLine("count=" + s_count);
    }

    static void Increment(ref int value, int by)
    {
        value = value + by;
    }

    static void Scale(ref double value)
    {
        value *= 2.5;
    }

    static void Swap(ref long a, ref long b)
    {
        long t = a;
        a = b;
        b = t;
    }

    static void Set(out int result)
    {
        result = 99;
    }

    static void ByReference()
    {
        int n = 1;
        Increment(ref n, 41);
        Increment(ref s_count, 1);
        double d = 1.2;
        Scale(ref d);
        long a = 5, b = -6;
        Swap(ref a, ref b);
        Set(out int r);
        Console.Write("n=" + n.ToString() + " count=" + s_count.ToString());
        Console.WriteLine(" d=" + d.ToString());
        Console.Write("a=" + a.ToString() + " b=" + b.ToString());
        Console.WriteLine(" r=" + r.ToString());
    }
}
