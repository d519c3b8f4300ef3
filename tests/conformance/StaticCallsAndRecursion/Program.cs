using System;

// Static methods calling each other and themselves, arguments of every primitive kind, static fields
// with initialisers, and static constructors. Static constructors here only compute field values: when
// exactly they run differs between runtimes (on first use in .NET, before Main on ours), so printing
// from them would compare the runtimes' schedules, not their results.
internal static class Program
{
    private static int s_calls;

    private static void Main()
    {
        Console.WriteLine("StaticCallsAndRecursion");

        Console.WriteLine("-- recursion");
        for (int n = 0; n <= 20; n += 5)
        {
            s_calls = 0;
            int fib = Fibonacci(n);
            Console.Write("fib(");
            Console.Write(n);
            Console.Write(") = ");
            Console.Write(fib);
            Console.Write(" in ");
            Console.Write(s_calls);
            Console.WriteLine(" calls");
        }

        Console.Write("gcd(1071, 462) = ");
        Console.WriteLine(Gcd(1071, 462));
        Console.Write("gcd(2147483646, 1073741823) = ");
        Console.WriteLine(Gcd(2147483646, 1073741823));
        Console.Write("gcd(17, 5) = ");
        Console.WriteLine(Gcd(17, 5));
        Console.Write("20! = ");
        Console.WriteLine(Factorial(20));
        Console.Write("ackermann(2, 3) = ");
        Console.WriteLine(Ackermann(2, 3));
        Console.Write("ackermann(3, 3) = ");
        Console.WriteLine(Ackermann(3, 3));
        Console.Write("sum 1..200 = ");
        Console.WriteLine(SumTo(200));
        Console.Write("power(1.5, 10) = ");
        Console.WriteLine(Power(1.5, 10));
        Console.Write("hanoi(10) moves = ");
        Console.WriteLine(Hanoi(10, 1, 3, 2));

        Console.WriteLine("-- mutual recursion");
        for (int n = 0; n <= 5; n++)
        {
            Console.Write(n);
            Console.Write(" is even: ");
            Console.WriteLine(IsEven(n));
        }

        Console.WriteLine("-- many arguments of mixed types");
        Console.WriteLine(Describe(1, 2L, 3.5, 4.25f, true, "six", 7u, 8UL, -9, 10));
        Console.WriteLine(Describe(-1, -2L, -3.5, -4.25f, false, "", 0u, 0UL, 0, 0));
        Console.Write("weighted sum = ");
        Console.WriteLine(WeightedSum(1, 2, 3, 4, 5, 6, 7, 8));

        Console.WriteLine("-- static fields with initialisers");
        Console.Write("Settings.Count = ");
        Console.WriteLine(Settings.Count);
        Console.Write("Settings.Big = ");
        Console.WriteLine(Settings.Big);
        Console.Write("Settings.Ratio = ");
        Console.WriteLine(Settings.Ratio);
        Console.Write("Settings.Name = ");
        Console.WriteLine(Settings.Name);
        Console.Write("Settings.Enabled = ");
        Console.WriteLine(Settings.Enabled);
        Console.Write("Settings.Computed = ");
        Console.WriteLine(Settings.Computed);

        Console.WriteLine("-- static constructor");
        Console.Write("Table.Base = ");
        Console.WriteLine(Table.Base);
        Console.Write("Table.Doubled = ");
        Console.WriteLine(Table.Doubled);
        Console.Write("Table.Sum = ");
        Console.WriteLine(Table.Sum);
        Console.Write("Table.Label = ");
        Console.WriteLine(Table.Label);

        Console.WriteLine("-- static fields as state");
        Console.Write("Counter.Total before any call (no initialiser) = ");
        Console.WriteLine(Counter.Total);
        Counter.Add(5);
        Counter.Add(7);
        Counter.Add(-2);
        Console.Write("Counter.Total = ");
        Console.WriteLine(Counter.Total);
        Console.Write("Counter.Calls = ");
        Console.WriteLine(Counter.Calls);
        Counter.Reset();
        Console.Write("after Reset: ");
        Console.WriteLine(Counter.Total);
        Settings.Count = Settings.Count * 3;
        Console.Write("Settings.Count * 3 = ");
        Console.WriteLine(Settings.Count);
    }

    private static int Fibonacci(int n)
    {
        s_calls++;
        if (n < 2)
        {
            return n;
        }

        return Fibonacci(n - 1) + Fibonacci(n - 2);
    }

    private static int Gcd(int a, int b)
    {
        return b == 0 ? a : Gcd(b, a % b);
    }

    private static long Factorial(int n)
    {
        return n <= 1 ? 1L : n * Factorial(n - 1);
    }

    private static int Ackermann(int m, int n)
    {
        if (m == 0)
        {
            return n + 1;
        }

        if (n == 0)
        {
            return Ackermann(m - 1, 1);
        }

        return Ackermann(m - 1, Ackermann(m, n - 1));
    }

    private static int SumTo(int n)
    {
        if (n == 0)
        {
            return 0;
        }

        return n + SumTo(n - 1);
    }

    private static double Power(double x, int n)
    {
        if (n == 0)
        {
            return 1.0;
        }

        double half = Power(x, n / 2);
        return (n & 1) == 0 ? half * half : half * half * x;
    }

    private static int Hanoi(int disks, int from, int to, int via)
    {
        if (disks == 0)
        {
            return 0;
        }

        return Hanoi(disks - 1, from, via, to) + 1 + Hanoi(disks - 1, via, to, from);
    }

    private static bool IsEven(int n)
    {
        return n == 0 || IsOdd(n - 1);
    }

    private static bool IsOdd(int n)
    {
        return n != 0 && IsEven(n - 1);
    }

    private static string Describe(int i, long l, double d, float f, bool b, string s, uint u, ulong ul, int last1, int last2)
    {
        Console.Write(i);
        Console.Write(" ");
        Console.Write(l);
        Console.Write(" ");
        Console.Write(d);
        Console.Write(" ");
        Console.Write(f);
        Console.Write(" ");
        Console.Write(b);
        Console.Write(" [");
        Console.Write(s);
        Console.Write("] ");
        Console.Write(u);
        Console.Write(" ");
        Console.Write(ul);
        Console.Write(" ");
        Console.Write(last1 + last2);
        Console.Write(" -> ");
        return string.IsNullOrEmpty(s) ? "no name" : s;
    }

    private static int WeightedSum(int a, int b, int c, int d, int e, int f, int g, int h)
    {
        return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
    }
}

// Initialisers only: the compiler marks the class beforefieldinit and makes a static constructor from them.
internal static class Settings
{
    public static int Count = 42;
    public static long Big = 1L << 40;
    public static double Ratio = 0.75;
    public static string Name = "settings";
    public static bool Enabled = true;
    public static int Computed = Square(12) + Count;

    private static int Square(int x)
    {
        return x * x;
    }
}

// An explicit static constructor: initialisers run first, then its body.
internal static class Table
{
    public static int Base = 21;
    public static int Doubled;
    public static long Sum;
    public static string Label = "table";

    static Table()
    {
        Doubled = Base * 2;
        for (int i = 1; i <= 100; i++)
        {
            Sum += i;
        }

        Label = Label + " of " + "sums";
    }
}

internal static class Counter
{
    public static int Total;
    public static int Calls;

    public static void Add(int amount)
    {
        Total += amount;
        Calls++;
    }

    public static void Reset()
    {
        Total = 0;
    }
}
