using System;

// Random with a seed: the same sequences as .NET's `new Random(seed)` for Next(), Next(max), Next(min, max)
// (including ranges wider than int.MaxValue), NextDouble() and NextBytes(); bad arguments print .NET's
// exception type and message; an unseeded Random only keeps its values in range.
internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("RandomSequence");
        int[] seeds = { 0, 1, 42, -42, 123456789, int.MaxValue, int.MinValue, -1 };
        for (int s = 0; s < seeds.Length; s++)
        {
            Random random = new Random(seeds[s]);
            string line = "seed " + seeds[s].ToString() + ":";
            for (int i = 0; i < 6; i++)
            {
                line = line + " " + random.Next().ToString();
            }

            Console.WriteLine(line);
            Console.WriteLine("  max " + random.Next(10).ToString() + " " + random.Next(1).ToString() + " " + random.Next(0).ToString() + " " +
                              random.Next(int.MaxValue).ToString());
            Console.WriteLine("  range " + random.Next(-5, 5).ToString() + " " + random.Next(100, 101).ToString() + " " + random.Next(7, 7).ToString() + " " +
                              random.Next(int.MinValue, int.MaxValue).ToString() + " " + random.Next(-2000000000, 2000000000).ToString() + " " +
                              random.Next(int.MinValue, 0).ToString());
            Console.WriteLine("  double " + random.NextDouble().ToString() + " " + random.NextDouble().ToString());
            byte[] bytes = new byte[10];
            random.NextBytes(bytes);
            string text = "  bytes";
            for (int i = 0; i < bytes.Length; i++)
            {
                text = text + " " + bytes[i].ToString();
            }

            Console.WriteLine(text);
        }

        // A long run: the table wraps around many times.
        Random many = new Random(2024);
        long sum = 0;
        int last = 0;
        for (int i = 0; i < 5000; i++)
        {
            last = many.Next(1000);
            sum += last;
        }

        Console.WriteLine("5000 draws: sum " + sum.ToString() + " last " + last.ToString());

        Random bad = new Random(7);
        try
        {
            bad.Next(-1);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine("ArgumentOutOfRangeException: " + e.Message);
        }

        try
        {
            bad.Next(2, 1);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine("ArgumentOutOfRangeException: " + e.Message);
        }

        try
        {
            bad.NextBytes(null);
        }
        catch (ArgumentNullException e)
        {
            Console.WriteLine("ArgumentNullException: " + e.Message);
        }

        Console.WriteLine("after errors " + bad.Next().ToString());

        // Without a seed the values differ from run to run (and from .NET's): only their ranges are printed.
        Random unseeded = new Random();
        bool inRange = true;
        for (int i = 0; i < 200; i++)
        {
            int small = unseeded.Next(10);
            double unit = unseeded.NextDouble();
            int between = unseeded.Next(-5, 5);
            inRange = inRange && small >= 0 && small < 10 && unit >= 0.0 && unit < 1.0 && between >= -5 && between < 5;
        }

        Console.WriteLine("unseeded in range " + inRange.ToString());
    }
}
